// Quote scorers behind `parley eval quotes`: PolNeAR's brat standoff
// attributions (content / source / cue overlap) and the hand-written golden
// files of ../shared/golden (found quotes and speaker names). The definitions
// are in docs/evaluation.md; scoring is library code so tests share it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/eval.h"
#include "parley/pipeline.h"
#include "parley/reader.h"
#include "parley/status.h"

namespace parley {

// ---- PolNeAR (brat standoff) ----------------------------------------------

// One gold attribution (a brat `E` line). Spans are byte offsets into the
// text, sorted; each role may have several pieces (discontinuous spans) or
// none (a role the annotator left out).
struct GoldAttribution {
  std::string id;     // "E3"
  uint64_t line = 0;  // 1-based line of the E line in the .ann file
  std::vector<Span> content, source, cue;
};

// Parses brat standoff text. Offsets in brat are Unicode code points of
// `text` (checked on PolNeAR: every span's text matches only that way); they
// are converted to byte offsets here. Problems (malformed lines, offsets past
// the text, unknown ids, a span text that disagrees with the offsets) go to
// *errors located at `ann_name`:line, and parsing goes on.
std::vector<GoldAttribution> ParseBratAttributions(std::string_view ann, std::string_view text,
                                                   const std::string& ann_name,
                                                   std::vector<RecordError>* errors);

// One annotation of one article: text/NAME.txt with attributions/NAME_XXXX.ann.
struct BratDocument {
  std::string name;       // NAME
  std::string annotator;  // XXXX
  std::string text_path, ann_path;
  std::string text;  // shared by annotations of the same article (copied)
  std::vector<GoldAttribution> attributions;
};

// Reads a PolNeAR split folder (text/, attributions/), sorted by .ann name.
// An article annotated by several annotators gives one BratDocument each.
// Fails only when the folders cannot be listed; per-file problems go to
// *errors.
StatusOr<std::vector<BratDocument>> ReadBratFolder(const std::string& dir,
                                                   std::vector<RecordError>* errors);

// Direct: every letter of the content is inside quotation marks; mixed: some
// are; indirect: none. Quotation marks just outside the span count.
QuoteKind ClassifyGoldKind(std::string_view text, const std::vector<Span>& content);

// Content P/R/F1 for one kind: precision counts predictions of that kind,
// recall gold attributions of that kind.
struct KindCounts {
  uint64_t gold = 0, predicted = 0;
  uint64_t matched_gold = 0, matched_predicted = 0;
  double precision() const {
    return predicted ? double(matched_predicted) / double(predicted) : 0.0;
  }
  double recall() const { return gold ? double(matched_gold) / double(gold) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct QuoteScores {
  PrfCounts content;        // Jaccard >= 0.5 on content word tokens
  PrfCounts exact_content;  // equal content word-token sets
  PrfCounts source;         // P over predictions with a speaker, R over gold with a source
  PrfCounts cue;            // P over predictions with a cue, R over gold with a cue
  std::array<KindCounts, 3> per_kind{};  // index: QuoteKind
  uint64_t kind_agree = 0;               // matched pairs whose predicted kind is the gold kind
  uint64_t gold_without_content = 0;     // gold E lines with no content: not scored
  void Add(const QuoteScores& o);
};

// One line of the alignment: a matched pair, a missed gold attribution
// (predicted == -1) or a spurious prediction (gold == -1).
struct QuoteMatch {
  int32_t gold = -1, predicted = -1;  // indices into the gold list, doc.quotes()
  double jaccard = 0;
  bool exact = false;
  bool source_correct = false, cue_correct = false;
};

// Scores doc.quotes() against `gold`. The document needs tokens.
QuoteScores ScoreQuotes(const Document& doc, const std::vector<GoldAttribution>& gold,
                        std::vector<QuoteMatch>* matches = nullptr);

struct PolnearOptions {
  int threads = 1;            // worker threads for the pipeline
  bool keep_details = false;  // keep per-document predictions and matches
};

struct PolnearResult {
  QuoteScores scores;
  uint64_t articles = 0, annotations = 0;
  uint64_t bytes = 0;
  double seconds = 0;               // wall time of the pipeline over all articles
  std::vector<RecordError> errors;  // reading and pipeline problems
  struct Detail {
    BratDocument gold;
    std::vector<Quote> predicted;
    std::vector<QuoteMatch> matches;
  };
  std::vector<Detail> details;  // when keep_details
};

// A PolNeAR split folder read and run through a pipeline, each article once
// (an article annotated by several annotators is shared by their
// annotations).
struct PolnearSplit {
  std::vector<BratDocument> annotations;  // sorted by .ann name
  std::vector<Document> articles;         // processed documents
  std::vector<size_t> article_of;         // per annotation: its index into articles
  uint64_t bytes = 0;                     // text of the articles
  double seconds = 0;                     // wall time of the pipeline
  std::vector<RecordError> errors;        // reading and pipeline problems
};

// Fails only when the folder cannot be listed.
StatusOr<PolnearSplit> ProcessPolnear(const std::string& dir, const Pipeline& pipeline,
                                      int threads);

// Runs `pipeline` over every article of a PolNeAR split folder and scores it.
StatusOr<PolnearResult> EvalPolnear(const std::string& dir, const Pipeline& pipeline,
                                    const PolnearOptions& options = {});

// ---- Golden files (../shared/golden/*.expected.json) ----------------------

struct GoldenQuote {
  int64_t id = 0;
  std::string kind;  // "direct", "indirect", "mixed" or empty
  std::string content_start, content_end, content_contains;
  std::string speaker, mention, cue;
  int64_t nested_in = -1;
};

struct GoldenQuotes {
  std::string about;
  bool extra_ignored = false;  // `about` says unlisted quotes are not penalised
  std::vector<GoldenQuote> quotes;
};

// Parses the "quotes" part of an expected.json file; `name` locates errors.
StatusOr<GoldenQuotes> ParseGoldenQuotes(std::string_view json, const std::string& name);
StatusOr<GoldenQuotes> ReadGoldenQuotes(const std::string& path);

struct GoldenScores {
  uint64_t quotes_expected = 0, quotes_found = 0, speakers_correct = 0;
  uint64_t kinds_correct = 0, cues_correct = 0;  // of those found
  uint64_t extra = 0;                            // predictions assigned to no expected quote
  bool extra_ignored = false;
  std::vector<int32_t> found_by;       // per expected quote: index into doc.quotes(), or -1
  std::vector<uint8_t> speaker_ok;     // per expected quote
  std::vector<uint32_t> extra_quotes;  // indices into doc.quotes()
};

// One-to-one assignment of predictions to expected quotes (most found, then
// most right speakers).
GoldenScores ScoreGoldenQuotes(const GoldenQuotes& expected, const Document& doc);

// The comparison form of a content string: leading and trailing quotation
// marks, whitespace and punctuation stripped, inner whitespace runs as one
// space.
std::string QuoteComparisonText(std::string_view s);

}  // namespace parley
