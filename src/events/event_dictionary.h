// The event dictionary: which words evoke which CAMEO event, which words
// change an event's modality, agent nouns ("minister" -> GOV), and the CAMEO
// code table (names, Goldstein scores, PLOVER types). All text files under
// models/events/ (format in docs/events.md); immutable once loaded.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/document.h"
#include "parley/status.h"

namespace parley::events {

// One argument constraint of a trigger pattern.
struct Constraint {
  enum class Kind : uint8_t {
    kObject,   // obj=HEAD[+MOD]: the object's head lemma (and a modifier of it)
    kSubject,  // subj=HEAD[+MOD]
    kPrep,     // prep=P or prep=P:HEAD[+MOD]: an oblique or nominal modifier with case P
  };
  Kind kind = Kind::kObject;
  std::string prep;  // kPrep only
  std::string head;  // empty: any head
  std::string mod;   // empty: no modifier required
};

// A trigger pattern: the lemma with constraints evokes `code` ("" when the
// pattern says "not an event").
struct TriggerRule {
  std::vector<Constraint> constraints;
  std::string code;
  bool reciprocal = false;  // meet, negotiate, talks: coordinated sides act on each other
  uint32_t origin = 0;      // file order: later files override earlier ones
};

// What a governing word does to the events below it.
enum class CueKind : uint8_t {
  kNone,
  kIntended,      // hope, plan, intend, will
  kHypothetical,  // could, might, would
  kRequested,     // urge, ask, call on
  kAspect,        // continue, begin, resume: transparent, the event is its complement
  kNegation,      // not, never, no
};

struct CameoInfo {
  std::string name;
  float goldstein = 0;
  std::string plover;
  std::string plover_mode;
};

// The rules of one lemma, indexed by their first constraint so that a
// trigger only tries the rules its own dependents can satisfy.
struct RuleSet {
  std::vector<TriggerRule> rules;                                 // file order
  std::unordered_map<std::string, std::vector<uint32_t>> by_key;  // see RuleKey
  std::vector<uint32_t> unkeyed;                                  // rules without constraints
};

// "o:HEAD" (object), "s:HEAD" (subject), "p:PREP" or "p:PREP:HEAD" (phrase):
// the key of a constraint, and of a dependent that may satisfy it.
std::string RuleKey(const Constraint& c);

class EventDictionary {
 public:
  // Loads models_dir/events/{cameo,verbs,agents,triggers}.tsv; triggers.tsv
  // overrides verbs.tsv. Errors are located ("file:line: what").
  static StatusOr<EventDictionary> Load(const std::string& models_dir);
  // Parses one trigger file's text into this dictionary.
  Status AddTriggers(std::string_view text, std::string_view origin);
  Status AddCameo(std::string_view text, std::string_view origin);
  Status AddAgents(std::string_view text, std::string_view origin);

  // Rules for a verb ("make", "point out") or a noun lemma; nullptr if none.
  const RuleSet* Verb(std::string_view lemma) const;
  const RuleSet* Noun(std::string_view lemma) const;
  CueKind Cue(std::string_view lemma) const;
  // Agent code suffix ("GOV", "MIL") of a noun lemma, empty if none.
  std::string_view Agent(std::string_view lemma) const;
  const CameoInfo* Cameo(std::string_view code) const;

  size_t verb_count() const { return verbs_.size(); }
  size_t noun_count() const { return nouns_.size(); }

 private:
  using RuleMap = std::unordered_map<std::string, RuleSet>;
  RuleMap verbs_, nouns_;
  std::unordered_map<std::string, CueKind> cues_;
  std::unordered_map<std::string, std::string> agents_;
  std::unordered_map<std::string, CameoInfo> cameo_;
  uint32_t next_origin_ = 0;
};

// Parses "obj=visit prep=to:talks+direct" (or "*") into constraints.
StatusOr<std::vector<Constraint>> ParsePattern(std::string_view pattern);

}  // namespace parley::events
