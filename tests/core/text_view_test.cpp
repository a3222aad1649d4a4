#include "parley/text_view.h"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

TEST(TextView, IdentityMapsEveryOffsetToItself) {
  std::string s = "hello world";
  TextView v = TextView::Identity(s);
  EXPECT_TRUE(v.identity());
  EXPECT_EQ(v.text(), s);
  for (uint32_t i = 0; i <= s.size(); ++i) {
    EXPECT_EQ(v.ToOriginalBegin(i), i);
    EXPECT_EQ(v.ToOriginalEnd(i), i);
    EXPECT_EQ(v.ToView(i), i);
  }
}

TEST(TextView, ReplacementShiftsLaterOffsets) {
  // "a“b”c": the curly quotes are 3 bytes each; the view uses ASCII '"'.
  std::string s =
      "a\xE2\x80\x9C"
      "b\xE2\x80\x9D"
      "c";
  TextView::Builder b(s);
  b.Replace(1, 4, "\"");
  b.Replace(5, 8, "\"");
  TextView v = std::move(b).Finish();
  ASSERT_EQ(v.text(), "a\"b\"c");
  // 'b' at view 2 -> original 4; 'c' at view 4 -> original 8.
  EXPECT_EQ(v.ToOriginalBegin(2), 4u);
  EXPECT_EQ(v.ToOriginalEnd(3), 5u);
  EXPECT_EQ(v.ToOriginalBegin(4), 8u);
  // The quote token [1,2) in the view is the whole 3-byte original.
  EXPECT_EQ(v.ToOriginalBegin(1), 1u);
  EXPECT_EQ(v.ToOriginalEnd(2), 4u);
  EXPECT_EQ(v.ToView(8), 4u);
  EXPECT_EQ(v.ToView(2), 1u);  // inside the block: the block's view begin
}

TEST(TextView, DeletionIsSkippedByBothEdges) {
  // "ab<ZWSP>cd": the zero-width space (3 bytes) is deleted in the view.
  std::string s =
      "ab\xE2\x80\x8B"
      "cd";
  TextView::Builder b(s);
  b.Replace(2, 5, "");
  TextView v = std::move(b).Finish();
  ASSERT_EQ(v.text(), "abcd");
  EXPECT_EQ(v.ToOriginalEnd(2), 2u);    // a span ending before the deletion
  EXPECT_EQ(v.ToOriginalBegin(2), 5u);  // a span starting after it
  EXPECT_EQ(v.ToOriginalEnd(4), 7u);
}

TEST(TextView, ExpansionMapsInnerEdgesToBlockEdges) {
  // "x…y": the ellipsis (3 bytes) becomes "..." (3 bytes) but is one block.
  std::string s = "x\xE2\x80\xA6y";
  TextView::Builder b(s);
  b.Replace(1, 4, "...");
  TextView v = std::move(b).Finish();
  EXPECT_EQ(v.ToOriginalBegin(2), 1u);
  EXPECT_EQ(v.ToOriginalEnd(2), 4u);
}

}  // namespace
}  // namespace parley
