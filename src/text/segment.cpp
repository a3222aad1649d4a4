// Segmentation driver: finds paragraphs from the line structure of the view,
// tokenizes and sentence-splits each one, and maps view offsets back to the
// original through the view's alignment (begins with ToOriginalBegin, ends
// with ToOriginalEnd semantics).
#include "parley/segment.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "text/char_class.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace parley {
namespace {

using text::TokenSpan;

// Maps non-decreasing view offsets to original offsets by walking the blocks
// forward: the same answers as TextView::ToOriginalBegin / ToOriginalEnd
// without a binary search per token. Begins and ends keep separate cursors
// because each sequence is sorted on its own.
class ForwardMapper {
 public:
  explicit ForwardMapper(const TextView& view) : blocks_(view.blocks()) {
    next_begin_ = next_end_ = blocks_.empty() ? kNone : blocks_[0].view_begin;
  }

  uint32_t Begin(uint32_t v) {
    // The last block with view_begin <= v.
    if (v >= next_begin_) {
      while (begin_cursor_ < blocks_.size() && blocks_[begin_cursor_].view_begin <= v) {
        ++begin_cursor_;
      }
      next_begin_ = begin_cursor_ < blocks_.size() ? blocks_[begin_cursor_].view_begin : kNone;
    }
    if (begin_cursor_ == 0) return v;
    const TextView::Block& b = blocks_[begin_cursor_ - 1];
    return v >= b.view_end ? b.orig_end + (v - b.view_end) : b.orig_begin;
  }

  uint32_t End(uint32_t v) {
    // The last block with view_begin < v: a deletion at v is not in the span.
    if (v > next_end_) {
      while (end_cursor_ < blocks_.size() && blocks_[end_cursor_].view_begin < v) ++end_cursor_;
      next_end_ = end_cursor_ < blocks_.size() ? blocks_[end_cursor_].view_begin : kNone;
    }
    if (end_cursor_ == 0) return v;
    const TextView::Block& b = blocks_[end_cursor_ - 1];
    return v >= b.view_end ? b.orig_end + (v - b.view_end) : b.orig_end;
  }

  // After End(ve): whether a replaced block lies (partly) inside the view
  // span [vb, ve), so the original span is not a plain copy of it.
  bool LastEndTouches(uint32_t vb) const {
    if (end_cursor_ == 0) return false;
    const TextView::Block& b = blocks_[end_cursor_ - 1];
    return b.view_end > vb || b.view_begin > vb;
  }

 private:
  static constexpr uint32_t kNone = ~uint32_t{0};
  const std::vector<TextView::Block>& blocks_;
  size_t begin_cursor_ = 0, end_cursor_ = 0;
  uint32_t next_begin_, next_end_;  // view_begin of the block after each cursor
};

// Whether whitespace follows original offset `e`.
uint8_t SpaceAt(std::string_view original, uint32_t e) {
  if (e >= original.size()) return 0;
  uint8_t f = text::Flags(original[e]);
  // Branch-free for ASCII: space or punctuation after a token is a coin toss.
  auto space = static_cast<uint8_t>((f & text::kSpace) != 0);
  if (__builtin_expect((f & text::kHigh) != 0, 0)) {
    space = text::WhitespaceLength(original, e) != 0;
  }
  return space;
}

void Resize(TokenColumns& tc, size_t n) {
  tc.begin.resize(n);
  tc.end.resize(n);
  tc.vbegin.resize(n);
  tc.vend.resize(n);
  tc.space_after.resize(n);
}

// Writes tokens into the columns by index (no push_back per token: the
// columns grow in chunks and are trimmed at the end). Keeps the original
// spans valid tokens when a repair block makes view and original differ:
// a block straddling two view tokens makes them one original token, and an
// original span that holds whitespace the view dropped (a form feed the
// repair removed) is cut at that whitespace.
class ColumnWriter {
 public:
  ColumnWriter(TokenColumns& tc, std::string_view original, const TextView& view)
      : tc_(tc), original_(original), view_(view) {
    tc_.clear();
  }

  void StartParagraph() { para_first_ = size_; }
  size_t size() const { return size_; }
  uint32_t begin(size_t i) const { return begin_[i]; }
  uint32_t end(size_t i) const { return end_[i]; }

  // Adds the view token [vb, ve), whose original span is [b, e);
  // `replaced`: a repair block lies inside it.
  void Add(uint32_t b, uint32_t e, uint32_t vb, uint32_t ve, bool replaced) {
    if (size_ != 0 && b < end_[size_ - 1]) {
      size_t last = size_ - 1;
      if (size_ > para_first_) {
        // Merge into the previous token (same paragraph only).
        b = begin_[last];
        vb = vbegin_[last];
        if (e < end_[last]) e = end_[last];
        --size_;
        replaced = true;
      } else {
        b = end_[last];
      }
    }
    if (b >= e) return;
    if (replaced && HasSpace(b, e)) {
      AddPieces(b, e, vb, ve);
    } else {
      Put(b, e, vb, ve);
    }
  }

  void Finish() { Resize(tc_, size_); }

 private:
  void Put(uint32_t b, uint32_t e, uint32_t vb, uint32_t ve) {
    if (size_ == capacity_) Grow();
    begin_[size_] = b;
    end_[size_] = e;
    vbegin_[size_] = vb;
    vend_[size_] = ve;
    space_after_[size_] = SpaceAt(original_, e);
    ++size_;
  }

  // Columns are written through raw pointers (the vectors' own would be
  // reloaded after every store), refreshed whenever the columns grow.
  void Grow() {
    capacity_ = size_ + size_ / 2 + 64;
    Resize(tc_, capacity_);
    begin_ = tc_.begin.data();
    end_ = tc_.end.data();
    vbegin_ = tc_.vbegin.data();
    vend_ = tc_.vend.data();
    space_after_ = tc_.space_after.data();
  }

  bool HasSpace(uint32_t b, uint32_t e) const {
    for (uint32_t i = b; i < e; ++i) {
      if (text::WhitespaceLength(original_.substr(0, e), i) != 0) return true;
    }
    return false;
  }

  // The non-whitespace runs of original [b, e), each with its view span
  // clamped into [vb, ve); runs with no view bytes (wholly deleted) drop.
  void AddPieces(uint32_t b, uint32_t e, uint32_t vb, uint32_t ve) {
    std::string_view o = original_.substr(0, e);
    uint32_t i = b;
    while (i < e) {
      size_t n = text::WhitespaceLength(o, i);
      if (n != 0) {
        i += static_cast<uint32_t>(n);
        continue;
      }
      uint32_t start = i;
      while (i < e && text::WhitespaceLength(o, i) == 0) ++i;
      uint32_t pvb = std::max(vb, view_.ToView(start));
      uint32_t pve = std::min(ve, i == e ? ve : view_.ToView(i));
      if (pvb >= pve) continue;
      // Deleted characters at the piece's edges stay out of it.
      uint32_t pb = std::max(start, view_.ToOriginalBegin(pvb));
      uint32_t pe = std::min(i, view_.ToOriginalEnd(pve));
      if (pb < pe) Put(pb, pe, pvb, pve);
    }
  }

  TokenColumns& tc_;
  std::string_view original_;
  const TextView& view_;
  size_t size_ = 0, capacity_ = 0, para_first_ = 0;
  uint32_t *begin_ = nullptr, *end_ = nullptr, *vbegin_ = nullptr, *vend_ = nullptr;
  uint8_t* space_after_ = nullptr;
};

// A non-blank line or paragraph: view bytes [begin, end), whitespace trimmed.
struct Range {
  uint32_t begin, end;
};

// Start of the code point whose last byte is text[i].
size_t CodePointStart(std::string_view text, size_t i) {
  size_t k = i;
  while (k > 0 && i - k < 3 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
  return k;
}

// Trims whitespace (ASCII and Unicode) from both ends of text[b, e).
Range Trim(std::string_view text, size_t b, size_t e) {
  while (b < e) {
    size_t n = text::WhitespaceLength(text.substr(0, e), b);
    if (n == 0) break;
    b += n;
  }
  while (e > b) {
    size_t s = Is(text[e - 1], text::kHigh) ? CodePointStart(text, e - 1) : e - 1;
    if (s < b || text::WhitespaceLength(text.substr(0, e), s) != e - s) break;
    e = s;
  }
  return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

// A line longer than this was not wrapped by hand: text wrapped at a fixed
// width keeps its lines under ~100 columns; a web page's paragraph or a
// headline-then-body file puts a whole paragraph on one line.
constexpr uint32_t kLongLine = 160;

// Paragraphs: runs of non-blank lines separated by blank lines. When no
// blank line separates two lines (or options ask for it), every non-blank
// line is a paragraph of its own; so is, wherever it stands, a line too long
// to be a wrapped one, and the line after it (a headline, a blank line, then
// one paragraph per line).
void FindParagraphs(std::string_view text, bool line_paragraphs, std::vector<Range>* out) {
  // Files with only CR line ends (old Mac) break lines at '\r'.
  char eol = std::memchr(text.data(), '\n', text.size()) ? '\n' : '\r';
  std::vector<Range> lines;  // non-blank lines; begin == end marks a blank line
  bool blank_separates = false, seen_text = false, blank_pending = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const void* hit = std::memchr(text.data() + pos, eol, text.size() - pos);
    size_t nl =
        hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : text.size();
    Range r = Trim(text, pos, nl);
    if (r.begin == r.end) {
      if (seen_text && !blank_pending) lines.push_back({0, 0});
      blank_pending = seen_text;
    } else {
      if (blank_pending) blank_separates = true;
      blank_pending = false;
      seen_text = true;
      lines.push_back(r);
    }
    pos = nl + 1;
  }
  bool each_line = line_paragraphs || !blank_separates;
  Range cur{0, 0};
  bool open = false, last_long = false;
  for (const Range& r : lines) {
    const bool long_line = r.end - r.begin > kLongLine;
    if (r.begin == r.end) {
      if (open) out->push_back(cur);
      open = false;
    } else if (each_line) {
      out->push_back(r);
    } else if (open && !long_line && !last_long) {
      cur.end = r.end;
    } else {
      if (open) out->push_back(cur);
      cur = r;
      open = true;
    }
    last_long = long_line;
  }
  if (open) out->push_back(cur);
}

}  // namespace

Segmentation SegmentText(std::string_view original, const TextView& view,
                         const SegmentOptions& options) {
  Segmentation seg;
  std::string_view text = view.text();
  if (text.empty() || text.size() >= std::numeric_limits<uint32_t>::max() ||
      original.size() >= std::numeric_limits<uint32_t>::max()) {
    return seg;
  }
  std::vector<Range> paragraphs;
  FindParagraphs(text, options.line_paragraphs, &paragraphs);
  // English news averages about six bytes per token.
  seg.tokens.reserve(text.size() / 5 + 16);
  seg.sentences.reserve(text.size() / 100 + 4);
  seg.paragraphs.reserve(paragraphs.size());

  ForwardMapper mapper(view);
  ColumnWriter writer(seg.tokens, original, view);
  std::vector<TokenSpan> spans;
  std::vector<uint32_t> ends, final_index;
  for (const Range& para : paragraphs) {
    spans.clear();
    ends.clear();
    final_index.clear();
    text::Tokenize(text, para.begin, para.end, &spans);
    if (spans.empty()) continue;
    text::SplitSentences(text, &spans, &ends);
    writer.StartParagraph();
    const size_t para_first = writer.size();
    final_index.resize(spans.size());
    for (size_t k = 0; k < spans.size(); ++k) {
      const TokenSpan& s = spans[k];
      uint32_t b = mapper.Begin(s.begin), e = mapper.End(s.end);
      writer.Add(b, e, s.begin, s.end, mapper.LastEndTouches(s.begin));
      final_index[k] = static_cast<uint32_t>(writer.size());  // one past
    }
    // Sentences in final token indices; a sentence whose tokens all merged
    // into the one before disappears.
    auto sentence_begin = static_cast<uint32_t>(seg.sentences.size());
    auto start = static_cast<uint32_t>(para_first);
    for (uint32_t end_idx : ends) {
      uint32_t stop = final_index[end_idx - 1];
      if (stop <= start) continue;
      Sentence s;
      s.token_begin = start;
      s.token_end = stop;
      s.span = {writer.begin(start), writer.end(stop - 1)};
      seg.sentences.push_back(s);
      start = stop;
    }
    if (seg.sentences.size() == sentence_begin) continue;
    Paragraph p;
    p.sentence_begin = sentence_begin;
    p.sentence_end = static_cast<uint32_t>(seg.sentences.size());
    p.span = {seg.sentences[sentence_begin].span.begin, seg.sentences.back().span.end};
    seg.paragraphs.push_back(p);
  }
  writer.Finish();
  return seg;
}

Status SegmentStage::Process(Document& doc) const {
  if (doc.text().size() >= std::numeric_limits<uint32_t>::max()) {
    return ResourceExhausted("segment: text of " + std::to_string(doc.text().size()) +
                             " bytes is over the 4 GiB offset limit");
  }
  Segmentation s = SegmentText(doc.text(), doc.view(), options_);
  doc.mutable_tokens() = std::move(s.tokens);
  doc.mutable_sentences() = std::move(s.sentences);
  doc.mutable_paragraphs() = std::move(s.paragraphs);
  doc.Mark(kAnnTokens | kAnnSentences | kAnnParagraphs);
  return Status::Ok();
}

}  // namespace parley
