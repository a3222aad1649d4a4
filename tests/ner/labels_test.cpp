// BILOU encoding: round trips, validity constraints, lenient decoding.
#include "ner/labels.h"

#include <gtest/gtest.h>

namespace parley::ner {
namespace {

TEST(Bilou, RoundTripsSpans) {
  std::vector<EntitySpan> spans = {{0, 2, 0}, {3, 4, 2}, {5, 8, 1}, {8, 9, 3}};
  std::vector<uint8_t> labels = EncodeBilou(9, spans);
  EXPECT_EQ(LabelName(labels[0]), "B-PER");
  EXPECT_EQ(LabelName(labels[1]), "L-PER");
  EXPECT_EQ(LabelName(labels[2]), "O");
  EXPECT_EQ(LabelName(labels[3]), "U-LOC");
  EXPECT_EQ(LabelName(labels[6]), "I-ORG");
  EXPECT_EQ(LabelName(labels[8]), "U-MISC");
  EXPECT_TRUE(IsValidBilou(labels.data(), labels.size()));
  EXPECT_EQ(DecodeBilou(labels.data(), labels.size()), spans);
}

TEST(Bilou, DecodeAddsOffset) {
  std::vector<uint8_t> labels = EncodeBilou(3, {{1, 3, 2}});
  std::vector<EntitySpan> want = {{11, 13, 2}};
  EXPECT_EQ(DecodeBilou(labels.data(), labels.size(), 10), want);
}

TEST(Bilou, AllowedAfterKeepsSequencesWellFormed) {
  uint8_t allowed[kNumLabels];
  AllowedAfter(MakeLabel(Part::kB, 1), false, allowed);
  for (uint32_t c = 0; c < kNumLabels; ++c) {
    bool want = c == MakeLabel(Part::kI, 1) || c == MakeLabel(Part::kL, 1);
    EXPECT_EQ(allowed[c] != 0, want) << LabelName(c);
  }
  AllowedAfter(kOutside, true, allowed);  // the last token cannot open an entity
  EXPECT_TRUE(allowed[kOutside]);
  EXPECT_TRUE(allowed[MakeLabel(Part::kU, 0)]);
  EXPECT_FALSE(allowed[MakeLabel(Part::kB, 0)]);
  AllowedAfter(MakeLabel(Part::kI, 3), true, allowed);
  EXPECT_TRUE(allowed[MakeLabel(Part::kL, 3)]);
  EXPECT_FALSE(allowed[MakeLabel(Part::kI, 3)]);
}

TEST(Bilou, ToggleEndSwapsEndingAndGoingOn) {
  for (int t = 0; t < kNumTypes; ++t) {
    EXPECT_EQ(ToggleEnd(MakeLabel(Part::kB, t)), MakeLabel(Part::kU, t));
    EXPECT_EQ(ToggleEnd(MakeLabel(Part::kI, t)), MakeLabel(Part::kL, t));
    EXPECT_EQ(ToggleEnd(MakeLabel(Part::kL, t)), MakeLabel(Part::kI, t));
    EXPECT_EQ(ToggleEnd(MakeLabel(Part::kU, t)), MakeLabel(Part::kB, t));
  }
  EXPECT_EQ(ToggleEnd(kOutside), kOutside);
  EXPECT_EQ(ToggleEnd(kNumLabels), kNumLabels);  // the start-of-sentence symbol
  // Toggling the previous label never breaks what came before it: the
  // history before B or U also allows U or B, and the one before I or L
  // allows L or I.
  uint8_t allowed[kNumLabels];
  for (uint32_t before = 0; before < kNumLabels; ++before) {
    AllowedAfter(before, false, allowed);
    for (uint32_t c = 0; c < kNumLabels; ++c) {
      if (!allowed[c]) continue;
      EXPECT_TRUE(allowed[ToggleEnd(c)]) << LabelName(before) << " " << LabelName(c);
    }
  }
}

TEST(Bilou, DetectsInvalidSequences) {
  std::vector<uint8_t> dangling = {uint8_t(MakeLabel(Part::kB, 0))};
  EXPECT_FALSE(IsValidBilou(dangling.data(), dangling.size()));
  std::vector<uint8_t> orphan = {uint8_t(MakeLabel(Part::kI, 0)), uint8_t(MakeLabel(Part::kL, 0))};
  EXPECT_FALSE(IsValidBilou(orphan.data(), orphan.size()));
  std::vector<uint8_t> mixed = {uint8_t(MakeLabel(Part::kB, 0)), uint8_t(MakeLabel(Part::kL, 1))};
  EXPECT_FALSE(IsValidBilou(mixed.data(), mixed.size()));
}

TEST(Bilou, DecodesIllFormedRunsLeniently) {
  // I-PER I-PER L-ORG: an entity opened by I, closed by the type change.
  std::vector<uint8_t> labels = {uint8_t(MakeLabel(Part::kI, 0)), uint8_t(MakeLabel(Part::kI, 0)),
                                 uint8_t(MakeLabel(Part::kL, 1))};
  std::vector<EntitySpan> want = {{0, 2, 0}, {2, 3, 1}};
  EXPECT_EQ(DecodeBilou(labels.data(), labels.size()), want);
}

TEST(Bilou, TypeNames) {
  for (int t = 0; t < kNumTypes; ++t) EXPECT_EQ(TypeId(TypeName(t)), t);
  EXPECT_EQ(TypeId("DATE"), -1);
}

}  // namespace
}  // namespace parley::ner
