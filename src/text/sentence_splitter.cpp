// Sentence splitter (see sentence_splitter.h).
//
// Rules propose: terminal punctuation, abbreviations and line breaks give a
// first decision. At every candidate boundary (after terminal punctuation,
// or before a token that is not a lowercase word) a linear model over hashed
// features of the tokens around it makes the call, with the rule decision as
// one feature. The model is an averaged perceptron trained on EWT train by
// tools/train_sentence_model.cpp and embedded as sentence_model.inc; it
// learns what rules miss in web text (sign-offs, e-mail headers, list items).
#include "text/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>

#include "text/abbreviations.h"
#include "text/char_class.h"

namespace parley::text {
namespace {
#include "text/sentence_model.inc"
}  // namespace

static_assert(kModelFeatureVersion == kSentenceFeatureVersion,
              "sentence_model.inc was trained for other features: rebuild it with "
              "tools/train_sentence_model.cpp (see models/NOTICE)");
static_assert(kModelBits == kSentenceFeatureBits, "sentence_model.inc: wrong feature space");

namespace {

enum class Terminal : uint8_t {
  kNone,
  kStrong,    // . ! ? and runs with ! or ?
  kEllipsis,  // .. ... …
  kAbbrev,    // a word that kept its period: Inc. U.S. J.
};

enum class Shape : uint8_t { kUpper, kLower, kDigit, kOpen, kOther };

Terminal TerminalOf(std::string_view f) {
  char c = f[0];
  if (Is(c, kAlnum)) return f.size() > 1 && f.back() == '.' ? Terminal::kAbbrev : Terminal::kNone;
  if (c == '.' || c == '!' || c == '?') {
    bool bang = false;
    for (char d : f) {
      if (d == '!' || d == '?') {
        bang = true;
      } else if (d != '.') {
        return Terminal::kNone;
      }
    }
    return bang || f.size() == 1 ? Terminal::kStrong : Terminal::kEllipsis;
  }
  if (c == '\xE2' && f == "\u2026") return Terminal::kEllipsis;
  return Terminal::kNone;
}

// Tokens that stay with the sentence before them: ". . .", "!!", ":)".
bool TrailsSentence(std::string_view f) {
  char c = f[0];
  if (c == '.' || c == '!' || c == '?') return true;
  return f.size() >= 2 && (c == ':' || c == ';' || c == '=') && !Is(f[1], kAlnum);
}

bool IsCloser(std::string_view f) {
  char c = f[0];
  if (f.size() == 1) return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'';
  if (c == '\'') return f == "''";
  return Is(c, kHigh) && (f == "\u201D" || f == "\u2019" || f == "\u00BB");
}

Shape ShapeOf(std::string_view f) {
  uint8_t flags = Flags(f[0]);
  if (flags & kUpper) return Shape::kUpper;
  if (flags & kLower) return Shape::kLower;
  if (flags & kDigit) return Shape::kDigit;
  if (flags & kPunct) {
    char c = f[0];
    if (c == '"' || c == '(' || c == '[' || c == '\'' || c == '`') return Shape::kOpen;
    return Shape::kOther;
  }
  if (f == "\u201C" || f == "\u2018" || f == "\u00AB") return Shape::kOpen;
  CpKind k;
  DecodeAt(f, 0, &k);
  if (k == CpKind::kUpperWord) return Shape::kUpper;
  if (k == CpKind::kWord) return Shape::kLower;
  return Shape::kOther;
}

// Whether an abbreviation token (with its period) ends a sentence before a
// token of shape `next` whose form is `next_form`: surely before a sentence
// starter or an opening quote ("U.S. The", "etc. \""), maybe before another
// capitalised word after "etc." or "Inc." (the model decides), else not.
enum class AbbrevEnd : uint8_t { kNo, kMaybe, kYes };
AbbrevEnd AbbrevEnds(std::string_view form, Shape next, std::string_view next_form) {
  std::string_view word = form.substr(0, form.size() - 1);
  if (word.size() == 1) return AbbrevEnd::kNo;  // an initial: J. Smith
  AbbrevKind kind = LookupAbbreviation(word);
  if (kind == AbbrevKind::kTitle || kind == AbbrevKind::kBeforeNumber) return AbbrevEnd::kNo;
  if (next == Shape::kOpen && next_form[0] != '(' && next_form[0] != '[') return AbbrevEnd::kYes;
  if (next != Shape::kUpper) return AbbrevEnd::kNo;
  if (IsSentenceStarter(next_form)) return AbbrevEnd::kYes;
  return kind == AbbrevKind::kFinal ? AbbrevEnd::kMaybe : AbbrevEnd::kNo;
}

bool LineBreakBetween(std::string_view text, uint32_t from, uint32_t to) {
  if (to - from == 1) return text[from] == '\n' || text[from] == '\r';  // the usual gap
  for (uint32_t i = from; i < to; ++i) {
    if (text[i] == '\n' || text[i] == '\r') return true;
  }
  return false;
}

// Length of the line that ends at `end`, not looking before `floor`.
uint32_t LineLengthBefore(std::string_view text, uint32_t floor, uint32_t end) {
  uint32_t i = end;
  while (i > floor && text[i - 1] != '\n' && text[i - 1] != '\r') --i;
  return end - i;
}

// Length of the longest line of text[begin, end).
uint32_t LongestLine(std::string_view text, uint32_t begin, uint32_t end) {
  uint32_t longest = 0, start = begin;
  for (uint32_t i = begin; i < end; ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      longest = std::max(longest, i - start);
      start = i + 1;
    }
  }
  return std::max(longest, end - start);
}

// A line much shorter than the paragraph's longest is a heading, a list
// item or an e-mail line; hard-wrapped prose fills its lines to about the
// same width whatever that width is.
bool IsShortLine(uint32_t length, uint32_t longest) {
  return length * 10 < longest * 6;
}

// ---- Features -------------------------------------------------------------

// FNV-1a over the ASCII-lowercased bytes: stable across platforms, unlike
// std::hash, so the embedded weights mean the same everywhere.
uint32_t WordHash(std::string_view f) {
  uint32_t h = 2166136261u;
  for (char c : f) h = (h ^ static_cast<unsigned char>(Lower(c))) * 16777619u;
  return h;
}

// A coarse class of a token's form.
uint32_t ShapeCode(std::string_view f) {
  uint8_t first = Flags(f[0]);
  if (first & kPunct) {
    // Punctuation is its own shape; runs ("...", "!!") by their first char.
    return (f.size() == 1 ? 0x100u : 0x200u) | static_cast<unsigned char>(f[0]);
  }
  if (first & kHigh) {
    CpKind k;
    DecodeAt(f, 0, &k);
    return k == CpKind::kUpperWord ? 20 : k == CpKind::kWord ? 21 : 22;
  }
  uint8_t acc = 0;
  for (char c : f) acc |= Flags(c);
  bool upper = acc & kUpper, lower = acc & kLower, digit = acc & kDigit;
  bool punct = acc & (kPunct | kHigh);
  bool at = punct && f.find('@') != std::string_view::npos;
  if (at) return 1;  // e-mail, user@HOST
  if (f.size() > 4 && (f.substr(0, 4) == "http" || f.substr(0, 4) == "www.")) return 2;
  if (f.back() == '.') return f.size() == 2 ? 3 : 4;                // initial, abbreviation
  if (first & kDigit) return punct ? 5 : (upper || lower) ? 6 : 7;  // 10:30, 5th, 2001
  if (first & kLower) return upper ? 8 : 9;                         // eBay, word
  if (f.size() == 1) return 10;                                     // I, A
  if (!lower) return digit ? 11 : 12;                               // NX3, ENRON
  return 13;                                                        // Title
}

// Shape and hash of recent tokens: consecutive candidates share neighbours,
// so each token is classified once. A small ring keyed by token index.
class TokenInfoCache {
 public:
  TokenInfoCache(std::string_view text, const std::vector<TokenSpan>& t) : text_(text), t_(t) {
    index_.fill(kEmpty);
  }
  // Token indices shifted (a period was cut off a word).
  void Clear() { index_.fill(kEmpty); }
  uint32_t Shape(size_t k) { return Slot(k).shape; }
  uint32_t Hash(size_t k) { return Slot(k).hash; }

 private:
  struct Info {
    uint32_t shape, hash;
  };
  static constexpr size_t kEmpty = ~size_t{0};
  const Info& Slot(size_t k) {
    size_t s = k & 7;
    if (index_[s] != k) {
      std::string_view f = SpanText(text_, t_[k]);
      info_[s] = {ShapeCode(f), WordHash(f)};
      index_[s] = k;
    }
    return info_[s];
  }
  std::string_view text_;
  const std::vector<TokenSpan>& t_;
  std::array<size_t, 8> index_;
  std::array<Info, 8> info_;
};

int SinceBucket(size_t n) {
  return n <= 4 ? static_cast<int>(n) : n <= 7 ? 5 : n <= 12 ? 6 : n <= 20 ? 7 : 8;
}
int RemainBucket(size_t n) {
  return n <= 3 ? static_cast<int>(n) : n <= 6 ? 4 : 5;
}

class FeatureSink {
 public:
  explicit FeatureSink(uint32_t* out) : out_(out) {}
  // Independent multiplies (they run in parallel), then one final mix.
  void Add(uint32_t templ, uint32_t a, uint32_t b = 0, uint32_t c = 0) {
    uint32_t h = (templ + 1) * 0x9E3779B1u ^ a * 0x85EBCA6Bu ^ (b + 0x68E31DA4u) * 0xC2B2AE35u ^
                 (c + 0xB5297A4Du) * 0x27D4EB2Fu;
    h = (h ^ (h >> 15)) * 0x2C1B3C6Du;
    out_[n_++] = h >> (32 - kSentenceFeatureBits);
  }
  size_t size() const { return n_; }

 private:
  uint32_t* out_;
  size_t n_ = 0;
};

// Features of the candidate boundary between tokens j-1 and j; token i is
// the terminal (i < j-1 when closing quotes or brackets follow it).
size_t Features(std::string_view text, const std::vector<TokenSpan>& t, TokenInfoCache& info,
                size_t i, size_t j, Terminal term, bool rule, size_t since, uint32_t* out) {
  const uint32_t kNoToken = 0xFFFFFFFFu;
  size_t a = j - 1;
  std::string_view fb = SpanText(text, t[j]);
  uint32_t sa = info.Shape(a), sb = info.Shape(j);
  uint32_t wa = info.Hash(a), wb = info.Hash(j);
  uint32_t sa1 = a > 0 ? info.Shape(a - 1) : kNoToken;
  uint32_t wa1 = a > 0 ? info.Hash(a - 1) : kNoToken;
  uint32_t sb1 = j + 1 < t.size() ? info.Shape(j + 1) : kNoToken;
  uint32_t wb1 = j + 1 < t.size() ? info.Hash(j + 1) : kNoToken;
  auto tm = static_cast<uint32_t>(term);
  bool space = t[j].begin > t[a].end;
  FeatureSink f(out);
  f.Add(0, 0);
  f.Add(1, rule, tm);
  f.Add(2, tm);
  f.Add(3, sa);
  f.Add(4, sb);
  f.Add(5, sa1);
  f.Add(6, sb1);
  f.Add(7, wa);
  f.Add(8, wb);
  f.Add(9, wa1);
  f.Add(10, wb1);
  f.Add(11, sa, sb);
  f.Add(12, wa, sb);
  f.Add(13, sa, wb);
  f.Add(14, tm, sb);
  f.Add(15, wa, wb);
  f.Add(16, i != a, tm);
  f.Add(17, space, sb);
  f.Add(18, LineBreakBetween(text, t[a].end, t[j].begin));
  f.Add(19, static_cast<uint32_t>(SinceBucket(since)), tm);
  f.Add(20, static_cast<uint32_t>(RemainBucket(t.size() - j)));
  f.Add(21, IsSentenceStarter(fb));
  f.Add(22, sa1, sa, sb);
  f.Add(23, sa, sb, sb1);
  if (i != a) f.Add(24, info.Hash(i));
  f.Add(25, static_cast<uint32_t>(SinceBucket(since)), sa, sb);
  return f.size();
}

// The embedded weights spread into a dense table once, on first use.
const int16_t* DenseWeights() {
  static const std::unique_ptr<int16_t[]> table = [] {
    auto w = std::make_unique<int16_t[]>(size_t{1} << kSentenceFeatureBits);
    for (size_t k = 0; k < std::size(kModelSlots); ++k) w[kModelSlots[k]] = kModelWeights[k];
    return w;
  }();
  return table.get();
}

bool ModelSplit(const uint32_t* features, size_t n) {
  const int16_t* w = DenseWeights();
  int32_t score = 0;
  for (size_t k = 0; k < n; ++k) score += w[features[k]];
  return score > 0;
}

// Punctuation that does not start a sentence.
bool IsQuietPunct(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '!' || c == '?' ||
         c == '%' || c == ']';
}

// A boundary may fall here: after terminal punctuation, or between tokens
// that are not inside a clause or a name. Everything else (after a
// lowercase word or a dash, between two capitalised words, before a comma)
// is left out, which keeps the model off 92% of token gaps in news text for
// a loss of half a point of sentence F1 on EWT dev.
bool IsCandidate(Terminal term, std::string_view prev, std::string_view next) {
  if (term != Terminal::kNone) return true;
  if (Flags(prev[0]) & kLower) return false;  // mid-sentence: "said Trump", "world --"
  // A dash or comma sets off a clause: "No deal" -- Trump, "Still, The
  // Lancet". (EWT e-mails end sentences after "Thanks," but news does not.)
  if (prev[0] == '-' || prev[0] == ',') return false;
  uint8_t f = Flags(next[0]);
  // Names: "Donald Trump", "White House".
  if ((Flags(prev[0]) & kUpper) && prev.size() > 1 && (Flags(prev[1]) & kLower) && (f & kUpper) &&
      next.size() > 1 && (Flags(next[1]) & kLower)) {
    return false;
  }
  if (f & (kUpper | kDigit | kHigh)) return true;
  return (f & kPunct) && !IsQuietPunct(next[0]);
}

}  // namespace

void SplitSentences(std::string_view text, std::vector<TokenSpan>* tokens,
                    std::vector<uint32_t>* ends, BoundaryDecider* decider) {
  std::vector<TokenSpan>& t = *tokens;
  auto form = [&](size_t k) { return SpanText(text, t[k]); };
  uint32_t features[kMaxSentenceFeatures];
  TokenInfoCache info(text, t);
  // EWT writes a sentence-final period as a token of its own even after an
  // abbreviation ("etc ." "p.m ."): cut it off the word.
  auto detach_period = [&](size_t k) {
    t.insert(t.begin() + static_cast<std::ptrdiff_t>(k) + 1, {t[k].end - 1, t[k].end});
    t[k].end -= 1;
    info.Clear();
  };
  const bool use_model = decider != nullptr || kModelTrained;
  size_t i = 0, sentence_start = 0;
  uint32_t longest_line = 0;  // of the paragraph, computed at its first line break
  while (i < t.size()) {
    std::string_view f = form(i);
    Terminal term = TerminalOf(f);
    size_t j = i + 1;
    if (term == Terminal::kNone && j < t.size()) {
      // Fast path: most tokens are followed by a lowercase word or a comma,
      // where nothing can end.
      uint8_t nf = Flags(text[t[j].begin]);
      if ((nf & kLower) || ((nf & kPunct) && IsQuietPunct(text[t[j].begin]))) {
        i = j;
        continue;
      }
    }
    if (term != Terminal::kNone) {
      // Closing quotes and brackets written against the terminal go with it.
      while (j < t.size() && t[j].begin == t[j - 1].end && IsCloser(form(j))) ++j;
    }
    if (j >= t.size()) {
      if (term == Terminal::kAbbrev && f.size() > 2) detach_period(i);
      break;
    }
    std::string_view next_form = form(j);
    Shape next = ShapeOf(next_form);
    bool rule = false, rule_is_final = false;
    switch (term) {
      // In web text even a lowercase word after ". " or "! " starts a new
      // sentence (95% on EWT train); a following run of dots or an
      // emoticon still belongs to the sentence.
      case Terminal::kStrong: rule = !TrailsSentence(next_form); break;
      case Terminal::kEllipsis: rule = next == Shape::kUpper || next == Shape::kOpen; break;
      case Terminal::kAbbrev: {
        AbbrevEnd end = AbbrevEnds(f, next, next_form);
        rule = end != AbbrevEnd::kNo;
        // An abbreviation before a sentence starter ("U.S. The") is too rare
        // in EWT for the model to learn, so that rule is final.
        rule_is_final = end == AbbrevEnd::kYes;
        break;
      }
      case Terminal::kNone: break;
    }
    // The common case in news, "word. The", is a boundary in all 5,481
    // cases of EWT train; it does not need the model.
    if (term == Terminal::kStrong && j == i + 1 && f.size() == 1 && f[0] == '.' && i > 0 &&
        next == Shape::kUpper && (Flags(text[t[i - 1].begin]) & kLower) &&
        (Flags(text[t[i - 1].end - 1]) & kLower)) {
      rule_is_final = true;
    }
    bool split = rule;
    if (use_model && !rule_is_final && IsCandidate(term, form(j - 1), next_form)) {
      size_t n = Features(text, t, info, i, j, term, rule, j - sentence_start, features);
      split = decider ? decider->Split(features, n, t[j - 1].end) : ModelSplit(features, n);
    }
    if (!split && (next == Shape::kUpper || next == Shape::kDigit) &&
        LineBreakBetween(text, t[j - 1].end, t[j].begin)) {
      if (longest_line == 0) longest_line = LongestLine(text, t[0].begin, t.back().end);
      split = IsShortLine(LineLengthBefore(text, t[0].begin, t[j - 1].end), longest_line);
    }
    if (split) {
      if (term == Terminal::kAbbrev && f.size() > 2) {
        detach_period(i);
        ++j;
      }
      ends->push_back(static_cast<uint32_t>(j));
      sentence_start = j;
    }
    i = j;
  }
  if (!t.empty()) ends->push_back(static_cast<uint32_t>(t.size()));
}

}  // namespace parley::text
