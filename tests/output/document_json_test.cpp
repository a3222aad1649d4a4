#include <gtest/gtest.h>
#include <simdjson.h>

#include "parley/output.h"
#include "parley/pipeline.h"

namespace parley {
namespace {

Document Processed(std::string text) {
  Document doc(std::move(text), DocumentMeta{"d1", "2025-08-16", "T", "", "", "", "mem:1"});
  auto p = Pipeline::CreateDefault();
  EXPECT_TRUE(p.ok());
  EXPECT_TRUE(p->Process(doc).ok());
  return doc;
}

TEST(DocumentJson, RecordHasTheSchemaFieldsAndRoundTripsOffsets) {
  Document doc = Processed("He said \xE2\x80\x9CNo deal.\xE2\x80\x9D\n\nIt ended.");
  std::string out;
  WriteDocumentJson(doc, {}, &out);
  simdjson::dom::parser parser;
  simdjson::dom::element rec;
  ASSERT_FALSE(parser.parse(out).get(rec));
  EXPECT_EQ(std::string_view(rec["schema"]), kSchemaVersion);
  EXPECT_EQ(std::string_view(rec["meta"]["date"]), "2025-08-16");
  EXPECT_EQ(uint64_t(rec["meta"]["length"]), doc.text().size());
  EXPECT_EQ(std::string_view(rec["meta"]["content_hash"]).size(), 16u);
  std::string_view text = rec["text"];
  EXPECT_EQ(text, doc.text());
  simdjson::dom::array begins = rec["tokens"]["begin"];
  simdjson::dom::array ends = rec["tokens"]["end"];
  ASSERT_EQ(begins.size(), doc.tokens().size());
  size_t i = 0;
  for (auto b : begins) {
    EXPECT_EQ(uint64_t(b), doc.tokens().begin[i]);
    ++i;
  }
  i = 0;
  for (auto e : ends) {
    EXPECT_EQ(uint64_t(e), doc.tokens().end[i]);
    ++i;
  }
  simdjson::dom::array paragraphs = rec["paragraphs"];
  EXPECT_EQ(paragraphs.size(), doc.paragraphs().size());
}

TEST(DocumentJson, OptionsDropTextAndTokens) {
  Document doc = Processed("One. Two.");
  std::string out;
  JsonOptions o;
  o.text = false;
  o.tokens = false;
  WriteDocumentJson(doc, o, &out);
  simdjson::dom::parser parser;
  simdjson::dom::element rec;
  ASSERT_FALSE(parser.parse(out).get(rec));
  EXPECT_TRUE(rec["text"].error());
  EXPECT_TRUE(rec["tokens"].error());
  EXPECT_FALSE(rec["sentences"].error());
}

TEST(DocumentJson, ErrorRecordSaysWhereAndWhat) {
  std::string out;
  WriteErrorJson({{"in.jsonl", 7}, InvalidArgument("missing string field 'text'")}, &out);
  simdjson::dom::parser parser;
  simdjson::dom::element rec;
  ASSERT_FALSE(parser.parse(out).get(rec));
  EXPECT_EQ(std::string_view(rec["error"]["where"]), "in.jsonl:7");
  EXPECT_EQ(uint64_t(rec["error"]["line"]), 7u);
  EXPECT_EQ(std::string_view(rec["error"]["code"]), "invalid_argument");
}

TEST(TextSummary, ShowsMetaAndSentences) {
  Document doc = Processed("First one. Second one.");
  std::string out;
  WriteDocumentText(doc, &out);
  EXPECT_NE(out.find("# d1  2025-08-16"), std::string::npos);
  EXPECT_NE(out.find("Second one."), std::string::npos);
}

TEST(ContentHash, IsStableAndSensitive) {
  EXPECT_EQ(ContentHash("abc"), ContentHash("abc"));
  EXPECT_NE(ContentHash("abc"), ContentHash("abd"));
}

}  // namespace
}  // namespace parley
