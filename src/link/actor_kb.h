// ActorKb: the actor knowledge base — countries, international
// organisations, people with dated roles, media, and names that stand for
// something else (metonymy: "the Kremlin" -> the Russian government). Built
// from the gazetteer's countries plus text files in the format of
// models/actors.tsv (documented there and in docs/schema.md), so a yearly
// update is a data edit. Immutable after Finish(); shared by all threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/status.h"

namespace parley::geo {
class GeoData;
}

namespace parley::link {

// A dated role: holds over [from, to) (YYYY-MM-DD; empty = open).
struct ActorRole {
  std::string from, to;
  std::string country, code, role;
};

struct Actor {
  std::string id;                               // "donald_trump", "USA"
  std::string type;                             // PER, ORG, GPE, LOC, FAC, NORP, MISC
  std::string name;                             // canonical name
  std::string country, code, role, stands_for;  // undated defaults
  std::vector<ActorRole> roles;
  std::string origin;  // "file:line" of the defining record
};

// What an actor is at a date: its role then, or its undated defaults.
struct ResolvedActor {
  std::string country, code, role;
};

enum class MatchKind : uint8_t {
  kName,     // the canonical name or an alias
  kSurname,  // the last word of a person's name, unique among persons
  kDemonym,  // "Russian" -> the country
  kCapital,  // a capital city, standing for the government in political context
};

struct ActorMatch {
  uint32_t actor;
  MatchKind kind;
  uint32_t capital = 0;  // index into capitals() when kind == kCapital
};

// "Moscow" stands for RUSGOV ("Russian government") where the context is political.
struct Capital {
  uint32_t country_actor;
  std::string code, stands_for;
};

class ActorKb {
 public:
  // Countries of the gazetteer as GPE actors (id = ISO alpha-3, actor code
  // alpha-3, names: common, ISO and official names).
  void AddCountries(const geo::GeoData& geo);
  // Adds the records of a file; a malformed record fails with "path:line: what".
  Status LoadFile(const std::string& path);
  Status LoadText(std::string_view text, const std::string& origin);
  // Builds the surname index; call once after loading.
  void Finish();

  // Matches for a NameKey, best kinds first.
  std::vector<ActorMatch> Find(std::string_view key) const;
  // The actor's role, country and code at `date` (YYYY-MM-DD; empty: today's roles).
  ResolvedActor At(const Actor& a, std::string_view date) const;

  const Actor& actor(uint32_t i) const { return actors_[i]; }
  size_t size() const { return actors_.size(); }
  const std::vector<Capital>& capitals() const { return capitals_; }
  int IndexOf(std::string_view id) const;

 private:
  Status AddRecord(const std::vector<std::string>& f, const std::string& where);
  void AddKey(std::string_view name, ActorMatch m);

  std::vector<Actor> actors_;
  std::vector<Capital> capitals_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, std::vector<ActorMatch>> by_key_;
};

}  // namespace parley::link
