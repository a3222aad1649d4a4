// EvalPos (see pos_eval.h). Speed is measured apart from scoring: tagging and
// lemmatising are timed as separate passes over forms prepared beforehand,
// in thread CPU time (what one core delivers, however busy the machine), and
// repeated until they fill kMinSeconds so short files still give a stable
// figure.
#include "tag/pos_eval.h"

#include <time.h>

#include <deque>
#include <string_view>

namespace parley::tag {
namespace {

constexpr double kMinSeconds = 0.5;

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

}  // namespace

PosScores EvalPos(const PosModel& model, const std::vector<TaggedSentence>& gold,
                  bool measure_speed) {
  PosScores s;
  std::vector<std::string_view> forms;
  std::vector<size_t> begin = {0};
  for (const TaggedSentence& sent : gold) {
    for (const std::string& f : sent.forms) forms.push_back(f);
    begin.push_back(forms.size());
  }
  s.sentences = gold.size();
  s.tokens = forms.size();
  if (forms.empty()) return s;

  std::vector<uint16_t> labels(forms.size());
  // The forms the tag stage reads: a headline's common words in lower case
  // (PosModel::HeadlineForms), for tags and lemmas alike.
  std::vector<std::string_view> read = forms;
  std::deque<std::string> lowered;  // (a deque: the views into it stay valid)
  std::vector<std::string> headline_storage;
  std::vector<std::string_view> headline;
  for (size_t k = 0; k < gold.size(); ++k) {
    const std::span<const std::string_view> sentence(forms.data() + begin[k],
                                                     begin[k + 1] - begin[k]);
    if (!model.HeadlineForms(sentence, &headline_storage, &headline)) continue;
    for (size_t j = 0; j < headline.size(); ++j) {
      if (headline[j].data() != sentence[j].data()) {
        read[begin[k] + j] = lowered.emplace_back(headline[j]);
      }
    }
  }
  PosScratch scratch;
  uint64_t passes = 0;
  double t0 = CpuSeconds();
  do {
    for (size_t k = 0; k < gold.size(); ++k) {
      const std::span<const std::string_view> sentence(read.data() + begin[k],
                                                       begin[k + 1] - begin[k]);
      model.Tag(sentence, &scratch);
      model.MarkGluedHyphens(sentence, gold[k].space_after, scratch.labels.data());
      std::copy(scratch.labels.begin(), scratch.labels.end(), labels.begin() + begin[k]);
    }
    ++passes;
  } while (measure_speed && CpuSeconds() - t0 < kMinSeconds);
  s.tag_seconds = (CpuSeconds() - t0) / double(passes);

  LemmaScratch lemma_scratch;
  size_t lemma_bytes = 0;  // read back below, so the passes cannot be elided
  passes = 0;
  t0 = CpuSeconds();
  do {
    for (size_t i = 0; i < forms.size(); ++i) {
      lemma_bytes += model.Lemma(read[i], labels[i], &lemma_scratch).size();
    }
    ++passes;
  } while (measure_speed && CpuSeconds() - t0 < kMinSeconds);
  s.lemma_seconds = lemma_bytes > 0 ? (CpuSeconds() - t0) / double(passes) : 0.0;

  size_t i = 0;
  for (const TaggedSentence& sent : gold) {
    for (size_t j = 0; j < sent.size(); ++j, ++i) {
      bool upos = model.upos(labels[i]) == sent.upos[j];
      bool xpos = model.xpos(labels[i]) == sent.xpos[j];
      s.upos += upos;
      s.xpos += xpos;
      s.both += upos && xpos;
      s.lemma += model.Lemma(forms[i], labels[i], &lemma_scratch) == sent.lemmas[j];
    }
  }
  return s;
}

}  // namespace parley::tag
