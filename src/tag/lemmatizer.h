// Lemmatizer: the lemma of a tagged word. Four sources, in order:
//   1. exceptions learned from gold data: (lowercased form, Penn tag) pairs
//      whose usual lemma the rules miss (went/VBD -> go, me/PRP -> I);
//   2. the suffix rules of lemma_rules.h, whose candidates are checked
//      against a vocabulary of lemmas seen in the gold data;
//   3. failing that, the first candidate that is a known word form (the
//      tagger's lexicons, see KnownWords): "conceded" -> "concede", since
//      "conced" is no word;
//   4. the first rule candidate when no candidate is known either way.
// Immutable after Learn/Load; lookups need only a caller-owned scratch.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"
#include "tag/lemma_rules.h"
#include "tag/word_table.h"

namespace parley::learn {
class ModelWriter;
class ModelReader;
}  // namespace parley::learn

namespace parley::tag {

struct TaggedSentence;

// Word forms known apart from the gold lemmas, as tables keyed by normal
// form (pos_features.h): the tagger's ambiguity lexicon (every training word)
// and its context lexicon (tens of thousands of words of unlabelled text).
// Borrowed for one lookup; null tables are skipped.
struct KnownWords {
  const WordTable* tables[2] = {nullptr, nullptr};
};

// Reused buffers of one thread's lemma lookups.
struct LemmaScratch {
  std::string base, key, out;
  LemmaCandidates candidates;
};

class Lemmatizer {
 public:
  // Learns the vocabulary and exceptions from gold forms, tags and lemmas.
  void Learn(const std::vector<TaggedSentence>& data);

  // The lemma of `form` tagged `xpos` (class `cls` = LemmaClassOf(xpos)),
  // choosing among rule candidates with `words` where the gold lemmas do not
  // decide. The view points into the lemmatizer or into *scratch; valid
  // until the next call with the same scratch.
  std::string_view Lemmatize(std::string_view form, std::string_view xpos, LemmaClass cls,
                             LemmaScratch* scratch, const KnownWords& words = {}) const;
  std::string_view Lemmatize(std::string_view form, std::string_view xpos,
                             LemmaScratch* scratch) const {
    return Lemmatize(form, xpos, LemmaClassOf(xpos), scratch);
  }

  size_t num_exceptions() const { return exceptions_.size(); }
  size_t vocabulary_size() const { return vocabulary_.size(); }

  void Save(learn::ModelWriter& w) const;
  Status Load(learn::ModelReader& r);

 private:
  struct Exception {
    std::string form, xpos, lemma;
  };
  // Rules only (steps 2 to 4), on the lowercased form in scratch->base.
  std::string_view ByRules(std::string_view form, std::string_view xpos, LemmaClass cls,
                           LemmaScratch* scratch, const KnownWords& words) const;
  bool Known(char vocab_class, std::string_view lemma, std::string* key) const;
  static bool KnownWord(const KnownWords& words, std::string_view lemma, std::string* key);
  void Index();

  std::vector<Exception> exceptions_;
  std::vector<std::string> vocabulary_;  // vocab class char + lowercase lemma
  // Lookup tables rebuilt by Index() from the two lists above.
  WordTable exception_index_;   // form + '\x1f' + xpos -> index into exceptions_
  WordTable vocabulary_index_;  // class char + lemma -> 1
};

}  // namespace parley::tag
