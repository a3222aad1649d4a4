// Helpers for the store tests: temporary database paths and small documents.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "parley/document.h"

namespace parley::testing {

// A fresh folder under the system temp dir, removed when this goes away.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("parley_store_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A document with a speaker entity, two mentions and a quote:
//   Putin met Trump. "No deal was reached," Putin said.
inline Document QuoteDocument(std::string id = "a1", std::string date = "2025-08-16") {
  DocumentMeta meta;
  meta.id = std::move(id);
  meta.date = std::move(date);
  meta.title = "Summit";
  meta.source = "Wire";
  meta.url = "https://example.com/a1";
  Document doc("Putin met Trump. \"No deal was reached,\" Putin said.", meta);
  uint32_t per = doc.mutable_strings().Intern("PER");
  auto& mentions = doc.mutable_mentions();
  mentions.push_back({{0, 5}, 0, 1, per, 0});      // Putin
  mentions.push_back({{10, 15}, 2, 3, per, 1});    // Trump
  mentions.push_back({{40, 45}, 10, 11, per, 0});  // Putin (speaker)
  Entity putin;
  putin.name = "Vladimir Putin";
  putin.type = per;
  putin.mentions = {0, 2};
  putin.links.kb_id = "Q7747";
  putin.links.actor_code = "RUSGOV";
  Entity trump;
  trump.name = "Donald Trump";
  trump.type = per;
  trump.mentions = {1};
  doc.mutable_entities() = {putin, trump};
  Quote q;
  q.content = {18, 37};  // No deal was reached
  q.kind = QuoteKind::kDirect;
  q.cue = {46, 50};  // said
  q.cue_lemma = doc.mutable_strings().Intern("say");
  q.speaker = {40, 45};
  q.speaker_entity = 0;
  q.speaker_name = "Vladimir Putin";
  q.confidence = 0.9f;
  doc.mutable_quotes().push_back(q);
  doc.Mark(kAnnEntities | kAnnDocEntities | kAnnQuotes);
  return doc;
}

// A quote for QuotesArticle: its content and its speaker's canonical name,
// with the speaker entity's kb id and actor code when linked.
struct QuoteSpec {
  QuoteSpec(std::string c, std::string s, std::string kb = "", std::string code = "")
      : content(std::move(c)),
        speaker(std::move(s)),
        kb_id(std::move(kb)),
        actor_code(std::move(code)) {}
  std::string content;
  std::string speaker;
  std::string kb_id, actor_code;
};

// An article made of `"CONTENT," SPEAKER said.` sentences, one per quote,
// with an entity per distinct speaker, then `tail` (to make texts differ).
inline Document QuotesArticle(std::string id, std::string date, std::string source,
                              const std::vector<QuoteSpec>& quotes, const std::string& tail = "") {
  DocumentMeta meta;
  meta.id = std::move(id);
  meta.date = std::move(date);
  meta.source = std::move(source);
  meta.title = "Story " + meta.id;
  std::string text;
  struct Spans {
    Span content, speaker;
  };
  std::vector<Spans> spans;
  for (const QuoteSpec& q : quotes) {
    Spans s;
    text += '"';
    s.content = {static_cast<uint32_t>(text.size()), 0};
    text += q.content;
    s.content.end = static_cast<uint32_t>(text.size());
    text += ",\" ";
    s.speaker = {static_cast<uint32_t>(text.size()), 0};
    text += q.speaker;
    s.speaker.end = static_cast<uint32_t>(text.size());
    text += " said. ";
    spans.push_back(s);
  }
  text += tail.empty() ? "Story " + meta.id + "." : tail;
  Document doc(text, meta);
  uint32_t per = doc.mutable_strings().Intern("PER");
  std::map<std::string, int32_t> entity_of;
  for (size_t i = 0; i < quotes.size(); ++i) {
    const QuoteSpec& spec = quotes[i];
    auto [it, added] = entity_of.emplace(spec.speaker, static_cast<int32_t>(entity_of.size()));
    if (added) {
      Entity e;
      e.name = spec.speaker;
      e.type = per;
      e.links.kb_id = spec.kb_id;
      e.links.actor_code = spec.actor_code;
      doc.mutable_entities().push_back(e);
    }
    auto& entity = doc.mutable_entities()[static_cast<size_t>(it->second)];
    entity.mentions.push_back(static_cast<uint32_t>(doc.mutable_mentions().size()));
    doc.mutable_mentions().push_back({spans[i].speaker, 0, 0, per, it->second});
    Quote q;
    q.content = spans[i].content;
    q.kind = QuoteKind::kDirect;
    q.speaker = spans[i].speaker;
    q.speaker_entity = it->second;
    q.speaker_name = spec.speaker;
    q.confidence = 0.9f;
    doc.mutable_quotes().push_back(q);
  }
  doc.Mark(kAnnEntities | kAnnDocEntities | kAnnQuotes);
  return doc;
}

// An event for EventsArticle: "SOURCE met TARGET in PLACE." with the actors'
// codes (empty: unlinked) and the coding.
struct EventSpec {
  std::string source, source_code, target, target_code;
  std::string place;  // empty: none
  int64_t geonames_id = 0;
  std::string cameo = "042";
  float goldstein = 1.9f;
  std::string date;  // empty: the article's
  EventPolarity polarity = EventPolarity::kAsserted;
  EventModality modality = EventModality::kActual;
};

// One sentence per event, entities for the actors and places, and a time
// expression ("on Friday") resolved to the article date.
inline Document EventsArticle(std::string id, std::string date, std::string source,
                              const std::vector<EventSpec>& events) {
  DocumentMeta meta;
  meta.id = std::move(id);
  meta.date = std::move(date);
  meta.source = std::move(source);
  std::string text = "On Friday, " + meta.id + " reported. ";
  std::vector<Sentence> sentences = {{{0, static_cast<uint32_t>(text.size() - 1)}, 0, 0}};
  struct Parts {
    Span source, target, place, trigger, sentence;
  };
  std::vector<Parts> parts;
  auto add = [&](const std::string& s) {
    Span span{static_cast<uint32_t>(text.size()), 0};
    text += s;
    span.end = static_cast<uint32_t>(text.size());
    return span;
  };
  for (const EventSpec& e : events) {
    Parts p;
    uint32_t begin = static_cast<uint32_t>(text.size());
    p.source = add(e.source);
    text += " ";
    p.trigger = add("met");
    text += " ";
    p.target = add(e.target);
    if (!e.place.empty()) {
      text += " in ";
      p.place = add(e.place);
    }
    text += ".";
    p.sentence = {begin, static_cast<uint32_t>(text.size())};
    text += " ";
    parts.push_back(p);
  }
  Document doc(text, meta);
  doc.mutable_sentences() = sentences;
  uint32_t org = doc.mutable_strings().Intern("ORG");
  uint32_t gpe = doc.mutable_strings().Intern("GPE");
  auto entity = [&](const std::string& name, uint32_t type, Span span) {
    Entity en;
    en.name = name;
    en.type = type;
    en.mentions = {static_cast<uint32_t>(doc.mutable_mentions().size())};
    doc.mutable_mentions().push_back(
        {span, 0, 0, type, static_cast<int32_t>(doc.mutable_entities().size())});
    doc.mutable_entities().push_back(en);
    return static_cast<int32_t>(doc.mutable_entities().size() - 1);
  };
  TimeExpression friday;
  friday.span = {0, 9};
  friday.value = doc.meta().date;
  doc.mutable_times().push_back(friday);
  for (size_t i = 0; i < events.size(); ++i) {
    const EventSpec& spec = events[i];
    const Parts& p = parts[i];
    doc.mutable_sentences().push_back({p.sentence, 0, 0});
    Event e;
    e.source.span = p.source;
    e.source.entity = entity(spec.source, org, p.source);
    doc.mutable_entities().back().links.actor_code = spec.source_code;
    e.source.code = spec.source_code;
    e.source.name = spec.source;
    e.target.span = p.target;
    e.target.entity = entity(spec.target, org, p.target);
    doc.mutable_entities().back().links.actor_code = spec.target_code;
    e.target.code = spec.target_code;
    e.target.name = spec.target;
    if (!spec.place.empty()) {
      e.location = entity(spec.place, gpe, p.place);
      doc.mutable_entities().back().links.geonames_id = spec.geonames_id;
    }
    e.cameo = spec.cameo;
    e.cameo_name = "Make a visit";
    e.goldstein = spec.goldstein;
    e.plover = "CONSULT";
    e.trigger = p.trigger;
    e.sentence = static_cast<uint32_t>(doc.sentences().size() - 1);
    e.date = spec.date.empty() ? doc.meta().date : spec.date;
    e.time = 0;
    e.polarity = spec.polarity;
    e.modality = spec.modality;
    e.confidence = 0.8f;
    doc.mutable_events().push_back(e);
  }
  doc.Mark(kAnnEntities | kAnnDocEntities | kAnnTimes | kAnnEvents);
  return doc;
}

}  // namespace parley::testing
