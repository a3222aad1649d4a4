// Event scorers behind `parley eval events`: PETRARCH-style validation files
// (coded sentences: (source, target, CAMEO code) triples) and the `events`
// section of the hand-written golden files of ../shared/golden (must /
// must_not rows). The definitions are in docs/evaluation.md; scoring is
// library code so tests share it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/eval.h"
#include "parley/pipeline.h"
#include "parley/reader.h"
#include "parley/status.h"

namespace parley {

// ---- PETRARCH validation files --------------------------------------------

// One gold coding (an <EventCoding sourcecode= targetcode= eventcode=/>).
// Codes are trimmed and upper-cased; an uncoded actor phrase that PETRARCH
// writes in quotes ('"INJURY TOLL"') keeps its quotes and matches nothing.
struct EventTriple {
  std::string source, target, code;
  friend bool operator==(const EventTriple&, const EventTriple&) = default;
};

struct PetrarchSentence {
  std::string id;
  std::string date;      // YYYY-MM-DD (the file's YYYYMMDD)
  std::string category;  // the `category` attribute, may be empty
  std::string text;      // <Text>, entities decoded, whitespace runs as one space
  uint64_t line = 0;     // 1-based line of the <Sentence> tag
  // False when the record says evaluate="false" or sentence="false": a
  // record its own validation suite does not score (TestSuite marks TABARI
  // features PETRARCH never implemented that way).
  bool evaluate = true;
  std::vector<EventTriple> gold;  // empty: no event (or noevents="True")
};

// Reads PETRARCH validation XML. The files are not well-formed XML (a
// self-closed <Sentence/> followed by its children and a stray </Sentence>,
// '#' banner lines, `<!---` comments), so this is a tolerant tag scanner, not
// an XML parser. A bad record (no <Text>, no id, a date that is not
// YYYYMMDD, an <EventCoding> without its codes, a malformed tag) gives one
// error located at `name`:line and is left out; reading goes on.
std::vector<PetrarchSentence> ParsePetrarchXml(std::string_view xml, const std::string& name,
                                               std::vector<RecordError>* errors);
StatusOr<std::vector<PetrarchSentence>> ReadPetrarchXml(const std::string& path,
                                                        std::vector<RecordError>* errors);

// The CAMEO root code: the first two characters ("0352" -> "03", "1711" -> "17").
std::string CameoRoot(std::string_view code);

// The scored predictions of a document: one triple per event that is
// asserted (polarity) with both actor codes known, any modality (`cameo` is
// already the code CAMEO records, intent codes for intended actions).
struct PredictedTriples {
  std::vector<EventTriple> triples;
  std::vector<uint32_t> event;  // per triple: index into doc.events()
  uint64_t negated = 0;         // events left out: negated
  uint64_t partial = 0;         // events left out: a source or target code missing
};
PredictedTriples CollectPredictedTriples(const Document& doc);

struct EventScores {
  PrfCounts triples;  // (source, target, code)
  PrfCounts roots;    // (source, target, root code)
  PrfCounts codes;    // the code alone (actors ignored), for diagnosis
  void Add(const EventScores& o);
};

// Per gold triple the index of its matching prediction (-1: missed), and per
// prediction its gold (-1: spurious), for one comparison.
struct TripleMatches {
  std::vector<int32_t> gold_to_pred, pred_to_gold;
};

// Multiset matching of one sentence: each gold triple matches at most one
// equal prediction. `triples` and `roots` receive the alignments when given.
EventScores ScoreEventTriples(const std::vector<EventTriple>& gold,
                              const std::vector<EventTriple>& predicted,
                              TripleMatches* triples = nullptr, TripleMatches* roots = nullptr);

struct PetrarchOptions {
  int threads = 1;                   // worker threads for the pipeline
  bool include_unevaluated = false;  // also score evaluate/sentence="false" records
  bool keep_details = false;         // keep per-sentence predictions and matches
};

struct PetrarchResult {
  EventScores scores;
  std::map<std::string, EventScores> per_category;
  uint64_t sentences = 0;             // scored
  uint64_t skipped = 0;               // evaluate/sentence="false", not scored
  uint64_t negated = 0, partial = 0;  // predictions left out (see CollectPredictedTriples)
  uint64_t bytes = 0;
  double seconds = 0;               // wall time of the pipeline
  std::vector<RecordError> errors;  // one per rejected record (reading or pipeline)
  struct Detail {
    PetrarchSentence gold;
    Document doc;  // the processed sentence: its events, for listings
    PredictedTriples predicted;
    TripleMatches triples, roots;
  };
  std::vector<Detail> details;  // when keep_details, in file order
};

// Runs `pipeline` over every sentence of a PETRARCH file (the sentence's date
// as the article date) and scores the events.
StatusOr<PetrarchResult> EvalPetrarch(const std::string& path, const Pipeline& pipeline,
                                      const PetrarchOptions& options = {});

// ---- Golden files (../shared/golden/*.expected.json, "events") -----------

struct GoldenEvent {
  std::string source, target;            // as written: "RUS (Putin)"
  std::string source_code, target_code;  // the leading code: "RUS"; empty: any
  std::string cameo, plover, mode;
  std::string modality;             // "intended" (first word of the row's); empty: any
  std::string where;                // as written: "Anchorage / Alaska"
  std::vector<std::string> places;  // its '/'-separated names
  std::string evidence, why;
};

struct GoldenEvents {
  std::string about;
  std::vector<GoldenEvent> must, must_not;
};

// Parses the "events" part of an expected.json file; `name` locates errors.
StatusOr<GoldenEvents> ParseGoldenEvents(std::string_view json, const std::string& name);
StatusOr<GoldenEvents> ReadGoldenEvents(const std::string& path);

struct GoldenEventScores {
  uint64_t must_expected = 0, must_found = 0;
  uint64_t must_not_rows = 0, must_not_violations = 0;  // violations: rows violated
  std::vector<int32_t> found_by;  // per must row: index into doc.events(), or -1
  // Per missed must row: the event failing fewest criteria (-1: no events)
  // and the criteria it fails ("cameo 046, expected 036").
  std::vector<int32_t> nearest;
  std::vector<std::vector<std::string>> nearest_failures;
  std::vector<std::vector<uint32_t>> violated_by;  // per must_not row
};

// The criteria `e` fails for must row `row` (empty: it finds the row).
std::vector<std::string> GoldenEventMismatches(const GoldenEvent& row, const Document& doc,
                                               const Event& e);
// Whether `e` violates must_not row `row`.
bool ViolatesMustNot(const GoldenEvent& row, const Event& e);

// One-to-one assignment of events to must rows; must_not rows checked
// against every event.
GoldenEventScores ScoreGoldenEvents(const GoldenEvents& expected, const Document& doc);

struct GoldenEventsRun {
  GoldenEvents expected;
  Document doc;
  GoldenEventScores scores;
  double seconds = 0;  // pipeline time
};
// Reads the golden file and the article (as `parley extract` reads it), runs
// `pipeline` and scores.
StatusOr<GoldenEventsRun> EvalGoldenEvents(const std::string& golden, const std::string& text,
                                           const Pipeline& pipeline);

}  // namespace parley
