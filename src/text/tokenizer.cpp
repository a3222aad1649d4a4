// Tokenizer (see tokenizer.h). One pass over the bytes: ASCII goes through a
// flag table; a multi-byte character is decoded only where one occurs. Word
// chunks are scanned with "connectors" ('.', ',', ':', '/', '\'', '-', '&',
// '@', '_') that stay inside a token only in the contexts listed below; the
// chunk is then cut into clitics or given its final period.
#include "text/tokenizer.h"

#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "text/abbreviations.h"
#include "text/char_class.h"

namespace parley::text {

CpKind ClassifyCodePoint(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019: return CpKind::kApostrophe;
    case 0x0085: return CpKind::kSpace;
    case 0x200D:  // zero-width joiner inside emoji sequences
    case 0xFE0E:
    case 0xFE0F: return CpKind::kModifier;
    default: break;
  }
  if (cp >= 0x1F3FB && cp <= 0x1F3FF) return CpKind::kModifier;  // skin tones
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return CpKind::kUpperWord;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return CpKind::kWord;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return CpKind::kSpace;
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF: return CpKind::kIgnore;
    default: return CpKind::kSymbol;
  }
}

size_t DecodeAt(std::string_view text, size_t i, CpKind* kind) {
  char32_t cp;
  int n = utf8::Decode(text, i, &cp);
  if (n == 0) {
    *kind = CpKind::kSymbol;
    return 1;
  }
  *kind = ClassifyCodePoint(cp);
  return static_cast<size_t>(n);
}

namespace {

inline bool IsWordKind(CpKind k) {
  return k == CpKind::kWord || k == CpKind::kUpperWord;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool IsUrlStart(std::string_view t, size_t i, size_t end) {
  std::string_view s = t.substr(i, end - i);
  switch (Lower(s[0])) {
    case 'h': return StartsWithNoCase(s, "http://") || StartsWithNoCase(s, "https://");
    case 'f': return StartsWithNoCase(s, "ftp://");
    case 'm': return StartsWithNoCase(s, "mailto:") && s.size() > 7 && Is(s[7], kAlnum);
    case 'w': return StartsWithNoCase(s, "www.") && s.size() > 4 && Is(s[4], kAlnum);
    default: return false;
  }
}

// Digit groups joined by single hyphens that form one token: phone numbers
// (555-0100, 713-853-3989, 1-800-991-9019) and dates (2025-08-16,
// 08-16-2025). Ranges such as 10-12 or 400-500 are split. Returns the length.
size_t MatchDashedNumber(std::string_view t, size_t i, size_t end) {
  size_t groups[5];
  size_t count = 0, j = i;
  while (true) {
    size_t s = j;
    while (j < end && Is(t[j], kDigit)) ++j;
    groups[count++] = j - s;
    if (count < 5 && j + 1 < end && t[j] == '-' && Is(t[j + 1], kDigit)) {
      ++j;
      continue;
    }
    break;
  }
  if (count < 2) return 0;
  if (j < end && (Is(t[j], kAlnum) || t[j] == '-' || t[j] == '/' || t[j] == ':' ||
                  (t[j] == '.' && j + 1 < end && Is(t[j + 1], kDigit)))) {
    return 0;
  }
  auto is = [&](std::initializer_list<size_t> want) {
    if (want.size() != count) return false;
    size_t k = 0;
    for (size_t w : want) {
      if (groups[k++] != w) return false;
    }
    return true;
  };
  bool phone = is({3, 4}) || is({3, 3, 4}) || is({1, 3, 3, 4});
  bool date = is({4, 2, 2}) || is({2, 2, 4}) || is({1, 2, 4}) || is({2, 1, 4}) || is({1, 1, 4});
  return phone || date ? j - i : 0;
}

// Where a unit starts in a digit-led word ("5pm" -> 1, "7:30PM" -> 4), or 0.
size_t UnitSuffixStart(std::string_view word) {
  size_t k = 0;
  while (k < word.size() &&
         (Is(word[k], kDigit) || word[k] == '.' || word[k] == ',' || word[k] == ':')) {
    ++k;
  }
  if (k == 0 || k == word.size() || !Is(word[k - 1], kDigit)) return 0;
  for (size_t m = k; m < word.size(); ++m) {
    if (!Is(word[m], kAlpha)) return 0;
  }
  return IsUnit(word.substr(k)) ? k : 0;
}

// Initialisms: letters in groups of one or two separated by periods
// (U.S, e.g, a.m, J.R.R, Ph.D); "www.cnn.com" is not one.
bool IsInitialism(std::string_view word) {
  size_t run = 0;
  for (char c : word) {
    if (c == '.') {
      if (run == 0) return false;
      run = 0;
    } else if (Is(c, kAlpha) && run < 2) {
      ++run;
    } else {
      return false;
    }
  }
  return run != 0;
}

// Whether the '.' after `word` belongs to it.
bool KeepsPeriod(std::string_view word, bool inner_period, bool digit_follows) {
  if (inner_period) return IsInitialism(word);
  if (word.size() == 1) return Is(word[0], kUpper);  // initials: J. Smith
  if (word.size() > 6) return false;
  switch (LookupAbbreviation(word)) {
    case AbbrevKind::kNone: return false;
    case AbbrevKind::kBeforeNumber: return digit_follows;
    default: return true;
  }
}

// Where a clitic starts in `word` whose last apostrophe is at `apos`
// (`apos_len` bytes: ' or a curly one), or 0: "don't" -> 2 (do n't),
// "Putin's" -> 5, "we'll" -> 2.
size_t CliticCut(std::string_view word, size_t apos, size_t apos_len) {
  size_t tail = word.size() - apos - apos_len;
  if (tail == 1 && Lower(word.back()) == 't' && apos >= 2 && Lower(word[apos - 1]) == 'n') {
    return apos - 1;
  }
  if (apos == 0 || tail == 0 || tail > 2) return 0;
  char a = Lower(word[apos + apos_len]);
  char b = tail == 2 ? Lower(word[apos + apos_len + 1]) : '\0';
  bool clitic = tail == 1
                    ? (a == 's' || a == 'm' || a == 'd')
                    : ((a == 'l' && b == 'l') || (a == 'r' && b == 'e') || (a == 'v' && b == 'e'));
  return clitic ? apos : 0;
}

// End of the run of ASCII letters and digits starting at i. Sixteen bytes at
// a time where SSE2 is there: a word ends without a mispredicted branch per
// letter, which is most of a scalar tokenizer's time.
inline size_t SkipAlnum(const char* p, size_t i, size_t end) {
#if defined(__SSE2__)
  const __m128i kCase = _mm_set1_epi8(0x20);
  const __m128i kA = _mm_set1_epi8('a' - 1), kZ = _mm_set1_epi8('z' + 1);
  const __m128i k0 = _mm_set1_epi8('0' - 1), k9 = _mm_set1_epi8('9' + 1);
  while (i + 16 <= end) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i lower = _mm_or_si128(v, kCase);
    // Signed compares: bytes >= 0x80 are negative and never match.
    __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lower, kA), _mm_cmplt_epi8(lower, kZ));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, k0), _mm_cmplt_epi8(v, k9));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(alpha, digit)));
    if (mask != 0xFFFFu) return i + static_cast<size_t>(__builtin_ctz(~mask));
    i += 16;
  }
#endif
  while (i < end && Is(p[i], kAlnum)) ++i;
  return i;
}

// A quick filter before FusedCut: ...nt (4-8 letters), cannot, gonna /
// wanna / gotta, Im.
inline bool MayBeFused(std::string_view w) {
  size_t n = w.size();
  if (n < 2 || n > 8) return false;
  char a = static_cast<char>(w[n - 2] | 0x20), b = static_cast<char>(w[n - 1] | 0x20);
  if (b == 't') return (a == 'n' && n >= 4) || (a == 'o' && n == 6);
  if (b == 'a') return n == 5 && (a == 'n' || a == 't');
  return b == 'm' && a == 'i' && n == 2;
}

// Punctuation whose runs are one token: "--", "***", "=====", ">>", "__".
bool IsRunChar(char c) {
  switch (c) {
    case '-':
    case '=':
    case '_':
    case '*':
    case '~':
    case '<':
    case '>':
    case '^':
    case '#':
    case '/':
    case '|':
    case '+': return true;
    default: return false;
  }
}

class Scanner {
 public:
  Scanner(std::string_view text, uint32_t begin, uint32_t end, std::vector<TokenSpan>* out)
      : t_(text.substr(0, end)), begin_(begin), end_(end), out_(out) {}

  void Run() {
    size_t i = begin_;
    while (i < end_) {
      uint8_t f = Flags(t_[i]);
      if (f & (kSpace | kCtrl)) {
        ++i;
      } else if (f & kAlnum) {
        i = ScanWord(i, i);
      } else if (f & kPunct) {
        i = ScanPunct(i);
      } else {
        CpKind k;
        size_t n = DecodeAt(t_, i, &k);
        if (IsWordKind(k)) {
          i = ScanWord(i, i);
        } else if (k == CpKind::kSpace || k == CpKind::kIgnore) {
          i += n;
        } else {
          i = ScanSymbol(i, n);
        }
      }
    }
  }

 private:
  void Emit(size_t b, size_t e) {
    out_->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }

  // Byte length of the word character (letter, digit, mark) at i, or 0.
  size_t WordLen(size_t i) const {
    if (i >= end_) return 0;
    uint8_t f = Flags(t_[i]);
    if (f & kAlnum) return 1;
    if (!(f & kHigh)) return 0;
    CpKind k;
    size_t n = DecodeAt(t_, i, &k);
    return IsWordKind(k) ? n : 0;
  }
  bool LetterAt(size_t i) const {
    if (i >= end_) return false;
    uint8_t f = Flags(t_[i]);
    if (f & kAlpha) return true;
    return (f & kHigh) && WordLen(i) > 0;
  }
  bool DigitAt(size_t i) const { return i < end_ && Is(t_[i], kDigit); }
  // True when i follows whitespace, a non-ASCII character or the paragraph
  // start (not a letter, digit or ASCII mark).
  bool SpaceBefore(size_t i) const { return i == begin_ || !Is(t_[i - 1], kAlnum | kPunct); }

  // "soil.The": a sentence ran into the next one without a space. Not in
  // "Chris.Germany@enron.com", where the capitalised part goes on.
  bool MissingSpace(size_t dot) const {
    size_t k = dot + 1;
    if (!Is(t_[dot - 1], kLower) || k + 1 >= end_ || !Is(t_[k], kUpper) || !Is(t_[k + 1], kLower)) {
      return false;
    }
    k = SkipAlnum(t_.data(), k, end_);
    return k >= end_ || !(t_[k] == '@' || (t_[k] == '.' && WordLen(k + 1) > 0));
  }

  // End of an abbreviated year after an apostrophe ending at j ('60s,
  // '05, ’73), or 0.
  size_t YearAfterApostrophe(size_t j) const {
    if (!DigitAt(j) || !DigitAt(j + 1) || DigitAt(j + 2)) return 0;
    size_t k = j + 2;
    if (k < end_ && t_[k] == 's') ++k;
    return LetterAt(k) ? 0 : k;
  }

  size_t ScanWord(size_t start, size_t from);
  size_t FinishWord(size_t start, size_t end, size_t apos, size_t apos_len, bool inner_period);
  size_t ScanPunct(size_t i);
  size_t ScanSymbol(size_t i, size_t n);
  size_t ScanUrl(size_t i);

  std::string_view t_;
  size_t begin_, end_;
  std::vector<TokenSpan>* out_;
};

// A word chunk from `from`; the token starts at `start` (before `from` when a
// leading '.' or '+' belongs to it: ".doc", "+44").
size_t Scanner::ScanWord(size_t start, size_t from) {
  size_t i = SkipAlnum(t_.data(), from, end_);
  if (start == from && i < end_) {
    // URLs and dashed numbers are told apart by what ends the first run:
    // "http:", "www.", "713-".
    char c = t_[i];
    if ((c == ':' || c == '.') && Is(t_[start], kAlpha) && IsUrlStart(t_, start, end_)) {
      return ScanUrl(start);
    }
    if (c == '-' && Is(t_[start], kDigit)) {
      size_t n = MatchDashedNumber(t_, start, end_);
      if (n != 0) {
        Emit(start, start + n);
        return start + n;
      }
    }
  }
  size_t segment = from, apos = std::string_view::npos, apos_len = 0;
  bool inner_period = false;
  // Invariant at the top: i ends a run of ASCII letters and digits.
  while (i < end_) {
    uint8_t f = Flags(t_[i]);
    if (f & (kSpace | kCtrl)) break;  // the usual end of a word
    if (f & kHigh) {
      CpKind k;
      size_t n = DecodeAt(t_, i, &k);
      if (IsWordKind(k) || k == CpKind::kIgnore || k == CpKind::kModifier) {
        i = SkipAlnum(t_.data(), i + n, end_);
        continue;
      }
      if (k == CpKind::kApostrophe && LetterAt(i + n)) {
        apos = i;
        apos_len = n;
        i = SkipAlnum(t_.data(), i + n, end_);
        continue;
      }
      break;
    }
    size_t next = i + 1;
    bool keep = false;
    switch (t_[i]) {
      case '.':  // U.S, 3.5, www.cnn.com, e.g; not "soil.The" (a missing space)
        keep = WordLen(next) > 0 && !MissingSpace(i);
        inner_period |= keep;
        break;
      case ',':  // 1,000
      case ':':  // 10:30
      case '/':  // 9/11, 11/28/2000
        keep = Is(t_[i - 1], kDigit) && DigitAt(next);
        break;
      case '\'':  // don't, O'Neil
        keep = LetterAt(next);
        if (keep) {
          apos = i;
          apos_len = 1;
        }
        break;
      case '-':  // e-mail, non-profit; other hyphens split
        keep = WordLen(next) > 0 && IsHyphenPrefix(t_.substr(segment, i - segment));
        if (keep) segment = next;
        break;
      case '&':  // AT&T
        keep = Is(t_[i - 1], kUpper) && next < end_ && Is(t_[next], kUpper);
        break;
      case '@':  // e-mail addresses
      case '_':  // snake_case names
        keep = WordLen(next) > 0;
        break;
      default: break;
    }
    if (!keep) break;
    i = SkipAlnum(t_.data(), next, end_);
  }
  return FinishWord(start, i, apos, apos_len, inner_period);
}

size_t Scanner::FinishWord(size_t start, size_t end, size_t apos, size_t apos_len,
                           bool inner_period) {
  std::string_view word(t_.data() + start, end - start);
  // Digits followed by a unit: "5pm" -> 5 pm, "65k" -> 65 k.
  if (Is(word[0], kDigit)) {
    size_t k = UnitSuffixStart(word);
    if (k != 0) {
      Emit(start, start + k);
      Emit(start + k, end);
      return end;
    }
  }
  // A final period that belongs to the word; ".." and more are an ellipsis.
  if (end < end_ && t_[end] == '.' && !(end + 1 < end_ && t_[end + 1] == '.')) {
    size_t after = end + 1;
    while (after < end_ && Is(t_[after], kSpace)) ++after;
    bool digit_follows = DigitAt(after);
    if (KeepsPeriod(word, inner_period, digit_follows)) {
      Emit(start, end + 1);
      return end + 1;
    }
  }
  if (apos != std::string_view::npos) {
    size_t cut = CliticCut(word, apos - start, apos_len);
    if (cut != 0) {
      Emit(start, start + cut);
      Emit(start + cut, end);
      return end;
    }
  } else if (MayBeFused(word)) {
    size_t cut = FusedCut(word);
    if (cut != 0) {
      Emit(start, start + cut);
      Emit(start + cut, end);
      return end;
    }
  }
  Emit(start, end);
  return end;
}

size_t Scanner::ScanPunct(size_t i) {
  char c = t_[i];
  size_t j = i + 1;
  switch (c) {
    case '.':
      // ".doc", ".5" after a space: one token with the word.
      if (SpaceBefore(i) && WordLen(j) > 0) return ScanWord(i, j);
      [[fallthrough]];
    case '!':
    case '?':
      while (j < end_ && (t_[j] == '.' || t_[j] == '!' || t_[j] == '?')) ++j;
      Emit(i, j);
      return j;
    case '\'':
      if (size_t k = YearAfterApostrophe(j); k != 0) {
        Emit(i, k);
        return k;
      }
      [[fallthrough]];
    case '`':  // '' and `` are quotes in Penn text
      if (j < end_ && t_[j] == c) ++j;
      Emit(i, j);
      return j;
    case '@':
    case '#':
      if (SpaceBefore(i) && j < end_ &&
          (Is(t_[j], kAlpha) || t_[j] == '_' || (c == '@' && Is(t_[j], kDigit)))) {
        while (j < end_ && (Is(t_[j], kAlnum) || t_[j] == '_')) ++j;
        Emit(i, j);
        return j;
      }
      break;
    case '+':
      if (SpaceBefore(i) && DigitAt(j)) return ScanWord(i, j);  // +44
      break;
    default: break;
  }
  size_t n = MatchEmoticon(t_, i, end_, SpaceBefore(i));
  if (n != 0) {
    Emit(i, i + n);
    return i + n;
  }
  if (IsRunChar(c)) {
    while (j < end_ && t_[j] == c) ++j;  // "--", "***", "=====", ">>"
  }
  Emit(i, j);
  return j;
}

// One symbol code point, with any variation selector, skin tone or
// zero-width-joined symbol that follows it (one emoji is one token).
size_t Scanner::ScanSymbol(size_t i, size_t n) {
  size_t j = i + n;
  if (t_.substr(i, n) == "\u2019") {
    if (size_t k = YearAfterApostrophe(j); k != 0) {
      Emit(i, k);
      return k;
    }
  }
  while (j < end_ && Is(t_[j], kHigh)) {
    CpKind k;
    size_t m = DecodeAt(t_, j, &k);
    if (k != CpKind::kModifier) break;
    bool zwj = t_.substr(j, m) == "\u200D";
    j += m;
    if (zwj && j < end_ && Is(t_[j], kHigh)) {
      size_t m2 = DecodeAt(t_, j, &k);
      if (k == CpKind::kSymbol) j += m2;
    }
  }
  Emit(i, j);
  return j;
}

size_t Scanner::ScanUrl(size_t i) {
  size_t j = i;
  int parens = 0, brackets = 0;
  while (j < end_) {
    char c = t_[j];
    uint8_t f = Flags(c);
    if (f & (kSpace | kCtrl)) break;
    if (c == '<' || c == '>' || c == '"') break;
    if (f & kHigh) {
      size_t m = WordLen(j);
      if (m == 0) break;
      j += m;
      continue;
    }
    parens += c == '(' ? 1 : c == ')' ? -1 : 0;
    brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
    ++j;
  }
  // Trailing sentence punctuation and unmatched closers are not the URL's.
  while (j > i + 1) {
    char c = t_[j - 1];
    if (c == ')' && parens < 0) {
      ++parens;
    } else if (c == ']' && brackets < 0) {
      ++brackets;
    } else if (!(c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                 c == '\'')) {
      break;
    }
    --j;
  }
  Emit(i, j);
  return j;
}

}  // namespace

bool IsWordPiece(std::string_view prev, std::string_view piece) {
  if (prev.empty() || piece.empty() || !(Is(prev[0], kAlnum) || Is(prev[0], kHigh))) return false;
  // Lowercase the piece with a curly apostrophe read as '.
  char buf[8];
  size_t n = 0;
  for (size_t i = 0; i < piece.size(); ++i) {
    if (n == sizeof buf) return false;
    if (piece.substr(i, 3) == "\u2019" || piece.substr(i, 3) == "\u2018") {
      buf[n++] = '\'';
      i += 2;
    } else {
      buf[n++] = Lower(piece[i]);
    }
  }
  std::string_view p(buf, n);
  if (p == "n't" || p == "'s" || p == "'m" || p == "'d" || p == "'ll" || p == "'re" || p == "'ve") {
    return true;
  }
  if (p == "'") return Lower(prev.back()) == 's';  // plural possessive: parents'
  // Fused forms: "do" + "nt", "gon" + "na".
  char whole[8];
  if (prev.size() + piece.size() > sizeof whole) return false;
  for (size_t i = 0; i < prev.size(); ++i) whole[i] = prev[i];
  for (size_t i = 0; i < piece.size(); ++i) whole[prev.size() + i] = piece[i];
  return FusedCut(std::string_view(whole, prev.size() + piece.size())) == prev.size();
}

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<TokenSpan>* out) {
  if (end > text.size()) end = static_cast<uint32_t>(text.size());
  if (begin >= end) return;
  Scanner(text, begin, end, out).Run();
}

}  // namespace parley::text
