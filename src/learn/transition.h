// Transitions of a transition-based model: a move chosen by the system
// (SHIFT, LEFT-ARC, TAG, ...) with an optional label argument (a dependency
// relation, a tag). TransitionSet numbers the (move, label) pairs densely, so a
// linear model sees one class per transition and one weight row covers all.
//
// Shared by the parser and any transition-based tagger: neither the moves nor
// the labels mean anything here.
#pragma once

#include <cstdint>
#include <vector>

namespace parley::learn {

struct Transition {
  uint16_t move = 0;
  uint16_t label = 0;  // 0 for moves that take no label
  friend bool operator==(const Transition&, const Transition&) = default;
};

class TransitionSet {
 public:
  TransitionSet() = default;
  // labelled[m]: whether move m takes one of `num_labels` labels; an
  // unlabelled move is one class, a labelled one `num_labels` classes.
  TransitionSet(const std::vector<bool>& labelled, uint32_t num_labels) : num_labels_(num_labels) {
    for (size_t m = 0; m < labelled.size(); ++m) {
      first_.push_back(static_cast<uint32_t>(classes_.size()));
      uint32_t count = labelled[m] ? num_labels : 1;
      for (uint32_t l = 0; l < count; ++l) {
        classes_.push_back({static_cast<uint16_t>(m), static_cast<uint16_t>(l)});
      }
    }
    first_.push_back(static_cast<uint32_t>(classes_.size()));
  }

  uint32_t size() const { return static_cast<uint32_t>(classes_.size()); }
  uint32_t num_moves() const { return static_cast<uint32_t>(first_.size()) - 1; }
  uint32_t num_labels() const { return num_labels_; }
  Transition Get(uint32_t cls) const { return classes_[cls]; }
  // The class of `t`; the label is ignored for unlabelled moves.
  uint32_t Class(Transition t) const {
    uint32_t first = first_[t.move];
    return first_[t.move + 1] - first > 1 ? first + t.label : first;
  }
  // Classes of move m are [FirstClass(m), FirstClass(m + 1)).
  uint32_t FirstClass(uint32_t move) const { return first_[move]; }

 private:
  uint32_t num_labels_ = 0;
  std::vector<Transition> classes_;
  std::vector<uint32_t> first_;  // num_moves + 1
};

}  // namespace parley::learn
