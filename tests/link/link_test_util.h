// Helpers for the entities/link tests: documents with hand-placed mentions,
// so the tests exercise clustering and linking without the NER model.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "parley/document.h"
#include "parley/link.h"
#include "parley/repair.h"
#include "parley/segment.h"

namespace parley::testing {

inline Document SegmentedDoc(std::string text, std::string date = "") {
  DocumentMeta meta;
  meta.date = std::move(date);
  Document doc(std::move(text), meta);
  EXPECT_TRUE(RepairStage().Process(doc).ok());
  EXPECT_TRUE(SegmentStage().Process(doc).ok());
  return doc;
}

// Adds a mention over the `nth` occurrence of `surface` (token-aligned).
inline void AddMention(Document& doc, std::string_view surface, std::string_view type,
                       int nth = 0) {
  size_t at = doc.text().find(surface);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i) {
    at = doc.text().find(surface, at + 1);
  }
  ASSERT_NE(at, std::string_view::npos) << surface;
  Span span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())};
  auto range = doc.TokenRange(span, Alignment::kStrict);
  ASSERT_TRUE(range.has_value()) << surface;
  Mention m;
  m.span = span;
  m.token_begin = range->first;
  m.token_end = range->second;
  m.type = doc.mutable_strings().Intern(type);
  auto& ms = doc.mutable_mentions();
  auto pos = std::find_if(ms.begin(), ms.end(),
                          [&](const Mention& x) { return x.span.begin > span.begin; });
  ms.insert(pos, m);
  doc.Mark(kAnnEntities);
}

inline std::string ModelsDir() {
  return std::string(PARLEY_SOURCE_DIR) + "/models";
}

// The entity that mention `surface` (first occurrence) belongs to.
inline const Entity* EntityOf(const Document& doc, std::string_view surface) {
  for (const Mention& m : doc.mentions()) {
    if (doc.SpanText(m.span) == surface && m.entity >= 0) {
      return &doc.entities()[static_cast<size_t>(m.entity)];
    }
  }
  return nullptr;
}

inline std::string TypeOf(const Document& doc, const Entity* e) {
  return e ? std::string(doc.strings().Get(e->type)) : std::string();
}

}  // namespace parley::testing
