#include "store/near_duplicate.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "store/quote_groups.h"

namespace parley::dedup {
namespace {

TEST(NearDuplicate, NormalisesCaseMarksPunctuationAndAccents) {
  EXPECT_EQ(NormalizeText("“We will NOT back down,” — he said…"), "we will not back down he said");
  EXPECT_EQ(NormalizeText("Don’t"), NormalizeText("don't"));
  EXPECT_EQ(NormalizeText("Don’t"), "dont");
  EXPECT_EQ(NormalizeText("Peña Nieto's  plan"), "pena nietos plan");
  EXPECT_EQ(NormalizeText("ＦＵＬＬ width"), "full width");
  EXPECT_EQ(NormalizeText("re-election [of] 2,000"), "re election of 2 000");
  EXPECT_EQ(NormalizeText("\"...\""), "");
  EXPECT_EQ(NormalizeText("bad \xff bytes"), "bad bytes");
}

TEST(NearDuplicate, ShinglesAreSortedUniqueBigrams) {
  auto words = WordHashes("a b a b");
  ASSERT_EQ(words.size(), 4u);
  auto s = Shingles(words);
  EXPECT_EQ(s.size(), 2u);  // "a b", "b a"
  EXPECT_TRUE(std::is_sorted(s.begin(), s.end()));
  EXPECT_EQ(Shingles(WordHashes("alone")).size(), 1u);
  EXPECT_TRUE(Shingles(WordHashes("")).empty());
}

// Differential: the MinHash estimate against the exact Jaccard of random
// sets, within a few standard errors of kHashes samples.
TEST(NearDuplicate, MinHashEstimatesJaccard) {
  std::mt19937_64 rng(7);
  double total_error = 0;
  const int trials = 200;
  for (int t = 0; t < trials; ++t) {
    std::set<uint64_t> a, b;
    for (int i = 0; i < 30; ++i) {
      uint64_t x = rng();
      a.insert(x);
      if (i % 3 != 0) b.insert(x);  // share about two thirds
    }
    for (int i = 0; i < 10; ++i) b.insert(rng());
    std::vector<uint64_t> va(a.begin(), a.end()), vb(b.begin(), b.end());
    double exact = Compare(va, vb).jaccard;
    total_error += EstimatedJaccard(MinHash(va), MinHash(vb)) - exact;
  }
  // Unbiased: the mean error over many trials is close to zero.
  EXPECT_NEAR(total_error / trials, 0.0, 0.03);
  std::vector<uint64_t> same = {1, 2, 3};
  EXPECT_EQ(EstimatedJaccard(MinHash(same), MinHash(same)), 1.0);
  EXPECT_EQ(BandKeys(MinHash(same)), BandKeys(MinHash(same)));
}

TEST(NearDuplicate, AnchorsOfATrimmedQuoteAreAnchorsOfTheWhole) {
  auto whole = WordHashes(NormalizeText(
      "we will not back down from this fight and we will win it for the people of this state"));
  auto part = WordHashes(NormalizeText("not back down from this fight and we will win"));
  auto a = AnchorKeys(whole), b = AnchorKeys(part);
  ASSERT_FALSE(b.empty());
  std::set<uint64_t> all(a.begin(), a.end());
  for (uint64_t k : b) EXPECT_TRUE(all.count(k));
  EXPECT_TRUE(AnchorKeys(WordHashes("seven words are far too few here")).empty());
}

bool Same(std::string_view a, std::string_view b) {
  return SameText(MakeFingerprint(a), MakeFingerprint(b));
}

TEST(NearDuplicate, AnEditedQuoteIsTheSameQuote) {
  EXPECT_TRUE(
      Same("If we had confidence that the president clearly did not commit a crime, we "
           "would have said that,",
           "If we had confidence that the president clearly did not commit a crime, we "
           "would have said so."));
  EXPECT_TRUE(
      Same("“He’s doubling down on denial, and we need to understand exactly what "
           "happened,”",
           "He's doubling down on denial and we need to understand exactly what happened"));
  // Shared keys: the index finds it.
  auto a =
      MakeFingerprint("The American people are sick and tired of hearing about your damn emails");
  auto b =
      MakeFingerprint("The American people are sick and tired of hearing about the damn emails");
  std::vector<uint64_t> common;
  std::set_intersection(a.keys.begin(), a.keys.end(), b.keys.begin(), b.keys.end(),
                        std::back_inserter(common));
  EXPECT_FALSE(common.empty());
  EXPECT_TRUE(SameText(a, b));
}

TEST(NearDuplicate, ATrimmedQuoteIsTheSameQuote) {
  EXPECT_TRUE(Same("We will absolutely accept the result of the election,",
                   "We will absolutely accept the result of the election. Look, the American "
                   "people will speak in an election that will culminate on Nov. 8,"));
  double score = 0;
  EXPECT_TRUE(SameText(MakeFingerprint("I couldn’t take care of George the day he was killed,"),
                       MakeFingerprint("I couldn’t take care of George the day he was killed, but "
                                       "maybe by speaking with you today, I can make sure that his "
                                       "death would not be in vain,"),
                       &score));
  EXPECT_GE(score, kMinContainment);
}

TEST(NearDuplicate, DifferentQuotesAreNot) {
  EXPECT_FALSE(Same("This is our moment to dream big, fight hard and win,",
                    "This is our moment, this is our time, to come together"));
  EXPECT_FALSE(Same("condolences to the victims and their families",
                    "solidarity with the victims and their families"));
  // Short phrases are never grouped, even when equal: different speakers use them.
  EXPECT_FALSE(Same("State of the Union.", "State of the Union"));
  EXPECT_TRUE(MakeFingerprint("the truth").keys.empty());
  // Six or seven words: nearly identical only.
  EXPECT_TRUE(Same("guilty to lying to the FBI", "“guilty to lying to the FBI”"));
  EXPECT_FALSE(
      Same("ideology had nothing to do with it", "the Constitution had nothing to do with it"));
}

TEST(LshIndex, FindsNewestFirstAndUndoesARollback) {
  store::LshIndex index;
  index.Add(42, 1);
  index.Add(42, 2);
  index.Add(7, 3);
  index.Commit();
  index.Add(42, 4);
  std::vector<int64_t> ids;
  index.Find(42, 10, &ids);
  EXPECT_EQ(ids, (std::vector<int64_t>{4, 2, 1}));
  ids.clear();
  index.Find(42, 2, &ids);
  EXPECT_EQ(ids, (std::vector<int64_t>{4, 2}));
  index.Rollback();
  ids.clear();
  index.Find(42, 10, &ids);
  EXPECT_EQ(ids, (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(index.size(), 3u);
  // Many commits: entries move into the sorted base and stay findable.
  for (int64_t id = 10; id < 20000; ++id) {
    index.Add(static_cast<uint64_t>(id % 97), id);
    if (id % 100 == 0) index.Commit();
  }
  index.Commit();
  ids.clear();
  index.Find(5, 3, &ids);
  EXPECT_EQ(ids, (std::vector<int64_t>{19987, 19890, 19793}));
}

TEST(LshIndex, ForgetsQuotesOutsideTheWindow) {
  store::LshIndex index;
  index.set_window(1000);
  for (int64_t id = 1; id <= 10000; ++id) {
    index.Add(static_cast<uint64_t>(id % 7), id);
    if (id % 50 == 0) index.Commit();
  }
  index.Commit();
  // Memory stays bounded by the window, whatever was added before it.
  EXPECT_LT(index.size(), 1000u + 4096u + 50u);
  std::vector<int64_t> ids;
  index.Find(3, 100000, &ids);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), 9999);  // the newest id with key 3
  for (int64_t id : ids) EXPECT_GT(id, 10000 - 1000 - 4096 - 50) << "an old quote is still indexed";
}

}  // namespace
}  // namespace parley::dedup
