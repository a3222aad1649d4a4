// Cross-article aggregates of a corpus store (queries of parley::Store):
// the same quote reported by several outlets, speakers merged across
// articles, entity co-occurrence, events grouped across articles and the
// cooperation–conflict timeline of an actor pair. docs/store.md describes
// how each is computed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parley {

// One stored quote with its article (query results).
struct QuoteHit {
  int64_t quote_id = 0;
  std::string content;
  std::string kind;
  std::string speaker;  // canonical name, else the mention as written
  std::string cue;      // the cue word(s) as written
  double confidence = 0;
  uint32_t begin = 0, end = 0;  // byte span of the content in the article text
  int64_t article_id = 0;
  std::string id, date, title, source, url;
  int64_t group_id = 0;  // its quote group (0 in a database without groups)
};

struct QuoteGroupQuery {
  int64_t min_sources = 2;   // reported by at least this many outlets
  int64_t min_articles = 1;  // ... and in at least this many articles
  std::string text;          // full-text words of a member's content
  std::string speaker;       // full-text words of a member's speaker
  std::string from, to;      // first-seen date range, YYYY-MM-DD, inclusive
  int64_t limit = 20;
  int64_t offset = 0;
};

// The same quote in several articles.
struct QuoteGroup {
  int64_t group_id = 0;
  std::string content;  // the representative: the longest member
  std::string speaker;  // the speaker most members name (canonical), else as written
  int64_t quotes = 0, articles = 0, sources = 0;
  std::string first_date;  // the earliest member's article date
  std::string first_source, first_title;
  int64_t first_article_id = 0, first_quote_id = 0;
  std::vector<std::string> outlets;  // distinct articles.source, sorted
};

struct SpeakerQuery {
  std::string name;   // substring of the name, case-insensitive
  std::string actor;  // actor code prefix ("USA" matches USAGOV)
  int64_t limit = 20;
  int64_t offset = 0;
};

// A speaker across articles: quotes resolved to the same knowledge-base id,
// or to the same canonical name where not linked.
struct SpeakerSummary {
  std::string name;         // canonical name
  std::string kb_id;        // empty when not linked
  std::string actor_codes;  // distinct actor codes seen, comma-separated
  int64_t quotes = 0;
  int64_t statements = 0;  // distinct quote groups: what was said, reported once or more
  int64_t articles = 0, sources = 0;
  std::string first_date, last_date;
};

struct CooccurrenceQuery {
  std::string type;    // only entities of this type (exact), empty: any
  std::string entity;  // pairs with this entity (name, case-insensitive, or kb id); empty: the
                       // pairs among the `nodes` most frequent entities
  int64_t nodes = 30;
  int64_t limit = 60;  // pairs
};

struct CooccurrenceNode {
  std::string key;  // kb id when linked, else the name
  std::string name, type;
  int64_t articles = 0;
};
struct CooccurrencePair {
  std::string a, b;  // names
  int64_t articles = 0;
};
struct Cooccurrence {
  std::vector<CooccurrenceNode> nodes;
  std::vector<CooccurrencePair> pairs;  // most shared articles first
};

struct EventQuery {
  std::string actor;  // source or target: a code prefix (case-insensitive) or a name
  std::string with;   // ... and the other side this actor (needs `actor`)
  std::string root;   // CAMEO root code ("04"), empty: any
  std::string from, to;
  bool all = false;  // also negated, intended, hypothetical and requested events
  int64_t limit = 20;
  int64_t offset = 0;
};

// One stored event with its article.
struct EventHit {
  int64_t event_id = 0, group_id = 0;
  std::string date;
  std::string source_code, source_name, target_code, target_name;
  std::string cameo, cameo_name, root_code;
  double goldstein = 0;
  std::string plover, plover_mode, trigger, evidence, place, polarity, modality;
  std::string claimant;  // speaker of the quote it is reported in
  double confidence = 0;
  int64_t article_id = 0;
  std::string title, source, url;
};

// One real-world event: the events of several articles with the same date,
// actors, root code, place, polarity and modality.
struct EventGroup {
  int64_t group_id = 0;
  int64_t events = 0, num_articles = 0, num_sources = 0;
  double goldstein = 0;  // mean over the members
  EventHit first;        // the first member stored, as representative
};

struct DyadQuery {
  std::string a, b;          // actors (as EventQuery::actor)
  std::string by = "month";  // day, month or year
  bool directed = false;     // only a -> b (else both directions)
  bool all = false;          // as EventQuery::all
  std::string from, to;
};

// Events of an actor pair in one period (event groups, so each real-world
// event counts once).
struct DyadPoint {
  std::string period;
  int64_t events = 0, articles = 0;
  double goldstein = 0;                   // mean Goldstein score of the events
  int64_t cooperation = 0, conflict = 0;  // events scored above / below zero
};

// An actor pair (unordered) by the number of its events.
struct DyadSummary {
  std::string a, b;  // actor keys, a < b
  std::string a_name, b_name;
  int64_t events = 0, articles = 0;
  double goldstein = 0;
  std::string first_date, last_date;
};

}  // namespace parley
