// The cue lexicon: the words that introduce an attribution ("said",
// "according to", "pointed out", "statement"), by lemma. A plain text file
// (models/cues.tsv) so a user can extend it without touching code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "parley/status.h"

namespace parley::quotes {

enum class CueClass : uint8_t {
  kNone,
  kSpeech,   // verbs of saying or writing
  kBelief,   // verbs of thinking, wanting, intending
  kFinding,  // verbs with a non-human source ("the poll shows")
  kNoun,     // nouns that name an utterance ("statement", "quote")
};

class CueLexicon {
 public:
  // Parses "lemma<TAB>class" lines; `origin` names the file in errors
  // ("cues.tsv:12: unknown class 'x'").
  static StatusOr<CueLexicon> Parse(std::string_view text, std::string_view origin);
  static StatusOr<CueLexicon> Load(const std::string& path);

  // The class of a verb lemma, optionally with its particle ("point" + "out").
  CueClass Verb(std::string_view lemma, std::string_view particle = {}) const;
  bool Noun(std::string_view lemma) const;
  size_t size() const { return verbs_.size() + nouns_.size(); }

 private:
  std::unordered_map<std::string, CueClass> verbs_;  // "say", "point out"
  std::unordered_map<std::string, CueClass> nouns_;
};

}  // namespace parley::quotes
