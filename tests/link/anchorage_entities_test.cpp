// examples/anchorage.txt through ner, entities and link yields the entities
// of the golden annotation (../shared/golden/anchorage.expected.json), by
// the general mechanisms only: the knowledge base, the gazetteer and context.
#include <gtest/gtest.h>

#include "link_test_util.h"
#include "parley/pipeline.h"
#include "parley/reader.h"

namespace parley::testing {
namespace {

struct Expected {
  const char* name;
  const char* type;
  const char* mention;  // one mention's text
  const char* country;
  const char* admin1;
  const char* role;
  const char* actor_code;
  const char* stands_for;
  int64_t geonames_id;
};

const Expected kGolden[] = {
    {"Donald Trump", "PER", "Trump", "USA", "", "head of state", nullptr, nullptr, 0},
    {"Vladimir Putin", "PER", "Putin", "RUS", "", "head of state", nullptr, nullptr, 0},
    {"Baigaliyev", "PER", "Baigaliyev", "", "", nullptr, nullptr, nullptr, 0},
    {"United States", "GPE", "U.S.", "USA", "", nullptr, nullptr, nullptr, 0},
    {"Alaska", "GPE", "Alaska", "USA", "US-AK", nullptr, nullptr, nullptr, 0},
    {"Anchorage", "GPE", "Anchorage", "USA", "US-AK", nullptr, nullptr, nullptr, 5879400},
    {"Fox News", "ORG", "Fox News", "USA", "", "media", nullptr, nullptr, 0},
    {"White House", "ORG", "White House", nullptr, "", nullptr, "USAGOV", "USA government", 0},
    {"Kremlin", "ORG", "Kremlin", nullptr, "", nullptr, "RUSGOV", "Russian government", 0},
    {"Ukraine", "GPE", "Ukraine", "UKR", "", nullptr, nullptr, nullptr, 0},
    {"Russia", "GPE", "Russia", "RUS", "", nullptr, nullptr, nullptr, 0},
    {"European Union", "ORG", "EU", nullptr, "", nullptr, "IGOEUREEC", nullptr, 0},
};

TEST(AnchorageEntities, GoldenEntitiesWithTheirLinks) {
  auto reader = Reader::Open({std::string(PARLEY_SOURCE_DIR) + "/examples/anchorage.txt"});
  InputRecord record;
  RecordError error;
  ASSERT_EQ(reader->Next(&record, &error), Reader::Result::kRecord);
  ASSERT_EQ(record.meta.date, "2025-08-16");
  Document doc(std::move(record.text), record.meta);

  PipelineOptions options;
  options.stages = {"repair", "segment", "ner", "entities", "link"};
  options.models_dir = ModelsDir();
  auto pipeline = Pipeline::CreateDefault(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  ASSERT_TRUE(pipeline->Process(doc).ok());

  for (const Expected& x : kGolden) {
    SCOPED_TRACE(x.name);
    const Entity* e = EntityOf(doc, x.mention);
    ASSERT_NE(e, nullptr) << "no entity with a mention '" << x.mention << "'";
    EXPECT_EQ(e->name, x.name);
    EXPECT_EQ(TypeOf(doc, e), x.type);
    if (x.country) {
      EXPECT_EQ(e->links.country, x.country);
    }
    EXPECT_EQ(e->links.admin1, x.admin1);
    if (x.role) {
      EXPECT_EQ(e->links.role, x.role);
    }
    if (x.actor_code) {
      EXPECT_EQ(e->links.actor_code, x.actor_code);
    }
    if (x.stands_for) {
      EXPECT_EQ(e->links.stands_for, x.stands_for);
    }
    EXPECT_EQ(e->links.geonames_id, x.geonames_id);
    if (x.geonames_id) {
      EXPECT_NEAR(e->links.lat, 61.218, 0.001);
      EXPECT_NEAR(e->links.lon, -149.900, 0.001);
    }
  }
  // Baigaliyev is not in the knowledge base: a person with no links.
  const Entity* b = EntityOf(doc, "Baigaliyev");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->links.kb_id.empty());
  for (const Mention& m : doc.mentions()) {  // every "Baigaliyev" is one entity
    if (doc.SpanText(m.span) == "Baigaliyev") {
      EXPECT_EQ(&doc.entities()[static_cast<size_t>(m.entity)], b);
    }
  }
  // Every mention belongs to an entity, and each entity lists its mentions.
  for (size_t i = 0; i < doc.mentions().size(); ++i) {
    int32_t k = doc.mentions()[i].entity;
    ASSERT_GE(k, 0);
    const auto& ms = doc.entities()[static_cast<size_t>(k)].mentions;
    EXPECT_NE(std::find(ms.begin(), ms.end(), i), ms.end());
  }
}

}  // namespace
}  // namespace parley::testing
