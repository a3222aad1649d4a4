#include "ner/ner_eval.h"

#include <algorithm>
#include <ctime>

#include "ner/ner_trainer.h"

namespace parley::ner {

void CountSpans(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted,
                NerScores* s) {
  auto key = [](const EntitySpan& a, const EntitySpan& b) {
    return std::tie(a.begin, a.end, a.type) < std::tie(b.begin, b.end, b.type);
  };
  std::vector<EntitySpan> g = gold, p = predicted;
  std::sort(g.begin(), g.end(), key);
  std::sort(p.begin(), p.end(), key);
  for (const EntitySpan& e : g) {
    ++s->overall.gold;
    ++s->per_type[size_t(e.type)].gold;
  }
  for (const EntitySpan& e : p) {
    ++s->overall.predicted;
    ++s->per_type[size_t(e.type)].predicted;
    if (std::binary_search(g.begin(), g.end(), e, key)) {
      ++s->overall.correct;
      ++s->per_type[size_t(e.type)].correct;
    }
  }
}

namespace {

// CPU time of this thread: tokens per CPU second is a per-core speed that a
// busy shared machine does not distort as much as wall time.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

void AppendIob2(const std::vector<EntitySpan>& spans, uint32_t begin, uint32_t end,
                std::vector<std::string>* tags) {
  for (const EntitySpan& e : spans) {
    for (uint32_t i = std::max(e.begin, begin); i < std::min(e.end, end); ++i) {
      (*tags)[i - begin] = std::string(i == e.begin ? "B-" : "I-") + std::string(TypeName(e.type));
    }
  }
}

}  // namespace

NerScores ScoreDocuments(const NerModel& model, const std::vector<NerDocument>& docs,
                         std::string* predictions) {
  NerScores s;
  for (const NerDocument& doc : docs) {
    NerInput in = InputOf(doc);
    double t0 = ThreadCpuSeconds();
    std::vector<EntitySpan> predicted = model.Predict(in);
    s.seconds += ThreadCpuSeconds() - t0;
    std::vector<EntitySpan> gold;
    for (size_t k = 0; k < doc.sentences.size(); ++k) {
      for (EntitySpan e : doc.sentences[k].gold) {
        e.begin += in.sentences[k].first;
        e.end += in.sentences[k].first;
        gold.push_back(e);
      }
    }
    CountSpans(gold, predicted, &s);
    if (predictions) {
      for (size_t k = 0; k < doc.sentences.size(); ++k) {
        auto [b, e] = in.sentences[k];
        std::vector<std::string> g(e - b, "O"), p(e - b, "O");
        AppendIob2(gold, b, e, &g);
        AppendIob2(predicted, b, e, &p);
        for (uint32_t i = b; i < e; ++i) {
          *predictions += std::string(in.forms[i]) + " " + g[i - b] + " " + p[i - b] + "\n";
        }
        *predictions += "\n";
      }
      *predictions += "-DOCSTART- O O\n\n";
    }
    ++s.documents;
    s.sentences += doc.sentences.size();
    s.tokens += in.forms.size();
  }
  return s;
}

}  // namespace parley::ner

namespace parley {

StatusOr<NerScores> EvalNer(const std::string& gold_path, const std::string& models_dir,
                            std::string* predictions) {
  auto model = ner::NerModel::Load(models_dir + "/ner.model");
  if (!model.ok()) return model.status();
  auto docs = ner::ReadConll(gold_path);
  if (!docs.ok()) return docs.status();
  return ner::ScoreDocuments(*model, *docs, predictions);
}

}  // namespace parley
