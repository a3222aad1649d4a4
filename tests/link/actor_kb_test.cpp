#include "link/actor_kb.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "geo/name_key.h"
#include "link_test_util.h"

namespace parley::link {
namespace {

constexpr char kPeople[] =
    "# test actors\n"
    "actor\tann_lee\tPER\tAnn Lee\tGBR\tGBRELI\t-\t-\tA. Lee\n"
    "role\tann_lee\t2020-01-01\t2023-06-01\tGBR\tGBRGOV\thead of government\n"
    "role\tann_lee\t2023-06-01\t\tGBR\tGBROPP\topposition leader\n";

TEST(ActorKb, ResolvesRolesAtTheArticleDate) {
  ActorKb kb;
  ASSERT_TRUE(kb.LoadText(kPeople, "people.tsv").ok());
  kb.Finish();
  const Actor& a = kb.actor(static_cast<uint32_t>(kb.IndexOf("ann_lee")));
  EXPECT_EQ(kb.At(a, "2021-03-01").role, "head of government");
  EXPECT_EQ(kb.At(a, "2021-03-01").code, "GBRGOV");
  EXPECT_EQ(kb.At(a, "2024-01-01").role, "opposition leader");
  EXPECT_EQ(kb.At(a, "2023-06-01").role, "opposition leader");  // FROM is inclusive
  EXPECT_EQ(kb.At(a, "2019-12-31").role, "");                   // before any role
  EXPECT_EQ(kb.At(a, "2019-12-31").code, "GBRELI");
  EXPECT_EQ(kb.At(a, "").role, "opposition leader");  // undated: the current role
}

TEST(ActorKb, FindsNamesAliasesAndUniqueSurnames) {
  ActorKb kb;
  ASSERT_TRUE(kb.LoadText(kPeople, "people.tsv").ok());
  ASSERT_TRUE(kb.LoadText("actor\tbo_lee\tPER\tBo Lee\n"
                          "actor\tcy_park\tPER\tCy Park\n",
                          "more.tsv")
                  .ok());
  kb.Finish();
  ASSERT_EQ(kb.Find(geo::NameKey("Ann Lee")).size(), 1u);
  EXPECT_EQ(kb.Find(geo::NameKey("A. Lee")).size(), 1u);
  EXPECT_TRUE(kb.Find("lee").empty());  // two persons share it
  ASSERT_EQ(kb.Find("park").size(), 1u);
  EXPECT_EQ(kb.Find("park")[0].kind, MatchKind::kSurname);
}

struct BadCase {
  const char* text;
  const char* message;
};

class ActorKbErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(ActorKbErrors, NameTheFileLineAndProblem) {
  ActorKb kb;
  Status s = kb.LoadText(std::string(kPeople) + GetParam().text, "user.tsv");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("user.tsv:5: "), std::string::npos) << s.message();
  EXPECT_NE(s.message().find(GetParam().message), std::string::npos) << s.message();
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ActorKbErrors,
    ::testing::Values(BadCase{"actor\tx\tPERSON\tX\n", "is not one of"},
                      BadCase{"role\tnobody\t2020-01-01\t\tUSA\n", "unknown actor id 'nobody'"},
                      BadCase{"role\tann_lee\t2020-13-01\t\tGBR\n", "is not a date"},
                      BadCase{"role\tann_lee\t2021-01-01\t2020-01-01\tGBR\n", "is not after"},
                      BadCase{"actor\tz\tORG\tZ\tUS\n", "alpha-3"},
                      BadCase{"actor\tann_lee\tPER\tAnn Lee\n", "already defined at user.tsv:2"},
                      BadCase{"actr\tz\tORG\tZ\n", "unknown record kind 'actr'"},
                      BadCase{"actor\tz\tORG\n", "expected actor ID TYPE NAME"}));

TEST(ActorKb, MissingFileIsNotFound) {
  ActorKb kb;
  Status s = kb.LoadFile("/nonexistent/actors.tsv");
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace parley::link
