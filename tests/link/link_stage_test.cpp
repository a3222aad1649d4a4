// The entities and link stages on hand-placed mentions: disambiguation by
// context, dated roles, metonymy, demonyms, unknown names, user actors files.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "link_test_util.h"

namespace parley::testing {
namespace {

class LinkStageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto stage = MakeLinkStage({ModelsDir(), {}});
    ASSERT_TRUE(stage.ok()) << stage.status().ToString();
    link_ = std::move(*stage).release();
  }
  static void TearDownTestSuite() {
    delete link_;
    link_ = nullptr;
  }
  static void Run(Document& doc) {
    ASSERT_TRUE(MakeEntitiesStage()->Process(doc).ok());
    ASSERT_TRUE(link_->Process(doc).ok());
  }
  static inline Stage* link_ = nullptr;
};

TEST_F(LinkStageTest, ParisFranceIsTheCapital) {
  Document doc = SegmentedDoc("The talks were held in Paris, France, on Monday.");
  AddMention(doc, "Paris", "LOC");
  AddMention(doc, "France", "LOC");
  Run(doc);
  const Entity* paris = EntityOf(doc, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->links.geonames_id, 2988507);
  EXPECT_EQ(paris->links.country, "FRA");
  EXPECT_EQ(TypeOf(doc, paris), "GPE");
  const Entity* france = EntityOf(doc, "France");
  ASSERT_NE(france, nullptr);
  EXPECT_EQ(france->links.country, "FRA");
  EXPECT_EQ(france->links.kb_id, "FRA");
}

TEST_F(LinkStageTest, ParisTexasByItsState) {
  Document doc = SegmentedDoc("The county fair opened in Paris, Texas, on Monday.");
  AddMention(doc, "Paris", "LOC");
  AddMention(doc, "Texas", "LOC");
  Run(doc);
  const Entity* paris = EntityOf(doc, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->links.geonames_id, 4717560);
  EXPECT_EQ(paris->links.admin1, "US-TX");
  EXPECT_EQ(paris->links.country, "USA");
  const Entity* texas = EntityOf(doc, "Texas");
  ASSERT_NE(texas, nullptr);
  EXPECT_EQ(texas->links.admin1, "US-TX");
  EXPECT_EQ(texas->links.geonames_id, 0);
}

TEST_F(LinkStageTest, ARegionRightAfterAPlaceSaysWhereItIs) {
  // Moscow, Idaho is a town of 25,000; Moscow the capital is four hundred
  // times larger, so only the name right after it can say so.
  Document doc = SegmentedDoc("Students gathered in Moscow, Idaho, on Sunday.");
  AddMention(doc, "Moscow", "LOC");
  AddMention(doc, "Idaho", "LOC");
  Run(doc);
  const Entity* moscow = EntityOf(doc, "Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->links.admin1, "US-ID");
  EXPECT_EQ(moscow->links.country, "USA");
}

TEST_F(LinkStageTest, ANameAfterACommaThatGoesOnIsNoQualifier) {
  // "in China, U.S. agencies …": U.S. starts the clause, it does not place
  // China (the town of China, Maine, is in the U.S.).
  Document doc = SegmentedDoc("In China, U.S. agencies tracked the virus.");
  AddMention(doc, "China", "LOC");
  AddMention(doc, "U.S.", "LOC");
  Run(doc);
  const Entity* china = EntityOf(doc, "China");
  ASSERT_NE(china, nullptr);
  EXPECT_EQ(china->links.country, "CHN");
  EXPECT_EQ(china->links.geonames_id, 0);
  // Nor a list: "Vermont, Washington, Virginia and Ohio" names states.
  Document list =
      SegmentedDoc("Voters in Vermont, Washington, Virginia and Ohio went to the polls.");
  for (const char* s : {"Vermont", "Washington", "Virginia", "Ohio"}) AddMention(list, s, "LOC");
  Run(list);
  const Entity* washington = EntityOf(list, "Washington");
  ASSERT_NE(washington, nullptr);
  EXPECT_NE(washington->links.admin1, "US-VA");
  // Nor does a country name become a place in the next country.
  Document countries = SegmentedDoc("Canada, Mexico, and Brazil met yesterday.");
  for (const char* s : {"Canada", "Mexico", "Brazil"}) AddMention(countries, s, "LOC");
  Run(countries);
  const Entity* canada = EntityOf(countries, "Canada");
  ASSERT_NE(canada, nullptr);
  EXPECT_EQ(canada->links.kb_id, "CAN");
}

TEST_F(LinkStageTest, ARegionNamedElsewhereDoesNotMoveTheCapital) {
  // Illinois has a Washington of 16,000 people; an article that names the
  // state and "Washington" still means the capital.
  Document doc =
      SegmentedDoc("The governor of Illinois asked for money. Lawmakers in Washington said no.");
  AddMention(doc, "Illinois", "LOC");
  AddMention(doc, "Washington", "LOC");
  Run(doc);
  const Entity* washington = EntityOf(doc, "Washington");
  ASSERT_NE(washington, nullptr);
  EXPECT_EQ(washington->links.geonames_id, 4140963);
  EXPECT_EQ(washington->links.admin1, "US-DC");
}

TEST_F(LinkStageTest, ADatelineStandsForNoGovernment) {
  // The parse may take "WASHINGTON" for the subject of the sentence it
  // opens; a dateline is where the story was filed, not the government.
  Document doc = SegmentedDoc("WASHINGTON (AP) -- The senator said the vote would wait.");
  AddMention(doc, "WASHINGTON", "LOC");
  // A parse where "WASHINGTON" is the subject of "said".
  TokenColumns& tk = doc.mutable_tokens();
  tk.head.assign(tk.size(), -1);
  tk.deprel.assign(tk.size(), doc.mutable_strings().Intern("dep"));
  tk.head[0] = 7;
  tk.deprel[0] = doc.mutable_strings().Intern("nsubj");
  doc.Mark(kAnnParse);
  ASSERT_EQ(doc.TokenForm(7), "said");
  Run(doc);
  const Entity* washington = EntityOf(doc, "WASHINGTON");
  ASSERT_NE(washington, nullptr);
  EXPECT_EQ(washington->links.admin1, "US-DC");
  EXPECT_TRUE(washington->links.stands_for.empty()) << washington->links.stands_for;
}

TEST_F(LinkStageTest, GeorgiaTheCountryNextToTbilisi) {
  Document doc = SegmentedDoc("Protesters gathered in Tbilisi as Georgia's parliament met.");
  AddMention(doc, "Tbilisi", "LOC");
  AddMention(doc, "Georgia", "LOC");
  Run(doc);
  const Entity* georgia = EntityOf(doc, "Georgia");
  ASSERT_NE(georgia, nullptr);
  EXPECT_EQ(georgia->links.country, "GEO");
  EXPECT_EQ(georgia->links.admin1, "");
  EXPECT_EQ(georgia->name, "Georgia");
}

TEST_F(LinkStageTest, GeorgiaTheStateNextToAtlanta) {
  Document doc = SegmentedDoc("Voters in Atlanta, Georgia, lined up before dawn.");
  AddMention(doc, "Atlanta", "LOC");
  AddMention(doc, "Georgia", "LOC");
  Run(doc);
  const Entity* georgia = EntityOf(doc, "Georgia");
  ASSERT_NE(georgia, nullptr);
  EXPECT_EQ(georgia->links.country, "USA");
  EXPECT_EQ(georgia->links.admin1, "US-GA");
  const Entity* atlanta = EntityOf(doc, "Atlanta");
  ASSERT_NE(atlanta, nullptr);
  EXPECT_EQ(atlanta->links.geonames_id, 4180439);
}

TEST_F(LinkStageTest, RoleIsTheOneHeldAtTheArticleDate) {
  const char* text = "President Trump spoke to reporters. Trump said little.";
  struct Case {
    const char* date;
    const char* role;
    const char* code;
  };
  for (Case c : {Case{"2019-06-01", "head of state", "USAGOV"}, Case{"2023-06-01", "", "USAELI"},
                 Case{"2025-08-16", "head of state", "USAGOV"}}) {
    Document doc = SegmentedDoc(text, c.date);
    AddMention(doc, "President Trump", "PER");
    AddMention(doc, "Trump", "PER", 1);
    Run(doc);
    ASSERT_EQ(doc.entities().size(), 1u) << c.date;
    const Entity& e = doc.entities()[0];
    EXPECT_EQ(e.name, "Donald Trump");
    EXPECT_EQ(e.mentions.size(), 2u);
    EXPECT_EQ(e.links.role, c.role) << c.date;
    EXPECT_EQ(e.links.actor_code, c.code) << c.date;
    EXPECT_EQ(e.links.country, "USA");
  }
}

TEST_F(LinkStageTest, SeatsOfPowerStandForGovernments) {
  Document doc = SegmentedDoc("The Kremlin and the White House both declined to comment.");
  AddMention(doc, "Kremlin", "LOC");
  AddMention(doc, "White House", "LOC");
  Run(doc);
  const Entity* kremlin = EntityOf(doc, "Kremlin");
  ASSERT_NE(kremlin, nullptr);
  EXPECT_EQ(kremlin->links.actor_code, "RUSGOV");
  EXPECT_EQ(kremlin->links.stands_for, "Russian government");
  EXPECT_EQ(TypeOf(doc, kremlin), "ORG");
  const Entity* wh = EntityOf(doc, "White House");
  ASSERT_NE(wh, nullptr);
  EXPECT_EQ(wh->links.actor_code, "USAGOV");
  EXPECT_EQ(wh->links.stands_for, "USA government");
  EXPECT_EQ(wh->links.geonames_id, 0);  // not the town in Tennessee
}

TEST_F(LinkStageTest, CapitalAsClauseSubjectStandsForItsGovernment) {
  Document doc = SegmentedDoc("Moscow said it would stay. Tourists love Moscow.");
  AddMention(doc, "Moscow", "LOC");
  // A parse where the first "Moscow" is the subject of "said".
  TokenColumns& tk = doc.mutable_tokens();
  tk.head.assign(tk.size(), -1);
  tk.deprel.assign(tk.size(), doc.mutable_strings().Intern("dep"));
  tk.head[0] = 1;
  tk.deprel[0] = doc.mutable_strings().Intern("nsubj");
  doc.Mark(kAnnParse);
  Run(doc);
  const Entity* moscow = EntityOf(doc, "Moscow");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->links.actor_code, "RUSGOV");
  EXPECT_EQ(moscow->links.stands_for, "Russian government");
  EXPECT_EQ(moscow->links.country, "RUS");
  EXPECT_NE(moscow->links.geonames_id, 0);

  Document place = SegmentedDoc("Tourists love Moscow.");
  AddMention(place, "Moscow", "LOC");
  Run(place);
  ASSERT_NE(EntityOf(place, "Moscow"), nullptr);
  EXPECT_TRUE(EntityOf(place, "Moscow")->links.actor_code.empty());
}

TEST_F(LinkStageTest, DemonymIsNorpOfItsCountry) {
  Document doc = SegmentedDoc("Russian forces shelled the town, Ukrainian officials said.");
  AddMention(doc, "Russian", "MISC");
  AddMention(doc, "Ukrainian", "MISC");
  Run(doc);
  const Entity* ru = EntityOf(doc, "Russian");
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(TypeOf(doc, ru), "NORP");
  EXPECT_EQ(ru->links.country, "RUS");
  EXPECT_EQ(ru->name, "Russian");
  const Entity* ua = EntityOf(doc, "Ukrainian");
  ASSERT_NE(ua, nullptr);
  EXPECT_EQ(ua->links.country, "UKR");
}

TEST_F(LinkStageTest, UnknownNameStaysUnlinked) {
  Document doc = SegmentedDoc("Zorbet Quillane, a local farmer, disagreed. Quillane left.");
  AddMention(doc, "Zorbet Quillane", "PER");
  AddMention(doc, "Quillane", "PER", 1);
  Run(doc);
  ASSERT_EQ(doc.entities().size(), 1u);
  const Entity& e = doc.entities()[0];
  EXPECT_EQ(e.name, "Zorbet Quillane");
  EXPECT_EQ(TypeOf(doc, &e), "PER");
  EXPECT_TRUE(e.links.kb_id.empty());
  EXPECT_TRUE(e.links.country.empty());
  EXPECT_EQ(e.links.geonames_id, 0);
}

TEST_F(LinkStageTest, NamesOfOneReferentAreMerged) {
  Document doc = SegmentedDoc("The United States said the U.S. would stay.");
  AddMention(doc, "United States", "LOC");
  AddMention(doc, "U.S.", "LOC");
  Run(doc);
  ASSERT_EQ(doc.entities().size(), 1u);
  EXPECT_EQ(doc.entities()[0].name, "United States");
  EXPECT_EQ(doc.entities()[0].mentions.size(), 2u);
  for (const Mention& m : doc.mentions()) EXPECT_EQ(m.entity, 0);
}

std::string WriteTemp(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

TEST(LinkStageUserActors, UserFileExtendsTheKnowledgeBase) {
  std::string path = WriteTemp("user_actors.tsv",
                               "# my newsroom's actors\n"
                               "actor\tjane_roe\tPER\tJane Roe\tCAN\tCANGOV\t-\t-\tJ. Roe\n"
                               "role\tjane_roe\t2024-01-01\t\tCAN\tCANGOV\tmayor of Ottawa\n"
                               "role\tdonald_trump\t2030-01-01\t\tUSA\tUSAELI\tretired\n");
  auto stage = MakeLinkStage({ModelsDir(), {path}});
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  Document doc = SegmentedDoc("Roe met Trump in Ottawa.", "2031-02-03");
  AddMention(doc, "Roe", "PER");
  AddMention(doc, "Trump", "PER");
  ASSERT_TRUE(MakeEntitiesStage()->Process(doc).ok());
  ASSERT_TRUE((*stage)->Process(doc).ok());
  const Entity* roe = EntityOf(doc, "Roe");
  ASSERT_NE(roe, nullptr);
  EXPECT_EQ(roe->name, "Jane Roe");  // a unique surname
  EXPECT_EQ(roe->links.role, "mayor of Ottawa");
  const Entity* trump = EntityOf(doc, "Trump");
  ASSERT_NE(trump, nullptr);
  EXPECT_EQ(trump->links.role, "retired");
}

TEST(LinkStageUserActors, MalformedFileGetsALocatedError) {
  std::string path = WriteTemp("bad_actors.tsv",
                               "actor\tjane_roe\tPER\tJane Roe\tCAN\n"
                               "role\tjane_roe\tlast year\t\tCAN\n");
  auto stage = MakeLinkStage({ModelsDir(), {path}});
  ASSERT_FALSE(stage.ok());
  EXPECT_EQ(stage.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(stage.status().message().find(path + ":2: FROM 'last year' is not a date"),
            std::string::npos)
      << stage.status().message();
}

}  // namespace
}  // namespace parley::testing
