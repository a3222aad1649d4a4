// Helpers for the store tests: temporary database paths and small documents.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "parley/document.h"

namespace parley::testing {

// A fresh folder under the system temp dir, removed when this goes away.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("parley_store_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A document with a speaker entity, two mentions and a quote:
//   Putin met Trump. "No deal was reached," Putin said.
inline Document QuoteDocument(std::string id = "a1", std::string date = "2025-08-16") {
  DocumentMeta meta;
  meta.id = std::move(id);
  meta.date = std::move(date);
  meta.title = "Summit";
  meta.source = "Wire";
  meta.url = "https://example.com/a1";
  Document doc("Putin met Trump. \"No deal was reached,\" Putin said.", meta);
  uint32_t per = doc.mutable_strings().Intern("PER");
  auto& mentions = doc.mutable_mentions();
  mentions.push_back({{0, 5}, 0, 1, per, 0});      // Putin
  mentions.push_back({{10, 15}, 2, 3, per, 1});    // Trump
  mentions.push_back({{40, 45}, 10, 11, per, 0});  // Putin (speaker)
  Entity putin;
  putin.name = "Vladimir Putin";
  putin.type = per;
  putin.mentions = {0, 2};
  putin.links.kb_id = "Q7747";
  putin.links.actor_code = "RUSGOV";
  Entity trump;
  trump.name = "Donald Trump";
  trump.type = per;
  trump.mentions = {1};
  doc.mutable_entities() = {putin, trump};
  Quote q;
  q.content = {18, 37};  // No deal was reached
  q.kind = QuoteKind::kDirect;
  q.cue = {46, 50};  // said
  q.cue_lemma = doc.mutable_strings().Intern("say");
  q.speaker = {40, 45};
  q.speaker_entity = 0;
  q.speaker_name = "Vladimir Putin";
  q.confidence = 0.9f;
  doc.mutable_quotes().push_back(q);
  doc.Mark(kAnnEntities | kAnnDocEntities | kAnnQuotes);
  return doc;
}

}  // namespace parley::testing
