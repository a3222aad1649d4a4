// BILOU labels for the NER tagger: O plus Begin/Inside/Last/Unit for each of
// PER, ORG, LOC, MISC (17 classes), with the encoder from entity spans, a
// decoder back to spans, and the transition constraints that keep a greedy
// decoder's output well formed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::ner {

inline constexpr int kNumTypes = 4;  // PER, ORG, LOC, MISC
inline constexpr uint32_t kNumLabels = 1 + 4 * kNumTypes;
inline constexpr uint32_t kOutside = 0;

enum class Part : uint8_t { kO = 0, kB = 1, kI = 2, kL = 3, kU = 4 };

// "PER", "ORG", "LOC", "MISC"; TypeId returns -1 for anything else.
std::string_view TypeName(int type);
int TypeId(std::string_view name);

inline uint32_t MakeLabel(Part part, int type) {
  return part == Part::kO ? kOutside
                          : 1 + 4 * static_cast<uint32_t>(type) + (static_cast<uint32_t>(part) - 1);
}
inline Part PartOf(uint32_t label) {
  return label == kOutside ? Part::kO : static_cast<Part>((label - 1) % 4 + 1);
}
inline int TypeOf(uint32_t label) {
  return label == kOutside ? -1 : static_cast<int>((label - 1) / 4);
}
std::string LabelName(uint32_t label);  // "O", "B-PER", "U-LOC", ...

// An entity: tokens [begin, end) of a sentence (or document) and its type.
struct EntitySpan {
  uint32_t begin = 0, end = 0;
  int type = 0;
  friend bool operator==(const EntitySpan&, const EntitySpan&) = default;
};

// Labels for n tokens; spans must not overlap (later ones win otherwise).
std::vector<uint8_t> EncodeBilou(size_t n, const std::vector<EntitySpan>& spans);
// Spans of a label sequence. Ill-formed runs are read leniently: an I or L
// without a B starts an entity, a type change ends one.
std::vector<EntitySpan> DecodeBilou(const uint8_t* labels, size_t n, uint32_t offset = 0);

// allowed[c] = 1 for each label that may follow `prev` (kOutside at the
// start of a sentence); `last` forbids labels that open an entity.
void AllowedAfter(uint32_t prev, bool last, uint8_t* allowed);
// The label that ends the same entity here instead of going on (B -> U,
// I -> L) or goes on instead of ending here (U -> B, L -> I); O and
// anything past the labels unchanged. Greedy decoding may take it back for
// the previous token when the next one reads better after it (see
// ner_model.h).
uint32_t ToggleEnd(uint32_t label);
// True when the sequence obeys the constraints above.
bool IsValidBilou(const uint8_t* labels, size_t n);

}  // namespace parley::ner
