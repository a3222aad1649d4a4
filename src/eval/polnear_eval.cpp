// ProcessPolnear: the pipeline over every article of a PolNeAR split, once
// per article; EvalPolnear scores each annotation on it with ScoreQuotes.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "parley/quote_eval.h"

namespace parley {

StatusOr<PolnearSplit> ProcessPolnear(const std::string& dir, const Pipeline& pipeline,
                                      int threads) {
  PolnearSplit split;
  auto gold = ReadBratFolder(dir, &split.errors);
  if (!gold.ok()) return gold.status();
  split.annotations = std::move(*gold);

  // One pipeline run per article, shared by its annotations.
  std::map<std::string, size_t> article_of;
  for (const BratDocument& d : split.annotations) {
    auto [it, fresh] = article_of.emplace(d.name, split.articles.size());
    if (fresh) {
      DocumentMeta meta;
      meta.id = d.name;
      meta.origin = d.text_path;
      split.articles.emplace_back(d.text, std::move(meta));
      split.bytes += d.text.size();
    }
    split.article_of.push_back(it->second);
  }
  std::vector<Document>& docs = split.articles;
  std::vector<Status> statuses(docs.size());
  auto t0 = std::chrono::steady_clock::now();
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < docs.size(); i = next++) statuses[i] = pipeline.Process(docs[i]);
  };
  size_t workers = std::clamp<size_t>(static_cast<size_t>(std::max(threads, 1)), 1,
                                      std::max<size_t>(docs.size(), 1));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  split.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!statuses[i].ok()) split.errors.push_back({{docs[i].meta().origin, 0}, statuses[i]});
  }
  return split;
}

StatusOr<PolnearResult> EvalPolnear(const std::string& dir, const Pipeline& pipeline,
                                    const PolnearOptions& options) {
  auto split = ProcessPolnear(dir, pipeline, options.threads);
  if (!split.ok()) return split.status();
  PolnearResult result;
  result.errors = std::move(split->errors);
  result.bytes = split->bytes;
  result.seconds = split->seconds;
  result.articles = split->articles.size();
  for (size_t i = 0; i < split->annotations.size(); ++i) {
    BratDocument& d = split->annotations[i];
    ++result.annotations;
    const Document& doc = split->articles[split->article_of[i]];
    std::vector<QuoteMatch> matches;
    result.scores.Add(ScoreQuotes(doc, d.attributions, options.keep_details ? &matches : nullptr));
    if (options.keep_details) {
      result.details.push_back({std::move(d), doc.quotes(), std::move(matches)});
    }
  }
  return result;
}

}  // namespace parley
