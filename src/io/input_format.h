// Input format detection and the small byte-level tests the readers share:
// which format a file is in (from its name, else from its first bytes),
// whether bytes are binary junk rather than text, and the "date YYYY-MM-DD"
// header of the dated text format.
#pragma once

#include <string>
#include <string_view>

#include "parley/reader.h"

namespace parley::io {

// How many decompressed bytes from the start of a file the sniffing looks at.
inline constexpr size_t kSniffBytes = 8192;

// The format a path's extension implies, ignoring a trailing ".gz":
// .jsonl/.ndjson/.json -> kJsonl; .txt/.text or no extension -> kText;
// anything else -> kAuto (undecided).
InputFormat FormatFromName(std::string_view path);

// The concrete format (kJsonl, kDatedText or kPlainText) of a file given the
// requested format, its path and its first bytes. For stdin and unknown
// extensions the first non-space byte decides: '{' is JSONL, else text.
// Text is dated when it starts (after a BOM and whitespace) with a header.
InputFormat ResolveFormat(InputFormat requested, std::string_view path, std::string_view head);

// Known binary file signatures (PNG, PDF, ZIP, ELF, ...) at the start of head.
bool HasBinaryMagic(std::string_view head);
// True when bytes contain NUL or more than 30% control characters other
// than \t \n \r \f. Invalid UTF-8 is not binary: a later stage repairs it.
bool LooksBinary(std::string_view bytes);
// Share of control characters (as above, NUL included) in bytes, 0..1.
double ControlShare(std::string_view bytes);

// Parses a dated-text header line: optional spaces or tabs, "date", spaces
// or tabs, YYYY-MM-DD, then whitespace or the end. On success sets *date and
// *body_begin (the offset just past the date) and returns true.
bool ParseDateHeader(std::string_view line, std::string* date, size_t* body_begin);

// True for YYYY-MM-DD with a plausible month and day.
bool IsIsoDate(std::string_view s);
// s when it is a date, its first 10 bytes when it is a longer ISO timestamp
// ("2025-08-16T10:00:00Z"), else "".
std::string NormalizeDate(std::string_view s);

// The file name without directories, ".gz" and one extension; "stdin" for "-".
std::string FileStem(std::string_view path);

// s without a leading UTF-8 byte order mark.
std::string_view StripBom(std::string_view s);
// ASCII whitespace (space, \t, \n, \v, \f, \r).
bool IsSpace(char c);
std::string_view TrimSpace(std::string_view s);

}  // namespace parley::io
