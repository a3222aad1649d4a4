// Web boilerplate inside article text: pieces of the page that a scraper
// copied into the body and that are no part of the article.
//
// The one handled: a news site's hover card for a person, flattened into
// the sentence that names them. "President Trump Donald John TrumpGOP
// senators balk at lengthy impeachment trial Warren goes local … MORE on
// Monday" reads "President Trump on Monday": after the name as written
// come the person's full name, glued to the headlines of three related
// stories, and the word "MORE". (3% of the AllSides records carry such
// cards, and their names otherwise become entities such as "Trump Donald
// John TrumpGOP".) Written by hand: no library knows this pattern.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::text {

// The byte ranges [begin, end) of `text` to remove, sorted and disjoint: from
// right after the name as written to right after "MORE". A card is found
// only when the name's last word, glued to a capitalised word, follows
// within a few words of that word standing alone, and "MORE" closes it on
// the same line within 700 bytes.
std::vector<std::pair<size_t, size_t>> FindHoverCards(std::string_view text);

}  // namespace parley::text
