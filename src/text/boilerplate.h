// Web boilerplate inside article text: pieces of the page that a scraper
// copied into the body and that are no part of the article.
//
// Handled: a news site's hover card for a person, flattened into
// the sentence that names them. "President Trump Donald John TrumpGOP
// senators balk at lengthy impeachment trial Warren goes local … MORE on
// Monday" reads "President Trump on Monday": after the name as written
// come the person's full name, glued to the headlines of three related
// stories, and the word "MORE". (3% of the AllSides records carry such
// cards, and their names otherwise become entities such as "Trump Donald
// John TrumpGOP".) And photo credit lines (below). Written by hand: no
// library knows these patterns.
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

// Photo credit lines a scraper kept from the page: a line (of at most 400
// bytes) that opens with "Enlarge this image", "toggle caption" (NPR: the
// photographer and agency, twice: "Enlarge this image toggle caption Saul
// Loeb/AFP/Getty Images Saul Loeb/AFP/Getty Images") or "Image copyright",
// "Image caption" (BBC: "Image copyright Reuters Image caption Dan Coats
// repeatedly clashed with …"). Their names are photographers and agencies,
// not people in the story. The ranges [begin, end) are whole lines without
// their line break, sorted.
std::vector<std::pair<size_t, size_t>> FindCaptionLines(std::string_view text);

// `a` and `b` (each sorted and disjoint) as one sorted, disjoint list:
// overlapping ranges are joined.
std::vector<std::pair<size_t, size_t>> MergeRanges(std::vector<std::pair<size_t, size_t>> a,
                                                   const std::vector<std::pair<size_t, size_t>>& b);

}  // namespace parley::text
