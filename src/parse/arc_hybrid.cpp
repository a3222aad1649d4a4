// Arc-hybrid transitions and oracles (see arc_hybrid.h).
#include "parse/arc_hybrid.h"

#include <algorithm>
#include <limits>

namespace parley::parse {
namespace {

using learn::Configuration;

constexpr int32_t kIllegalCost = std::numeric_limits<int32_t>::max() / 2;

// Gold dependents of `node` still in the buffer: they can only be attached
// while `node` is on the stack, so popping it loses them.
int32_t BufferDependents(const Configuration& c, const learn::Gold& gold, int32_t node) {
  int32_t count = 0;
  const auto end = static_cast<int32_t>(gold.n);  // the root has no head
  for (int32_t k = c.buffer_front(); k < end; ++k) count += gold.head[k] == node;
  return count;
}

}  // namespace

ArcHybrid::ArcHybrid(uint32_t num_labels, uint32_t root_label)
    : TransitionSystem(learn::TransitionSet({false, true, true}, num_labels)),
      root_label_(root_label) {}

void ArcHybrid::Initialize(Configuration& c, uint32_t n) const {
  c.Reset(n, true);
}

bool ArcHybrid::IsTerminal(const Configuration& c) const {
  return c.stack_size() == 0 && c.buffer_front() == c.root();
}

void ArcHybrid::Legal(const Configuration& c, uint8_t* legal) const {
  const learn::TransitionSet& t = transitions();
  const uint32_t labels = t.num_labels();
  const bool root_next = c.buffer_front() == c.root();
  legal[t.FirstClass(kShift)] = !root_next;
  // LEFT onto the root only for the last stack item and only as "root";
  // "root" nowhere else. Together these make every result a tree.
  const bool left = c.stack_size() > 0 && (!root_next || c.stack_size() == 1);
  const bool right = c.stack_size() > 1;
  uint8_t* l = legal + t.FirstClass(kLeft);
  uint8_t* r = legal + t.FirstClass(kRight);
  for (uint32_t k = 0; k < labels; ++k) {
    bool is_root = k == root_label_;
    l[k] = left && (is_root == root_next);
    r[k] = right && !is_root;
  }
}

void ArcHybrid::Apply(Configuration& c, uint32_t k) const {
  learn::Transition t = transitions().Get(k);
  switch (t.move) {
    case kShift:
      c.Push(c.buffer_front());
      c.Advance();
      break;
    case kLeft: {
      int32_t dep = c.Pop();
      c.AddArc(c.buffer_front(), dep, t.label);
      break;
    }
    default: {
      int32_t dep = c.Pop();
      c.AddArc(c.Stack(0), dep, t.label);
      break;
    }
  }
}

void ArcHybridOracle::Costs(const Configuration& c, const learn::Gold& gold, const uint8_t* legal,
                            int32_t* costs) const {
  const learn::TransitionSet& t = system_.transitions();
  const uint32_t labels = t.num_labels();
  const int32_t s0 = c.Stack(0), s1 = c.Stack(1), b0 = c.buffer_front();
  const auto root = static_cast<int32_t>(gold.n);

  // The single-root rule adds one thing to Goldberg & Nivre's costs: only
  // the last stack item can attach to the root, so the gold root word keeps
  // its arc only while it is in the buffer or at the bottom of the stack.
  //
  // SHIFT: b0 can no longer take a head from the stack below s0, nor
  // dependents from anywhere on the stack; and if it is the gold root word,
  // it now sits above other words and loses the root arc.
  int32_t shift = 0;
  if (b0 != root) {
    for (int32_t k : c.stack_nodes()) {
      shift += (gold.head[b0] == k && k != s0) + (gold.head[k] == b0);
    }
    shift += gold.head[b0] == root && c.stack_size() > 0;
  }
  // LEFT / RIGHT pop s0: it loses its buffer dependents and any head other
  // than the one the arc gives it that it could still reach (s1 or the
  // buffer; heads deeper in the stack are already out of reach, as is the
  // root unless s0 is the last stack item).
  int32_t left = 0, right = 0;
  int32_t gold_head = learn::Configuration::kNone;
  if (s0 != learn::Configuration::kNone) {
    gold_head = gold.head[s0];
    int32_t deps = BufferDependents(c, gold, s0);
    bool head_reachable =
        gold_head == root ? c.stack_size() == 1 : gold_head == s1 || c.InBuffer(gold_head);
    left = deps + (head_reachable && gold_head != b0);
    right = deps + (head_reachable && gold_head != s1);
  }

  costs[t.FirstClass(kShift)] = legal[t.FirstClass(kShift)] ? shift : kIllegalCost;
  const uint32_t gold_label = s0 != learn::Configuration::kNone ? gold.label[s0] : 0;
  for (uint32_t k = 0; k < labels; ++k) {
    uint32_t lk = t.FirstClass(kLeft) + k, rk = t.FirstClass(kRight) + k;
    costs[lk] = legal[lk] ? left + (gold_head == b0 && k != gold_label) : kIllegalCost;
    costs[rk] = legal[rk] ? right + (gold_head == s1 && k != gold_label) : kIllegalCost;
  }
}

uint32_t StaticOracle(const ArcHybrid& system, const Configuration& c, const learn::Gold& gold) {
  const learn::TransitionSet& t = system.transitions();
  const int32_t s0 = c.Stack(0), s1 = c.Stack(1), b0 = c.buffer_front();
  if (s0 != Configuration::kNone && BufferDependents(c, gold, s0) == 0) {
    uint16_t label = static_cast<uint16_t>(gold.label[s0]);
    if (gold.head[s0] == b0) return t.Class({kLeft, label});
    if (s1 != Configuration::kNone && gold.head[s0] == s1) return t.Class({kRight, label});
  }
  if (b0 != c.root()) return t.Class({kShift, 0});
  return t.size();
}

bool IsProjective(const int32_t* head, uint32_t n) {
  // Arc spans with the root at position -1; two arcs cross when exactly one
  // end of one lies strictly inside the other.
  for (uint32_t i = 0; i < n; ++i) {
    int32_t a = std::min(head[i], static_cast<int32_t>(i));
    int32_t b = std::max(head[i], static_cast<int32_t>(i));
    for (uint32_t j = i + 1; j < n; ++j) {
      int32_t c = std::min(head[j], static_cast<int32_t>(j));
      int32_t d = std::max(head[j], static_cast<int32_t>(j));
      if ((a < c && c < b && b < d) || (c < a && a < d && d < b)) return false;
    }
  }
  return true;
}

}  // namespace parley::parse
