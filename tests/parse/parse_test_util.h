// Shared helpers of the parser tests: the hand-written fixture, random
// projective trees, and gold trees in the oracle's terms.
#pragma once

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "learn/transition_system.h"
#include "parley/parser.h"
#include "parse/parse_model.h"
#include "parse/treebank_io.h"

namespace parley::parse::testing {

inline std::string FixturePath() {
  return std::string(PARLEY_SOURCE_DIR) + "/tests/data/parse/fixture.conllu";
}

inline std::vector<TreebankSentence> Fixture() {
  auto data = ReadTreebank(FixturePath());
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  return data.ok() ? std::move(*data) : std::vector<TreebankSentence>{};
}

// Heads and labels `model` gives every fixture sentence, sentence after
// sentence, and the sentences' sizes.
struct FixtureParses {
  std::vector<std::pair<int32_t, uint32_t>> arcs;
  std::vector<uint32_t> sizes;
};
inline FixtureParses ParseFixture(const ParseModel& model) {
  FixtureParses out;
  ParseScratch scratch;
  for (const TreebankSentence& s : Fixture()) {
    const auto n = static_cast<uint32_t>(s.size());
    scratch.tokens.clear();
    for (size_t i = 0; i < s.size(); ++i) {
      scratch.tokens.push_back(model.Attrs(s.form[i], s.upos[i], s.xpos[i]));
    }
    std::vector<int32_t> head(n);
    std::vector<uint32_t> label(n);
    model.Parse(n, scratch, head.data(), label.data());
    for (uint32_t i = 0; i < n; ++i) out.arcs.emplace_back(head[i], label[i]);
    out.sizes.push_back(n);
  }
  return out;
}

// A uniform draw in [0, n) (mt19937 yields 32 bits in a wider type).
inline uint32_t Draw(std::mt19937& rng, uint32_t n) {
  return static_cast<uint32_t>(rng() % n);
}

// A gold tree as the oracle sees it: node ids, the root at n.
struct OracleTree {
  std::vector<int32_t> head;
  std::vector<uint32_t> label;
  learn::Gold gold() const {
    return {static_cast<uint32_t>(head.size()), head.data(), label.data()};
  }
};

// A random projective tree over n tokens with one root; labels in
// [0, num_labels) with `root_label` exactly on the root.
inline OracleTree RandomProjectiveTree(uint32_t n, uint32_t num_labels, uint32_t root_label,
                                       std::mt19937& rng) {
  OracleTree t;
  t.head.assign(n, 0);
  t.label.assign(n, 0);
  // Subtrees over contiguous spans: a span's head is a random token inside
  // it; the rest of the span splits into contiguous child spans.
  struct Span {
    int32_t lo, hi, parent;
  };
  std::vector<Span> todo = {{0, static_cast<int32_t>(n), static_cast<int32_t>(n)}};
  while (!todo.empty()) {
    Span s = todo.back();
    todo.pop_back();
    int32_t h = s.lo + static_cast<int32_t>(Draw(rng, static_cast<uint32_t>(s.hi - s.lo)));
    t.head[h] = s.parent;
    t.label[h] = s.parent == static_cast<int32_t>(n)
                     ? root_label
                     : (root_label + 1 + Draw(rng, num_labels - 1)) % num_labels;
    for (auto [lo, hi] : {std::pair{s.lo, h}, std::pair{h + 1, s.hi}}) {
      while (lo < hi) {
        int32_t cut = lo + 1 + static_cast<int32_t>(Draw(rng, static_cast<uint32_t>(hi - lo)));
        todo.push_back({lo, cut, h});
        lo = cut;
      }
    }
  }
  return t;
}

}  // namespace parley::parse::testing
