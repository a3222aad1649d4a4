// Fuzzes the PETRARCH validation reader (a hand-written tolerant scanner):
// any input gives records and errors without crashing; every record has an
// id, an ISO date, non-empty single-spaced text and gold codes that start
// with two digits; every error is located on a line of the input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "parley/event_eval.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  uint64_t lines = 1;
  for (char c : input) lines += c == '\n';
  std::vector<parley::RecordError> errors;
  std::vector<parley::PetrarchSentence> sentences =
      parley::ParsePetrarchXml(input, "fuzz.xml", &errors);
  uint64_t last_line = 0;
  for (const parley::PetrarchSentence& s : sentences) {
    CHECK(!s.id.empty());
    CHECK(s.date.size() == 10 && s.date[4] == '-' && s.date[7] == '-');
    CHECK(!s.text.empty() && s.text.front() != ' ' && s.text.back() != ' ');
    CHECK(s.text.find("  ") == std::string::npos);
    CHECK(s.line >= 1 && s.line <= lines && s.line > last_line);
    last_line = s.line;
    for (const parley::EventTriple& t : s.gold) {
      CHECK(!t.source.empty() && !t.target.empty());
      CHECK(t.code.size() >= 2 && t.code[0] >= '0' && t.code[0] <= '9');
    }
  }
  for (const parley::RecordError& e : errors) {
    CHECK(e.where.file == "fuzz.xml");
    CHECK(e.where.line >= 1 && e.where.line <= lines);
    CHECK(!e.status.ok() && !e.status.message().empty());
  }
  return 0;
}
