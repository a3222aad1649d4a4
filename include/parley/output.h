// Output: a Document as a JSON record (the contract in docs/schema.md) or as
// a short readable summary, and error records for rejected input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parley/document.h"
#include "parley/reader.h"

namespace parley {

// Version of the JSON record layout; bump with docs/schema.md.
inline constexpr std::string_view kSchemaVersion = "parley.document/1";

struct JsonOptions {
  bool pretty = false;  // indented, one field per line (arrays of numbers stay inline)
  bool text = true;     // include the original text
  bool tokens = true;   // include the token columns
};

// Appends the record for `doc` (no trailing newline).
void WriteDocumentJson(const Document& doc, const JsonOptions& options, std::string* out);
// Appends an error record {"error": {...}} for a rejected input record.
void WriteErrorJson(const RecordError& error, std::string* out);
// Appends a readable summary: meta, repairs, then paragraphs and sentences.
void WriteDocumentText(const Document& doc, std::string* out);
// Appends CoNLL-U: "# newdoc id", then per sentence "# sent_id", "# text"
// and one row per token (ID FORM LEMMA UPOS XPOS _ HEAD DEPREL _ MISC with
// SpaceAfter=No); "_" where a stage did not run.
void WriteDocumentConllu(const Document& doc, std::string* out);

// 64-bit XXH3 of the original text as 16 hex digits (the store's identity of
// an article).
std::string ContentHash(std::string_view text);

}  // namespace parley
