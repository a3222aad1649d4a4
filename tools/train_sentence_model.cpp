// Trains the sentence boundary model embedded in src/text/sentence_model.inc.
//
// An averaged perceptron over the candidate boundaries and hashed features
// that text::SplitSentences produces at run time: each CoNLL-U document's raw
// text is rebuilt as in `parley eval tokenize` (paragraphs split at "\n\n"),
// tokenized, and split with a decider that learns from the gold sentence
// ends. Weights are averaged, scaled to int16 and written as C++ source.
//
// Build (from the repository root, after building the libraries in build/;
// one line, split here for width):
//   g++ -std=c++20 -O2 -Iinclude -Isrc tools/train_sentence_model.cpp
//       -Wl,--start-group build/src/*.a -Wl,--end-group
//       -lutf8proc -lxxhash -lsimdjson -lz -o /tmp/train_sentence_model
// Run (10 epochs, as committed):
//   /tmp/train_sentence_model ../shared/data/ud-en-ewt/en_ewt-ud-train.conllu 10
//       > src/text/sentence_model.inc
// then rebuild and check `parley eval tokenize --gold <EWT dev>`.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "eval/conllu.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace {

using parley::text::kSentenceFeatureBits;

struct Doc {
  std::string text;
  std::set<uint32_t> ends;  // gold sentence end offsets
};

// The raw text of each document, built like EvalTokenize builds it.
bool ReadDocs(const std::string& path, std::vector<Doc>* docs) {
  auto reader = parley::conllu::Reader::Open(path);
  if (!reader.ok()) {
    std::fprintf(stderr, "%s\n", reader.status().ToString().c_str());
    return false;
  }
  parley::conllu::Sentence s;
  bool space_after = true;
  while (true) {
    auto more = (*reader)->Next(&s);
    if (!more.ok()) {
      std::fprintf(stderr, "%s\n", more.status().ToString().c_str());
      return false;
    }
    if (!*more) break;
    if (s.new_document || docs->empty()) docs->emplace_back();
    Doc& d = docs->back();
    if (!d.text.empty()) d.text += s.new_paragraph ? "\n\n" : space_after ? " " : "";
    d.text += s.Text();
    d.ends.insert(static_cast<uint32_t>(d.text.size()));
    auto surface = s.SurfaceTokens();
    space_after = surface.empty() || s.lines[surface.back()].space_after();
  }
  return true;
}

class Perceptron : public parley::text::BoundaryDecider {
 public:
  Perceptron() : w_(kSize, 0.0), u_(kSize, 0.0) {}
  void SetDoc(const Doc* doc) { doc_ = doc; }

  bool Split(const uint32_t* f, size_t n, uint32_t end) override {
    double score = 0;
    for (size_t k = 0; k < n; ++k) score += w_[f[k]];
    bool pred = score > 0, gold = doc_->ends.count(end) != 0;
    if (pred != gold) {
      double y = gold ? 1.0 : -1.0;
      for (size_t k = 0; k < n; ++k) {
        w_[f[k]] += y;
        u_[f[k]] += y * static_cast<double>(count_);
      }
      ++errors_;
    }
    ++count_;
    ++seen_;
    return pred;
  }

  std::vector<double> Averaged() const {
    std::vector<double> avg(kSize);
    for (size_t k = 0; k < kSize; ++k) avg[k] = w_[k] - u_[k] / static_cast<double>(count_);
    return avg;
  }
  uint64_t TakeErrors() { return std::exchange(errors_, 0); }
  uint64_t TakeSeen() { return std::exchange(seen_, 0); }

 private:
  static constexpr size_t kSize = size_t{1} << kSentenceFeatureBits;
  std::vector<double> w_, u_;
  uint64_t count_ = 1, errors_ = 0, seen_ = 0;
  const Doc* doc_ = nullptr;
};

void RunDoc(const Doc& d, Perceptron* p) {
  p->SetDoc(&d);
  std::vector<parley::text::TokenSpan> spans;
  std::vector<uint32_t> ends;
  size_t pos = 0;
  while (pos < d.text.size()) {
    size_t brk = d.text.find("\n\n", pos);
    if (brk == std::string::npos) brk = d.text.size();
    spans.clear();
    ends.clear();
    parley::text::Tokenize(d.text, static_cast<uint32_t>(pos), static_cast<uint32_t>(brk), &spans);
    parley::text::SplitSentences(d.text, &spans, &ends, p);
    pos = brk + 2;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s TRAIN.conllu [EPOCHS] > sentence_model.inc\n", argv[0]);
    return 2;
  }
  int epochs = argc > 2 ? std::atoi(argv[2]) : 10;
  std::vector<Doc> docs;
  if (!ReadDocs(argv[1], &docs)) return 1;
  Perceptron p;
  std::mt19937 rng(20250816);
  for (int e = 0; e < epochs; ++e) {
    std::shuffle(docs.begin(), docs.end(), rng);
    for (const Doc& d : docs) RunDoc(d, &p);
    uint64_t seen = p.TakeSeen(), errors = p.TakeErrors();
    std::fprintf(stderr, "epoch %d: %llu candidates, %llu errors\n", e + 1,
                 static_cast<unsigned long long>(seen), static_cast<unsigned long long>(errors));
  }
  std::vector<double> avg = p.Averaged();
  double max_abs = 0;
  for (double v : avg) max_abs = std::max(max_abs, std::fabs(v));
  // int16 weights; the sum of ~26 features must not overflow int32 (it
  // cannot: 26 * 32767 fits easily). Tiny weights round to zero and drop.
  double scale = max_abs > 0 ? 32000.0 / max_abs : 1.0;
  std::vector<std::pair<uint32_t, int>> kept;
  for (size_t k = 0; k < avg.size(); ++k) {
    long q = std::lround(avg[k] * scale);
    if (q != 0) kept.emplace_back(static_cast<uint32_t>(k), static_cast<int>(q));
  }
  std::printf(
      "// Sentence boundary model: generated by tools/train_sentence_model.cpp, do not edit.\n"
      "// Trained on UD English EWT train (CC BY-SA 4.0), %d epochs; provenance and the\n"
      "// command that rebuilds it: models/NOTICE.\n"
      "inline constexpr uint32_t kModelFeatureVersion = %u;\n"
      "inline constexpr uint32_t kModelBits = %u;\n"
      "inline constexpr bool kModelTrained = true;\n",
      epochs, parley::text::kSentenceFeatureVersion, kSentenceFeatureBits);
  std::printf("inline constexpr uint32_t kModelSlots[] = {");
  for (size_t k = 0; k < kept.size(); ++k) {
    std::printf("%s%u,", k % 12 == 0 ? "\n" : "", kept[k].first);
  }
  std::printf("\n};\ninline constexpr int16_t kModelWeights[] = {");
  for (size_t k = 0; k < kept.size(); ++k) {
    std::printf("%s%d,", k % 16 == 0 ? "\n" : "", kept[k].second);
  }
  std::printf("\n};\n");
  std::fprintf(stderr, "%zu weights kept\n", kept.size());
  return 0;
}
