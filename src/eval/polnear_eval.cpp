// EvalPolnear: the pipeline over every article of a PolNeAR split, each
// annotation scored with ScoreQuotes.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "parley/quote_eval.h"

namespace parley {

StatusOr<PolnearResult> EvalPolnear(const std::string& dir, const Pipeline& pipeline,
                                    const PolnearOptions& options) {
  PolnearResult result;
  auto gold = ReadBratFolder(dir, &result.errors);
  if (!gold.ok()) return gold.status();
  std::vector<BratDocument>& anns = *gold;

  // One pipeline run per article, shared by its annotations.
  std::map<std::string, size_t> article_of;
  std::vector<const BratDocument*> first_ann;
  for (const BratDocument& d : anns) {
    if (article_of.emplace(d.name, first_ann.size()).second) first_ann.push_back(&d);
  }
  std::vector<Document> docs(first_ann.size());
  std::vector<Status> statuses(first_ann.size());
  for (size_t i = 0; i < first_ann.size(); ++i) {
    DocumentMeta meta;
    meta.id = first_ann[i]->name;
    meta.origin = first_ann[i]->text_path;
    docs[i] = Document(first_ann[i]->text, std::move(meta));
    result.bytes += first_ann[i]->text.size();
  }
  auto t0 = std::chrono::steady_clock::now();
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < docs.size(); i = next++) statuses[i] = pipeline.Process(docs[i]);
  };
  size_t threads = std::clamp<size_t>(static_cast<size_t>(std::max(options.threads, 1)), 1,
                                      std::max<size_t>(docs.size(), 1));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!statuses[i].ok()) result.errors.push_back({{first_ann[i]->text_path, 0}, statuses[i]});
  }

  result.articles = docs.size();
  for (BratDocument& d : anns) {
    ++result.annotations;
    const Document& doc = docs[article_of[d.name]];
    std::vector<QuoteMatch> matches;
    result.scores.Add(ScoreQuotes(doc, d.attributions, options.keep_details ? &matches : nullptr));
    if (options.keep_details) {
      result.details.push_back({std::move(d), doc.quotes(), std::move(matches)});
    }
  }
  return result;
}

}  // namespace parley
