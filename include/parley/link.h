// Entities and linking: mentions clustered into document entities (stage
// "entities"), and entities linked to the actor knowledge base and the
// gazetteer (stage "link": country, role at the article's date, actor code,
// metonymy, GeoNames place with coordinates).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "parley/stage.h"

namespace parley {

// The "entities" stage: clusters mentions() into entities() with a canonical
// name (the longest name the article uses) and sets Mention::entity. Needs
// mentions (the ner stage).
std::unique_ptr<Stage> MakeEntitiesStage();

struct LinkOptions {
  // Folder with actors.tsv (the shipped knowledge base) and geo.bin (the
  // gazetteer).
  std::string models_dir;
  // More actors files in the format of models/actors.tsv, loaded after it.
  std::vector<std::string> actors_files;
};

// The "link" stage: fills Entity::links, replaces the canonical name of a
// linked entity with the knowledge-base or gazetteer name, refines types
// (GPE, NORP, ORG for metonyms) and merges entities that link to the same
// referent. Fails with "file:line: what" for a malformed actors file.
StatusOr<std::unique_ptr<Stage>> MakeLinkStage(const LinkOptions& options);

}  // namespace parley
