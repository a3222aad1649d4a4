// Within-document clustering of named-entity mentions by their names:
// "Donald Trump" / "Trump" / "President Trump" (token subset and surname
// for persons), "European Union" / "EU" (acronym), and the same name under
// any type. Pure functions over words, so they are testable without a model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::link {

struct NameMention {
  std::vector<std::string> words;  // the name without titles and possessives
  std::string type;                // NER type: PER, ORG, LOC, MISC
};

// Cluster id (0..k-1, numbered by first mention) of every mention.
std::vector<int> ClusterNames(const std::vector<NameMention>& mentions);

// Number of leading words of a person mention that are titles or honorifics
// ("President", "Mr.", "Prime Minister"), never all of them.
size_t LeadingTitleWords(const std::vector<std::string_view>& words);

// True when `word` is a possessive ending token ("'s", "’s", "'").
bool IsPossessive(std::string_view word);

}  // namespace parley::link
