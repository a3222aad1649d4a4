// Building the tagger's word tables from gold data (see word_table.h): the
// tag dictionary and the ambiguity lexicon.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "tag/word_table.h"

namespace parley::tag {

// How often each word was seen with each label.
using WordLabelCounts = std::unordered_map<std::string, std::unordered_map<uint16_t, uint32_t>>;

// Word -> label for words seen at least `min_count` times with one label in
// at least `min_share` of them.
WordTable BuildTagDictionary(const WordLabelCounts& counts, uint32_t min_count, double min_share);

// Word -> ambiguity class: a hash of the labels taking at least `min_share`
// of the word's occurrences, and of how often it was seen (a word seen once
// has a less trustworthy class than one seen a hundred times).
WordTable BuildAmbiguityLexicon(const WordLabelCounts& counts, double min_share);

// counts - other, for jackknifing (other's counts must be included in counts).
WordLabelCounts Subtract(const WordLabelCounts& counts, const WordLabelCounts& other);

}  // namespace parley::tag
