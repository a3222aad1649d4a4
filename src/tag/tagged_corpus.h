// Reads TaggedSentences from CoNLL-U.
//
// The loader is header-only on purpose: the CoNLL-U reader lives in the eval
// layer, which sits above the tag layer (eval -> pipeline -> tag). Keeping
// the call inline means libparley_tag never references it; only the CLI and
// the tests, which link everything, do.
#pragma once

#include <string>
#include <vector>

#include "eval/conllu.h"
#include "parley/status.h"
#include "tag/tagged_sentence.h"

namespace parley::tag {

// Reads the syntactic words of every sentence in `path` (multi-word token
// ranges and empty nodes skipped, as UD scores tagging on words).
inline StatusOr<std::vector<TaggedSentence>> ReadTaggedConllu(const std::string& path) {
  auto reader = conllu::Reader::Open(path);
  if (!reader.ok()) return reader.status();
  std::vector<TaggedSentence> out;
  conllu::Sentence s;
  while (true) {
    auto more = (*reader)->Next(&s);
    if (!more.ok()) return more.status();
    if (!*more) break;
    TaggedSentence t;
    t.space_after = s.WordSpaceAfter();
    for (size_t i : s.Words()) {
      conllu::Line& line = s.lines[i];
      t.forms.push_back(std::move(line.form));
      t.upos.push_back(std::move(line.upos));
      t.xpos.push_back(std::move(line.xpos));
      t.lemmas.push_back(std::move(line.lemma));
    }
    if (t.size() > 0) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace parley::tag
