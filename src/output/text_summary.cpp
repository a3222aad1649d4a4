// The readable summary behind `parley extract --format text`.
#include <cstdio>
#include <string>

#include "output/flatten.h"
#include "parley/output.h"

namespace parley {
namespace {

void AppendLine(std::string* out, std::string_view s) {
  out->append(s);
  out->push_back('\n');
}

// "  entity 3 Anchorage GPE x1: country=USA admin1=US-AK geonames=5879400 (61.2181, -149.9)"
void AppendEntityLine(const Document& doc, size_t i, std::string* out) {
  const Entity& e = doc.entities()[i];
  const EntityLinks& l = e.links;
  std::string line = "  entity " + std::to_string(i) + " " + e.name + " " +
                     std::string(doc.strings().Get(e.type)) + " x" +
                     std::to_string(e.mentions.size());
  std::string links;
  auto add = [&](const char* key, const std::string& v) {
    if (v.empty()) return;
    links += " ";
    links += key;
    links += "=";
    links += v.find(' ') == std::string::npos ? v : "\"" + v + "\"";
  };
  add("country", l.country);
  add("admin1", l.admin1);
  add("role", l.role);
  add("code", l.actor_code);
  add("stands_for", l.stands_for);
  if (l.geonames_id != 0) add("geonames", std::to_string(l.geonames_id));
  if (l.geonames_id != 0 || l.has_coordinates) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " (%.4f, %.4f)", l.lat, l.lon);
    links += buf;
  }
  AppendLine(out, links.empty() ? line : line + ":" + links);
}

}  // namespace

void WriteDocumentText(const Document& doc, std::string* out) {
  const DocumentMeta& m = doc.meta();
  std::string head = "# " + (m.id.empty() ? std::string("(no id)") : m.id);
  if (!m.date.empty()) head += "  " + m.date;
  if (!m.title.empty()) head += "  \"" + m.title + "\"";
  AppendLine(out, head);
  AppendLine(out, "  " + std::to_string(doc.text().size()) + " bytes, language " +
                      (m.language.empty() ? "?" : m.language) + ", " +
                      std::to_string(doc.paragraphs().size()) + " paragraphs, " +
                      std::to_string(doc.sentences().size()) + " sentences, " +
                      std::to_string(doc.tokens().size()) + " tokens");
  for (const Repair& r : doc.repairs()) {
    AppendLine(out, "  repair @" + std::to_string(r.span.begin) + ": \"" +
                        std::string(doc.SpanText(r.span)) + "\" -> \"" + r.replacement + "\" (" +
                        RepairReasonName(r.reason) + ")");
  }
  if (doc.has(kAnnEntities)) {
    std::string line = "  entities:";
    for (const Mention& mention : doc.mentions()) {
      line += " " + std::string(doc.SpanText(mention.span)) + "/" +
              std::string(doc.strings().Get(mention.type));
    }
    AppendLine(out, line);
  }
  if (doc.has(kAnnDocEntities)) {
    for (size_t i = 0; i < doc.entities().size(); ++i) AppendEntityLine(doc, i, out);
  }
  if (doc.has(kAnnQuotes)) {
    AppendLine(out, "  quotes: " + std::to_string(doc.quotes().size()));
    for (size_t i = 0; i < doc.quotes().size(); ++i) {
      const Quote& q = doc.quotes()[i];
      // Baigaliyev (the expert): “…”   [direct, noted, 0.75]
      std::string who = q.speaker_name.empty() ? std::string("?") : q.speaker_name;
      if (!q.speaker.empty() && doc.SpanText(q.speaker) != q.speaker_name) {
        who += " (" + Flatten(doc.SpanText(q.speaker)) + ")";
      }
      std::string line =
          "  " + std::to_string(i + 1) + ". " + who + ": \u201c" + Flatten(doc.SpanText(q.content));
      if (!q.continued.empty()) line += " \u2026 " + Flatten(doc.SpanText(q.continued));
      line += "\u201d  [" + std::string(QuoteKindName(q.kind));
      if (!q.cue.empty()) line += ", " + Flatten(doc.SpanText(q.cue));
      if (!q.channel.empty()) line += ", via " + Flatten(doc.SpanText(q.channel));
      if (q.nested_in >= 0) line += ", inside " + std::to_string(q.nested_in + 1);
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", static_cast<double>(q.confidence));
      line += ", " + std::string(conf) + "]";
      AppendLine(out, line);
    }
  }
  if (doc.has(kAnnTimes) && !doc.times().empty()) {
    std::string line = "  times:";
    for (const TimeExpression& t : doc.times()) {
      line += " " + Flatten(doc.SpanText(t.span)) + "=" +
              (t.relation == "on" ? "" : t.relation + " ") + (t.value.empty() ? "?" : t.value);
    }
    AppendLine(out, line);
  }
  if (doc.has(kAnnEvents)) {
    AppendLine(out, "  events: " + std::to_string(doc.events().size()));
    for (size_t i = 0; i < doc.events().size(); ++i) {
      const Event& e = doc.events()[i];
      // Vladimir Putin (RUSGOV) -042 Make a visit-> United States (USA)  [visit, …]
      auto side = [&](const EventActor& a) {
        std::string s = a.name.empty() ? std::string("?") : Flatten(a.name);
        if (!a.code.empty()) s += " (" + a.code + ")";
        return s;
      };
      std::string line = "  " + std::to_string(i + 1) + ". " + side(e.source) + " -" + e.cameo +
                         " " + e.cameo_name + "-> " + side(e.target) + "  [" +
                         Flatten(doc.SpanText(e.trigger));
      if (!e.plover.empty())
        line += ", " + e.plover + (e.plover_mode.empty() ? "" : "/" + e.plover_mode);
      if (e.modality != EventModality::kActual)
        line += ", " + std::string(EventModalityName(e.modality));
      if (e.polarity == EventPolarity::kNegated) line += ", negated";
      if (e.location >= 0 && static_cast<size_t>(e.location) < doc.entities().size()) {
        line += ", at " + doc.entities()[static_cast<size_t>(e.location)].name;
      }
      if (!e.date.empty()) line += ", " + e.date;
      if (e.quote >= 0) line += ", in quote " + std::to_string(e.quote + 1);
      line += "]";
      AppendLine(out, line);
    }
  }
  const auto& sentences = doc.sentences();
  for (size_t p = 0; p < doc.paragraphs().size(); ++p) {
    const Paragraph& para = doc.paragraphs()[p];
    out->push_back('\n');
    for (uint32_t s = para.sentence_begin; s < para.sentence_end; ++s) {
      std::string label = s == para.sentence_begin ? "[" + std::to_string(p + 1) + "]" : "";
      label.resize(6, ' ');
      AppendLine(out, label + Flatten(doc.SpanText(sentences[s].span)));
    }
  }
}

}  // namespace parley
