// The arc-hybrid system and its oracles: the static oracle rebuilds gold
// trees, the dynamic oracle agrees with it on the gold path, and its costs
// are exact (what a mistake costs is what the finished tree loses).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>

#include "learn/configuration.h"
#include "parse/arc_hybrid.h"
#include "parse/parse_test_util.h"

namespace parley::parse {
namespace {

using learn::Configuration;
using testing::Draw;
using testing::OracleTree;

constexpr uint32_t kLabels = 6, kRootLabel = 2;

// Gold tree of a treebank sentence with labels numbered as met.
OracleTree FromTreebank(const TreebankSentence& s, std::map<std::string, uint32_t>* ids) {
  OracleTree t;
  const auto n = static_cast<int32_t>(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    t.head.push_back(s.head[i] < 0 ? n : s.head[i]);
    t.label.push_back(ids->emplace(s.deprel[i], static_cast<uint32_t>(ids->size())).first->second);
  }
  return t;
}

// Wrong heads plus right heads with wrong labels.
int32_t Errors(const Configuration& c, const OracleTree& t) {
  int32_t errors = 0;
  for (size_t i = 0; i < t.head.size(); ++i) {
    auto node = static_cast<int32_t>(i);
    errors += c.head(node) != t.head[i] || c.label(node) != t.label[i];
  }
  return errors;
}

// The stack, buffer front and gold tree, for failure messages.
std::string Describe(const Configuration& c, const OracleTree& t) {
  std::string d = "stack [";
  for (int32_t node : c.stack_nodes()) d += " " + std::to_string(node);
  d += " ] b0 " + std::to_string(c.buffer_front()) + ", gold heads";
  for (int32_t h : t.head) d += " " + std::to_string(h);
  return d;
}

// Follows the static oracle to the end; false if it ever has no answer.
bool RunStatic(const ArcHybrid& system, const OracleTree& t, Configuration& c,
               const ArcHybridOracle* check_costs) {
  std::vector<uint8_t> legal(system.num_classes());
  std::vector<int32_t> costs(system.num_classes());
  system.Initialize(c, static_cast<uint32_t>(t.head.size()));
  while (!system.IsTerminal(c)) {
    uint32_t k = StaticOracle(system, c, t.gold());
    if (k >= system.num_classes()) return false;
    system.Legal(c, legal.data());
    EXPECT_TRUE(legal[k]);
    if (check_costs) {
      check_costs->Costs(c, t.gold(), legal.data(), costs.data());
      EXPECT_EQ(costs[k], 0) << "static oracle transition " << k << " has a cost";
    }
    system.Apply(c, k);
  }
  return true;
}

TEST(ArcHybrid, StaticOracleRebuildsProjectiveFixtureTrees) {
  std::map<std::string, uint32_t> ids = {{"root", 0}};
  std::vector<TreebankSentence> fixture = testing::Fixture();
  ASSERT_EQ(fixture.size(), 7u);
  std::vector<OracleTree> trees;
  for (const auto& s : fixture) trees.push_back(FromTreebank(s, &ids));
  ArcHybrid system(static_cast<uint32_t>(ids.size()), 0);
  ArcHybridOracle oracle(system);
  Configuration c;
  for (size_t s = 0; s < fixture.size(); ++s) {
    const bool projective =
        IsProjective(fixture[s].head.data(), static_cast<uint32_t>(fixture[s].size()));
    EXPECT_EQ(projective, s != 6) << "sentence " << s;
    if (!projective) {
      EXPECT_FALSE(RunStatic(system, trees[s], c, nullptr));
      continue;
    }
    ASSERT_TRUE(RunStatic(system, trees[s], c, &oracle)) << "sentence " << s;
    EXPECT_EQ(Errors(c, trees[s]), 0) << "sentence " << s;
  }
}

TEST(ArcHybrid, StaticOracleRebuildsRandomProjectiveTrees) {
  std::mt19937 rng(7);
  ArcHybrid system(kLabels, kRootLabel);
  ArcHybridOracle oracle(system);
  Configuration c;
  for (int trial = 0; trial < 300; ++trial) {
    OracleTree t = testing::RandomProjectiveTree(1 + Draw(rng, 30), kLabels, kRootLabel, rng);
    ASSERT_TRUE(IsProjective(t.head.data(), static_cast<uint32_t>(t.head.size())));
    ASSERT_TRUE(RunStatic(system, t, c, &oracle));
    EXPECT_EQ(Errors(c, t), 0);
  }
}

// From any configuration, some legal transition costs 0, and the costs of
// the transitions taken add up to the errors of the finished tree.
TEST(ArcHybrid, DynamicOracleCostsAreExact) {
  std::mt19937 rng(11);
  ArcHybrid system(kLabels, kRootLabel);
  ArcHybridOracle oracle(system);
  Configuration c;
  std::vector<uint8_t> legal(system.num_classes());
  std::vector<int32_t> costs(system.num_classes());
  for (int trial = 0; trial < 1000; ++trial) {
    OracleTree t = testing::RandomProjectiveTree(1 + Draw(rng, 25), kLabels, kRootLabel, rng);
    const uint32_t mistakes = Draw(rng, 5);  // tenths of moves made at random
    system.Initialize(c, static_cast<uint32_t>(t.head.size()));
    int32_t total = 0;
    while (!system.IsTerminal(c)) {
      system.Legal(c, legal.data());
      oracle.Costs(c, t.gold(), legal.data(), costs.data());
      std::vector<uint32_t> candidates, free;
      for (uint32_t k = 0; k < system.num_classes(); ++k) {
        if (!legal[k]) continue;
        EXPECT_GE(costs[k], 0);
        candidates.push_back(k);
        if (costs[k] == 0) free.push_back(k);
      }
      ASSERT_FALSE(free.empty()) << "no zero-cost transition in " << Describe(c, t);
      bool random = Draw(rng, 10) < mistakes;
      const std::vector<uint32_t>& pool = random ? candidates : free;
      uint32_t k = pool[Draw(rng, static_cast<uint32_t>(pool.size()))];
      total += costs[k];
      system.Apply(c, k);
    }
    EXPECT_EQ(total, Errors(c, t)) << "trial " << trial;
  }
}

// Whatever the transitions, the result is a tree with one root.
TEST(ArcHybrid, EveryTerminalConfigurationIsATree) {
  std::mt19937 rng(3);
  ArcHybrid system(kLabels, kRootLabel);
  Configuration c;
  std::vector<uint8_t> legal(system.num_classes());
  for (int trial = 0; trial < 300; ++trial) {
    const uint32_t n = Draw(rng, 40);
    system.Initialize(c, n);
    size_t steps = 0;
    while (!system.IsTerminal(c)) {
      system.Legal(c, legal.data());
      std::vector<uint32_t> candidates;
      for (uint32_t k = 0; k < system.num_classes(); ++k) {
        if (legal[k]) candidates.push_back(k);
      }
      ASSERT_FALSE(candidates.empty());
      system.Apply(c, candidates[Draw(rng, static_cast<uint32_t>(candidates.size()))]);
      ++steps;
    }
    EXPECT_EQ(steps, 2 * size_t{n});
    int roots = 0;
    for (uint32_t i = 0; i < n; ++i) {
      auto node = static_cast<int32_t>(i);
      ASSERT_NE(c.head(node), Configuration::kNone);
      if (c.head(node) == c.root()) {
        ++roots;
        EXPECT_EQ(c.label(node), kRootLabel);
      } else {
        EXPECT_NE(c.label(node), kRootLabel);
      }
      // Walking up from any node reaches the root within n steps.
      int32_t up = node;
      for (uint32_t hop = 0; hop <= n && up != c.root(); ++hop) up = c.head(up);
      EXPECT_EQ(up, c.root()) << "cycle through node " << node;
    }
    if (n > 0) {
      EXPECT_EQ(roots, 1);
    }
  }
}

}  // namespace
}  // namespace parley::parse
