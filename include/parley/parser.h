// Labelled dependency parser (UD relations), transition-based: arc-hybrid
// transitions, greedy decoding, averaged perceptron over rich non-local
// features, trained with a dynamic oracle (src/parse/, src/learn/).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "parley/stage.h"

namespace parley {

// The "parse" stage: sets tokens().head and deprel (needs tags). Loads
// `models_dir`/parse.model; the error names the file when it is missing or
// from another version.
// `beam_width` 0 decodes as the model was trained; otherwise with a beam of
// that width (1: greedy). A positive `beam_prune` also drops derivations
// that far (in weight units) below the best.
StatusOr<std::unique_ptr<Stage>> MakeParseStage(const std::string& models_dir,
                                                uint32_t beam_width = 0, double beam_prune = 0);

// A gold-tokenised treebank sentence: its syntactic words (no multi-word
// ranges, no empty nodes) with tags and tree.
struct TreebankSentence {
  std::vector<std::string> form, lemma, upos, xpos, deprel;
  std::vector<int32_t> head;  // sentence-relative token index, -1 for the root
  // 1 when a space follows the word in the original text (SpaceAfter);
  // empty: spaces everywhere.
  std::vector<uint8_t> space_after;
  size_t size() const { return form.size(); }
};

// Attachment scores over every token, punctuation included, as the CoNLL
// 2018 shared task counts LAS (labels compared in full, subtypes included).
struct ParseScores {
  uint64_t sentences = 0, tokens = 0;
  uint64_t head_correct = 0;                  // right head
  uint64_t labelled_correct = 0;              // right head and label
  bool predicted_tags = false;                // tags from the tagger, not the gold file
  double tag_seconds = 0, parse_seconds = 0;  // CPU time of the evaluating thread
  double uas() const { return tokens ? double(head_correct) / double(tokens) : 0.0; }
  double las() const { return tokens ? double(labelled_correct) / double(tokens) : 0.0; }
  // Parsing speed alone (the tagger's time excluded).
  double tokens_per_s() const { return parse_seconds > 0 ? double(tokens) / parse_seconds : 0.0; }
};

// Parses the gold tokens and sentences of `gold` with `parser` and scores the
// result. Tags come from `tagger` when it is given, else from `gold`. When
// `on_parsed` is given it sees every document of gold sentences once tagged
// and parsed (for writing the trees out, e.g. with WriteDocumentConllu).
StatusOr<ParseScores> EvalParse(const std::vector<TreebankSentence>& gold, const Stage* tagger,
                                const Stage& parser,
                                const std::function<void(const Document&)>& on_parsed = {});

}  // namespace parley
