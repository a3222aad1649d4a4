// The brat standoff reader: code-point offsets to bytes, discontinuous spans,
// missing roles, continuation lines, and located errors for malformed lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "parley/quote_eval.h"

namespace parley {
namespace {

const std::string kFixture = PARLEY_SOURCE_DIR "/tests/data/eval/brat_small";

std::string_view Slice(std::string_view text, Span s) {
  return text.substr(s.begin, s.size());
}

TEST(BratReader, ReadsFolderAndConvertsCodePointsToBytes) {
  std::vector<RecordError> errors;
  auto docs = ReadBratFolder(kFixture, &errors);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);  // one article, two annotators
  const BratDocument& a = (*docs)[0];
  EXPECT_EQ(a.name, "council_vote");
  EXPECT_EQ(a.annotator, "aa11");
  EXPECT_EQ((*docs)[1].annotator, "bb22");
  EXPECT_EQ(a.text, (*docs)[1].text);
  ASSERT_EQ(a.attributions.size(), 3u);

  // The text opens with a curly quote (3 bytes, 1 code point) and has
  // "city’s" before E2: byte offsets differ from brat's offsets there.
  const GoldAttribution& e1 = a.attributions[0];
  EXPECT_EQ(e1.id, "E1");
  EXPECT_EQ(e1.line, 5u);
  ASSERT_EQ(e1.content.size(), 1u);
  EXPECT_EQ(Slice(a.text, e1.content[0]), "\u201CWe will fix the bridge this year,\u201D");
  EXPECT_EQ(Slice(a.text, e1.source[0]), "Mayor Ana Ruiz");
  EXPECT_EQ(Slice(a.text, e1.cue[0]), "said");

  const GoldAttribution& e2 = a.attributions[1];
  EXPECT_EQ(Slice(a.text, e2.source[0]), "She");
  EXPECT_EQ(Slice(a.text, e2.content[0]),
            "that the repairs were \u201Clong overdue\u201D and fully funded");

  // A discontinuous content span: two pieces, in text order.
  const GoldAttribution& e3 = a.attributions[2];
  ASSERT_EQ(e3.content.size(), 2u);
  EXPECT_EQ(Slice(a.text, e3.content[0]), "The plan,");
  EXPECT_EQ(Slice(a.text, e3.content[1]), "would cost too much");

  // The second annotator's attribution has no source.
  const GoldAttribution& b1 = (*docs)[1].attributions.at(0);
  EXPECT_TRUE(b1.source.empty());
  EXPECT_EQ(Slice(a.text, b1.content.at(0)), "We will fix the bridge this year");

  // An .ann without its text and one without an annotator suffix.
  ASSERT_EQ(errors.size(), 2u);
  std::vector<std::string> where;
  for (const RecordError& e : errors)
    where.push_back(e.where.ToString() + " " + e.status.message());
  std::sort(where.begin(), where.end());
  EXPECT_NE(where[0].find("missing_text_cc33.ann"), std::string::npos) << where[0];
  EXPECT_NE(where[0].find("no readable text file"), std::string::npos) << where[0];
  EXPECT_NE(where[1].find("nosuffix.ann"), std::string::npos) << where[1];
}

TEST(BratReader, MissingFolderIsNotFound) {
  std::vector<RecordError> errors;
  auto docs = ReadBratFolder("/nonexistent/polnear/dev", &errors);
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.status().code(), StatusCode::kNotFound);
}

TEST(BratReader, MalformedLinesAreLocatedAndReadingGoesOn) {
  // Code points: "abc déf\n\nghi jkl" (é is one code point, two bytes).
  const std::string text = "abc d\u00E9f\n\nghi jkl";
  const std::string ann =
      "garbage before any record\n"                                   // 1
      "T1\tSource 0 3\tabc\n"                                         // 2
      "T2\tContent x y\tfoo\n"                                        // 3
      "T3\tContent 0 999\tfoo\n"                                      // 4
      "T4\tCue 2 1\tfoo\n"                                            // 5
      "T5\tContent 4 7\tWRONG\n"                                      // 6
      "T6\tContent\tfoo\n"                                            // 7
      "T7\tContent 4 12\td\u00E9f\n"                                  // 8
      "\n"                                                            // 9
      "ghi\n"                                                         // 10
      "#1\tAnnotatorNotes T1\ta note\n"                               // 11
      "E1\tAttribution:T1 Content:T5 Source:T99\n"                    // 12
      "E2\tAttribution:T1 Speaker:T1\n"                               // 13
      "E3\tAttribution-no-source:T1 Content:T7 Content2:T1 Cue:T1\n"  // 14
      "E4\tAttribution:T2 Content:T5\r\n"                             // 15
      "T1\tCue 0 1\ta\n";                                             // 16
  std::vector<RecordError> errors;
  auto attrs = ParseBratAttributions(ann, text, "x.ann", &errors);

  std::vector<uint64_t> lines;
  for (const RecordError& e : errors) {
    EXPECT_EQ(e.where.file, "x.ann");
    EXPECT_EQ(e.status.code(), StatusCode::kInvalidArgument);
    lines.push_back(e.where.line);
  }
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<uint64_t>{1, 3, 4, 5, 6, 7, 12, 13, 15, 16}));
  auto message_at = [&](uint64_t line) {
    for (const RecordError& e : errors)
      if (e.where.line == line) return e.status.message();
    return std::string();
  };
  EXPECT_NE(message_at(3).find("bad offsets"), std::string::npos) << message_at(3);
  EXPECT_NE(message_at(4).find("past the end"), std::string::npos) << message_at(4);
  EXPECT_NE(message_at(6).find("does not match"), std::string::npos) << message_at(6);
  EXPECT_NE(message_at(12).find("unknown id T99"), std::string::npos) << message_at(12);
  EXPECT_NE(message_at(13).find("unknown role 'Speaker'"), std::string::npos) << message_at(13);
  EXPECT_NE(message_at(16).find("duplicate"), std::string::npos) << message_at(16);

  ASSERT_EQ(attrs.size(), 4u);
  // E1: content kept even though the source reference is broken; T5's text
  // disagrees with its offsets, but the offsets win.
  EXPECT_EQ(attrs[0].id, "E1");
  ASSERT_EQ(attrs[0].content.size(), 1u);
  EXPECT_EQ(Slice(text, attrs[0].content[0]), "d\u00E9f");
  EXPECT_TRUE(attrs[0].source.empty());
  // E2: no usable role at all.
  EXPECT_TRUE(attrs[1].content.empty());
  // E3: a span across a blank line (its text continues on lines 9-10), a
  // second content role, no source.
  ASSERT_EQ(attrs[2].content.size(), 2u);
  EXPECT_EQ(Slice(text, attrs[2].content[0]), "abc");
  EXPECT_EQ(Slice(text, attrs[2].content[1]), "d\u00E9f\n\nghi");
  EXPECT_TRUE(attrs[2].source.empty());
  EXPECT_EQ(Slice(text, attrs[2].cue.at(0)), "abc");
  // E4: its trigger is malformed, its content is fine; the CR is ignored.
  EXPECT_EQ(attrs[3].id, "E4");
  EXPECT_EQ(attrs[3].content.size(), 1u);
}

TEST(BratReader, RealPolnearDevReadsWithoutErrors) {
  const std::string dev = PARLEY_SHARED_DIR "/data/polnear/dev";
  std::vector<RecordError> errors;
  auto docs = ReadBratFolder(dev, &errors);
  if (!docs.ok()) GTEST_SKIP() << "no PolNeAR dev at " << dev;
  // Every span's text agrees with its offsets read as code points.
  for (const RecordError& e : errors)
    ADD_FAILURE() << e.where.ToString() << ": " << e.status.message();
  EXPECT_GT(docs->size(), 80u);
  size_t attributions = 0;
  for (const BratDocument& d : *docs) {
    attributions += d.attributions.size();
    for (const GoldAttribution& a : d.attributions) {
      for (const auto* spans : {&a.content, &a.source, &a.cue}) {
        for (Span s : *spans) ASSERT_LE(s.end, d.text.size());
      }
    }
  }
  EXPECT_GT(attributions, 2000u);
}

}  // namespace
}  // namespace parley
