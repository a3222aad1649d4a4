#include "ner/labels.h"

namespace parley::ner {

namespace {
constexpr std::string_view kTypeNames[kNumTypes] = {"PER", "ORG", "LOC", "MISC"};
}

std::string_view TypeName(int type) {
  return type >= 0 && type < kNumTypes ? kTypeNames[type] : std::string_view("?");
}

int TypeId(std::string_view name) {
  for (int t = 0; t < kNumTypes; ++t) {
    if (name == kTypeNames[t]) return t;
  }
  return -1;
}

std::string LabelName(uint32_t label) {
  if (label == kOutside) return "O";
  static constexpr char kParts[] = "OBILU";
  std::string s(1, kParts[static_cast<int>(PartOf(label))]);
  s += '-';
  s += TypeName(TypeOf(label));
  return s;
}

std::vector<uint8_t> EncodeBilou(size_t n, const std::vector<EntitySpan>& spans) {
  std::vector<uint8_t> labels(n, kOutside);
  for (const EntitySpan& s : spans) {
    if (s.begin >= s.end || s.end > n) continue;
    if (s.end - s.begin == 1) {
      labels[s.begin] = static_cast<uint8_t>(MakeLabel(Part::kU, s.type));
      continue;
    }
    labels[s.begin] = static_cast<uint8_t>(MakeLabel(Part::kB, s.type));
    for (uint32_t i = s.begin + 1; i + 1 < s.end; ++i) {
      labels[i] = static_cast<uint8_t>(MakeLabel(Part::kI, s.type));
    }
    labels[s.end - 1] = static_cast<uint8_t>(MakeLabel(Part::kL, s.type));
  }
  return labels;
}

std::vector<EntitySpan> DecodeBilou(const uint8_t* labels, size_t n, uint32_t offset) {
  std::vector<EntitySpan> out;
  bool open = false;
  EntitySpan cur;
  for (uint32_t i = 0; i < n; ++i) {
    Part p = PartOf(labels[i]);
    int t = TypeOf(labels[i]);
    // Anything but a continuation of the same type closes the open entity.
    bool continues = open && t == cur.type && (p == Part::kI || p == Part::kL);
    if (open && !continues) {
      cur.end = offset + i;
      out.push_back(cur);
      open = false;
    }
    if (p == Part::kO) continue;
    if (!open) {
      cur = {offset + i, 0, t};
      open = true;
    }
    if (p == Part::kL || p == Part::kU) {
      cur.end = offset + i + 1;
      out.push_back(cur);
      open = false;
    }
  }
  if (open) {
    cur.end = offset + static_cast<uint32_t>(n);
    out.push_back(cur);
  }
  return out;
}

void AllowedAfter(uint32_t prev, bool last, uint8_t* allowed) {
  Part pp = PartOf(prev);
  bool inside = pp == Part::kB || pp == Part::kI;
  for (uint32_t c = 0; c < kNumLabels; ++c) {
    Part p = PartOf(c);
    bool ok;
    if (inside) {
      ok = TypeOf(c) == TypeOf(prev) && (p == Part::kL || (p == Part::kI && !last));
    } else {
      ok = p == Part::kO || p == Part::kU || (p == Part::kB && !last);
    }
    allowed[c] = ok ? 1 : 0;
  }
}

uint32_t ToggleEnd(uint32_t label) {
  if (label == kOutside || label >= kNumLabels) return label;
  switch (PartOf(label)) {
    case Part::kB: return label + 3;
    case Part::kI: return label + 1;
    case Part::kL: return label - 1;
    case Part::kU: return label - 3;
    default: return label;
  }
}

bool IsValidBilou(const uint8_t* labels, size_t n) {
  uint8_t allowed[kNumLabels];
  uint32_t prev = kOutside;
  for (size_t i = 0; i < n; ++i) {
    if (labels[i] >= kNumLabels) return false;
    AllowedAfter(prev, i + 1 == n, allowed);
    if (!allowed[labels[i]]) return false;
    prev = labels[i];
  }
  return true;
}

}  // namespace parley::ner
