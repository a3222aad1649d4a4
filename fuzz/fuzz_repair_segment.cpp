// Fuzzes repair + segmentation: any bytes must give a valid view and
// segmentation whose offsets slice the original text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/utf8.h"
#include "parley/repair.h"
#include "parley/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  parley::RepairResult r = parley::RepairText(text);
  if (!parley::utf8::IsValid(r.view.text())) std::abort();
  parley::Segmentation s = parley::SegmentText(text, r.view);
  const auto& t = s.tokens;
  uint32_t prev_end = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.begin[i] >= t.end[i] || t.end[i] > text.size() || t.begin[i] < prev_end) std::abort();
    if (t.vbegin[i] >= t.vend[i] || t.vend[i] > r.view.text().size()) std::abort();
    prev_end = t.end[i];
  }
  uint32_t next_token = 0;
  for (const auto& sent : s.sentences) {
    if (sent.token_begin != next_token || sent.token_end < sent.token_begin) std::abort();
    next_token = sent.token_end;
  }
  if (next_token != t.size()) std::abort();
  for (const auto& rep : r.repairs) {
    if (rep.span.end > text.size() || rep.span.begin > rep.span.end) std::abort();
  }
  return 0;
}
