// Linker: the pure half of the "link" stage. Given each document entity's
// type and names, picks a referent among knowledge-base actors, countries,
// regions and places, scoring gazetteer candidates by population and by the
// other places of the same document (two passes: a first choice by prior,
// then a second that counts the countries and regions the other entities
// chose).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "geo/geo_data.h"
#include "link/actor_kb.h"
#include "parley/document.h"

namespace parley::link {

struct LinkInput {
  std::string type;               // NER type of the entity (PER, ORG, LOC, MISC)
  std::vector<std::string> keys;  // NameKeys of its names, canonical first
  bool political = false;         // some mention is a clause subject ("Moscow said")
  bool some_person = false;       // NER typed some mention PER
  bool abbreviation = false;      // a short all-capitals name ("WA"): regions only
  // Entities named right after one of its mentions, after a comma:
  // "Moscow, Idaho", "Lima, Ohio", "Paris, France" (indexes into the input).
  std::vector<uint32_t> qualifiers{};
};

struct LinkResult {
  bool linked = false;
  std::string type;  // refined type (GPE, NORP, ORG ...)
  std::string name;  // knowledge-base or gazetteer name
  EntityLinks links;
  std::string referent;  // same referent <=> same string (for merging)
};

std::vector<LinkResult> LinkEntities(const std::vector<LinkInput>& in, const ActorKb& kb,
                                     const geo::GeoData& geo, std::string_view date);

}  // namespace parley::link
