#include "ner/doc_context.h"

#include <array>
#include <unordered_map>

#include "ner/hashing.h"
#include "ner/labels.h"

namespace parley::ner {
namespace {

enum Template : uint32_t { kWordVotes = 60, kWordOnlyO, kPhraseVotes, kFirstPass };

using Votes = std::array<uint16_t, kNumTypes + 1>;  // [0] outside, [1 + type]

// The winning type among the entity votes (-1 when none) and how strong it
// is: 2 all votes, 1 most, 0 some.
std::pair<int, int> Majority(const Votes& v) {
  int best = -1, total = 0, entity = 0;
  for (int t = 0; t <= kNumTypes; ++t) total += v[size_t(t)];
  for (int t = 0; t < kNumTypes; ++t) {
    entity += v[size_t(t + 1)];
    if (v[size_t(t + 1)] > 0 && (best < 0 || v[size_t(t + 1)] > v[size_t(best + 1)])) best = t;
  }
  if (best < 0) return {-1, 0};
  int share = v[size_t(best + 1)] == total ? 2 : v[size_t(best + 1)] * 2 > total ? 1 : 0;
  (void)entity;
  return {best, share};
}

}  // namespace

void AddDocumentFeatures(const NerInput& in, const std::vector<uint8_t>& first_pass,
                         DocFeatures* out) {
  const std::vector<TokenInfo>& tk = out->tokens;
  const size_t n = tk.size();
  // Word votes: every capitalised token's first-pass type, by lower-cased form.
  std::unordered_map<uint64_t, Votes> words;
  for (size_t i = 0; i < n; ++i) {
    if (!(tk[i].flags & (kInitCap | kAllCaps))) continue;
    int t = TypeOf(first_pass[i]);
    ++words[tk[i].lower][size_t(t + 1)];
  }
  // Phrase votes: each first-pass entity, keyed like gazetteer phrases; the
  // proper prefixes are kept so matching can stop early.
  std::unordered_map<uint64_t, Votes> phrases;
  std::unordered_map<uint64_t, bool> prefixes;
  std::vector<EntitySpan> spans;
  for (const auto& [b, e] : in.sentences) {
    for (const EntitySpan& s : DecodeBilou(first_pass.data() + b, e - b, b)) {
      spans.push_back(s);
      uint64_t h = kPhraseSeed;
      for (uint32_t i = s.begin; i < s.end; ++i) {
        h = Combine(h, tk[i].lower);
        if (i + 1 < s.end) prefixes[h] = true;
      }
      ++phrases[h][size_t(s.type + 1)];
    }
  }
  std::vector<int> own_span_end(n, -1), own_type(n, -1);  // first-pass entity starting here
  for (const EntitySpan& s : spans) own_span_end[s.begin] = int(s.end), own_type[s.begin] = s.type;

  out->doc_feats.clear();
  out->doc_offset.assign(n + 1, 0);
  std::vector<int> phrase_type(n, -1), phrase_part(n, 0);  // per token
  for (const auto& [b, e] : in.sentences) {
    for (uint32_t i = b; i < e;) {
      uint64_t h = kPhraseSeed;
      uint32_t best_len = 0;
      int best_type = -1;
      for (uint32_t j = i; j < e && j - i < 8; ++j) {
        h = Combine(h, tk[j].lower);
        auto it = phrases.find(h);
        if (it != phrases.end()) {
          Votes v = it->second;
          if (own_span_end[i] == int(j + 1)) --v[size_t(own_type[i] + 1)];  // not its own vote
          auto [type, share] = Majority(v);
          if (type >= 0) best_len = j - i + 1, best_type = type * 4 + share;
        }
        if (!prefixes.count(h)) break;
      }
      if (best_len == 0) {
        ++i;
        continue;
      }
      for (uint32_t k = 0; k < best_len; ++k) {
        Part p = best_len == 1       ? Part::kU
                 : k == 0            ? Part::kB
                 : k + 1 == best_len ? Part::kL
                                     : Part::kI;
        phrase_type[i + k] = best_type;
        phrase_part[i + k] = int(p);
      }
      i += best_len;
    }
  }
  std::vector<learn::FeatureId>& f = out->doc_feats;
  for (const auto& [b, e] : in.sentences) {
    for (uint32_t i = b; i < e; ++i) {
      const TokenInfo& t = tk[i];
      if (t.flags & (kInitCap | kAllCaps)) {
        Votes v = words[t.lower];
        --v[size_t(TypeOf(first_pass[i]) + 1)];
        auto [type, share] = Majority(v);
        if (type >= 0)
          f.push_back(Feat(kWordVotes, uint64_t(type * 4 + share), t.flags & kHeadline));
        else if (v[0] > 0)
          f.push_back(Feat(kWordOnlyO, t.flags & (kHeadline | kSentenceStart)));
      }
      if (phrase_type[i] >= 0) {
        f.push_back(Feat(kPhraseVotes, uint64_t(phrase_type[i]), uint64_t(phrase_part[i])));
      }
      uint32_t prev = i > b ? first_pass[i - 1] : 99, next = i + 1 < e ? first_pass[i + 1] : 99;
      f.push_back(Feat(kFirstPass, first_pass[i]));
      f.push_back(Feat(kFirstPass + 1, prev, first_pass[i]));
      f.push_back(Feat(kFirstPass + 2, first_pass[i], next));
      out->doc_offset[i + 1] = static_cast<uint32_t>(f.size());
    }
  }
  for (size_t i = 1; i <= n; ++i) {
    out->doc_offset[i] = std::max(out->doc_offset[i], out->doc_offset[i - 1]);
  }
}

}  // namespace parley::ner
