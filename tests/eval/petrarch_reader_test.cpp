// The PETRARCH validation reader on small inline files: both record layouts
// of the shipped files, comments, skipped records, malformed records; and the
// shipped files themselves when ../shared exists.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "parley/event_eval.h"

namespace parley {
namespace {

std::vector<PetrarchSentence> Parse(const std::string& xml, std::vector<RecordError>* errors) {
  return ParsePetrarchXml(xml, "t.xml", errors);
}

std::string ErrorsText(const std::vector<RecordError>& errors) {
  std::string out;
  for (const RecordError& e : errors) out += e.where.ToString() + ": " + e.status.message() + "\n";
  return out;
}

TEST(PetrarchReader, SelfClosedSentenceWithSiblings) {
  // PETR2_GSR_validation.xml's layout: <Sentence/>, its children, </Sentence>.
  const std::string xml =
      "<Validation>\n"
      "#####\n"
      "# banner lines are text\n"
      "<Sentences>\n"
      "<Sentence category=\"AFP\" date=\"20080804\" id=\"A1\" evaluate=\"true\"/>\n"
      "<EventCoding eventcode=\"042\" sourcecode=\"USA\" targetcode=\"CHN\" />\n"
      "<Text>\nThe US leader will\nvisit China.\n</Text>\n"
      "<Parse>\n1\tThe\tthe\tDET\n</Parse></Sentence>\n"
      "</Sentences></Validation>\n";
  std::vector<RecordError> errors;
  auto s = Parse(xml, &errors);
  EXPECT_TRUE(errors.empty()) << ErrorsText(errors);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].id, "A1");
  EXPECT_EQ(s[0].date, "2008-08-04");
  EXPECT_EQ(s[0].category, "AFP");
  EXPECT_EQ(s[0].line, 5u);
  EXPECT_TRUE(s[0].evaluate);
  EXPECT_EQ(s[0].text, "The US leader will visit China.");
  ASSERT_EQ(s[0].gold.size(), 1u);
  EXPECT_EQ(s[0].gold[0], (EventTriple{"USA", "CHN", "042"}));
}

TEST(PetrarchReader, NestedLayoutAttributeOrderAndEntities) {
  // TestSuite_test.xml's layout, spaces around '=', single quotes, entities.
  const std::string xml =
      "<Sentences>\n"
      "<Sentence date = \"19950101\" id =\"DEMO-01\" category=\"DEMO\" sentence=\"true\">\n"
      "<!-- [Basic test] -->\n"
      "<EventCoding sourcecode=\"arn\" targetcode='GON' eventcode=\"064\"></EventCoding>\n"
      "<EventCoding targetcode=\"ARN\" eventcode=\"0352\" sourcecode=\"GON\"/>\n"
      "<Text>Arnor &amp; Gondor &#x2014; &lt;ties&gt; &TIETYPE</Text>\n"
      "<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>\n"
      "</Sentence>\n"
      "</Sentences>\n";
  std::vector<RecordError> errors;
  auto s = Parse(xml, &errors);
  EXPECT_TRUE(errors.empty()) << ErrorsText(errors);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].text, "Arnor & Gondor \u2014 <ties> &TIETYPE");
  ASSERT_EQ(s[0].gold.size(), 2u);
  EXPECT_EQ(s[0].gold[0], (EventTriple{"ARN", "GON", "064"}));
  EXPECT_EQ(s[0].gold[1], (EventTriple{"GON", "ARN", "0352"}));
}

TEST(PetrarchReader, CommentsNoEventsAndSkippedRecords) {
  const std::string xml =
      "<!-- # a banner\n# <Sentence date=\"20000101\" id=\"C\"> -->\n"
      "<!---\n<Parse>\n(commented parse)\n</Parse>-->\n"
      "<Sentence date=\"20000101\" id=\"N1\"><EventCoding noevents = \"True\"></EventCoding>\n"
      "<Text>Nothing.</Text></Sentence>\n"
      "<Sentence date=\"20000101\" id=\"F1\" sentence=\"false\">\n"
      "<EventCoding sourcecode=\"A\" targetcode=\"B\" "
      "eventcode=\"010\"/><Text>x</Text></Sentence>\n"
      "<Sentence date=\"20000101\" id=\"F2\" evaluate=\"False\"/><Text>y</Text></Sentence>\n";
  std::vector<RecordError> errors;
  auto s = Parse(xml, &errors);
  EXPECT_TRUE(errors.empty()) << ErrorsText(errors);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].id, "N1");
  EXPECT_TRUE(s[0].gold.empty());
  EXPECT_TRUE(s[0].evaluate);
  EXPECT_FALSE(s[1].evaluate);
  EXPECT_EQ(s[1].gold.size(), 1u);
  EXPECT_FALSE(s[2].evaluate);
}

TEST(PetrarchReader, QuotedActorPhraseIsKept) {
  const std::string xml =
      "<Sentence date=\"19950101\" id=\"Q\">"
      "<EventCoding sourcecode='\"INJURY TOLL\"' targetcode=\"OSG\" eventcode=\"223\"/>"
      "<Text>t</Text></Sentence>";
  std::vector<RecordError> errors;
  auto s = Parse(xml, &errors);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].gold[0].source, "\"INJURY TOLL\"");
}

// Each bad record gives one located error and is left out; the good ones
// around it are read.
TEST(PetrarchReader, MalformedRecordsAreLocatedAndSkipped) {
  const std::string xml =
      "<Sentence date=\"20080801\" id=\"OK1\"><Text>fine</Text></Sentence>\n"      // 1
      "<Sentence date=\"2008-08-02\" id=\"BADDATE\"><Text>t</Text></Sentence>\n"   // 2
      "<Sentence date=\"20080803\" id=\"NOCODE\">\n"                               // 3
      "<EventCoding sourcecode=\"USA\" targetcode=\"RUS\"/>\n"                     // 4
      "<EventCoding sourcecode=\"USA\" targetcode=\"RUS\" eventcode=\"x1\"/>\n"    // 5
      "<Text>t</Text></Sentence>\n"                                                // 6
      "<Sentence date=\"20080804\" id=\"NOTEXT\"/>\n"                              // 7
      "</Sentence>\n"                                                              // 8
      "<EventCoding sourcecode=\"USA\" targetcode=\"RUS\" eventcode=\"010\"/>\n"   // 9
      "<Sentence date=\"20080805\"><Text>no id</Text></Sentence>\n"                // 10
      "<Sentence date=\"20080806\" id=\"BADATTR\" evaluate=true><Text>t</Text>\n"  // 11
      "<Sentence date=\"20080807\" id=\"TWOTEXT\"><Text>a</Text><Text>b</Text>\n"  // 12
      "<Sentence date=\"20080808\" id=\"OK2\"><Text>fine too</Text></Sentence>\n"  // 13
      "<Sentence date=\"20080809\" id=\"OPEN\"><Text>never closed\n";              // 14
  std::vector<RecordError> errors;
  auto s = Parse(xml, &errors);
  ASSERT_EQ(s.size(), 2u) << ErrorsText(errors);
  EXPECT_EQ(s[0].id, "OK1");
  EXPECT_EQ(s[1].id, "OK2");
  ASSERT_EQ(errors.size(), 8u) << ErrorsText(errors);
  const std::pair<uint64_t, const char*> expected[] = {
      {2, "'BADDATE': date '2008-08-02' is not YYYYMMDD"},
      {4, "'NOCODE': <EventCoding> without eventcode"},
      {7, "'NOTEXT': no <Text>"},
      {9, "<EventCoding> outside a <Sentence>"},
      {10, "<Sentence> without an id"},
      {11, "'BADATTR': <Sentence>: attribute 'evaluate' is not quoted"},
      {12, "'TWOTEXT': a second <Text>"},
      {14, "'OPEN': <Text> without </Text>"},
  };
  for (size_t i = 0; i < errors.size(); ++i) {
    EXPECT_EQ(errors[i].where.file, "t.xml");
    EXPECT_EQ(errors[i].where.line, expected[i].first) << errors[i].status.message();
    EXPECT_NE(errors[i].status.message().find(expected[i].second), std::string::npos)
        << errors[i].status.message();
    EXPECT_EQ(errors[i].status.code(), StatusCode::kInvalidArgument);
  }
}

TEST(PetrarchReader, UnterminatedCommentAndTag) {
  std::vector<RecordError> errors;
  auto s = Parse("<Sentence date=\"20080801\" id=\"A\"><Text>a</Text>\n<!-- never closed", &errors);
  ASSERT_EQ(s.size(), 1u);  // the record before the comment is whole
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where.line, 2u);
  errors.clear();
  s = Parse("<Sentence date=\"20080801\" id=\"B\"\n<Text>b</Text></Sentence>", &errors);
  EXPECT_TRUE(s.empty());
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].status.message().find("unterminated tag"), std::string::npos);
}

TEST(PetrarchReader, MissingFileIsNotFound) {
  std::vector<RecordError> errors;
  auto r = ReadPetrarchXml("/nonexistent/petr.xml", &errors);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(PetrarchReader, SmallFixtureFile) {
  std::vector<RecordError> errors;
  auto r = ReadPetrarchXml(PARLEY_SOURCE_DIR "/tests/data/eval/coded_events_small.xml", &errors);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 5u) << ErrorsText(errors);
  EXPECT_EQ(errors.size(), 4u) << ErrorsText(errors);
  size_t evaluated = 0;
  for (const PetrarchSentence& s : *r) evaluated += s.evaluate;
  EXPECT_EQ(evaluated, 4u);
}

// The shipped gold sets: every record and coding is read. Known problems of
// the data, reported and skipped: PETR2 has a record dated "121108" and one
// whose <Text> is empty (its sentence is only in the <Parse>); GigaWord's
// TEST_1 ... TEST_9 have empty <Text> too.
TEST(PetrarchReaderShared, ReadsTheShippedFiles) {
  const std::string dir = PARLEY_SHARED_DIR "/data/events";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no event gold at " << dir;
  struct Expect {
    const char* file;
    size_t sentences, evaluated, codings, errors;
  };
  for (const Expect& e : {Expect{"PETR2_GSR_validation.xml", 76, 76, 77, 2},
                          Expect{"TestSuite_test.xml", 275, 270, 358, 0},
                          Expect{"GigaWord.sample.PETR.xml", 67, 67, 0, 9}}) {
    std::vector<RecordError> errors;
    auto r = ReadPetrarchXml(dir + "/" + e.file, &errors);
    ASSERT_TRUE(r.ok()) << e.file;
    EXPECT_EQ(errors.size(), e.errors) << e.file << "\n" << ErrorsText(errors);
    EXPECT_EQ(r->size(), e.sentences) << e.file;
    size_t evaluated = 0, codings = 0;
    for (const PetrarchSentence& s : *r) {
      evaluated += s.evaluate;
      codings += s.gold.size();
      EXPECT_FALSE(s.text.empty()) << e.file << " " << s.id;
      EXPECT_EQ(s.date.size(), 10u) << e.file << " " << s.id;
    }
    EXPECT_EQ(evaluated, e.evaluated) << e.file;
    EXPECT_EQ(codings, e.codings) << e.file;
  }
}

}  // namespace
}  // namespace parley
