// Feature extraction for the tagger (see pos_features.h). The templates follow
// Ratnaparkhi (1996) and Collins (2002): the word, its affixes and shape, the
// two previous predicted tags, and a +-2 window of neighbours; then what the
// lexicons add: the labels the neighbours can take (the right context is not
// tagged yet when a word is decided) and the word clusters and
// capitalisation habits learned from unlabelled text.
#include "tag/pos_features.h"

// Inlined: with ~50 features a token, a call into the shared library per
// hash cost a third of the tagger's time.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace parley::tag {
namespace {

// Feature ids. Strings (affixes) are hashed with the template as seed; the
// values combined are mostly hashes already, or small integers (labels,
// flags), so splitmix64's finaliser, a bijection with full avalanche, mixes
// them into ids whose every bit is usable by the weight table.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
constexpr uint64_t kGolden = 0x9e3779b97f4a7c15ull;
learn::FeatureId HashFeature(uint32_t tmpl, std::string_view value) {
  return XXH3_64bits_withSeed(value.data(), value.size(), tmpl);
}
learn::FeatureId HashFeature(uint32_t tmpl, uint64_t a) {
  return Mix(a + kGolden * tmpl);
}
learn::FeatureId HashFeature(uint32_t tmpl, uint64_t a, uint64_t b) {
  return Mix(Mix(a + kGolden * tmpl) ^ b);
}

enum Template : uint32_t {
  kBias = 1,
  kForm,
  kNorm,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kPrefix4,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kShape,
  kFlags,
  kPrev1,
  kPrev2,
  kPrev12,
  kPrev1Norm,
  kNormM1,
  kNormM2,
  kNormP1,
  kNormP2,
  kSuf3M1,
  kSuf3P1,
  kSuf2P1,
  kShapeM1,
  kShapeP1,
  kNormM1Norm,
  kNormNormP1,
  kNormM1P1,
  kPrev1NormP1,
  kPrev1Suf3,
  kHyphenTail,
  kShapeFlagsFirst,
  kAmb,
  kAmbP1,
  kAmbP2,
  kAmbAmbP1,
  kPrev1AmbP1,
  kNormAmbP1,
  kAmbM1,
  kCapitalised,
  kCapitalisedM1,
  kCapitalisedP1,
  kCapitalisedShape,
  kFine,
  kCoarse,
  kFineM1,
  kFineP1,
  kCoarseP1,
  kPrev1Fine,
  kFineFineP1,
};

enum Flag : uint32_t {
  kFlagDigit = 1u << 0,
  kFlagHyphen = 1u << 1,
  kFlagUpper = 1u << 2,
  kFlagAllUpper = 1u << 3,
  kFlagInitialUpper = 1u << 4,
  kFlagFirst = 1u << 5,
  kFlagPeriod = 1u << 6,
  kFlagNonAscii = 1u << 7,
  kFlagNoLetter = 1u << 8,
  // Bits 12.. hold a length bucket (1, 2, 3, 4, 5-6, 7-9, 10+ bytes).
};

uint64_t Hash(std::string_view s) {
  return XXH3_64bits(s.data(), s.size());
}

char NormChar(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return c >= '0' && c <= '9' ? '0' : c;
}

uint32_t LengthBucket(size_t n) {
  if (n <= 4) return static_cast<uint32_t>(n);
  if (n <= 6) return 5;
  return n <= 9 ? 6 : 7;
}

// Appends the normalised form and the collapsed shape ("Xx", "d,d", "x-x")
// of `form` to buf; returns the flags.
uint32_t Describe(std::string_view form, std::string* buf, size_t* shape_begin) {
  uint32_t flags = LengthBucket(form.size()) << 12;
  bool letter = false, lower = false;
  for (char c : form) {
    if (c >= 'A' && c <= 'Z') {
      flags |= kFlagUpper;
      letter = true;
    } else if (c >= 'a' && c <= 'z') {
      lower = letter = true;
    } else if (c >= '0' && c <= '9') {
      flags |= kFlagDigit;
    } else if (c == '-') {
      flags |= kFlagHyphen;
    } else if (c == '.') {
      flags |= kFlagPeriod;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      flags |= kFlagNonAscii;
      letter = true;  // most non-ASCII in news text is letters
    }
    buf->push_back(NormChar(c));
  }
  if (!form.empty() && form[0] >= 'A' && form[0] <= 'Z') flags |= kFlagInitialUpper;
  if ((flags & kFlagUpper) && !lower) flags |= kFlagAllUpper;
  if (!letter) flags |= kFlagNoLetter;
  *shape_begin = buf->size();
  char last = 0;
  for (char c : form) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 && u < 0xc0) continue;  // UTF-8 continuation byte
    char s = c;
    if (c >= 'A' && c <= 'Z')
      s = 'X';
    else if (c >= 'a' && c <= 'z')
      s = 'x';
    else if (c >= '0' && c <= '9')
      s = 'd';
    else if (u >= 0x80)
      s = 'u';
    if (s != last) buf->push_back(s);
    last = s;
  }
  return flags;
}

TokenFacts Padding(std::string_view marker) {
  TokenFacts t;
  t.form = t.norm = marker;
  t.h_form = t.h_norm = t.h_shape = t.h_suf2 = t.h_suf3 = t.ambiguity = Hash(marker);
  return t;
}

}  // namespace

void AppendNormalForm(std::string_view form, std::string* out) {
  for (char c : form) out->push_back(NormChar(c));
}

std::string NormalForm(std::string_view form) {
  std::string s;
  AppendNormalForm(form, &s);
  return s;
}

void PrepareSentence(std::span<const std::string_view> forms, const PosLexicons& lexicons,
                     PosScratch* scratch) {
  static const TokenFacts kBefore = Padding("<s>"), kAfter = Padding("</s>");
  size_t total = 0;
  for (std::string_view f : forms) total += f.size();
  std::string& buf = scratch->buf;
  buf.clear();
  // Reserved up front so the views taken below stay valid while appending.
  buf.reserve(2 * total + 1);
  auto& toks = scratch->toks;
  toks.assign(PosScratch::kPad, kBefore);
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string_view form = forms[i];
    size_t norm_begin = buf.size(), shape_begin = 0;
    TokenFacts t;
    t.flags = Describe(form, &buf, &shape_begin);
    if (i == 0) t.flags |= kFlagFirst;
    t.form = form;
    t.norm = std::string_view(buf).substr(norm_begin, form.size());
    std::string_view shape = std::string_view(buf).substr(shape_begin);
    t.h_form = Hash(form);
    t.h_norm = Hash(t.norm);
    t.h_shape = Hash(shape);
    size_t n = t.norm.size();
    t.h_suf2 = Hash(t.norm.substr(n > 2 ? n - 2 : 0));
    t.h_suf3 = Hash(t.norm.substr(n > 3 ? n - 3 : 0));
    t.ambiguity = lexicons.ambiguity->Find(t.norm, t.h_norm);
    t.profile = lexicons.contexts->Find(t.norm, t.h_norm);
    toks.push_back(t);
  }
  toks.insert(toks.end(), PosScratch::kPad, kAfter);
}

void ExtractFeatures(const PosScratch& scratch, size_t i, uint32_t prev1, uint32_t prev2,
                     learn::FeatureVector* out, uint32_t parts) {
  const TokenFacts* t = scratch.toks.data() + i + PosScratch::kPad;
  const TokenFacts &m2 = t[-2], &m1 = t[-1], &p1 = t[1], &p2 = t[2];
  std::string_view norm = t->norm;
  // The order of the features is that of training whatever `parts` are.
  const bool word = parts & kWordPart, before = parts & kBeforePart, after = parts & kAfterPart,
             joint = parts & kJointPart;
  if (word) {
    out->Add(HashFeature(kBias, 0u));
    out->Add(HashFeature(kForm, t->h_form));
    out->Add(HashFeature(kNorm, t->h_norm));
    for (uint32_t k = 1; k <= 4 && k <= norm.size(); ++k) {
      out->Add(HashFeature(kPrefix1 + k - 1, norm.substr(0, k)));
      out->Add(HashFeature(kSuffix1 + k - 1, norm.substr(norm.size() - k)));
    }
    out->Add(HashFeature(kShape, t->h_shape));
    out->Add(HashFeature(kFlags, t->flags));
  }
  if (joint) {
    out->Add(HashFeature(kPrev1, prev1));
    out->Add(HashFeature(kPrev2, prev2));
    out->Add(HashFeature(kPrev12, prev1, prev2));
    out->Add(HashFeature(kPrev1Norm, prev1, t->h_norm));
    out->Add(HashFeature(kPrev1Suf3, prev1, t->h_suf3));
  }
  if (before) out->Add(HashFeature(kNormM1, m1.h_norm));
  if (joint) out->Add(HashFeature(kNormM2, m2.h_norm));
  if (after) out->Add(HashFeature(kNormP1, p1.h_norm));
  if (joint) out->Add(HashFeature(kNormP2, p2.h_norm));
  if (before) out->Add(HashFeature(kSuf3M1, m1.h_suf3));
  if (after) {
    out->Add(HashFeature(kSuf3P1, p1.h_suf3));
    out->Add(HashFeature(kSuf2P1, p1.h_suf2));
  }
  if (before) out->Add(HashFeature(kShapeM1, m1.h_shape));
  if (after) out->Add(HashFeature(kShapeP1, p1.h_shape));
  if (joint) {
    out->Add(HashFeature(kNormM1Norm, m1.h_norm, t->h_norm));
    out->Add(HashFeature(kNormNormP1, t->h_norm, p1.h_norm));
    out->Add(HashFeature(kNormM1P1, m1.h_norm, p1.h_norm));
    out->Add(HashFeature(kPrev1NormP1, prev1, p1.h_norm));
  }
  if (word) out->Add(HashFeature(kShapeFlagsFirst, t->h_shape, t->flags & kFlagFirst));
  // What the neighbours can be, by the lexicon: a preview of the right
  // context that greedy left-to-right decoding has not tagged yet.
  if (word) out->Add(HashFeature(kAmb, t->ambiguity));
  if (before) out->Add(HashFeature(kAmbM1, m1.ambiguity));
  if (after) out->Add(HashFeature(kAmbP1, p1.ambiguity));
  if (joint) {
    out->Add(HashFeature(kAmbP2, p2.ambiguity));
    out->Add(HashFeature(kPrev1AmbP1, prev1, p1.ambiguity));
    out->Add(HashFeature(kAmbAmbP1, t->ambiguity, p1.ambiguity));
    out->Add(HashFeature(kNormAmbP1, t->h_norm, p1.ambiguity));
  }
  // What unlabelled text says (context_lexicon.h); 0xfff: nothing.
  auto fine = [](const TokenFacts& x) -> uint32_t { return x.profile ? x.profile->fine : 0xfffu; };
  auto coarse = [](const TokenFacts& x) -> uint32_t {
    return x.profile ? x.profile->coarse : 0xfffu;
  };
  auto capitalised = [](const TokenFacts& x) -> uint32_t {
    return x.profile ? x.profile->capitalised : 0xfffu;
  };
  if (word) {
    out->Add(HashFeature(kFine, fine(*t)));
    out->Add(HashFeature(kCoarse, coarse(*t)));
  }
  if (before) out->Add(HashFeature(kFineM1, fine(m1)));
  if (after) {
    out->Add(HashFeature(kFineP1, fine(p1)));
    out->Add(HashFeature(kCoarseP1, coarse(p1)));
  }
  if (joint) {
    out->Add(HashFeature(kPrev1Fine, prev1, fine(*t)));
    out->Add(HashFeature(kFineFineP1, fine(*t), fine(p1)));
  }
  if (word) {
    out->Add(HashFeature(kCapitalised, capitalised(*t)));
    out->Add(HashFeature(kCapitalisedShape, capitalised(*t),
                         t->flags & (kFlagInitialUpper | kFlagFirst)));
  }
  if (before) out->Add(HashFeature(kCapitalisedM1, capitalised(m1)));
  if (after) out->Add(HashFeature(kCapitalisedP1, capitalised(p1)));
  // The head of a hyphenated compound carries its category ("well-known").
  size_t dash = norm.rfind('-');
  if (word && dash != std::string_view::npos && dash + 1 < norm.size() && dash > 0) {
    out->Add(HashFeature(kHyphenTail, norm.substr(dash + 1)));
  }
}

}  // namespace parley::tag
