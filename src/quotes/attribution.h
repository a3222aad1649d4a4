// Finds attributions: direct quotes (quotation marks) attributed by a cue in
// or next to their sentence, and indirect and mixed quotes from the
// dependency parse ("X said (that) …", "according to X, …", "…, X said").
// Speakers are found as mentions here and resolved to entities by
// ResolveSpeakers (speakers.h).
#pragma once

#include <cstdint>
#include <vector>

#include "learn/features.h"
#include "parley/document.h"
#include "quotes/content_model.h"
#include "quotes/cue_lexicon.h"
#include "quotes/cue_model.h"
#include "quotes/quote_marks.h"

namespace parley::quotes {

// A quote before speaker resolution.
struct Candidate {
  Quote quote;                // content, kind, cue, cue_lemma, speaker span, channel
  int32_t speaker_head = -1;  // head token of the speaker mention, -1 if none
  int32_t cue_token = -1;     // the cue's head token, -1 if none
  bool continuation = false;  // speaker carried over from the previous paragraph's quote
  bool dash = false;          // “…” – Name
  bool described = false;     // speaker resolved from a description ("the expert")
};

// The learned parts of the stage; each may be null.
struct QuoteModels {
  const CueModel* cues = nullptr;         // null: verb cues by the lexicon
  const ContentEndModel* ends = nullptr;  // null: contents end where the parse ends them
};

// Needs tokens, sentences, paragraphs, tags, lemmas and the parse.
std::vector<Candidate> FindAttributions(Document& doc, const CueLexicon& lexicon,
                                        QuoteModels models, const std::vector<MarkedQuote>& marked);

// A verb the parse shapes like a cue (a complement or object, a subject that
// can speak), with the cue model's features: the training examples.
struct CueExample {
  uint32_t cue_token = 0;
  std::string lemma;        // with its particle or preposition ("call for")
  bool in_lexicon = false;  // the cue lexicon lists the lemma
  Span content;
  learn::FeatureVector features;
  // Where the content could end (a content after its cue only): the
  // content-end model's candidates, tokens content.first .. sentence end,
  // punctuation left out, with their features; `parse_end` indexes the
  // parse's own end.
  std::vector<uint32_t> end_tokens;
  std::vector<learn::FeatureVector> end_features;
  size_t parse_end = 0;
  uint32_t content_first = 0;  // token
};
std::vector<CueExample> CollectCueExamples(Document& doc, const CueLexicon& lexicon);

}  // namespace parley::quotes
