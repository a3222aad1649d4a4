// Name keys: the one normalisation under which names are compared, in the
// gazetteer file, the actor knowledge base and document mentions alike.
#pragma once

#include <string>
#include <string_view>

namespace parley::geo {

// Lower-cased, accents and other marks removed (NFKD), periods and
// apostrophes dropped, every other run of non-alphanumerics made one space,
// a leading "the " removed: "The U.S." -> "us", "Côte d'Ivoire" ->
// "cote divoire", "Baden-Württemberg" -> "baden wurttemberg".
std::string NameKey(std::string_view name);

}  // namespace parley::geo
