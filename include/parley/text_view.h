// TextView: the processing view of a document's original text.
//
// Repair and normalisation never change the original bytes. They build a
// view (the text later stages read) together with an alignment back to the
// original: a sorted list of replaced blocks. Outside a block a view byte
// maps to the original byte at a constant shift; a span edge inside a block
// maps to the block's edge (begins contract to the block begin, ends expand to
// the block end), so every output offset is an original offset.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

class TextView {
 public:
  // One replaced block: original bytes [orig_begin, orig_end) are shown as
  // view bytes [view_begin, view_end). Either side may be empty.
  struct Block {
    uint32_t view_begin, view_end;
    uint32_t orig_begin, orig_end;
  };

  // Builds a view left to right over an original text.
  class Builder {
   public:
    explicit Builder(std::string_view original);
    // Copies original bytes [cursor, orig_end) unchanged.
    void KeepUntil(uint32_t orig_end);
    // Shows original bytes [orig_begin, orig_end) as `replacement`. Bytes
    // between the cursor and orig_begin are kept.
    void Replace(uint32_t orig_begin, uint32_t orig_end, std::string_view replacement);
    // Keeps the rest of the original and returns the view.
    TextView Finish() &&;

   private:
    std::string_view original_;
    uint32_t cursor_ = 0;
    std::string text_;
    std::vector<Block> blocks_;
  };

  TextView() = default;
  // The identity view of `original` (no blocks, no copy).
  static TextView Identity(std::string_view original);

  // The processing text. For an identity view this is the original itself, so
  // the view must not outlive the string it was built from.
  std::string_view text() const { return identity_ ? original_ : std::string_view(text_); }
  bool identity() const { return identity_; }
  const std::vector<Block>& blocks() const { return blocks_; }

  // Original offset for a span that begins at view offset `v`.
  uint32_t ToOriginalBegin(uint32_t v) const;
  // Original offset for a span that ends at view offset `v`.
  uint32_t ToOriginalEnd(uint32_t v) const;
  // View offset for an original offset (inside a block: the block's view begin).
  uint32_t ToView(uint32_t orig) const;

 private:
  bool identity_ = true;
  std::string_view original_;
  std::string text_;
  std::vector<Block> blocks_;
};

}  // namespace parley
