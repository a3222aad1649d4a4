// Event triple scoring against PETRARCH validation files: the pipeline over
// each coded sentence, asserted events with both actor codes as predictions,
// multiset matching per sentence.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "parley/event_eval.h"

namespace parley {
namespace {

std::string UpperTrimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
  }
  return out;
}

void AddCounts(PrfCounts* a, const PrfCounts& b) {
  a->gold += b.gold;
  a->predicted += b.predicted;
  a->correct += b.correct;
}

// Greedy multiset matching of keys: optimal, since matching is equality.
template <typename Key>
uint64_t MatchKeys(const std::vector<Key>& gold, const std::vector<Key>& pred, TripleMatches* m) {
  std::vector<int32_t> g2p(gold.size(), -1), p2g(pred.size(), -1);
  uint64_t correct = 0;
  for (size_t g = 0; g < gold.size(); ++g) {
    for (size_t p = 0; p < pred.size(); ++p) {
      if (p2g[p] < 0 && pred[p] == gold[g]) {
        p2g[p] = static_cast<int32_t>(g);
        g2p[g] = static_cast<int32_t>(p);
        ++correct;
        break;
      }
    }
  }
  if (m) {
    m->gold_to_pred = std::move(g2p);
    m->pred_to_gold = std::move(p2g);
  }
  return correct;
}

std::vector<EventTriple> Rooted(const std::vector<EventTriple>& v) {
  std::vector<EventTriple> out = v;
  for (EventTriple& t : out) t.code = CameoRoot(t.code);
  return out;
}

std::vector<std::string> Codes(const std::vector<EventTriple>& v) {
  std::vector<std::string> out;
  out.reserve(v.size());
  for (const EventTriple& t : v) out.push_back(t.code);
  return out;
}

}  // namespace

std::string CameoRoot(std::string_view code) {
  return std::string(code.substr(0, 2));
}

void EventScores::Add(const EventScores& o) {
  AddCounts(&triples, o.triples);
  AddCounts(&roots, o.roots);
  AddCounts(&codes, o.codes);
}

PredictedTriples CollectPredictedTriples(const Document& doc) {
  PredictedTriples out;
  const std::vector<Event>& events = doc.events();
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    if (e.polarity != EventPolarity::kAsserted) {
      ++out.negated;
      continue;
    }
    EventTriple t{UpperTrimmed(e.source.code), UpperTrimmed(e.target.code), UpperTrimmed(e.cameo)};
    if (t.source.empty() || t.target.empty()) {
      ++out.partial;
      continue;
    }
    out.triples.push_back(std::move(t));
    out.event.push_back(static_cast<uint32_t>(i));
  }
  return out;
}

EventScores ScoreEventTriples(const std::vector<EventTriple>& gold,
                              const std::vector<EventTriple>& predicted, TripleMatches* triples,
                              TripleMatches* roots) {
  EventScores s;
  s.triples.gold = s.roots.gold = s.codes.gold = gold.size();
  s.triples.predicted = s.roots.predicted = s.codes.predicted = predicted.size();
  s.triples.correct = MatchKeys(gold, predicted, triples);
  s.roots.correct = MatchKeys(Rooted(gold), Rooted(predicted), roots);
  s.codes.correct = MatchKeys(Codes(gold), Codes(predicted), nullptr);
  return s;
}

StatusOr<PetrarchResult> EvalPetrarch(const std::string& path, const Pipeline& pipeline,
                                      const PetrarchOptions& options) {
  PetrarchResult result;
  auto read = ReadPetrarchXml(path, &result.errors);
  if (!read.ok()) return read.status();
  std::vector<PetrarchSentence> sentences;
  for (PetrarchSentence& s : *read) {
    if (s.evaluate || options.include_unevaluated) {
      sentences.push_back(std::move(s));
    } else {
      ++result.skipped;
    }
  }

  // Each sentence is one document dated by the sentence.
  std::vector<Document> docs(sentences.size());
  std::vector<Status> statuses(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    DocumentMeta meta;
    meta.id = sentences[i].id;
    meta.date = sentences[i].date;
    meta.origin = path + ":" + std::to_string(sentences[i].line);
    docs[i] = Document(sentences[i].text, std::move(meta));
    result.bytes += sentences[i].text.size();
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

  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!statuses[i].ok()) {
      result.errors.push_back({{path, sentences[i].line}, statuses[i]});
      continue;
    }
    ++result.sentences;
    PredictedTriples pred = CollectPredictedTriples(docs[i]);
    result.negated += pred.negated;
    result.partial += pred.partial;
    TripleMatches triples, roots;
    bool keep = options.keep_details;
    EventScores s = ScoreEventTriples(sentences[i].gold, pred.triples, keep ? &triples : nullptr,
                                      keep ? &roots : nullptr);
    result.scores.Add(s);
    result.per_category[sentences[i].category].Add(s);
    if (keep) {
      result.details.push_back({std::move(sentences[i]), std::move(docs[i]), std::move(pred),
                                std::move(triples), std::move(roots)});
    }
  }
  std::stable_sort(
      result.errors.begin(), result.errors.end(),
      [](const RecordError& a, const RecordError& b) { return a.where.line < b.where.line; });
  return result;
}

}  // namespace parley
