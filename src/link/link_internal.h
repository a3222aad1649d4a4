// Internal helpers of the entities and link stages.
#pragma once

#include <string>
#include <vector>

#include "parley/document.h"

namespace parley::link {

// A mention's name: its words without leading titles (persons) and trailing
// possessives, the tokens they cover, and their text in the processing view.
struct MentionName {
  std::vector<std::string> words;
  uint32_t first = 0, last = 0;  // tokens [first, last)
  std::string text;
};

MentionName NameOfMention(const Document& doc, const Mention& m);

// Writes entities() and Mention::entity from cluster ids (-1: no entity).
void ApplyClusters(const std::vector<int>& cluster, const std::vector<MentionName>& names,
                   Document& doc);

}  // namespace parley::link
