// The crash test of issue 6: SIGKILL `parley ingest` at random moments ten
// times, rerun it, and the database must be intact with exactly one row per
// distinct article: no loss, no duplicates.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "parley/output.h"
#include "parley/store.h"
#include "store/store_test_util.h"

namespace parley {
namespace {

using testing::TempDir;
using Clock = std::chrono::steady_clock;

constexpr int kArticles = 3000;
constexpr int kRepeats = 150;  // records that repeat an earlier article
constexpr int kBadLines = 7;

// Synthetic news: deterministic sentences from a small vocabulary.
std::string Article(int i) {
  static const char* kWords[] = {"minister", "said",    "talks",  "would",   "continue",  "after",
                                 "the",      "summit",  "in",     "capital", "officials", "denied",
                                 "reports",  "that",    "troops", "crossed", "border",    "on",
                                 "Monday",   "Tuesday", "deal",   "economy", "vote",      "court"};
  std::mt19937 rng(static_cast<uint32_t>(i) * 2654435761u);
  std::string text = "Article " + std::to_string(i) + ".";
  int sentences = 4 + static_cast<int>(rng() % 8);
  for (int s = 0; s < sentences; ++s) {
    text += s % 3 == 2 ? "\\n\\n" : " ";
    int words = 6 + static_cast<int>(rng() % 14);
    for (int w = 0; w < words; ++w) {
      std::string word = kWords[rng() % std::size(kWords)];
      if (w == 0) word[0] = static_cast<char>(std::toupper(word[0]));
      text += (w ? " " : "") + word;
    }
    text += s % 4 == 1 ? ", \\\"we will see,\\\" he said." : ".";
  }
  return text;
}

// The JSONL corpus; returns the content hashes of its distinct articles.
std::set<std::string> WriteCorpus(const std::string& path) {
  std::ofstream out(path);
  std::set<std::string> hashes;
  int bad = 0;
  for (int i = 0; i < kArticles + kRepeats; ++i) {
    int n = i < kArticles ? i : (i * 7919) % kArticles;
    std::string text = Article(n);
    out << "{\"id\": \"n" << i << "\", \"date\": \"2025-0" << 1 + n % 9 << "-1" << n % 10
        << "\", \"source\": \"S" << n % 5 << "\", \"text\": \"" << text << "\"}\n";
    // The hash is of the decoded text: undo the JSON escapes written above.
    std::string decoded;
    for (size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '\\' && k + 1 < text.size()) {
        decoded += text[k + 1] == 'n' ? '\n' : text[k + 1];
        ++k;
      } else {
        decoded += text[k];
      }
    }
    hashes.insert(ContentHash(decoded));
    if (i % 400 == 17 && bad < kBadLines) {
      out << "{\"id\": \"broken" << bad++ << "\", \"text\": \n";
    }
  }
  return hashes;
}

pid_t StartIngest(const std::string& corpus, const std::string& db) {
  pid_t pid = fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stderr);
    execl(PARLEY_BINARY, PARLEY_BINARY, "ingest", corpus.c_str(), "--db", db.c_str(), "--stages",
          "repair,segment", "--threads", "2", "--batch", "16", "--quiet",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

// Waits for the process; its exit code, or -signal when a signal ended it.
int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1000;
}

std::set<std::string> StoredHashes(const std::string& db) {
  auto store = Store::Open(db);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  std::set<std::string> hashes;
  size_t rows = 0;
  EXPECT_TRUE(store
                  ->ForEachContentHash([&](std::string_view h) {
                    hashes.insert(std::string(h));
                    ++rows;
                  })
                  .ok());
  EXPECT_EQ(rows, hashes.size()) << "duplicate articles";
  Status integrity = store->CheckIntegrity();
  EXPECT_TRUE(integrity.ok()) << integrity.ToString();
  return hashes;
}

TEST(IngestKill, SurvivesSigkillAtRandomMomentsWithoutLossOrDuplicates) {
  TempDir dir;
  std::string corpus = dir.File("corpus.jsonl");
  const std::set<std::string> expected = WriteCorpus(corpus);
  ASSERT_EQ(expected.size(), static_cast<size_t>(kArticles));

  // How long one uninterrupted ingest takes here, to aim the kills.
  auto t0 = Clock::now();
  ASSERT_EQ(Wait(StartIngest(corpus, dir.File("calibrate.db"))), 1);  // 1: bad lines rejected
  double full_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  std::random_device seed_source;
  unsigned seed = seed_source();
  std::mt19937 rng(seed);
  std::printf("kill test: seed %u, one full ingest %.0f ms\n", seed, full_ms);
  std::string db = dir.File("corpus.db");
  int interrupted = 0;
  size_t stored_before = 0;
  for (int kill = 0; kill < 10; ++kill) {
    // Short windows, so the work is spread over many interrupted runs.
    std::uniform_real_distribution<double> delay(0.04 * full_ms, 0.16 * full_ms);
    double ms = delay(rng);
    pid_t pid = StartIngest(corpus, db);
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(ms));
    ::kill(pid, SIGKILL);
    int rc = Wait(pid);
    if (rc == -SIGKILL) ++interrupted;
    std::set<std::string> stored = StoredHashes(db);
    // Nothing committed is lost, nothing foreign appears.
    EXPECT_GE(stored.size(), stored_before);
    for (const std::string& h : stored) ASSERT_TRUE(expected.count(h)) << h;
    std::printf("kill %d after %.0f ms: %s, %zu articles stored\n", kill + 1, ms,
                rc == -SIGKILL ? "killed" : "had finished", stored.size());
    stored_before = stored.size();
  }
  EXPECT_GE(interrupted, 3) << "the kills should mostly land while ingest runs";

  EXPECT_EQ(Wait(StartIngest(corpus, db)), 1);
  EXPECT_EQ(StoredHashes(db), expected);
  auto store = Store::Open(db);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, kArticles);
  EXPECT_EQ(stats->rejected, kBadLines);
  // A run killed before it recorded itself leaves no row; one killed between
  // recording its end and exiting counts as finished.
  EXPECT_LE(stats->interrupted_runs, interrupted);
  EXPECT_GE(stats->ingest_runs - stats->interrupted_runs, 11 - interrupted);
}

}  // namespace
}  // namespace parley
