// word_clusters: Brown-like hierarchical word clusters from a news corpus,
// cheap enough for minutes on one core instead of Brown's hours.
//
//  1. Each article (JSONL `text`) runs through parley's own repair+segment
//     pipeline, so the words are exactly the token forms the NER stage sees.
//  2. Every word with frequency >= --min-count (the --max-vocab most frequent)
//     gets a context vector: counts of the top context words one and two
//     positions to its left and right (sentence edges count as a word).
//  3. Counts become positive PMI (context-distribution smoothing 0.75), are
//     reduced by a seeded random +-1 projection and L2-normalised.
//  4. Bisecting spherical k-means (bisecting_kmeans.h) gives each word a
//     bit string; output is Brown's format, "bits<TAB>word<TAB>count".
//
// Everything is seeded, so the same corpus gives the same file. Command used
// for data/ner/clusters.txt (see data/ner/NOTICE):
//   build-ner/tools/word_clusters ../shared/corpora/allsides.jsonl.gz
//       > data/ner/clusters.txt   (one command line)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "parley/pipeline.h"
#include "parley/reader.h"
#include "word_clusters/bisecting_kmeans.h"
#include "word_clusters/context_vectors.h"

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

int Usage() {
  std::fprintf(stderr,
               "usage: word_clusters CORPUS.jsonl[.gz] [--min-count N] [--max-vocab N] "
               "[--depth N] [--dim N] [--near N] [--far N] [--min-size N] [--seed N] "
               "[--limit ARTICLES] > clusters.txt\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace parley;
  if (argc < 2) return Usage();
  tools::ContextOptions copt;
  tools::BisectOptions bopt;
  uint64_t limit = 0;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> unsigned long long {
      return i + 1 < argc ? std::stoull(argv[++i]) : 0ull;
    };
    if (a == "--min-count")
      copt.min_count = static_cast<uint32_t>(next());
    else if (a == "--max-vocab")
      copt.max_vocab = static_cast<size_t>(next());
    else if (a == "--depth")
      bopt.max_depth = static_cast<int>(next());
    else if (a == "--dim")
      copt.dim = static_cast<size_t>(next());
    else if (a == "--near")
      copt.near_contexts = static_cast<size_t>(next());
    else if (a == "--far")
      copt.far_contexts = static_cast<size_t>(next());
    else if (a == "--min-size")
      bopt.min_size = static_cast<size_t>(next());
    else if (a == "--seed")
      copt.seed = bopt.seed = next();
    else if (a == "--limit")
      limit = next();
    else if (!a.empty() && a[0] == '-')
      return Usage();
    else
      inputs.push_back(a);
  }
  auto t0 = Clock::now();
  auto pipeline = Pipeline::CreateDefault();
  if (!pipeline.ok()) {
    std::fprintf(stderr, "word_clusters: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  std::unique_ptr<Reader> reader = Reader::Open(inputs);
  tools::CorpusIds corpus;
  InputRecord rec;
  RecordError err;
  uint64_t docs = 0;
  for (;;) {
    Reader::Result r = reader->Next(&rec, &err);
    if (r == Reader::Result::kEnd) break;
    if (r == Reader::Result::kError) {
      std::fprintf(stderr, "word_clusters: skipped %s: %s\n", err.where.ToString().c_str(),
                   err.status.ToString().c_str());
      continue;
    }
    Document doc = ToDocument(std::move(rec));
    if (!pipeline->Process(doc).ok()) continue;
    for (const Sentence& s : doc.sentences()) {
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) corpus.Add(doc.TokenForm(t));
      corpus.EndSentence();
    }
    if (++docs % 5000 == 0) {
      std::fprintf(stderr, "  %llu articles, %zu tokens, %.0f s\n",
                   static_cast<unsigned long long>(docs), corpus.tokens(), Since(t0));
    }
    if (limit && docs >= limit) break;
  }
  std::fprintf(stderr, "read %llu articles, %zu tokens, %zu types in %.0f s\n",
               static_cast<unsigned long long>(docs), corpus.tokens(), corpus.types(), Since(t0));

  tools::ContextVectors vecs = tools::BuildContextVectors(corpus, copt);
  std::fprintf(stderr, "vectors for %zu words (%zu dims) at %.0f s\n", vecs.words.size(), vecs.dim,
               Since(t0));
  std::vector<std::string> paths =
      tools::BisectingKMeans(vecs.rows, vecs.words.size(), vecs.dim, bopt);
  std::fprintf(stderr, "clustered at %.0f s\n", Since(t0));

  std::vector<size_t> order(paths.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (paths[a] != paths[b]) return paths[a] < paths[b];
    if (vecs.counts[a] != vecs.counts[b]) return vecs.counts[a] > vecs.counts[b];
    return vecs.words[a] < vecs.words[b];
  });
  for (size_t i : order) {
    std::printf("%s\t%s\t%u\n", paths[i].c_str(), vecs.words[i].c_str(), vecs.counts[i]);
  }
  return 0;
}
