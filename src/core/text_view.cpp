#include "parley/text_view.h"

#include <algorithm>
#include <cassert>

namespace parley {

TextView::Builder::Builder(std::string_view original) : original_(original) {
  text_.reserve(original.size());
}

void TextView::Builder::KeepUntil(uint32_t orig_end) {
  assert(orig_end >= cursor_ && orig_end <= original_.size());
  text_.append(original_.data() + cursor_, orig_end - cursor_);
  cursor_ = orig_end;
}

void TextView::Builder::Replace(uint32_t orig_begin, uint32_t orig_end,
                                std::string_view replacement) {
  KeepUntil(orig_begin);
  assert(orig_end >= orig_begin && orig_end <= original_.size());
  auto vb = static_cast<uint32_t>(text_.size());
  text_.append(replacement);
  auto ve = static_cast<uint32_t>(text_.size());
  blocks_.push_back({vb, ve, orig_begin, orig_end});
  cursor_ = orig_end;
}

TextView TextView::Builder::Finish() && {
  if (blocks_.empty()) {
    return Identity(original_);
  }
  KeepUntil(static_cast<uint32_t>(original_.size()));
  TextView v;
  v.identity_ = false;
  v.original_ = original_;
  v.text_ = std::move(text_);
  v.blocks_ = std::move(blocks_);
  return v;
}

TextView TextView::Identity(std::string_view original) {
  TextView v;
  v.identity_ = true;
  v.original_ = original;
  return v;
}

uint32_t TextView::ToOriginalBegin(uint32_t v) const {
  if (blocks_.empty()) return v;
  // Last block with view_begin <= v.
  auto it = std::upper_bound(blocks_.begin(), blocks_.end(), v,
                             [](uint32_t x, const Block& b) { return x < b.view_begin; });
  if (it == blocks_.begin()) return v;
  const Block& b = *(it - 1);
  if (v >= b.view_end) return b.orig_end + (v - b.view_end);
  return b.orig_begin;
}

uint32_t TextView::ToOriginalEnd(uint32_t v) const {
  if (blocks_.empty()) return v;
  // Last block with view_begin < v (a deletion at v is not part of the span).
  auto it = std::lower_bound(blocks_.begin(), blocks_.end(), v,
                             [](const Block& b, uint32_t x) { return b.view_begin < x; });
  if (it == blocks_.begin()) return v;
  const Block& b = *(it - 1);
  if (v >= b.view_end) return b.orig_end + (v - b.view_end);
  return b.orig_end;
}

uint32_t TextView::ToView(uint32_t orig) const {
  if (blocks_.empty()) return orig;
  auto it = std::upper_bound(blocks_.begin(), blocks_.end(), orig,
                             [](uint32_t x, const Block& b) { return x < b.orig_begin; });
  if (it == blocks_.begin()) return orig;
  const Block& b = *(it - 1);
  if (orig >= b.orig_end) return b.view_end + (orig - b.orig_end);
  return b.view_begin;
}

}  // namespace parley
