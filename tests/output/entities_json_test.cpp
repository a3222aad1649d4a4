// The "entities" array of the JSON record and the entity lines of the text
// summary: link fields appear only when known.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "parley/output.h"

namespace parley {
namespace {

Document WithEntities() {
  DocumentMeta meta;
  meta.id = "d1";
  meta.date = "2025-08-16";
  Document doc("Trump met locals in Anchorage.", meta);
  TokenColumns& tk = doc.mutable_tokens();
  tk.push_back(0, 5, 0, 5, true);
  tk.push_back(20, 29, 20, 29, false);
  auto& ms = doc.mutable_mentions();
  ms.push_back({{0, 5}, 0, 1, doc.mutable_strings().Intern("PER"), 0});
  ms.push_back({{20, 29}, 1, 2, doc.mutable_strings().Intern("LOC"), 1});
  Entity person;
  person.name = "Donald Trump";
  person.type = doc.mutable_strings().Intern("PER");
  person.mentions = {0};
  person.links.country = "USA";
  person.links.role = "head of state";
  Entity place;
  place.name = "Anchorage";
  place.type = doc.mutable_strings().Intern("GPE");
  place.mentions = {1};
  place.links.geonames_id = 5879400;
  place.links.lat = 61.21806;
  place.links.lon = -149.90028;
  place.links.has_coordinates = true;
  doc.mutable_entities() = {person, place};
  doc.Mark(kAnnTokens | kAnnEntities | kAnnDocEntities | kAnnLinks);
  return doc;
}

TEST(EntitiesJson, FieldsOnlyWhenKnown) {
  Document doc = WithEntities();
  std::string out;
  WriteDocumentJson(doc, {}, &out);
  simdjson::dom::parser parser;
  simdjson::dom::element rec;
  ASSERT_FALSE(parser.parse(out).get(rec));
  simdjson::dom::array entities = rec["entities"];
  ASSERT_EQ(entities.size(), 2u);
  simdjson::dom::element trump = entities.at(0);
  EXPECT_EQ(int64_t(trump["id"]), 0);
  EXPECT_EQ(std::string_view(trump["name"]), "Donald Trump");
  EXPECT_EQ(std::string_view(trump["type"]), "PER");
  EXPECT_EQ(std::string_view(trump["role"]), "head of state");
  EXPECT_TRUE(trump["geonames_id"].error());  // unknown: absent
  EXPECT_TRUE(trump["lat"].error());
  EXPECT_TRUE(trump["admin1"].error());
  simdjson::dom::element anchorage = entities.at(1);
  EXPECT_EQ(int64_t(anchorage["geonames_id"]), 5879400);
  EXPECT_NEAR(double(anchorage["lat"]), 61.218, 1e-3);
  EXPECT_EQ(uint64_t(simdjson::dom::array(anchorage["mentions"]).at(0)), 1u);
  EXPECT_TRUE(anchorage["country"].error());
  // Mentions point back at their entity.
  EXPECT_EQ(int64_t(rec["mentions"].at(1)["entity"]), 1);
}

TEST(EntitiesText, OneLinePerEntity) {
  Document doc = WithEntities();
  std::string out;
  WriteDocumentText(doc, &out);
  EXPECT_NE(out.find("entity 0 Donald Trump PER x1: country=USA role=\"head of state\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("entity 1 Anchorage GPE x1: geonames=5879400 (61.2181, -149.9003)"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace parley
