#include "parley/document.h"

#include <algorithm>

namespace parley {

const char* RepairReasonName(RepairReason r) {
  switch (r) {
    case RepairReason::kInvalidUtf8: return "invalid_utf8";
    case RepairReason::kNfc: return "nfc";
    case RepairReason::kHomoglyph: return "homoglyph";
    case RepairReason::kKeyboardLayout: return "keyboard_layout";
    case RepairReason::kControl: return "control_character";
    case RepairReason::kBoilerplate: return "boilerplate";
  }
  return "unknown";
}

const char* QuoteKindName(QuoteKind k) {
  switch (k) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kIndirect: return "indirect";
    case QuoteKind::kMixed: return "mixed";
  }
  return "unknown";
}

const char* EventPolarityName(EventPolarity p) {
  switch (p) {
    case EventPolarity::kAsserted: return "asserted";
    case EventPolarity::kNegated: return "negated";
  }
  return "unknown";
}

const char* EventModalityName(EventModality m) {
  switch (m) {
    case EventModality::kActual: return "actual";
    case EventModality::kIntended: return "intended";
    case EventModality::kHypothetical: return "hypothetical";
    case EventModality::kRequested: return "requested";
  }
  return "unknown";
}

void TokenColumns::clear() {
  begin.clear();
  end.clear();
  vbegin.clear();
  vend.clear();
  space_after.clear();
  upos.clear();
  xpos.clear();
  lemma.clear();
  deprel.clear();
  head.clear();
}

void TokenColumns::reserve(size_t n) {
  begin.reserve(n);
  end.reserve(n);
  vbegin.reserve(n);
  vend.reserve(n);
  space_after.reserve(n);
}

void TokenColumns::push_back(uint32_t b, uint32_t e, uint32_t vb, uint32_t ve, bool space) {
  begin.push_back(b);
  end.push_back(e);
  vbegin.push_back(vb);
  vend.push_back(ve);
  space_after.push_back(space ? 1 : 0);
}

Document::Document(std::string text, DocumentMeta meta)
    : text_(std::move(text)), meta_(std::move(meta)), view_(TextView::Identity(text_)) {}

Document::Document(Document&& o) noexcept
    : text_(std::move(o.text_)),
      meta_(std::move(o.meta_)),
      view_(std::move(o.view_)),
      repairs_(std::move(o.repairs_)),
      tokens_(std::move(o.tokens_)),
      sentences_(std::move(o.sentences_)),
      paragraphs_(std::move(o.paragraphs_)),
      mentions_(std::move(o.mentions_)),
      entities_(std::move(o.entities_)),
      quotes_(std::move(o.quotes_)),
      times_(std::move(o.times_)),
      events_(std::move(o.events_)),
      strings_(std::move(o.strings_)),
      annotations_(o.annotations_) {
  // A moved short string changes address: re-point an identity view.
  if (view_.identity()) view_ = TextView::Identity(text_);
  o.view_ = TextView::Identity(o.text_);
}

Document& Document::operator=(Document&& o) noexcept {
  if (this == &o) return *this;
  text_ = std::move(o.text_);
  meta_ = std::move(o.meta_);
  view_ = std::move(o.view_);
  repairs_ = std::move(o.repairs_);
  tokens_ = std::move(o.tokens_);
  sentences_ = std::move(o.sentences_);
  paragraphs_ = std::move(o.paragraphs_);
  mentions_ = std::move(o.mentions_);
  entities_ = std::move(o.entities_);
  quotes_ = std::move(o.quotes_);
  times_ = std::move(o.times_);
  events_ = std::move(o.events_);
  strings_ = std::move(o.strings_);
  annotations_ = o.annotations_;
  if (view_.identity()) view_ = TextView::Identity(text_);
  o.view_ = TextView::Identity(o.text_);
  return *this;
}

void Document::SetView(TextView view, std::vector<Repair> repairs) {
  view_ = view.identity() ? TextView::Identity(text_) : std::move(view);
  repairs_ = std::move(repairs);
  annotations_ |= kAnnView;
}

std::string_view Document::TokenText(size_t i) const {
  return std::string_view(text_).substr(tokens_.begin[i], tokens_.end[i] - tokens_.begin[i]);
}

std::string_view Document::TokenForm(size_t i) const {
  return view_.text().substr(tokens_.vbegin[i], tokens_.vend[i] - tokens_.vbegin[i]);
}

std::optional<std::pair<uint32_t, uint32_t>> Document::TokenRange(Span span, Alignment mode) const {
  const auto& b = tokens_.begin;
  const auto& e = tokens_.end;
  if (span.end < span.begin || b.empty()) return std::nullopt;
  uint32_t first = 0, last = 0;
  switch (mode) {
    case Alignment::kStrict: {
      auto it = std::lower_bound(b.begin(), b.end(), span.begin);
      if (it == b.end() || *it != span.begin) return std::nullopt;
      auto jt = std::lower_bound(e.begin(), e.end(), span.end);
      if (jt == e.end() || *jt != span.end) return std::nullopt;
      first = static_cast<uint32_t>(it - b.begin());
      last = static_cast<uint32_t>(jt - e.begin()) + 1;
      break;
    }
    case Alignment::kContract: {
      first = static_cast<uint32_t>(std::lower_bound(b.begin(), b.end(), span.begin) - b.begin());
      last = static_cast<uint32_t>(std::upper_bound(e.begin(), e.end(), span.end) - e.begin());
      break;
    }
    case Alignment::kExpand: {
      // First token ending after span.begin; last token beginning before span.end.
      first = static_cast<uint32_t>(std::upper_bound(e.begin(), e.end(), span.begin) - e.begin());
      last = static_cast<uint32_t>(std::lower_bound(b.begin(), b.end(), span.end) - b.begin());
      break;
    }
  }
  if (first >= last) return std::nullopt;
  return std::make_pair(first, last);
}

}  // namespace parley
