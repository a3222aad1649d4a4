// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011)
// with the root at the end of the buffer, and its oracles.
//
//   SHIFT      move the buffer front b0 onto the stack
//   LEFT(l)    s0 <-l- b0, pop s0
//   RIGHT(l)   s1 -l-> s0, pop s0
//
// With the root last in the buffer and LEFT onto the root allowed only for
// the last stack item (with label "root"), every terminal configuration is a
// tree with exactly one root, whatever the model predicts: there is no
// post-processing of leftover tokens. Decoding takes exactly 2n steps.
//
// The dynamic oracle is Goldberg & Nivre's (2013) arc-decomposable cost for
// arc-hybrid, labelled: a transition costs the gold arcs it makes
// unreachable, plus one if it builds a gold arc with the wrong label. It is
// exact for projective trees. The static oracle gives the canonical gold
// sequence and exists to check the dynamic one.
#pragma once

#include <cstdint>

#include "learn/transition_system.h"

namespace parley::parse {

enum Move : uint16_t { kShift = 0, kLeft = 1, kRight = 2 };

class ArcHybrid final : public learn::TransitionSystem {
 public:
  // Labels are ids 0..num_labels-1; `root_label` is the only label allowed
  // (and required) on the arc from the root.
  ArcHybrid(uint32_t num_labels, uint32_t root_label);

  uint32_t root_label() const { return root_label_; }

  void Initialize(learn::Configuration& c, uint32_t n) const override;
  bool IsTerminal(const learn::Configuration& c) const override;
  void Legal(const learn::Configuration& c, uint8_t* legal) const override;
  void Apply(learn::Configuration& c, uint32_t k) const override;

 private:
  uint32_t root_label_;
};

class ArcHybridOracle final : public learn::Oracle {
 public:
  explicit ArcHybridOracle(const ArcHybrid& system) : system_(system) {}
  void Costs(const learn::Configuration& c, const learn::Gold& gold, const uint8_t* legal,
             int32_t* costs) const override;

 private:
  const ArcHybrid& system_;
};

// The canonical gold transition in `c` for a projective gold tree: LEFT or
// RIGHT as soon as s0 has collected all its dependents, else SHIFT. Returns
// the system's class count when no transition leads to the gold tree.
uint32_t StaticOracle(const ArcHybrid& system, const learn::Configuration& c,
                      const learn::Gold& gold);

// Whether the tree (head[i]: a token index or -1 for the root) has no
// crossing arcs, the root arc included.
bool IsProjective(const int32_t* head, uint32_t n);

}  // namespace parley::parse
