// CoNLL-2003 column files for NER training and evaluation: one token a line
// (word first, entity tag last), blank lines between sentences, and
// `-DOCSTART-` lines as document boundaries, whether they open documents (the
// original distribution) or close them (our copy). Tags may be IOB1 or IOB2;
// both are read with conlleval's chunk rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ner/labels.h"
#include "parley/status.h"

namespace parley::ner {

struct NerSentence {
  std::vector<std::string> words;
  std::vector<EntitySpan> gold;  // token offsets within the sentence
};

struct NerDocument {
  std::vector<NerSentence> sentences;
};

// Entity spans of an IOB1/IOB2 tag sequence, as conlleval chunks them: B-X
// always starts a chunk; I-X starts one after O or a different type. Tags of
// types other than PER/ORG/LOC/MISC are ignored.
std::vector<EntitySpan> SpansFromIob(const std::vector<std::string_view>& tags);

// Parses column text; `name` is used in error messages ("name:line: ...").
StatusOr<std::vector<NerDocument>> ParseConll(std::string_view text, const std::string& name);
StatusOr<std::vector<NerDocument>> ReadConll(const std::string& path);

}  // namespace parley::ner
