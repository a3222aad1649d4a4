// Configuration bookkeeping (see configuration.h).
#include "learn/configuration.h"

namespace parley::learn {

void Configuration::Reset(uint32_t n, bool root_in_buffer) {
  n_ = n;
  front_ = 0;
  buffer_end_ = root_in_buffer ? n + 1 : n;
  stack_.clear();
  // assign() keeps capacity, so a long-lived configuration stops allocating
  // once it has seen its longest sentence.
  size_t nodes = size_t{n} + 1;
  head_.assign(nodes, kNone);
  label_.assign(nodes, 0);
  left_.assign(2 * nodes, kNone);
  right_.assign(2 * nodes, kNone);
  left_count_.assign(nodes, 0);
  right_count_.assign(nodes, 0);
  left_labels_.assign(nodes, 0);
  right_labels_.assign(nodes, 0);
}

void Configuration::AddArc(int32_t head, int32_t dep, uint32_t label) {
  head_[dep] = head;
  label_[dep] = label;
  uint64_t bit = uint64_t{1} << (label % 64);
  if (dep < head) {
    // Keep the two leftmost: dep may land before, between or after them.
    int32_t* lc = &left_[2 * head];
    if (lc[0] == kNone || dep < lc[0]) {
      lc[1] = lc[0];
      lc[0] = dep;
    } else if (lc[1] == kNone || dep < lc[1]) {
      lc[1] = dep;
    }
    ++left_count_[head];
    left_labels_[head] |= bit;
  } else {
    int32_t* rc = &right_[2 * head];
    if (rc[0] == kNone || dep > rc[0]) {
      rc[1] = rc[0];
      rc[0] = dep;
    } else if (rc[1] == kNone || dep > rc[1]) {
      rc[1] = dep;
    }
    ++right_count_[head];
    right_labels_[head] |= bit;
  }
}

}  // namespace parley::learn
