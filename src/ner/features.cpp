#include "ner/features.h"

#include <algorithm>
#include <unordered_map>

#include "core/ascii.h"
#include "ner/hashing.h"

namespace parley::ner {
namespace {

// Feature templates. Renumbering changes every feature id: bump the
// model's feature-set name (ner_model.cpp) when editing this list.
enum Template : uint32_t {
  kBias = 1,
  kForm,
  kLower,
  kLowerM1,
  kLowerP1,
  kLowerM2,
  kLowerP2,
  kBigramM1,
  kBigramP1,
  kShape,
  kShortShapeM1,
  kShortShapeP1,
  kShapeTrigram,
  kPrefix,
  kSuffix,
  kFlags,
  kInitial,
  kCluster,
  kClusterM1,
  kClusterP1,
  kClusterM2,
  kClusterP2,
  kCapPrior,
  kGaz,
  kGazM1,
  kGazP1,
  kLowerElsewhereT,
  kSentenceLength,
  kFormShapeP1,
  kGazCombo,
  kContextLeft,
  kContextRight,
  kTopicGaz,
  kTopicShape,
  kContextLeft2,
  kContextRight2,
  kPrev = 40,
  kPrev2,
  kPrevLower,
  kPrevShape,
};

constexpr uint64_t kStart = 0x5741525453ull, kEnd = 0x444e45ull;  // beyond the sentence

char ShapeChar(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'x';  // UTF-8 bytes: accented letters, mostly
  return static_cast<char>(c);
}

void Shapes(std::string_view w, uint64_t* shape, uint64_t* short_shape) {
  char longs[64], shorts[64];
  size_t nl = 0, ns = 0, run = 0;
  char last = 0;
  for (unsigned char c : w) {
    char s = ShapeChar(c);
    run = s == last ? run + 1 : 1;
    if (run <= 4 && nl < sizeof longs) longs[nl++] = s;
    if (run == 1 && ns < sizeof shorts) shorts[ns++] = s;
    last = s;
  }
  *shape = HashString(std::string_view(longs, nl));
  *short_shape = HashString(std::string_view(shorts, ns));
}

uint8_t Flags(std::string_view w) {
  bool upper = false, lower = false, digit = false;
  for (unsigned char c : w) {
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
    digit |= c >= '0' && c <= '9';
  }
  uint8_t f = 0;
  if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') f |= kInitCap;
  if (upper && !lower) f |= kAllCaps;
  if (digit) f |= kHasDigit;
  if (upper || lower) f |= kHasLetter;
  return f;
}

}  // namespace

void FeatureExtractor::TokenFacts(const NerInput& in, DocFeatures* out) const {
  const size_t n = in.forms.size();
  out->tokens.assign(n, TokenInfo{});
  // The document's own spelling of each word, from running text (neither a
  // headline nor a sentence start, where capitals say little).
  std::unordered_map<uint64_t, uint64_t> spelling;
  for (const auto& [b, e] : in.sentences) {
    size_t letters = 0, caps = 0;
    for (uint32_t i = b; i < e; ++i) {
      TokenInfo& t = out->tokens[i];
      std::string_view w = in.forms[i];
      t.flags = Flags(w);
      t.form = HashString(w);
      t.lower = HashString(AsciiLower(w));
      Shapes(w, &t.shape, &t.short_shape);
      if ((t.flags & kHasLetter) && w.size() >= 2) {
        ++letters;
        caps += (t.flags & kAllCaps) != 0;
      }
    }
    bool headline = letters >= 2 && caps * 4 >= letters * 3;
    for (uint32_t i = b; i < e; ++i) {
      TokenInfo& t = out->tokens[i];
      if (i == b) t.flags |= kSentenceStart;
      if (headline) {
        t.flags |= kHeadline;
      } else if (i != b && (t.flags & kHasLetter)) {
        spelling.try_emplace(t.lower, t.form);
      }
    }
  }
  for (TokenInfo& t : out->tokens) {
    const CasingEntry* casing = lex_->Casing(t.lower);
    if (t.flags & kHeadline) {
      auto it = spelling.find(t.lower);
      if (it != spelling.end())
        t.form = it->second;
      else if (casing)
        t.form = casing->usual_form;
    }
    auto it = spelling.find(t.lower);
    if (it != spelling.end() && it->second == t.lower && (t.flags & kInitCap)) {
      t.flags |= kLowerElsewhere;
    }
    const ClusterPath* path = lex_->Cluster(t.form);
    if (path)
      t.path = *path;
    else if (casing)
      t.path = casing->path;
    if (casing) t.cap_bucket = casing->cap_bucket;
  }
}

void FeatureExtractor::Extract(const NerInput& in, DocFeatures* out) const {
  TokenFacts(in, out);
  const size_t n = in.forms.size(), nl = gaz_->num_lists();
  out->gaz.assign(n * nl, 0);
  std::vector<uint64_t> lower(n);
  for (size_t i = 0; i < n; ++i) lower[i] = out->tokens[i].lower;
  for (const auto& [b, e] : in.sentences)
    gaz_->Match(lower.data() + b, e - b, out->gaz.data() + b * nl);
  out->feats.clear();
  out->feats.reserve(n * 64);  // about 60 static features a token: no regrowth
  out->offset.assign(n + 1, 0);
  for (const auto& [b, e] : in.sentences) StaticFeatures(in, b, e, out);
  // Tokens outside every sentence get no features.
  for (size_t i = 1; i <= n; ++i) out->offset[i] = std::max(out->offset[i], out->offset[i - 1]);
  AddContextAggregation(in, out);
}

void FeatureExtractor::StaticFeatures(const NerInput& in, uint32_t b, uint32_t e,
                                      DocFeatures* out) const {
  const std::vector<TokenInfo>& tk = out->tokens;
  const size_t nl = gaz_->num_lists();
  auto lower = [&](long j) {
    return j < long(b) ? kStart : j >= long(e) ? kEnd : tk[size_t(j)].lower;
  };
  auto short_shape = [&](long j) {
    return j < long(b) ? kStart : j >= long(e) ? kEnd : tk[size_t(j)].short_shape;
  };
  std::vector<learn::FeatureId>& f = out->feats;
  auto cluster = [&](uint32_t tmpl, long j, std::initializer_list<uint32_t> lengths) {
    if (j < long(b) || j >= long(e)) return;
    const ClusterPath& p = tk[size_t(j)].path;
    if (p.length == 0) return;
    for (uint32_t len : lengths) {
      uint32_t l = std::min<uint32_t>(len, p.length);
      uint32_t bits = l >= 32 ? p.bits : p.bits & ((1u << l) - 1);
      f.push_back(Feat(tmpl, l, bits));
    }
  };
  auto gaz = [&](uint32_t tmpl, long j) {
    if (j < long(b) || j >= long(e)) return;
    for (size_t l = 0; l < nl; ++l) {
      uint8_t part = out->gaz[size_t(j) * nl + l];
      if (part) f.push_back(Feat(tmpl, l, part));
    }
  };
  const uint64_t topic = tk.empty() ? 0 : tk[0].lower;
  for (uint32_t i = b; i < e; ++i) {
    const TokenInfo& t = tk[i];
    const long li = i;
    const uint64_t head = (t.flags & kHeadline) ? 1 : 0;
    f.push_back(Feat(kBias, 0));
    f.push_back(Feat(kForm, t.form));
    f.push_back(Feat(kLower, t.lower));
    f.push_back(Feat(kLowerM1, lower(li - 1)));
    f.push_back(Feat(kLowerP1, lower(li + 1)));
    f.push_back(Feat(kLowerM2, lower(li - 2)));
    f.push_back(Feat(kLowerP2, lower(li + 2)));
    f.push_back(Feat(kBigramM1, lower(li - 1), t.lower));
    f.push_back(Feat(kBigramP1, t.lower, lower(li + 1)));
    f.push_back(Feat(kShape, t.shape, head));
    f.push_back(Feat(kShortShapeM1, short_shape(li - 1), head));
    f.push_back(Feat(kShortShapeP1, short_shape(li + 1), head));
    f.push_back(
        Feat(kShapeTrigram, Combine(short_shape(li - 1), t.short_shape), short_shape(li + 1)));
    f.push_back(Feat(kFormShapeP1, t.lower, short_shape(li + 1)));
    std::string_view w = in.forms[i];
    std::string lw = AsciiLower(w);
    for (size_t k = 1; k <= 4 && k < lw.size(); ++k) {
      f.push_back(Feat(kPrefix, k, HashString(std::string_view(lw).substr(0, k))));
      f.push_back(Feat(kSuffix, k, HashString(std::string_view(lw).substr(lw.size() - k))));
    }
    f.push_back(Feat(kFlags, t.flags & ~kLowerElsewhere));
    f.push_back(Feat(kInitial, t.flags & (kSentenceStart | kInitCap | kHeadline), t.cap_bucket));
    f.push_back(Feat(kCapPrior, t.cap_bucket, t.flags & (kInitCap | kAllCaps | kHeadline)));
    if (t.flags & kLowerElsewhere) f.push_back(Feat(kLowerElsewhereT, t.flags & kSentenceStart));
    if (e - b <= 2) f.push_back(Feat(kSentenceLength, e - b, i - b));
    cluster(kCluster, li, {4, 6, 10, 20});
    cluster(kClusterM1, li - 1, {4, 6, 10});
    cluster(kClusterP1, li + 1, {4, 6, 10});
    cluster(kClusterM2, li - 2, {6});
    cluster(kClusterP2, li + 2, {6});
    size_t before = f.size();
    gaz(kGaz, li);
    // Which lists match at all, as one feature: "city and person" differs
    // from "city" alone.
    uint64_t combo = 0;
    for (size_t k = before; k < f.size(); ++k) combo = Combine(combo, f[k]);
    if (f.size() - before > 1) f.push_back(Feat(kGazCombo, combo));
    // The document's first word is often a section label ("SOCCER -",
    // "TENNIS -") that decides whether "Japan" is a team or a country.
    if (t.flags & (kInitCap | kAllCaps)) {
      f.push_back(Feat(kTopicGaz, topic, combo));
      f.push_back(Feat(kTopicShape, topic, t.short_shape));
    }
    gaz(kGazM1, li - 1);
    gaz(kGazP1, li + 1);
    out->offset[i + 1] = static_cast<uint32_t>(f.size());
  }
}

// The words around the other occurrences of each capitalised word in the
// document (Ratinov & Roth's context aggregation): "Pirelli shares" in one
// sentence says ORG for "Pirelli" in every other. One word and the two-word
// window either side of up to 12 other occurrences (over 1 word and 6: +0.1
// dev F1, within noise but never below). Needs no labels, so both passes
// have it. Appended to each token's static features.
void FeatureExtractor::AddContextAggregation(const NerInput& in, DocFeatures* out) const {
  constexpr size_t kMaxOthers = 12;
  const std::vector<TokenInfo>& tk = out->tokens;
  const size_t n = tk.size();
  std::vector<uint64_t> left(n, kStart), right(n, kEnd), left2(n, kStart), right2(n, kEnd);
  std::unordered_map<uint64_t, std::vector<uint32_t>> where;
  for (const auto& [b, e] : in.sentences) {
    for (uint32_t i = b; i < e; ++i) {
      if (i > b) left[i] = tk[i - 1].lower;
      if (i + 1 < e) right[i] = tk[i + 1].lower;
      if (i > b + 1) left2[i] = Combine(tk[i - 2].lower, left[i]);
      if (i + 2 < e) right2[i] = Combine(right[i], tk[i + 2].lower);
      if (tk[i].flags & (kInitCap | kAllCaps)) where[tk[i].lower].push_back(i);
    }
  }
  std::vector<learn::FeatureId> merged;
  // Up to 4 per other occurrence: reserve for the worst case, no regrowth.
  size_t extra = 0;
  for (size_t i = 0; i < n; ++i) {
    if (tk[i].flags & (kInitCap | kAllCaps)) {
      extra += 4 * std::min(kMaxOthers, where[tk[i].lower].size() - 1);
    }
  }
  merged.reserve(out->feats.size() + extra);
  std::vector<uint32_t> offset(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    merged.insert(merged.end(), out->feats.begin() + out->offset[i],
                  out->feats.begin() + out->offset[i + 1]);
    if (tk[i].flags & (kInitCap | kAllCaps)) {
      size_t used = 0;
      for (uint32_t j : where[tk[i].lower]) {
        if (j == i) continue;
        if (++used > kMaxOthers) break;
        if (left[j] != left[i]) merged.push_back(Feat(kContextLeft, left[j]));
        if (right[j] != right[i]) merged.push_back(Feat(kContextRight, right[j]));
        if (left2[j] != left2[i]) merged.push_back(Feat(kContextLeft2, left2[j]));
        if (right2[j] != right2[i]) merged.push_back(Feat(kContextRight2, right2[j]));
      }
    }
    offset[i + 1] = static_cast<uint32_t>(merged.size());
  }
  out->feats.swap(merged);
  out->offset.swap(offset);
}

void FeatureExtractor::AddHistory(const TokenInfo& t, uint32_t prev, uint32_t prev2,
                                  std::vector<learn::FeatureId>* out) {
  out->push_back(Feat(kPrev, prev));
  out->push_back(Feat(kPrev2, prev2 * 32 + prev));
  out->push_back(Feat(kPrevLower, prev, t.lower));
  out->push_back(Feat(kPrevShape, prev, t.short_shape));
}

}  // namespace parley::ner
