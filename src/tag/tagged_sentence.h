// TaggedSentence: the tagger's view of annotated data, words with their gold
// UPOS, XPOS and lemma. Training and scoring work on these; reading them from
// a file is tagged_corpus.h's job.
#pragma once

#include <string>
#include <vector>

namespace parley::tag {

struct TaggedSentence {
  std::vector<std::string> forms, upos, xpos, lemmas;
  // 1 when a space follows the word in the text; empty: spaces everywhere.
  std::vector<uint8_t> space_after;
  size_t size() const { return forms.size(); }
};

}  // namespace parley::tag
