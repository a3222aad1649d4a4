// The readable summary behind `parley extract --format text`.
#include <string>

#include "parley/output.h"

namespace parley {
namespace {

void AppendLine(std::string* out, std::string_view s) {
  out->append(s);
  out->push_back('\n');
}

// The sentence text with runs of whitespace (line breaks) shown as one space.
std::string Flatten(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !r.empty()) r.push_back(' ');
    space = false;
    r.push_back(c);
  }
  return r;
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
