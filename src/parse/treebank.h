// Treebank sentences as Documents. Evaluation and training with predicted
// tags run the real stages, so gold tokens are first laid out as the
// Document a pipeline would have built: forms joined by spaces, one sentence
// per treebank sentence, tokens and sentences marked as given.
#pragma once

#include <cstddef>
#include <vector>

#include "parley/document.h"
#include "parley/parser.h"
#include "parley/stage.h"

namespace parley::parse {

// A Document holding sentences [first, first + count); with `with_tags` the
// gold tags are set too (kAnnTags), otherwise a tagger must run.
Document TreebankDocument(const TreebankSentence* first, size_t count, bool with_tags);

// Replaces every sentence's upos and xpos with what `tagger` predicts.
Status RetagTreebank(std::vector<TreebankSentence>* sentences, const Stage& tagger);

// Sentences per Document when stages run over a treebank: large enough that
// per-document costs vanish, small enough to look like news articles.
inline constexpr size_t kSentencesPerDocument = 64;

}  // namespace parley::parse
