// Parser feature templates (see parse_features.h). Template ids are fixed
// numbers so that reordering lines does not silently change a model's
// meaning; adding or changing one needs a new kFeatureSet.
#include "parse/parse_features.h"

#include <algorithm>

#include "learn/features.h"

namespace parley::parse {
namespace {

using learn::Configuration;

constexpr uint64_t kK = 0x9E3779B97F4A7C15ull;

// Final avalanche (murmur3 fmix64) so keys spread over the model's table.
inline uint64_t Finish(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}
inline uint64_t Step(uint64_t h, uint64_t v) {
  h = (h ^ v) * kK;
  return h ^ (h >> 29);
}

// Distances bucketed as in Zhang & Nivre: 1, 2, 3, 4, 5-9, 10+.
inline uint64_t Bucket(int32_t d) {
  if (d < 5) return static_cast<uint64_t>(d);
  return d < 10 ? 5 : 6;
}

class Emitter {
 public:
  explicit Emitter(learn::FeatureVector* out) : out_(out) {}
  [[gnu::always_inline]] void operator()(uint64_t t, uint64_t a) {
    out_->Add(Finish(Step(Step(0, t), a)));
  }
  [[gnu::always_inline]] void operator()(uint64_t t, uint64_t a, uint64_t b) {
    out_->Add(Finish(Step(Step(Step(0, t), a), b)));
  }
  [[gnu::always_inline]] void operator()(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
    out_->Add(Finish(Step(Step(Step(Step(0, t), a), b), c)));
  }
  [[gnu::always_inline]] void operator()(uint64_t t, uint64_t a, uint64_t b, uint64_t c,
                                         uint64_t d) {
    out_->Add(Finish(Step(Step(Step(Step(Step(0, t), a), b), c), d)));
  }

 private:
  learn::FeatureVector* out_;
};

}  // namespace

namespace {

// ASCII-lowercases `form` into `lower` (stack memory: no allocation per
// token) and returns how many bytes it used. Longer forms are cut; callers
// tell them apart by their length.
size_t Lower(std::string_view form, char (&lower)[48]) {
  const size_t n = std::min(form.size(), sizeof lower);
  for (size_t i = 0; i < n; ++i) {
    const char c = form[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return n;
}

}  // namespace

uint64_t LowerFormHash(std::string_view form) {
  // Lowercased: web text capitalises at random, and the tags already carry
  // proper-noun-ness.
  char lower[48] = {};
  const size_t n = Lower(form, lower);
  return learn::HashFeature(1, std::string_view(lower, n)) ^ (form.size() > n ? form.size() : 0);
}

TokenAttrs MakeTokenAttrs(std::string_view form, std::string_view upos, std::string_view xpos) {
  char lower[48] = {};
  const size_t n = Lower(form, lower);
  TokenAttrs a;
  a.word = learn::HashFeature(1, std::string_view(lower, n)) ^ (form.size() > n ? form.size() : 0);
  a.upos = learn::HashFeature(2, upos);
  a.xpos = learn::HashFeature(3, xpos);
  // Endings stand in for unseen words' morphology (-tion, -ly, -ed).
  const size_t k = std::min<size_t>(n, 3);
  a.suffix = learn::HashFeature(4, std::string_view(lower + n - k, k));
  return a;
}

void ParseFeatures::Bind(const TokenAttrs* tokens, uint32_t n) {
  attrs_.resize(size_t{n} + 2);
  attrs_[0] = TokenAttrs{0, 0, 0, 0, 0};  // no node
  std::copy(tokens, tokens + n, attrs_.begin() + 1);
  attrs_[size_t{n} + 1] = TokenAttrs{1, 1, 1, 1, 1};  // the root
}

void ParseFeatures::Extract(const Configuration& c, learn::FeatureVector* out) const {
  out->clear();
  Emitter f(out);
  constexpr int32_t kNone = Configuration::kNone;
  const int32_t s0 = c.Stack(0), s1 = c.Stack(1), s2 = c.Stack(2);
  const int32_t b0 = c.Buffer(0), b1 = c.Buffer(1), b2 = c.Buffer(2);
  auto left = [&](int32_t n, int k) { return n == kNone ? kNone : c.LeftChild(n, k); };
  auto right = [&](int32_t n, int k) { return n == kNone ? kNone : c.RightChild(n, k); };
  auto label = [&](int32_t n) -> uint64_t { return n == kNone ? 0 : c.label(n) + 1; };
  const int32_t s0l = left(s0, 0), s0l2 = left(s0, 1), s0r = right(s0, 0), s0r2 = right(s0, 1);
  const int32_t s1l = left(s1, 0), s1r = right(s1, 0), s1r2 = right(s1, 1);
  const int32_t b0l = left(b0, 0), b0l2 = left(b0, 1);
  const TokenAttrs &S0 = At(s0), &S1 = At(s1), &S2 = At(s2);
  const TokenAttrs &B0 = At(b0), &B1 = At(b1), &B2 = At(b2);
  const TokenAttrs &S0L = At(s0l), &S0L2 = At(s0l2), &S0R = At(s0r), &S0R2 = At(s0r2);
  const TokenAttrs &S1L = At(s1l), &S1R = At(s1r), &S1R2 = At(s1r2);
  const TokenAttrs &B0L = At(b0l), &B0L2 = At(b0l2);

  f(0, 1);  // bias
  // Single words.
  f(1, S0.word, S0.xpos), f(2, S0.word), f(3, S0.xpos), f(4, S0.upos);
  f(5, B0.word, B0.xpos), f(6, B0.word), f(7, B0.xpos), f(8, B0.upos);
  f(9, B1.word, B1.xpos), f(10, B1.word), f(11, B1.xpos);
  f(12, B2.word), f(13, B2.xpos);
  f(14, S1.word, S1.xpos), f(15, S1.word), f(16, S1.xpos), f(17, S1.upos);
  f(18, S2.xpos), f(19, S2.word);
  // Word pairs: s0-b0 (LEFT), s1-s0 (RIGHT).
  f(20, S0.word, S0.xpos, B0.word, B0.xpos), f(21, S0.word, S0.xpos, B0.word);
  f(22, S0.word, B0.word, B0.xpos), f(23, S0.word, S0.xpos, B0.xpos);
  f(24, S0.xpos, B0.word, B0.xpos), f(25, S0.word, B0.word), f(26, S0.xpos, B0.xpos);
  f(27, B0.xpos, B1.xpos);
  f(28, S1.word, S1.xpos, S0.word, S0.xpos), f(29, S1.word, S0.word), f(30, S1.xpos, S0.xpos);
  f(31, S1.word, S1.xpos, S0.xpos), f(32, S1.xpos, S0.word, S0.xpos), f(33, S1.xpos, B0.xpos);
  f(34, S1.upos, S0.upos, B0.upos);
  // Three tags.
  f(35, B0.xpos, B1.xpos, B2.xpos), f(36, S0.xpos, B0.xpos, B1.xpos);
  f(37, S1.xpos, S0.xpos, B0.xpos), f(38, S2.xpos, S1.xpos, S0.xpos);
  f(39, S0.xpos, S0L.xpos, B0.xpos), f(40, S0.xpos, S0R.xpos, B0.xpos);
  f(41, S0.xpos, B0.xpos, B0L.xpos), f(42, S1.xpos, S1R.xpos, S0.xpos);
  f(43, S1.xpos, S0.xpos, S0L.xpos), f(44, S1.xpos, S0.xpos, S0R.xpos);
  f(45, S1.xpos, S1L.xpos, S0.xpos);
  // Distances; b0 may be the root, which is "far".
  const uint64_t d1 = s0 == kNone ? 0 : (b0 == c.root() ? 7 : Bucket(b0 - s0));
  const uint64_t d2 = s1 == kNone ? 0 : Bucket(s0 - s1);
  f(46, S0.word, d1), f(47, S0.xpos, d1), f(48, B0.word, d1), f(49, B0.xpos, d1);
  f(50, S0.word, B0.word, d1), f(51, S0.xpos, B0.xpos, d1);
  f(52, S1.word, d2), f(53, S1.xpos, d2), f(54, S0.word, d2), f(55, S0.xpos, d2);
  f(56, S1.word, S0.word, d2), f(57, S1.xpos, S0.xpos, d2);
  // Valency (number of dependents so far).
  auto vl = [&](int32_t n) -> uint64_t { return n == kNone ? 0 : std::min(c.left_count(n), 8u); };
  auto vr = [&](int32_t n) -> uint64_t { return n == kNone ? 0 : std::min(c.right_count(n), 8u); };
  f(58, S0.word, vr(s0)), f(59, S0.xpos, vr(s0)), f(60, S0.word, vl(s0)), f(61, S0.xpos, vl(s0));
  f(62, B0.word, vl(b0)), f(63, B0.xpos, vl(b0)), f(64, S1.xpos, vr(s1)), f(65, S1.xpos, vl(s1));
  f(66, S1.word, vr(s1));
  // Dependents and their labels.
  f(67, S0L.word), f(68, S0L.xpos), f(69, label(s0l)), f(70, S0R.word), f(71, S0R.xpos);
  f(72, label(s0r)), f(73, B0L.word), f(74, B0L.xpos), f(75, label(b0l));
  f(76, S1L.xpos), f(77, label(s1l)), f(78, S1R.word), f(79, S1R.xpos), f(80, label(s1r));
  f(81, S0L2.word), f(82, S0L2.xpos), f(83, label(s0l2)), f(84, S0R2.word), f(85, S0R2.xpos);
  f(86, label(s0r2)), f(87, B0L2.word), f(88, B0L2.xpos), f(89, label(b0l2));
  f(90, S0.xpos, S0L.xpos, S0L2.xpos), f(91, S0.xpos, S0R.xpos, S0R2.xpos);
  f(92, B0.xpos, B0L.xpos, B0L2.xpos), f(93, S1.xpos, S1R.xpos, S1R2.xpos);
  // Label sets of the dependents so far.
  auto sl = [&](int32_t n) -> uint64_t { return n == kNone ? 0 : c.left_labels(n); };
  auto sr = [&](int32_t n) -> uint64_t { return n == kNone ? 0 : c.right_labels(n); };
  f(94, S0.word, sr(s0)), f(95, S0.xpos, sr(s0)), f(96, S0.word, sl(s0)), f(97, S0.xpos, sl(s0));
  f(98, B0.word, sl(b0)), f(99, B0.xpos, sl(b0)), f(100, S1.xpos, sr(s1)), f(101, S1.xpos, sl(s1));
  // Word endings, for words too rare to have weights of their own.
  f(102, S0.suffix, S0.xpos), f(103, B0.suffix, B0.xpos), f(104, S1.suffix, S1.xpos);
  f(105, B1.suffix), f(106, S0.suffix, B0.suffix), f(107, S1.suffix, S0.suffix);
  // Ambiguity classes: what each word can be, whatever the tagger said.
  f(108, S0.klass), f(109, B0.klass), f(110, S1.klass), f(111, B1.klass);
  f(112, S0.klass, B0.klass), f(113, S1.klass, S0.klass), f(114, S0.klass, B0.xpos);
  f(115, S0.xpos, B0.klass), f(116, S1.klass, B0.klass);
}

}  // namespace parley::parse
