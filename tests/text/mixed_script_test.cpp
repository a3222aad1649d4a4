// Tests for the mixed-script word repair (text/mixed_script.h).
#include "text/mixed_script.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::text {
namespace {

struct FixCase {
  const char* word;
  const char* want;  // nullptr: left alone
  RepairReason reason;
};

class MixedScriptCases : public ::testing::TestWithParam<FixCase> {};

TEST_P(MixedScriptCases, RepairsOrLeavesAlone) {
  const FixCase& c = GetParam();
  std::optional<MixedScriptFix> fix = FixMixedScriptWord(c.word);
  if (c.want == nullptr) {
    EXPECT_FALSE(fix.has_value()) << c.word << " -> " << fix->word;
    return;
  }
  ASSERT_TRUE(fix.has_value()) << c.word;
  EXPECT_EQ(fix->word, c.want);
  EXPECT_EQ(fix->reason, c.reason) << c.word;
}

constexpr auto kH = RepairReason::kHomoglyph;
constexpr auto kK = RepairReason::kKeyboardLayout;

INSTANTIATE_TEST_SUITE_P(MixedScript, MixedScriptCases,
                         ::testing::Values(
                             // Look-alikes: Cyrillic Р, с, о, Ukrainian і; Greek Α, ο.
                             FixCase{"Рutin", "Putin", kH}, FixCase{"Mоsсow", "Moscow", kH},
                             FixCase{"Kremlіn", "Kremlin", kH}, FixCase{"Αthens", "Athens", kH},
                             FixCase{"Kοsovo", "Kosovo", kH},
                             // Same key under ЙЦУКЕН or the Greek layout; one keyboard letter is
                             // enough to call the whole word a layout slip.
                             FixCase{"Шt", "It", kK}, FixCase{"шt", "it", kK},
                             FixCase{"Рutшn", "Putin", kK}, FixCase{"λondon", "london", kK},
                             FixCase{"Иaltic", "Baltic", kK},
                             // Equal counts still count as a Latin word.
                             FixCase{"Шn", "In", kK},
                             // Real words, stray Latin in a Cyrillic word, unmappable letters,
                             // SI symbols, third scripts: all left alone.
                             FixCase{"Москва", nullptr, kH}, FixCase{"Αθήνα", nullptr, kH},
                             FixCase{"Mосква", nullptr, kH}, FixCase{"Жt", nullptr, kH},
                             FixCase{"μg", nullptr, kH}, FixCase{"kΩ", nullptr, kH},
                             FixCase{"ab中Ш", nullptr, kH}, FixCase{"Athens", nullptr, kH},
                             FixCase{"café", nullptr, kH}));

TEST(MixedScript, LetterFixesPointAtTheForeignLetters) {
  std::string word = "tШt";  // Ш is bytes [1, 3)
  std::optional<MixedScriptFix> fix = FixMixedScriptWord(word);
  ASSERT_TRUE(fix.has_value());
  EXPECT_EQ(fix->word, "tIt");
  ASSERT_EQ(fix->letters.size(), 1u);
  EXPECT_EQ(fix->letters[0].begin, 1u);
  EXPECT_EQ(fix->letters[0].end, 3u);
  EXPECT_EQ(fix->letters[0].latin, 'I');
}

TEST(MixedScript, MarksStayOnTheRepairedLetter) {
  std::optional<MixedScriptFix> fix = FixMixedScriptWord("Рe\u0301rez");
  ASSERT_TRUE(fix.has_value());
  EXPECT_EQ(fix->word, "Pe\u0301rez");
}

TEST(MixedScript, HomoglyphBeatsKeyboard) {
  // Cyrillic р is on the H key, but it looks like p.
  EXPECT_EQ(LatinHomoglyph(U'р'), 'p');
  EXPECT_EQ(LatinOnSameKey(U'р'), 'h');
  EXPECT_EQ(FixMixedScriptWord("рage")->word, "page");
}

TEST(MixedScript, KeyboardRowsMapToQwerty) {
  std::u32string ru = U"йцукенгшщзфывапролдячсмитьЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ";
  std::string want = "qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM";
  ASSERT_EQ(ru.size(), want.size());
  for (size_t i = 0; i < ru.size(); ++i) EXPECT_EQ(LatinOnSameKey(ru[i]), want[i]) << i;
  std::u32string el = U"ςερτυθιοπασδφγηξκλζχψωβν";
  std::string el_want = "wertyuiopasdfghjklzxcvbn";
  for (size_t i = 0; i < el.size(); ++i) EXPECT_EQ(LatinOnSameKey(el[i]), el_want[i]) << i;
}

TEST(MixedScript, ScriptOf) {
  EXPECT_EQ(ScriptOf(U'a'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'é'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'ệ'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'Ш'), Script::kCyrillic);
  EXPECT_EQ(ScriptOf(U'ά'), Script::kGreek);
  EXPECT_EQ(ScriptOf(U'中'), Script::kOther);
  EXPECT_EQ(ScriptOf(U'×'), Script::kOther);
  EXPECT_EQ(ScriptOf(U'1'), Script::kOther);
}

}  // namespace
}  // namespace parley::text
