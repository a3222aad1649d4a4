// The golden-file quote scorer on a tiny hand-written expected file.
#include <gtest/gtest.h>

#include <string>

#include "parley/pipeline.h"
#include "parley/quote_eval.h"
#include "parley/reader.h"

namespace parley {
namespace {

const std::string kText =
    "\u201CWe will win,\u201D said Ana Ruiz. She said the vote \u201Cwas fair.\u201D Later, Bob "
    "Lee said nothing new.";

const char* kExpected = R"({
  "about": "Three quotes.",
  "quotes": [
    {"id": 1, "kind": "direct", "content_start": "We will win", "content_end": "We will win", "speaker": "Ana Ruiz", "cue": "said"},
    {"id": 2, "kind": "mixed", "content_contains": "the vote", "speaker": "Ana Ruiz", "cue": "said"},
    {"id": 3, "kind": "indirect", "content_start": "nothing", "content_end": "new.", "speaker": "Bob Lee"}
  ]
})";

Span Find(std::string_view s) {
  size_t at = kText.find(s);
  EXPECT_NE(at, std::string::npos) << s;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
}

Quote Q(std::string_view content, std::string name, QuoteKind kind, std::string_view cue = {}) {
  Quote q;
  q.content = Find(content);
  q.speaker_name = std::move(name);
  q.kind = kind;
  if (!cue.empty()) q.cue = Find(cue);
  return q;
}

TEST(GoldenQuotes, FoundSpeakersAndExtra) {
  auto expected = ParseGoldenQuotes(kExpected, "tiny.expected.json");
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();
  ASSERT_EQ(expected->quotes.size(), 3u);
  EXPECT_FALSE(expected->extra_ignored);

  Document doc(kText);
  auto& q = doc.mutable_quotes();
  // Trailing comma is stripped before comparing; the name compares caseless.
  q.push_back(Q("We will win,", "ana RUIZ", QuoteKind::kDirect, "said"));
  q.push_back(Q("the vote \u201Cwas fair.\u201D", "Bob Lee", QuoteKind::kMixed));
  q.push_back(Q("Later", "", QuoteKind::kIndirect));
  GoldenScores s = ScoreGoldenQuotes(*expected, doc);
  EXPECT_EQ(s.quotes_expected, 3u);
  EXPECT_EQ(s.quotes_found, 2u);
  EXPECT_EQ(s.speakers_correct, 1u);
  EXPECT_EQ(s.kinds_correct, 2u);
  EXPECT_EQ(s.cues_correct, 1u);
  EXPECT_EQ(s.extra, 1u);
  EXPECT_EQ(s.found_by, (std::vector<int32_t>{0, 1, -1}));
  EXPECT_EQ(s.speaker_ok, (std::vector<uint8_t>{1, 0, 0}));
  EXPECT_EQ(s.extra_quotes, (std::vector<uint32_t>{2}));
}

TEST(GoldenQuotes, OnePredictionFindsOneExpectedQuote) {
  auto expected = ParseGoldenQuotes(R"({"quotes": [
      {"id": 1, "content_contains": "the vote", "speaker": "Ana Ruiz"},
      {"id": 2, "content_contains": "was fair", "speaker": "Ana Ruiz"}]})",
                                    "two.json");
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();
  Document doc(kText);
  doc.mutable_quotes().push_back(
      Q("the vote \u201Cwas fair.\u201D", "Ana Ruiz", QuoteKind::kMixed));
  GoldenScores s = ScoreGoldenQuotes(*expected, doc);
  EXPECT_EQ(s.quotes_found, 1u);
  EXPECT_EQ(s.speakers_correct, 1u);
  EXPECT_EQ(s.extra, 0u);
  // A second, duplicate prediction finds the other one.
  doc.mutable_quotes().push_back(Q("the vote \u201Cwas fair.\u201D", "", QuoteKind::kMixed));
  s = ScoreGoldenQuotes(*expected, doc);
  EXPECT_EQ(s.quotes_found, 2u);
  EXPECT_EQ(s.speakers_correct, 1u);
}

TEST(GoldenQuotes, AboutNoteCanWaiveExtra) {
  auto expected = ParseGoldenQuotes(
      R"({"about": "Unlisted quotes are not penalised.", "quotes": [{"content_contains": "x"}]})",
      "about.json");
  ASSERT_TRUE(expected.ok());
  EXPECT_TRUE(expected->extra_ignored);
  EXPECT_EQ(expected->quotes[0].id, 1);  // position when no id is given
  Document doc(kText);
  doc.mutable_quotes().push_back(Q("Later", "", QuoteKind::kIndirect));
  Quote outside;  // a broken prediction is extra, not a crash
  outside.content = {100000, 100020};
  outside.cue = {7, 3};
  doc.mutable_quotes().push_back(outside);
  GoldenScores s = ScoreGoldenQuotes(*expected, doc);
  EXPECT_TRUE(s.extra_ignored);
  EXPECT_EQ(s.extra, 2u);  // still counted, flagged as not penalised
}

TEST(GoldenQuotes, BadFilesAreInvalidArgument) {
  auto bad = ParseGoldenQuotes("{\"quotes\": [", "bad.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("bad.json"), std::string::npos);
  auto empty = ParseGoldenQuotes(R"({"quotes": [{"id": 7, "speaker": "X"}]})", "e.json");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("quotes[0]"), std::string::npos)
      << empty.status().message();
  auto no_quotes = ParseGoldenQuotes(R"({"about": "x"})", "n.json");
  EXPECT_FALSE(no_quotes.ok());
  auto missing = ReadGoldenQuotes("/nonexistent/x.expected.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(GoldenQuotes, ComparisonTextStripsMarksAndPunctuation) {
  EXPECT_EQ(QuoteComparisonText("\u201CNo deal\u201D \u2013 Trump\u2019s key quote"),
            "No deal\u201D \u2013 Trump\u2019s key quote");
  EXPECT_EQ(QuoteComparisonText("  \u201CHello,\n\n  world.\u201D  "), "Hello, world");
  EXPECT_EQ(QuoteComparisonText("\u00AB\u00A0Oui\u00A0\u00BB"), "Oui");
  EXPECT_EQ(QuoteComparisonText("..."), "");
}

TEST(GoldenQuotes, ReadsTheSharedGoldenFile) {
  auto g = ReadGoldenQuotes(PARLEY_SHARED_DIR "/golden/anchorage.expected.json");
  if (!g.ok() && g.status().code() == StatusCode::kNotFound) GTEST_SKIP() << "no ../shared";
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->quotes.size(), 12u);
  EXPECT_FALSE(g->extra_ignored);
  EXPECT_EQ(g->quotes[1].nested_in, 1);
  EXPECT_EQ(g->quotes[2].content_contains,
            "expecting significant results would have been premature");
}

// The scorer on the real example article: predictions placed where the
// expected strings are must score 12 of 12 (checks stripping and matching on
// its curly quotes, dashes and apostrophes).
TEST(GoldenQuotes, PerfectPredictionsOnTheExampleArticle) {
  auto g = ReadGoldenQuotes(PARLEY_SHARED_DIR "/golden/anchorage.expected.json");
  if (!g.ok() && g.status().code() == StatusCode::kNotFound) GTEST_SKIP() << "no ../shared";
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto reader = Reader::Open({PARLEY_SHARED_DIR "/golden/anchorage.txt"});
  InputRecord record;
  RecordError error;
  ASSERT_EQ(reader->Next(&record, &error), Reader::Result::kRecord);
  Document doc = ToDocument(std::move(record));
  std::string_view text = doc.text();
  for (const GoldenQuote& e : g->quotes) {
    size_t b = 0, end = 0;
    if (!e.content_contains.empty()) {
      b = text.find(e.content_contains);
      end = b + e.content_contains.size();
    } else {
      b = text.find(e.content_start);
      end = text.find(e.content_end, b) + e.content_end.size();
    }
    ASSERT_NE(b, std::string_view::npos) << e.id;
    Quote q;
    q.content = {static_cast<uint32_t>(b), static_cast<uint32_t>(end)};
    q.speaker_name = e.speaker;
    doc.mutable_quotes().push_back(q);
  }
  GoldenScores s = ScoreGoldenQuotes(*g, doc);
  EXPECT_EQ(s.quotes_found, 12u);
  EXPECT_EQ(s.speakers_correct, 12u);
  EXPECT_EQ(s.extra, 0u);
  // A wrong speaker and an unlisted quote are seen.
  doc.mutable_quotes()[0].speaker_name = "Vladimir Putin";
  Quote extra;
  extra.content = {0, 10};
  doc.mutable_quotes().push_back(extra);
  s = ScoreGoldenQuotes(*g, doc);
  EXPECT_EQ(s.speakers_correct, 11u);
  EXPECT_EQ(s.extra, 1u);
}

}  // namespace
}  // namespace parley
