// TransitionSystem, Oracle and TransitionFeatures: the three interfaces a
// transition-based model plugs into the shared greedy decoder and trainer
// (greedy_decoder.h, oracle_trainer.h). A parser supplies arc-hybrid moves
// and an arc oracle; a tagger would supply one TAG move whose label is the
// tag, and an oracle that charges 1 for a wrong tag.
//
// Virtual rather than templated: one call per decision is noise next to
// scoring a hundred features, and it keeps the framework in one .cpp.
#pragma once

#include <cstdint>

#include "learn/configuration.h"
#include "learn/features.h"
#include "learn/transition.h"

namespace parley::learn {

class TransitionSystem {
 public:
  virtual ~TransitionSystem() = default;

  const TransitionSet& transitions() const { return transitions_; }
  uint32_t num_classes() const { return transitions_.size(); }

  // Puts `c` in the initial state for a sentence of n tokens.
  virtual void Initialize(Configuration& c, uint32_t n) const = 0;
  virtual bool IsTerminal(const Configuration& c) const = 0;
  // legal[k] = 1 when class k may be applied to `c`, else 0. In a
  // non-terminal configuration at least one class is legal.
  virtual void Legal(const Configuration& c, uint8_t* legal) const = 0;
  // Applies class k, which must be legal.
  virtual void Apply(Configuration& c, uint32_t k) const = 0;

 protected:
  explicit TransitionSystem(TransitionSet transitions) : transitions_(std::move(transitions)) {}

 private:
  TransitionSet transitions_;
};

// The gold annotation of one sentence of n tokens. head[i] is a node index
// (n for the root), label[i] a label id. A tagger leaves head null.
struct Gold {
  uint32_t n = 0;
  const int32_t* head = nullptr;
  const uint32_t* label = nullptr;
};

class Oracle {
 public:
  virtual ~Oracle() = default;
  // costs[k] for every legal class k: how many gold facts (arcs, labels,
  // tags) applying k makes unreachable from `c`. A dynamic oracle answers in
  // any configuration, including those reached by mistakes; the transitions
  // of cost 0 are exactly those that keep the best reachable result.
  virtual void Costs(const Configuration& c, const Gold& gold, const uint8_t* legal,
                     int32_t* costs) const = 0;
};

// What the model sees: the features of a configuration. An implementation
// is bound to one sentence's token attributes before decoding it.
class TransitionFeatures {
 public:
  virtual ~TransitionFeatures() = default;
  // Replaces *out with the features of `c`.
  virtual void Extract(const Configuration& c, FeatureVector* out) const = 0;
};

}  // namespace parley::learn
