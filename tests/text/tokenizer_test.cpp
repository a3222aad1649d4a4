// Tokenizer fixtures: one parameterised case per rule (EWT / Penn
// conventions), written as the expected tokens joined by spaces.
#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>

#include "text/segment_test_util.h"

namespace parley {
namespace {

struct Case {
  const char* name;
  const char* text;
  const char* tokens;
};

class TokenizerRule : public ::testing::TestWithParam<Case> {};

TEST_P(TokenizerRule, SplitsAsEwtDoes) {
  EXPECT_EQ(testing::Tokens(GetParam().text), GetParam().tokens) << GetParam().text;
}

// clang-format off
const Case kCases[] = {
  // Clitics and possessives.
  {"NegationClitic", "I don't know", "I do n't know"},
  {"CantWont", "can't won't ain't", "ca n't wo n't ai n't"},
  {"UpperNegation", "DON'T", "DO N'T"},
  {"Cannot", "I cannot go", "I can not go"},
  {"Gonna", "gonna wanna gotta", "gon na wan na got ta"},
  {"Contractions", "I'm we'll they're I've he'd", "I 'm we 'll they 're I 've he 'd"},
  {"Possessive", "Putin's visit", "Putin 's visit"},
  {"PluralPossessive", "the parents' car", "the parents ' car"},
  {"CurlyApostrophe", "Putin\u2019s visit didn\u2019t", "Putin \u2019s visit did n\u2019t"},
  {"FusedWithoutApostrophe", "I dont know", "I do nt know"},
  {"NameWithApostrophe", "O'Neil and rock'n'roll", "O'Neil and rock'n'roll"},
  {"AbbreviatedYear", "the '60s and '05", "the '60s and '05"},
  // Abbreviations and initials keep their period.
  {"Titles", "Mr. Smith met Dr. Jones", "Mr. Smith met Dr. Jones"},
  {"Initialisms", "the U.S. and J.R.R. Tolkien", "the U.S. and J.R.R. Tolkien"},
  {"Latin", "e.g. this, i.e. that", "e.g. this , i.e. that"},
  {"Time", "at 10 a.m. today", "at 10 a.m. today"},
  {"Month", "on Sept. 5 in Calif. today", "on Sept. 5 in Calif. today"},
  {"Initial", "George W. Bush", "George W. Bush"},
  {"NumberAbbreviation", "No. 5 but say no.", "No. 5 but say no ."},
  {"PlainWordPeriod", "the end.", "the end ."},
  // Numbers.
  {"Decimal", "1,000.50 and 3.5%", "1,000.50 and 3.5 %"},
  {"Currency", "$20 or US$ 5", "$ 20 or US $ 5"},
  {"DateTime", "9/11 at 10:30 on 2025-08-16", "9/11 at 10:30 on 2025-08-16"},
  {"Phone", "call 713-853-3989 or 555-0100", "call 713-853-3989 or 555-0100"},
  {"Range", "10-12 people", "10 - 12 people"},
  {"Units", "5pm and 65k", "5 pm and 65 k"},
  {"Ordinals", "the 2nd and 1990s", "the 2nd and 1990s"},
  // Web things.
  {"Url", "see https://example.com/a?b=1.", "see https://example.com/a?b=1 ."},
  {"UrlInParens", "(www.cnn.com)", "( www.cnn.com )"},
  {"Email", "mail john.doe@example.com now", "mail john.doe@example.com now"},
  {"HandleHashtag", "@potus posted #MeToo", "@potus posted #MeToo"},
  {"Domain", "visit galleryfurniture.com today", "visit galleryfurniture.com today"},
  {"FileExtension", "the .doc file", "the .doc file"},
  // Hyphens and dashes.
  {"HyphenSplits", "a long-term plan", "a long - term plan"},
  {"HyphenPrefix", "e-mail a non-profit re-election", "e-mail a non-profit re-election"},
  {"DoubleDash", "\"No deal\" -- Trump", "\" No deal \" -- Trump"},
  {"UnicodeDash", "deal \u2013 Trump", "deal \u2013 Trump"},
  // Punctuation.
  {"Brackets", "(see \"this\")", "( see \" this \" )"},
  {"Ellipsis", "Wait... what?!", "Wait ... what ?!"},
  {"Exclamations", "No!!! Really??", "No !!! Really ??"},
  {"Emoticon", "great :) and :-(", "great :) and :-("},
  {"PennQuotes", "``quoted''", "`` quoted ''"},
  {"Rules", "a ===== b", "a ===== b"},
  {"MissingSpace", "the soil.The people", "the soil . The people"},
  {"Ampersand", "AT&T and B & B", "AT&T and B & B"},
  // Unicode.
  {"AccentedWords", "caf\u00e9 na\u00efve", "caf\u00e9 na\u00efve"},
  {"CurlyQuotes", "\u201cNo deal\u201d", "\u201c No deal \u201d"},
  {"Cjk", "\u6771\u4eac and \u00bfqu\u00e9?", "\u6771\u4eac and \u00bf qu\u00e9 ?"},
  {"EmojiWithModifier", "ok \U0001F44D\U0001F3FD fine", "ok \U0001F44D\U0001F3FD fine"},
  {"NoBreakSpace", "10\u00a0km", "10 km"},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Rules, TokenizerRule, ::testing::ValuesIn(kCases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(Tokenizer, SentenceFinalAbbreviationGivesUpItsPeriod) {
  // EWT writes "etc ." and "Inc ." at the end of a sentence.
  EXPECT_EQ(testing::Tokens("apples, etc. Then pears."), "apples , etc . Then pears .");
  EXPECT_EQ(testing::Tokens("apples, etc. are fruit"), "apples , etc. are fruit");
  EXPECT_EQ(testing::Tokens("He works for Apple Inc."), "He works for Apple Inc .");
}

TEST(Tokenizer, InvalidUtf8IsItsOwnToken) {
  EXPECT_EQ(testing::Tokens("a \xff b"), "a \xff b");
}

TEST(Tokenizer, ControlCharactersSeparateTokens) {
  const std::string text = std::string("a\x01") + "b";  // "\x01b" would be one escape
  EXPECT_EQ(testing::Tokens(text), "a b");
}

TEST(WordPiece, RecognisesSplitOffParts) {
  EXPECT_TRUE(text::IsWordPiece("do", "n't"));
  EXPECT_TRUE(text::IsWordPiece("Putin", "'s"));
  EXPECT_TRUE(text::IsWordPiece("Putin", "\u2019s"));
  EXPECT_TRUE(text::IsWordPiece("parents", "'"));
  EXPECT_TRUE(text::IsWordPiece("gon", "na"));
  EXPECT_TRUE(text::IsWordPiece("can", "not"));
  EXPECT_FALSE(text::IsWordPiece("hello", "'"));  // a closing quote
  EXPECT_FALSE(text::IsWordPiece("a", "na"));
  EXPECT_FALSE(text::IsWordPiece("\"", "'s"));
}

}  // namespace
}  // namespace parley
