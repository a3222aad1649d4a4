// LinkEntities directly: capitals as governments, population priors, and
// name keys.
#include "link/linker.h"

#include <gtest/gtest.h>

#include <fstream>

#include "geo/name_key.h"
#include "link_test_util.h"

namespace parley::link {
namespace {

class LinkerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = geo::GeoData::Load(testing::ModelsDir() + "/geo.bin");
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    geo_ = new geo::GeoData(std::move(*g));
    kb_ = new ActorKb();
    kb_->AddCountries(*geo_);
    Status s = kb_->LoadFile(testing::ModelsDir() + "/actors.tsv");
    ASSERT_TRUE(s.ok()) << s.ToString();
    kb_->Finish();
  }
  static void TearDownTestSuite() {
    delete kb_;
    delete geo_;
  }
  static LinkResult One(const std::string& type, const std::string& name, bool political = false,
                        std::string_view date = "2025-06-01") {
    LinkInput in{type, {geo::NameKey(name)}, political};
    return LinkEntities({in}, *kb_, *geo_, date)[0];
  }
  static inline geo::GeoData* geo_ = nullptr;
  static inline ActorKb* kb_ = nullptr;
};

TEST(NameKey, FoldsCaseMarksAndPunctuation) {
  EXPECT_EQ(geo::NameKey("The U.S."), "us");
  EXPECT_EQ(geo::NameKey("Côte d'Ivoire"), "cote divoire");
  EXPECT_EQ(geo::NameKey("Baden-Württemberg"), "baden wurttemberg");
  EXPECT_EQ(geo::NameKey("  Kyiv  "), "kyiv");
  EXPECT_EQ(geo::NameKey("Zelenskyy’s"), "zelenskyys");
}

TEST_F(LinkerTest, CapitalStandsForItsGovernmentOnlyAsASubject) {
  LinkResult place = One("LOC", "Moscow", false);
  EXPECT_EQ(place.links.country, "RUS");
  EXPECT_NE(place.links.geonames_id, 0);
  EXPECT_TRUE(place.links.actor_code.empty());
  LinkResult actor = One("LOC", "Moscow", true);
  EXPECT_EQ(actor.links.actor_code, "RUSGOV");
  EXPECT_EQ(actor.links.stands_for, "Russian government");
  EXPECT_EQ(actor.links.geonames_id, place.links.geonames_id);
}

TEST_F(LinkerTest, PopulationDecidesWithoutContext) {
  LinkResult paris = One("LOC", "Paris");
  EXPECT_EQ(paris.links.geonames_id, 2988507);
  LinkResult anchorage = One("LOC", "Anchorage");
  EXPECT_EQ(anchorage.links.geonames_id, 5879400);
  EXPECT_EQ(anchorage.links.admin1, "US-AK");
}

TEST_F(LinkerTest, OtherPlacesOldNamesDoNotWin) {
  // GeoNames lists "Philadelphia" among Amman's names, "Iraq" among Arāk's,
  // "Mexico" among Mexico City's and "Washington" among Reisterstown's.
  LinkResult philadelphia = One("LOC", "Philadelphia");
  EXPECT_EQ(philadelphia.links.country, "USA");
  EXPECT_EQ(philadelphia.links.admin1, "US-PA");
  LinkResult iraq = One("LOC", "Iraq");
  EXPECT_EQ(iraq.links.kb_id, "IRQ");
  EXPECT_EQ(iraq.links.geonames_id, 0);
  LinkResult mexico = One("LOC", "Mexico");
  EXPECT_EQ(mexico.links.kb_id, "MEX");
  EXPECT_EQ(mexico.links.geonames_id, 0);
  // An alternate name still links when its place is the largest so called.
  EXPECT_EQ(One("LOC", "Cologne").links.country, "DEU");
  EXPECT_EQ(One("LOC", "Kiev").links.country, "UKR");
  LinkResult ny = One("LOC", "New York City");
  EXPECT_EQ(ny.links.geonames_id, 5128581);
}

TEST_F(LinkerTest, QualifierDecidesOverPopulation) {
  LinkInput moscow{"LOC", {geo::NameKey("Moscow")}};
  LinkInput idaho{"LOC", {geo::NameKey("Idaho")}};
  EXPECT_EQ(LinkEntities({moscow, idaho}, *kb_, *geo_, "2025-06-01")[0].links.country, "RUS");
  moscow.qualifiers = {1};
  std::vector<LinkResult> out = LinkEntities({moscow, idaho}, *kb_, *geo_, "2025-06-01");
  EXPECT_EQ(out[0].links.admin1, "US-ID");
  EXPECT_EQ(out[1].links.admin1, "US-ID");
}

TEST_F(LinkerTest, CountriesResolveByNameAndAlias) {
  EXPECT_EQ(One("LOC", "Britain").links.country, "GBR");
  EXPECT_EQ(One("LOC", "Britain").name, "United Kingdom");
  EXPECT_EQ(One("GPE", "Russian Federation").name, "Russia");
  EXPECT_EQ(One("LOC", "Georgia").links.country, "GEO");  // the country, without context
}

TEST_F(LinkerTest, RegionsGetIsoCodes) {
  LinkResult bavaria = One("LOC", "Bavaria");
  EXPECT_EQ(bavaria.links.country, "DEU");
  EXPECT_EQ(bavaria.name, "Bavaria");
  EXPECT_EQ(One("LOC", "Ontario").links.admin1, "CA-ON");
  EXPECT_EQ(One("LOC", "Calif.").links.admin1, "US-CA");  // AP style
  LinkInput wa{"LOC", {geo::NameKey("WA")}, false, false, /*abbreviation=*/true};
  LinkResult r = LinkEntities({wa}, *kb_, *geo_, "2025-06-01")[0];
  EXPECT_EQ(r.links.admin1, "US-WA");  // a postal code, not Wa in Ghana
  EXPECT_EQ(r.links.geonames_id, 0);
  EXPECT_EQ(One("LOC", "California").links.admin1, "US-CA");
}

TEST_F(LinkerTest, PersonsMatchPersonsOnly) {
  EXPECT_FALSE(One("LOC", "Vladimir Putin").links.kb_id == "vladimir_putin");
  LinkResult putin = One("PER", "Putin", false, "2010-01-01");
  EXPECT_EQ(putin.name, "Vladimir Putin");
  EXPECT_EQ(putin.links.role, "head of government");
}

TEST_F(LinkerTest, ASurnameWithAnotherFirstNameIsSomeoneElse) {
  // "Putin" alone, or after a title or an initial, may be the one Putin
  // the knowledge base knows; "Ivan Putin" is someone else.
  auto link = [&](std::vector<std::string> names) {
    LinkInput in{"PER", {}, false};
    for (const auto& n : names) in.keys.push_back(geo::NameKey(n));
    return LinkEntities({in}, *kb_, *geo_, "2010-01-01")[0];
  };
  EXPECT_EQ(link({"Putin"}).links.kb_id, "vladimir_putin");
  EXPECT_EQ(link({"President Putin", "Putin"}).links.kb_id, "vladimir_putin");
  EXPECT_EQ(link({"V. Putin", "Putin"}).links.kb_id, "vladimir_putin");
  EXPECT_FALSE(link({"Ivan Putin", "Putin"}).linked);
  EXPECT_NE(link({"Ivan Putin", "Putin"}).links.kb_id, "vladimir_putin");
}

}  // namespace
}  // namespace parley::link

namespace parley::geo {
namespace {

std::string Temp(const std::string& name, const std::string& bytes) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(GeoData, RefusesDamagedFiles) {
  EXPECT_EQ(GeoData::Load("/nonexistent/geo.bin").status().code(), StatusCode::kNotFound);
  // Not gzip: read as raw bytes, and the magic is wrong.
  auto bad_magic = GeoData::Load(Temp("geo_bad_magic.bin", "NOTAGEOFILE_AT_ALL_0123456789"));
  ASSERT_FALSE(bad_magic.ok());
  EXPECT_NE(bad_magic.status().message().find("bad magic"), std::string::npos);
  // The right magic and version, then too few bytes for the counts it claims.
  std::string head("PRLYGEO\0", 8);
  uint32_t counts[7] = {kGeoVersion, 5, 5, 5, 5, 100, 0};
  head.append(reinterpret_cast<const char*>(counts), sizeof counts);
  auto truncated = GeoData::Load(Temp("geo_truncated.bin", head + "short"));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), StatusCode::kDataLoss);
  // Another format version is refused with a message saying what to do.
  counts[0] = kGeoVersion + 1;
  std::string v2("PRLYGEO\0", 8);
  v2.append(reinterpret_cast<const char*>(counts), sizeof counts);
  auto version = GeoData::Load(Temp("geo_version.bin", v2));
  ASSERT_FALSE(version.ok());
  EXPECT_NE(version.status().message().find("rebuild"), std::string::npos);
}

}  // namespace
}  // namespace parley::geo
