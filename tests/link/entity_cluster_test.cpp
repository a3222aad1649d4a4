#include "link/entity_cluster.h"

#include <gtest/gtest.h>

namespace parley::link {
namespace {

NameMention N(std::vector<std::string> words, std::string type) {
  return {std::move(words), std::move(type)};
}

TEST(ClusterNames, SurnameAndSubsetJoinTheFullName) {
  auto c = ClusterNames({N({"Trump"}, "PER"), N({"Donald", "Trump"}, "PER"),
                         N({"Angela", "Merkel"}, "PER"), N({"Trump"}, "PER")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[3]);
  EXPECT_NE(c[0], c[2]);
  EXPECT_EQ(c[0], 0);  // numbered by first mention
  EXPECT_EQ(c[2], 1);
}

TEST(ClusterNames, DifferentFirstNamesStayApart) {
  auto c = ClusterNames({N({"Donald", "Trump"}, "PER"), N({"Melania", "Trump"}, "PER")});
  EXPECT_NE(c[0], c[1]);
}

TEST(ClusterNames, AcronymJoinsOrganisation) {
  auto c = ClusterNames({N({"European", "Union"}, "ORG"), N({"EU"}, "ORG"),
                         N({"United", "States"}, "LOC"), N({"U.S."}, "LOC")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[2], c[3]);
  EXPECT_NE(c[0], c[2]);
}

TEST(ClusterNames, SameNameAcrossTypesIsOneEntity) {
  auto c = ClusterNames({N({"Kremlin"}, "LOC"), N({"Kremlin"}, "ORG"), N({"kremlin"}, "MISC")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
}

TEST(ClusterNames, SurnameNeverJoinsAPlace) {
  auto c = ClusterNames({N({"Paris", "Hilton"}, "PER"), N({"Paris"}, "LOC")});
  EXPECT_NE(c[0], c[1]);
}

TEST(LeadingTitleWords, StripsTitlesButNotTheName) {
  std::vector<std::string_view> w = {"President", "Donald", "Trump"};
  EXPECT_EQ(LeadingTitleWords(w), 1u);
  std::vector<std::string_view> pm = {"Prime", "Minister", "Keir", "Starmer"};
  EXPECT_EQ(LeadingTitleWords(pm), 2u);
  std::vector<std::string_view> only = {"President"};
  EXPECT_EQ(LeadingTitleWords(only), 0u);
}

}  // namespace
}  // namespace parley::link
