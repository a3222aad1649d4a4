#include "ner/ner_model.h"

#include <algorithm>
#include <limits>

#include "learn/model_io.h"
#include "ner/doc_context.h"

namespace parley::ner {

void GatherStatic(const DocFeatures& df, bool with_doc, uint32_t i,
                  std::vector<learn::FeatureId>* out) {
  out->assign(df.feats.begin() + df.offset[i], df.feats.begin() + df.offset[i + 1]);
  if (with_doc) {
    out->insert(out->end(), df.doc_feats.begin() + df.doc_offset[i],
                df.doc_feats.begin() + df.doc_offset[i + 1]);
  }
}

void DecodeDocument(const NerWeights& weights, int pass, const NerInput& in, const DocFeatures& df,
                    std::vector<float>* second_static, std::vector<uint8_t>* labels) {
  const size_t n = in.forms.size();
  labels->assign(n, kOutside);
  const bool fill = pass == 0 && second_static;
  if (fill) second_static->assign(n * kNumLabels, 0.0f);
  std::vector<learn::FeatureId> hist;
  float base[kNumLabels], scores[kNumLabels];
  uint8_t allowed[kNumLabels], other_allowed[kNumLabels];
  for (const auto& [b, e] : in.sentences) {
    uint32_t prev = kStartLabel, prev2 = kStartLabel;
    for (uint32_t i = b; i < e; ++i) {
      const learn::FeatureId* feats = df.feats.data() + df.offset[i];
      const size_t nf = df.offset[i + 1] - df.offset[i];
      if (pass == 0) {
        std::fill(base, base + kNumLabels, 0.0f);
        if (fill)
          weights.ScoreBoth(feats, nf, base, second_static->data() + size_t{i} * kNumLabels);
        else
          weights.Score(0, feats, nf, base);
      } else {
        // Static scores came with the first pass (second_static).
        const float* pre = second_static->data() + size_t{i} * kNumLabels;
        std::copy(pre, pre + kNumLabels, base);
        weights.Score(1, df.doc_feats.data() + df.doc_offset[i],
                      df.doc_offset[i + 1] - df.doc_offset[i], base);
      }
      const bool last = i + 1 == e;
      std::copy(base, base + kNumLabels, scores);
      hist.clear();
      FeatureExtractor::AddHistory(df.tokens[i], prev, prev2, &hist);
      weights.Score(pass, hist.data(), hist.size(), scores);
      AllowedAfter(prev == kStartLabel ? kOutside : prev, last, allowed);
      uint32_t best = kOutside;
      float best_score = -std::numeric_limits<float>::infinity();
      ImproveBestLabel(scores, allowed, nullptr, &best, &best_score);
      if (const uint32_t other = ToggleEnd(prev); other != prev) {
        std::copy(base, base + kNumLabels, scores);
        hist.clear();
        FeatureExtractor::AddHistory(df.tokens[i], other, prev2, &hist);
        weights.Score(pass, hist.data(), hist.size(), scores);
        AllowedAfter(other, last, other_allowed);
        if (ImproveBestLabel(scores, other_allowed, allowed, &best, &best_score)) {
          (*labels)[i - 1] = static_cast<uint8_t>(other);
          prev = other;
        }
      }
      (*labels)[i] = static_cast<uint8_t>(best);
      prev2 = prev;
      prev = best;
    }
  }
}

std::vector<uint8_t> NerModel::PredictLabels(const NerInput& in,
                                             std::vector<uint8_t>* first_pass) const {
  DocFeatures df;
  FeatureExtractor(&gazetteer, &lexicon).Extract(in, &df);
  std::vector<uint8_t> labels;
  std::vector<float> second_static;
  DecodeDocument(packed, 0, in, df, has_second ? &second_static : nullptr, &labels);
  if (first_pass) *first_pass = labels;
  if (has_second) {
    AddDocumentFeatures(in, labels, &df);
    DecodeDocument(packed, 1, in, df, &second_static, &labels);
  }
  return labels;
}

namespace {

// Whether a name of several words ends in a word that heads the names of
// organisations: "Howard University", "Wells Fargo Bank". A person's name
// does not, so the model's PER (a first name in front) gives way to ORG.
bool EndsInOrganisationHead(const NerInput& in, const EntitySpan& s) {
  static constexpr std::string_view kHeads[] = {
      "University", "College",   "Institute",   "School",      "Academy",  "Foundation",
      "Hospital",   "Church",    "Corporation", "Corp.",       "Inc.",     "Company",
      "Party",      "Committee", "Council",     "Association", "Agency",   "Department",
      "Bank",       "Club",      "Center",      "Centre",      "Airlines", "Administration",
      "Commission", "Coalition", "Fund",        "Society",     "Union",    "Caucus"};
  if (s.end < s.begin + 2 || s.end > in.forms.size()) return false;
  const std::string_view last = in.forms[s.end - 1];
  return std::find(std::begin(kHeads), std::end(kHeads), last) != std::end(kHeads);
}

}  // namespace

std::vector<EntitySpan> NerModel::Predict(const NerInput& in) const {
  std::vector<uint8_t> labels = PredictLabels(in, nullptr);
  std::vector<EntitySpan> out;
  for (const auto& [b, e] : in.sentences) {
    std::vector<EntitySpan> s = DecodeBilou(labels.data() + b, e - b, b);
    out.insert(out.end(), s.begin(), s.end());
  }
  const int per = TypeId("PER"), org = TypeId("ORG");
  for (EntitySpan& s : out) {
    if (s.type == per && EndsInOrganisationHead(in, s)) s.type = org;
  }
  // And a short form of such a name elsewhere in the document ("Morgan
  // State" after "Morgan State University").
  for (EntitySpan& s : out) {
    if (s.type != per || s.end < s.begin + 2) continue;
    const uint32_t n = s.end - s.begin;
    for (const EntitySpan& o : out) {
      if (o.type != org || o.end - o.begin <= n || !EndsInOrganisationHead(in, o)) continue;
      if (std::equal(in.forms.begin() + s.begin, in.forms.begin() + s.end,
                     in.forms.begin() + o.begin)) {
        s.type = org;
        break;
      }
    }
  }
  return out;
}

Status NerModel::Save(const std::string& path) const {
  learn::ModelWriter w("ner", kNerFeatureSet);
  gazetteer.Save(w);
  lexicon.Save(w);
  w.U32(has_second ? 2 : 1);
  first.Save(w);
  if (has_second) second.Save(w);
  return w.WriteFile(path);
}

StatusOr<NerModel> NerModel::Load(const std::string& path) {
  auto r = learn::ModelReader::Open(path, "ner", kNerFeatureSet);
  if (!r.ok()) return r.status();
  NerModel m;
  PARLEY_RETURN_IF_ERROR(m.gazetteer.Load(*r));
  PARLEY_RETURN_IF_ERROR(m.lexicon.Load(*r));
  uint32_t passes = 0;
  PARLEY_RETURN_IF_ERROR(r->U32(&passes));
  if (passes != 1 && passes != 2) return r->Corrupt("pass count");
  PARLEY_RETURN_IF_ERROR(m.first.Load(*r));
  m.has_second = passes == 2;
  if (m.has_second) PARLEY_RETURN_IF_ERROR(m.second.Load(*r));
  if (m.first.num_classes() != kNumLabels ||
      (m.has_second && m.second.num_classes() != kNumLabels)) {
    return r->Corrupt("label count");
  }
  if (!r->at_end()) return r->Corrupt("trailing bytes");
  m.Pack();
  return m;
}

}  // namespace parley::ner
