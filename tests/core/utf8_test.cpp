#include "core/utf8.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(Utf8, DecodesValidSequences) {
  char32_t cp = 0;
  EXPECT_EQ(utf8::Decode("A", 0, &cp), 1);
  EXPECT_EQ(cp, U'A');
  EXPECT_EQ(utf8::Decode("\xD0\xA8", 0, &cp), 2);  // Ш
  EXPECT_EQ(cp, U'\u0428');
  EXPECT_EQ(utf8::Decode("\xE2\x80\x9C", 0, &cp), 3);
  EXPECT_EQ(cp, U'\u201C');
  EXPECT_EQ(utf8::Decode("\xF0\x9F\x98\x80", 0, &cp), 4);
  EXPECT_EQ(cp, U'\U0001F600');
}

TEST(Utf8, RejectsInvalidSequences) {
  char32_t cp = 0;
  EXPECT_EQ(utf8::Decode("\xC0\xAF", 0, &cp), 0);      // overlong
  EXPECT_EQ(utf8::Decode("\xED\xA0\x80", 0, &cp), 0);  // surrogate
  EXPECT_EQ(utf8::Decode("\xF4\x90\x80\x80", 0, &cp), 0);
  EXPECT_EQ(utf8::Decode("\xE2\x80", 0, &cp), 0);  // truncated
  EXPECT_EQ(utf8::Decode("\x80", 0, &cp), 0);
  EXPECT_FALSE(utf8::IsValid("ok\xFFno"));
  EXPECT_TRUE(
      utf8::IsValid("ok \xE2\x80\x9C"
                    "fine\xE2\x80\x9D"));
}

TEST(Utf8, InvalidRunIsTheMaximalSubpart) {
  EXPECT_EQ(utf8::InvalidRunLength("\xE2\x80"
                                   "A",
                                   0),
            2u);
  EXPECT_EQ(utf8::InvalidRunLength("\xFF\x80", 0), 1u);
  EXPECT_EQ(utf8::InvalidRunLength("\xE0\x80", 0), 1u);  // E0 needs A0..BF next
}

TEST(Utf8, AppendRoundTrips) {
  for (char32_t cp : {U'a', U'\u00E9', U'\u20AC', U'\U0001F600'}) {
    std::string s;
    utf8::Append(&s, cp);
    char32_t back = 0;
    ASSERT_EQ(utf8::Decode(s, 0, &back), static_cast<int>(s.size()));
    EXPECT_EQ(back, cp);
  }
}

}  // namespace
}  // namespace parley
