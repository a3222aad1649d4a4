// Finds attributions: direct quotes (quotation marks) attributed by a cue in
// or next to their sentence, and indirect and mixed quotes from the
// dependency parse ("X said (that) …", "according to X, …", "…, X said").
// Speakers are found as mentions here and resolved to entities by
// ResolveSpeakers (speakers.h).
#pragma once

#include <cstdint>
#include <vector>

#include "parley/document.h"
#include "quotes/cue_lexicon.h"
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

// Needs tokens, sentences, paragraphs, tags, lemmas and the parse.
std::vector<Candidate> FindAttributions(Document& doc, const CueLexicon& lexicon,
                                        const std::vector<MarkedQuote>& marked);

}  // namespace parley::quotes
