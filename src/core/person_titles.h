// Abbreviated titles that a person's name follows ("Sen. Lee", "Maj. Gen.
// Omar Haddad"). The NER stage reads them as a title before a name, and the
// speaker resolver takes the name after one that the parse left alone as a
// subject: one list, so the two agree. Not "St." or "Mt.", which begin the
// names of places (text/abbreviations.h lists those with the titles, for
// the sentence splitter).
#pragma once

#include <string_view>

#include "core/ascii.h"

namespace parley {

inline constexpr std::string_view kPersonTitles[] = {"Rep.", "Sen.", "Gov.", "Gen.", "Lt.",
                                                     "Col.", "Maj.", "Rev.", "Sgt.", "Capt.",
                                                     "Adm.", "Cpl.", "Pvt.", "Prof."};

// Whether `word` is one of them, as written ("Sen.", not "SEN." or "sen.").
inline bool IsPersonTitle(std::string_view word) {
  return InList(kPersonTitles, word);
}

}  // namespace parley
