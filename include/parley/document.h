// Document: one article. It owns the immutable original UTF-8 text; every
// annotation is a byte offset into it or a column that points at tokens.
//
// Invariant (tested): for every token i,
//   text().substr(tokens.begin[i], tokens.end[i] - tokens.begin[i])
// is the token's surface in the original, and view().text() sliced with
// tokens.vbegin/vend is its normalised form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/string_store.h"
#include "parley/text_view.h"

namespace parley {

// A half-open byte range [begin, end) in the original text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  // Whether the two share a byte.
  bool Overlaps(Span o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

struct DocumentMeta {
  std::string id;
  std::string date;  // YYYY-MM-DD or empty
  std::string title;
  std::string url;
  std::string source;
  std::string language;  // set by the repair stage ("en", "und")
  std::string origin;    // where the record came from: "file:line"
};

enum class RepairReason : uint8_t {
  kInvalidUtf8,     // bytes that are not UTF-8, shown as U+FFFD
  kNfc,             // Unicode NFC normalisation
  kHomoglyph,       // Cyrillic/Greek look-alike inside a Latin word
  kKeyboardLayout,  // letter typed in the wrong keyboard layout (Ш for I)
  kControl,         // C0/C1 control character removed
  kBoilerplate,     // web page text inside the article (a hover card), removed
};
const char* RepairReasonName(RepairReason r);

// A recorded repair: the original bytes `span` now read as `replacement`.
struct Repair {
  Span span;
  std::string replacement;
  RepairReason reason;
};

// Token columns (one entry per token in each vector). Later stages add
// columns (tags, heads); each fact lives in exactly one column.
struct TokenColumns {
  std::vector<uint32_t> begin, end;    // original byte offsets
  std::vector<uint32_t> vbegin, vend;  // processing-view byte offsets
  std::vector<uint8_t> space_after;    // 1 if whitespace follows in the original
  // Linguistic columns, empty until the stage that sets them runs; ids point
  // into Document::strings(). head is the absolute index of the head token,
  // -1 for the sentence root.
  std::vector<uint32_t> upos, xpos, lemma, deprel;
  std::vector<int32_t> head;

  size_t size() const { return begin.size(); }
  void clear();
  void reserve(size_t n);
  void push_back(uint32_t b, uint32_t e, uint32_t vb, uint32_t ve, bool space);
};

struct Sentence {
  Span span;
  uint32_t token_begin = 0, token_end = 0;  // [begin, end) into TokenColumns
};

struct Paragraph {
  Span span;
  uint32_t sentence_begin = 0, sentence_end = 0;  // into sentences()
};

// What a stage has written into a document (bit set).
enum Annotation : uint32_t {
  kAnnView = 1u << 0,         // view() and repairs()
  kAnnTokens = 1u << 1,       // tokens()
  kAnnSentences = 1u << 2,    // sentences()
  kAnnParagraphs = 1u << 3,   // paragraphs()
  kAnnTags = 1u << 4,         // tokens().upos, xpos
  kAnnLemmas = 1u << 5,       // tokens().lemma
  kAnnParse = 1u << 6,        // tokens().head, deprel
  kAnnEntities = 1u << 7,     // mentions()
  kAnnDocEntities = 1u << 8,  // entities(), Mention::entity
  kAnnLinks = 1u << 9,        // Entity::links (knowledge base, gazetteer)
  kAnnQuotes = 1u << 10,      // quotes()
  kAnnTimes = 1u << 11,       // times()
  kAnnEvents = 1u << 12,      // events()
};

// A named-entity mention: tokens [token_begin, token_end) with a type id
// (into Document::strings(): "PER", "ORG", "LOC", "MISC").
struct Mention {
  Span span;
  uint32_t token_begin = 0, token_end = 0;
  uint32_t type = 0;    // string id: PER, ORG, LOC, MISC
  int32_t entity = -1;  // index into Document::entities(), -1 until clustered
};

// What an entity is linked to. Empty strings and geonames_id 0 mean unknown.
struct EntityLinks {
  std::string kb_id;       // id in the actor knowledge base
  std::string country;     // ISO 3166-1 alpha-3 ("USA")
  std::string admin1;      // ISO 3166-2 first-level region ("US-AK")
  std::string role;        // role at the article's date ("head of state")
  std::string actor_code;  // CAMEO-style actor code ("USAGOV")
  std::string stands_for;  // metonymy: what the name stands for ("USA government")
  int64_t geonames_id = 0;
  double lat = 0, lon = 0;  // valid when geonames_id != 0 or has_coordinates
  bool has_coordinates = false;
  std::string feature_class;  // GeoNames feature class ("P" populated place, "A" region)
};

// Mentions of one referent within a document.
struct Entity {
  std::string name;                // canonical name
  uint32_t type = 0;               // string id: PER, ORG, GPE, LOC, FAC, NORP, MISC
  std::vector<uint32_t> mentions;  // indices into Document::mentions(), in text order
  EntityLinks links;
};

enum class QuoteKind : uint8_t {
  kDirect,    // verbatim, inside quotation marks
  kIndirect,  // reported speech without quotation marks
  kMixed,     // reported speech containing a verbatim part
};
const char* QuoteKindName(QuoteKind k);

// One attribution: who said what. Spans are original-text byte offsets; the
// content of a direct quote excludes its quotation marks.
struct Quote {
  Span content;
  uint32_t token_begin = 0, token_end = 0;  // content tokens [begin, end)
  // A second piece of the same direct quote after its attribution
  // ("“…,” she said. “…”"); empty when there is none.
  Span continued;
  QuoteKind kind = QuoteKind::kDirect;
  Span cue;                                    // empty when there is none
  uint32_t cue_lemma = StringStore::kMissing;  // string id
  Span speaker;                                // speaker mention, empty when unknown
  int32_t speaker_entity = -1;                 // index into entities(), -1 when unresolved
  std::string speaker_name;  // canonical name of the speaker, empty when unresolved
  int32_t nested_in = -1;    // index of the enclosing quote
  Span channel;              // "in an interview with Fox News"; empty when none
  float confidence = 0;      // in [0, 1]
};

// A temporal expression ("on Friday", "earlier this month", "Aug. 15, 2025")
// resolved against the article's date. `value` is an ISO date at the
// expression's granularity (YYYY-MM-DD, YYYY-MM or YYYY), empty when it could
// not be resolved (no article date); `relation` says how the time it names
// relates to `value`: "on", "before" ("earlier"), "after" ("later").
struct TimeExpression {
  Span span;
  uint32_t token_begin = 0, token_end = 0;
  std::string value;
  std::string relation = "on";
};

enum class EventPolarity : uint8_t {
  kAsserted,  // it happened (or is intended, ... per modality)
  kNegated,   // "did not attack", "no deal was reached"
};
const char* EventPolarityName(EventPolarity p);

enum class EventModality : uint8_t {
  kActual,        // reported as having happened or happening
  kIntended,      // intended or future: "hope to continue negotiations", "will visit"
  kHypothetical,  // "could attack", "if they meet"
  kRequested,     // asked of the actor: "urged X to withdraw"
};
const char* EventModalityName(EventModality m);

// One side of an event: the argument's words and, when they name a document
// entity, the entity and its actor code.
struct EventActor {
  Span span;            // the argument phrase; empty when implicit
  int32_t entity = -1;  // index into entities(), -1 when none
  std::string code;     // actor code ("USAGOV", "RUS"); empty when unknown
  std::string name;     // entity canonical name, else the phrase's text
};

// Who did what to whom, when and where (CAMEO / PLOVER coding).
struct Event {
  EventActor source, target;
  std::string cameo;        // CAMEO event code as coded ("042"; "036" for an intent to meet)
  std::string cameo_name;   // "Make a visit"
  float goldstein = 0;      // Goldstein cooperation–conflict score of `cameo`
  std::string plover;       // PLOVER event type of the action ("CONSULT")
  std::string plover_mode;  // PLOVER mode ("visit"), empty when none
  Span trigger;             // the verb or noun that evokes the event
  uint32_t sentence = 0;    // index into sentences(); the evidence is its span
  int32_t location = -1;    // index into entities() of a geocoded place, -1 when none
  std::string date;         // resolved date (TimeExpression::value) or the article date
  int32_t time = -1;        // index into times() when a date expression applies
  EventPolarity polarity = EventPolarity::kAsserted;
  EventModality modality = EventModality::kActual;
  int32_t quote = -1;    // index into quotes() when reported inside one
  float confidence = 0;  // in [0, 1]
};

// How a byte span is aligned to tokens (spaCy's char_span modes).
enum class Alignment {
  kStrict,    // span edges must fall on token edges
  kContract,  // tokens wholly inside the span
  kExpand,    // tokens that overlap the span
};

class Document {
 public:
  Document() : view_(TextView::Identity(text_)) {}
  explicit Document(std::string text, DocumentMeta meta = {});
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&& other) noexcept;
  Document& operator=(Document&& other) noexcept;

  std::string_view text() const { return text_; }
  const DocumentMeta& meta() const { return meta_; }
  DocumentMeta& mutable_meta() { return meta_; }

  const TextView& view() const { return view_; }
  const std::vector<Repair>& repairs() const { return repairs_; }
  // Set by the repair stage. An identity view must refer to this->text().
  void SetView(TextView view, std::vector<Repair> repairs);

  const TokenColumns& tokens() const { return tokens_; }
  TokenColumns& mutable_tokens() { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  std::vector<Sentence>& mutable_sentences() { return sentences_; }
  const std::vector<Paragraph>& paragraphs() const { return paragraphs_; }
  std::vector<Paragraph>& mutable_paragraphs() { return paragraphs_; }

  const std::vector<Mention>& mentions() const { return mentions_; }
  std::vector<Mention>& mutable_mentions() { return mentions_; }

  const std::vector<Entity>& entities() const { return entities_; }
  std::vector<Entity>& mutable_entities() { return entities_; }

  const std::vector<Quote>& quotes() const { return quotes_; }
  std::vector<Quote>& mutable_quotes() { return quotes_; }

  const std::vector<TimeExpression>& times() const { return times_; }
  std::vector<TimeExpression>& mutable_times() { return times_; }

  const std::vector<Event>& events() const { return events_; }
  std::vector<Event>& mutable_events() { return events_; }

  // Strings behind the id columns (tags, lemmas, labels, entity types).
  const StringStore& strings() const { return strings_; }
  StringStore& mutable_strings() { return strings_; }

  uint32_t annotations() const { return annotations_; }
  bool has(uint32_t ann) const { return (annotations_ & ann) == ann; }
  void Mark(uint32_t ann) { annotations_ |= ann; }

  // Original surface of token i.
  std::string_view TokenText(size_t i) const;
  // Normalised form of token i (from the processing view).
  std::string_view TokenForm(size_t i) const;
  std::string_view SpanText(Span s) const {
    return std::string_view(text_).substr(s.begin, s.size());
  }

  // Tokens [first, last) covering the byte span under `mode`, or nullopt when
  // no token qualifies (kStrict: when an edge falls inside a token).
  std::optional<std::pair<uint32_t, uint32_t>> TokenRange(Span span, Alignment mode) const;

 private:
  std::string text_;
  DocumentMeta meta_;
  TextView view_;
  std::vector<Repair> repairs_;
  TokenColumns tokens_;
  std::vector<Sentence> sentences_;
  std::vector<Paragraph> paragraphs_;
  std::vector<Mention> mentions_;
  std::vector<Entity> entities_;
  std::vector<Quote> quotes_;
  std::vector<TimeExpression> times_;
  std::vector<Event> events_;
  StringStore strings_;
  uint32_t annotations_ = 0;
};

}  // namespace parley
