// Configuration: the state a transition system rewrites while it reads one
// sentence of n tokens: a stack, a buffer, the arcs built so far and one
// label per token. A parser uses all of it; a tagger only the buffer and the
// labels (its "arc" is the label it gives the token under the cursor).
//
// Node n is the artificial root. It is the last buffer item when Reset() is
// asked for it (root-at-end, as in arc-hybrid systems) and never on the
// stack. Every array is sized at Reset() and reused across sentences, so
// decoding allocates nothing per token once the buffers have grown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::learn {

class Configuration {
 public:
  static constexpr int32_t kNone = -1;

  // Empties the state for a sentence of n tokens; the buffer holds tokens
  // 0..n-1, then the root node n when `root_in_buffer`.
  void Reset(uint32_t n, bool root_in_buffer);

  uint32_t size() const { return n_; }
  int32_t root() const { return static_cast<int32_t>(n_); }

  // Stack; Stack(0) is the top. kNone past the bottom.
  size_t stack_size() const { return stack_.size(); }
  int32_t Stack(size_t i) const {
    return i < stack_.size() ? stack_[stack_.size() - 1 - i] : kNone;
  }
  void Push(int32_t node) { stack_.push_back(node); }
  int32_t Pop() {
    int32_t top = stack_.back();
    stack_.pop_back();
    return top;
  }
  // Nodes from the bottom of the stack up (for oracles that scan it).
  const std::vector<int32_t>& stack_nodes() const { return stack_; }

  // Buffer: nodes [front, buffer_end). Buffer(0) is the front.
  size_t buffer_size() const { return buffer_end_ - front_; }
  int32_t Buffer(size_t i) const {
    return i < buffer_size() ? static_cast<int32_t>(front_ + i) : kNone;
  }
  int32_t buffer_front() const { return static_cast<int32_t>(front_); }
  int32_t buffer_end() const { return static_cast<int32_t>(buffer_end_); }
  // Removes the front of the buffer (a SHIFT pushes it afterwards).
  void Advance() { ++front_; }
  bool InBuffer(int32_t node) const {
    return node >= static_cast<int32_t>(front_) && node < static_cast<int32_t>(buffer_end_);
  }

  // Arcs. head(node) is kNone until an arc is added; label() meaningful only
  // for nodes with a head (or, for taggers, after SetLabel).
  void AddArc(int32_t head, int32_t dep, uint32_t label);
  void SetLabel(int32_t node, uint32_t label) { label_[node] = label; }
  int32_t head(int32_t node) const { return head_[node]; }
  uint32_t label(int32_t node) const { return label_[node]; }

  // The two leftmost / rightmost dependents of a node (k = 0 or 1, kNone if
  // absent), their counts and the set of their labels (label % 64 as a bit).
  int32_t LeftChild(int32_t node, int k) const { return left_[2 * node + k]; }
  int32_t RightChild(int32_t node, int k) const { return right_[2 * node + k]; }
  uint32_t left_count(int32_t node) const { return left_count_[node]; }
  uint32_t right_count(int32_t node) const { return right_count_[node]; }
  uint64_t left_labels(int32_t node) const { return left_labels_[node]; }
  uint64_t right_labels(int32_t node) const { return right_labels_[node]; }

 private:
  uint32_t n_ = 0;
  uint32_t front_ = 0, buffer_end_ = 0;
  std::vector<int32_t> stack_;
  std::vector<int32_t> head_;
  std::vector<uint32_t> label_;
  std::vector<int32_t> left_, right_;  // 2 per node
  std::vector<uint32_t> left_count_, right_count_;
  std::vector<uint64_t> left_labels_, right_labels_;
};

}  // namespace parley::learn
