// Attachment scorer behind `parley eval parse` (see parley/parser.h).
//
// Runs the real stages on Documents built from the gold tokens, so the score
// covers exactly what a pipeline produces: predicted tags (when a tagger is
// given) feeding the parser. Every token counts, punctuation included.
#include <time.h>

#include <algorithm>
#include <cstdio>

#include "parley/parser.h"
#include "parse/treebank.h"

namespace parley {
namespace {

// CPU time of this thread: speed per core stays meaningful on a busy
// machine, where wall time would count other processes' turns.
double ThreadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

}  // namespace

StatusOr<ParseScores> EvalParse(const std::vector<TreebankSentence>& gold, const Stage* tagger,
                                const Stage& parser, std::vector<TreebankSentence>* predicted) {
  ParseScores scores;
  if (predicted) predicted->clear();
  scores.predicted_tags = tagger != nullptr;
  for (size_t first = 0; first < gold.size(); first += parse::kSentencesPerDocument) {
    size_t count = std::min(parse::kSentencesPerDocument, gold.size() - first);
    Document doc = parse::TreebankDocument(gold.data() + first, count, tagger == nullptr);
    if (tagger) {
      double t0 = ThreadSeconds();
      PARLEY_RETURN_IF_ERROR(tagger->Process(doc));
      scores.tag_seconds += ThreadSeconds() - t0;
    }
    double t0 = ThreadSeconds();
    PARLEY_RETURN_IF_ERROR(parser.Process(doc));
    scores.parse_seconds += ThreadSeconds() - t0;

    const TokenColumns& tokens = doc.tokens();
    if (tokens.head.size() != tokens.size() || tokens.deprel.size() != tokens.size()) {
      return Internal("the parser left tokens without a head");
    }
    size_t t = 0;
    const StringStore& strings = doc.strings();
    for (size_t s = first; s < first + count; ++s) {
      const TreebankSentence& sentence = gold[s];
      const auto begin = static_cast<int32_t>(t);
      if (predicted) {
        TreebankSentence& out = predicted->emplace_back();
        out.form = sentence.form;
        for (size_t i = 0; i < sentence.size(); ++i) {
          const size_t k = t + i;
          auto column = [&](const std::vector<uint32_t>& ids, const std::string& fallback) {
            return k < ids.size() ? std::string(strings.Get(ids[k])) : fallback;
          };
          out.lemma.push_back(column(tokens.lemma, sentence.lemma[i]));
          out.upos.push_back(column(tokens.upos, sentence.upos[i]));
          out.xpos.push_back(column(tokens.xpos, sentence.xpos[i]));
          out.deprel.push_back(std::string(strings.Get(tokens.deprel[k])));
          out.head.push_back(tokens.head[k] < 0 ? -1 : tokens.head[k] - begin);
        }
      }
      for (size_t i = 0; i < sentence.size(); ++i, ++t) {
        int32_t want = sentence.head[i] < 0 ? -1 : sentence.head[i] + begin;
        if (tokens.head[t] != want) continue;
        ++scores.head_correct;
        scores.labelled_correct += doc.strings().Get(tokens.deprel[t]) == sentence.deprel[i];
      }
      scores.tokens += sentence.size();
      ++scores.sentences;
    }
  }
  return scores;
}

Status WriteConllu(const std::vector<TreebankSentence>& sentences, const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return IoError(path + ": cannot open for writing");
  for (const TreebankSentence& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) {
      std::fprintf(
          f, "%zu\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t_\n", i + 1, s.form[i].c_str(),
          i < s.lemma.size() ? s.lemma[i].c_str() : "_",
          i < s.upos.size() ? s.upos[i].c_str() : "_", i < s.xpos.size() ? s.xpos[i].c_str() : "_",
          i < s.head.size() ? s.head[i] + 1 : 0, i < s.deprel.size() ? s.deprel[i].c_str() : "_");
    }
    std::fputc('\n', f);
  }
  const bool ok = std::ferror(f) == 0;
  if (std::fclose(f) != 0 || !ok) return IoError(path + ": write failed");
  return Status();
}

}  // namespace parley
