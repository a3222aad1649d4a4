// RepairText: one left-to-right pass that builds the processing view.
//
// Almost all news text is plain ASCII with a few curly quotes per paragraph,
// so the pass is built around a vectorised scan for the next byte that could
// need work (a byte >= 0x80 or a control byte); everything between two such
// bytes is appended to the view as one run. No view is built at all until the
// first change, so clean ASCII yields an identity view without a copy.
#include "parley/repair.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstdlib>
#include <optional>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "text/boilerplate.h"
#include "text/mixed_script.h"
#include "text/typography.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parley {
namespace {

bool IsAsciiLetter(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

// Control bytes the view drops. NUL goes too: no later stage expects it, and
// C strings downstream (utf8proc, the store) would stop at it.
constexpr bool IsAsciiControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

constexpr auto kSpecial = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = c >= 0x80 || IsAsciiControl(static_cast<unsigned char>(c));
  return t;
}();

// Position of the first byte at or after `i` that is not plain printable
// ASCII, \t, \n or \r; s.size() if none.
size_t FindSpecial(std::string_view s, size_t i) {
  const char* p = s.data();
  const size_t n = s.size();
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Signed compare: bytes >= 0x80 are negative, so they count as "< 0x20".
    __m128i hit = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del));
    if (_mm_movemask_epi8(hit) == 0) continue;
    __m128i ok = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                              _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                           _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(ok, hit)));
    if (mask != 0) return i + static_cast<size_t>(std::countr_zero(mask));
  }
#endif
  for (; i < n; ++i) {
    if (kSpecial[static_cast<unsigned char>(p[i])]) return i;
  }
  return n;
}

// Code points that NFC changes even standing alone (Unicode's NFC_QC=No):
// singletons such as U+212B ANGSTROM SIGN and composition exclusions. Derived
// once from utf8proc itself so it always agrees with the normaliser; none
// lies above U+2FA1D.
constexpr char32_t kNfcTableSize = 0x2FA20;
bool NfcChangesAlone(char32_t cp) {
  static const std::bitset<kNfcTableSize> table = [] {
    std::bitset<kNfcTableSize> t;
    for (char32_t c = 0x300; c < kNfcTableSize; ++c) {
      const auto* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
      if (p->decomp_type != 0 || p->decomp_seqindex == UINT16_MAX) continue;  // no canonical
      utf8proc_int32_t buf[8];
      int boundclass = 0;
      auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), buf, 8, UTF8PROC_DECOMPOSE,
                                       &boundclass);
      if (n <= 0 || n > 8) continue;
      n = utf8proc_normalize_utf32(
          buf, n, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
      if (n != 1 || buf[0] != static_cast<utf8proc_int32_t>(c)) t.set(c);
    }
    return t;
  }();
  return cp < kNfcTableSize && table.test(cp);
}

bool IsMark(const utf8proc_property_t* p) {
  return p->category >= UTF8PROC_CATEGORY_MN && p->category <= UTF8PROC_CATEGORY_ME;
}
bool IsLetterOrMark(const utf8proc_property_t* p) {
  return p->category >= UTF8PROC_CATEGORY_LU && p->category <= UTF8PROC_CATEGORY_ME;
}

// True when a run containing `cp` may read differently after NFC: `cp`
// composes with what precedes it (marks, Hangul vowel and final jamo), gets
// reordered (non-zero combining class), or is NFC_QC=No itself. Everything
// below U+0300 is stable, which keeps Latin-1 names off the slow path.
bool MayChangeUnderNfc(char32_t cp, const utf8proc_property_t* p) {
  if (cp < 0x300) return false;
  if (cp >= 0x1100 && cp <= 0x11FF) return true;
  return p->combining_class != 0 || IsMark(p) || NfcChangesAlone(cp);
}

// NFC of valid UTF-8 `in` into *out. False (and *out untouched) when nothing
// changes or utf8proc fails.
bool Nfc(std::string_view in, std::string* out) {
  utf8proc_uint8_t* dst = nullptr;
  utf8proc_ssize_t len =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(in.data()),
                   static_cast<utf8proc_ssize_t>(in.size()), &dst,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  bool changed = false;
  if (len >= 0 && dst != nullptr) {
    std::string_view result(reinterpret_cast<const char*>(dst), static_cast<size_t>(len));
    if (result != in) {
      out->assign(result);
      changed = true;
    }
  }
  std::free(dst);
  return changed;
}

bool IsForeign(char32_t cp) {
  text::Script s = text::ScriptOf(cp);
  return s == text::Script::kCyrillic || s == text::Script::kGreek;
}

// State of one RepairText call.
class Repairer {
 public:
  Repairer(std::string_view original, const RepairOptions& options,
           std::vector<std::pair<size_t, size_t>> cards)
      : s_(original), options_(options), cards_(std::move(cards)) {}

  RepairResult Run(size_t i) {
    const size_t n = s_.size();
    while ((i = FindSpecial(s_, i)) < n) {
      // Boilerplate before or around the next special byte goes first; what
      // lies inside it goes with it.
      if (next_card_ < cards_.size() && cards_[next_card_].first <= i) {
        const auto [b, e] = cards_[next_card_++];
        Record(b, e, "", RepairReason::kBoilerplate);
        i = std::max(i, e);
        continue;
      }
      auto c = static_cast<unsigned char>(s_[i]);
      if (c < 0x80) {
        size_t j = i + 1;
        while (j < n && IsAsciiControl(static_cast<unsigned char>(s_[j]))) ++j;
        Record(i, j, "", RepairReason::kControl);
        i = j;
        continue;
      }
      char32_t cp;
      int len = utf8::Decode(s_, i, &cp);
      if (len == 0) {
        size_t j = i + utf8::InvalidRunLength(s_, i);
        Record(i, j, "\xEF\xBF\xBD", RepairReason::kInvalidUtf8);
        i = j;
        continue;
      }
      i = CodePoint(i, i + static_cast<size_t>(len), cp);
    }
    while (next_card_ < cards_.size()) {
      const auto [b, e] = cards_[next_card_++];
      if (b >= limit_) Record(b, e, "", RepairReason::kBoilerplate);
    }
    RepairResult r;
    r.view = builder_ ? std::move(*builder_).Finish() : TextView::Identity(s_);
    r.repairs = std::move(repairs_);
    return r;
  }

 private:
  // Handles the valid non-ASCII code point `cp` at [i, end); returns where
  // the scan goes on.
  size_t CodePoint(size_t i, size_t end, char32_t cp) {
    if (cp <= 0x9F) {
      C1Control(i, end, cp);
      return end;
    }
    if (options_.canonical_typography) {
      if (std::optional<std::string_view> t = text::CanonicalTypography(cp)) {
        Replace(i, end, *t);
        return end;
      }
    }
    const auto* prop = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
    if (IsLetterOrMark(prop)) return Word(i, prop);
    std::string nfc;
    if (options_.nfc && MayChangeUnderNfc(cp, prop) && Nfc(s_.substr(i, end - i), &nfc)) {
      Record(i, end, nfc, RepairReason::kNfc);
    }
    return end;
  }

  // A C1 control character in news text is nearly always a Windows-1252
  // byte decoded as Latin-1 (U+0092 for ’, U+0096 for –). Dropping it, as for
  // other controls, would glue "campaign\u0092s" into "campaigns" and lose
  // quotation marks, so it reads as the character meant; the repair records
  // that character and the view shows its canonical spelling.
  void C1Control(size_t i, size_t end, char32_t cp) {
    char32_t meant = text::Windows1252ForC1(cp);
    std::string repaired;
    if (meant != 0) utf8::Append(&repaired, meant);
    std::optional<std::string_view> canonical;
    if (options_.canonical_typography && meant != 0) canonical = text::CanonicalTypography(meant);
    Replace(i, end, canonical ? *canonical : std::string_view(repaired));
    repairs_.push_back({Span32(i, end), std::move(repaired), RepairReason::kControl});
  }

  // Handles the word around the letter or mark at `i`; returns its end.
  size_t Word(size_t i, const utf8proc_property_t* prop) {
    // Reach back over the ASCII letters the fast scan skipped. A word that
    // starts with a mark takes the character before it along instead, since
    // NFC may compose the two ("=" + U+0338 is "≠").
    size_t begin = i;
    while (begin > limit_ && IsAsciiLetter(static_cast<unsigned char>(s_[begin - 1]))) --begin;
    if (begin == i && IsMark(prop)) begin = PreviousCodePoint(i);

    bool nfc = false, foreign = false;
    size_t end = i;
    char32_t cp;
    while (end < s_.size()) {
      auto c = static_cast<unsigned char>(s_[end]);
      if (c < 0x80) {
        if (!IsAsciiLetter(c)) break;
        ++end;
        continue;
      }
      int len = utf8::Decode(s_, end, &cp);
      if (len == 0) break;
      const auto* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
      if (!IsLetterOrMark(p)) break;
      nfc = nfc || MayChangeUnderNfc(cp, p);
      foreign = foreign || IsForeign(cp);
      end += static_cast<size_t>(len);
    }
    limit_ = end;

    std::string_view word = s_.substr(begin, end - begin);
    std::string normal;
    bool nfc_changed = options_.nfc && nfc && Nfc(word, &normal);
    if (nfc_changed) word = normal;
    std::optional<text::MixedScriptFix> fix;
    if (options_.mixed_script && (foreign || nfc_changed)) fix = text::FixMixedScriptWord(word);
    // A Latin letter put in place of a Cyrillic one may now compose with the
    // mark after it ("е" + U+0301 becomes "é").
    std::string recomposed;
    if (fix && options_.nfc && nfc && Nfc(fix->word, &recomposed)) {
      fix->word = std::move(recomposed);
      nfc_changed = true;
    }

    if (nfc_changed) {
      // One block: NFC does not keep a character-to-character alignment.
      Record(begin, end, fix ? fix->word : word, fix ? fix->reason : RepairReason::kNfc);
    } else if (fix) {
      // One block per replaced letter keeps the alignment fine-grained; the
      // repair record still speaks of the whole word.
      for (const text::LetterFix& l : fix->letters) {
        Replace(begin + l.begin, begin + l.end, std::string_view(&l.latin, 1));
      }
      repairs_.push_back({Span32(begin, end), std::move(fix->word), fix->reason});
    }
    return end;
  }

  // Start of the valid code point that ends at `i`, if it lies after limit_.
  size_t PreviousCodePoint(size_t i) const {
    for (size_t k = 1; k <= 4 && i >= limit_ + k; ++k) {
      if ((static_cast<unsigned char>(s_[i - k]) & 0xC0) == 0x80) continue;
      char32_t cp;
      return utf8::Decode(s_, i - k, &cp) == static_cast<int>(k) ? i - k : i;
    }
    return i;
  }

  static Span Span32(size_t begin, size_t end) {
    return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  }

  void Replace(size_t begin, size_t end, std::string_view replacement) {
    if (!builder_) builder_.emplace(s_);
    builder_->Replace(static_cast<uint32_t>(begin), static_cast<uint32_t>(end), replacement);
    limit_ = end;
  }

  void Record(size_t begin, size_t end, std::string_view replacement, RepairReason reason) {
    Replace(begin, end, replacement);
    repairs_.push_back({Span32(begin, end), std::string(replacement), reason});
  }

  std::string_view s_;
  const RepairOptions& options_;
  std::vector<std::pair<size_t, size_t>> cards_;  // boilerplate to remove, sorted
  size_t next_card_ = 0;
  std::optional<TextView::Builder> builder_;
  std::vector<Repair> repairs_;
  // Nothing before this offset may be pulled into a word: it is already
  // replaced or already handled.
  size_t limit_ = 0;
};

}  // namespace

RepairResult RepairText(std::string_view original, const RepairOptions& options) {
  // View offsets are 32-bit; a larger text is passed through untouched rather
  // than failing (no news article comes near 4 GiB).
  if (original.size() > UINT32_MAX) return {TextView::Identity(original), {}};
  std::vector<std::pair<size_t, size_t>> cards;
  if (options.boilerplate) {
    cards = text::MergeRanges(text::FindHoverCards(original), text::FindCaptionLines(original));
  }
  size_t first = FindSpecial(original, 0);
  if (first == original.size() && cards.empty()) return {TextView::Identity(original), {}};
  if (!cards.empty()) first = std::min(first, cards.front().first);
  return Repairer(original, options, std::move(cards)).Run(first);
}

Status RepairStage::Process(Document& doc) const {
  RepairResult r = RepairText(doc.text(), options_);
  doc.SetView(std::move(r.view), std::move(r.repairs));
  doc.mutable_meta().language = std::string(GuessLanguage(doc.view().text()));
  return Status::Ok();
}

}  // namespace parley
