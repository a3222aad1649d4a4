// Sentence and paragraph fixtures: each rule of the splitter and the
// paragraph finder on small hand-written texts.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/segment_test_util.h"

namespace parley {
namespace {

using Sents = std::vector<std::string>;
using testing::Sentences;

TEST(SentenceSplitter, SplitsAfterTerminalPunctuation) {
  EXPECT_EQ(Sentences("No deal. He left! Why? Because."),
            (Sents{"No deal .", "He left !", "Why ?", "Because ."}));
}

TEST(SentenceSplitter, ClosingQuoteStaysWithTheSentence) {
  EXPECT_EQ(Sentences("\"No deal.\" He said so."), (Sents{"\" No deal . \"", "He said so ."}));
  EXPECT_EQ(Sentences("(It failed.) Then it worked."),
            (Sents{"( It failed . )", "Then it worked ."}));
  EXPECT_EQ(Sentences("\u201cNo deal.\u201d He said so."),
            (Sents{"\u201c No deal . \u201d", "He said so ."}));
}

TEST(SentenceSplitter, TitlesAndInitialsDoNotEndSentences) {
  EXPECT_EQ(Sentences("Mr. Smith met Dr. Jones. They talked."),
            (Sents{"Mr. Smith met Dr. Jones .", "They talked ."}));
  EXPECT_EQ(Sentences("J. R. Smith arrived on Sept. 5 at 10 a.m. today."),
            (Sents{"J. R. Smith arrived on Sept. 5 at 10 a.m. today ."}));
  EXPECT_EQ(Sentences("The U.S. Army left."), (Sents{"The U.S. Army left ."}));
}

TEST(SentenceSplitter, AbbreviationEndsSentenceBeforeAStarter) {
  EXPECT_EQ(Sentences("He flew to the U.S. The trip was long."),
            (Sents{"He flew to the U.S .", "The trip was long ."}));
  EXPECT_EQ(Sentences("We bought apples, pears, etc. Then we left."),
            (Sents{"We bought apples , pears , etc .", "Then we left ."}));
}

TEST(SentenceSplitter, EllipsisEndsOnlyBeforeACapital) {
  EXPECT_EQ(Sentences("Wait... Then it happened."), (Sents{"Wait ...", "Then it happened ."}));
  EXPECT_EQ(Sentences("Wait... and then it happened."), (Sents{"Wait ... and then it happened ."}));
}

TEST(SentenceSplitter, LowercaseAfterPeriodStartsASentenceAsInEwt) {
  EXPECT_EQ(Sentences("It works. then it stops."), (Sents{"It works .", "then it stops ."}));
}

TEST(SentenceSplitter, DashDoesNotEndASentence) {
  EXPECT_EQ(Sentences("\"No deal\" -- Trump's key quote."),
            (Sents{"\" No deal \" -- Trump 's key quote ."}));
}

TEST(SentenceSplitter, ShortLineBeforeACapitalEndsASentence) {
  // One paragraph (a blank line elsewhere) whose first line is a heading.
  EXPECT_EQ(Sentences("Key points\nThe talks failed.\n\nNext paragraph."),
            (Sents{"Key points", "The talks failed .", "Next paragraph ."}));
}

TEST(Paragraphs, BlankLinesSeparateParagraphs) {
  std::string text = "  First one. Still first.\n \t\nSecond\none.\n\n\n";
  Segmentation s = testing::SegmentRaw(text);
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(text.substr(s.paragraphs[0].span.begin, s.paragraphs[0].span.size()),
            "First one. Still first.");
  EXPECT_EQ(text.substr(s.paragraphs[1].span.begin, s.paragraphs[1].span.size()), "Second\none.");
  EXPECT_EQ(s.paragraphs[0].sentence_end - s.paragraphs[0].sentence_begin, 2u);
}

TEST(Paragraphs, WithoutBlankLinesEachLineIsAParagraph) {
  Segmentation s = testing::SegmentRaw("One line\nAnother line\r\nThird");
  EXPECT_EQ(s.paragraphs.size(), 3u);
  EXPECT_EQ(s.sentences.size(), 3u);
}

TEST(Paragraphs, ALineTooLongToBeWrappedIsAParagraphOfItsOwn) {
  // A headline, a blank line, then one paragraph per line (as saved from a
  // web page): the blank line does not make the lines after it one
  // paragraph. Lines wrapped at a fixed width still join.
  std::string para1, para2;
  for (int i = 0; i < 6; ++i) para1 += "The council met again today. ";
  for (int i = 0; i < 6; ++i) para2 += "The mayor said it would wait. ";
  const std::string text = "Council Meets\n\n" + para1 + "\nShort line.\n" + para2 +
                           "\n\nWrapped text goes on\nover two lines.";
  Segmentation s = testing::SegmentRaw(text);
  ASSERT_EQ(s.paragraphs.size(), 5u);
  EXPECT_EQ(text.substr(s.paragraphs[2].span.begin, s.paragraphs[2].span.size()), "Short line.");
  EXPECT_EQ(text.substr(s.paragraphs[4].span.begin, s.paragraphs[4].span.size()),
            "Wrapped text goes on\nover two lines.");
}

TEST(Paragraphs, LineParagraphsOption) {
  SegmentOptions options;
  options.line_paragraphs = true;
  Segmentation s = testing::SegmentRaw("One\nTwo\n\nThree", options);
  EXPECT_EQ(s.paragraphs.size(), 3u);
}

TEST(Paragraphs, EmptyAndBlankTexts) {
  EXPECT_TRUE(testing::SegmentRaw("").paragraphs.empty());
  Segmentation s = testing::SegmentRaw(" \n\t\n\u00a0 ");
  EXPECT_TRUE(s.paragraphs.empty());
  EXPECT_TRUE(s.tokens.size() == 0);
}

TEST(Paragraphs, AnchorageArticleHasElevenParagraphs) {
  std::ifstream in(PARLEY_SOURCE_DIR "/examples/anchorage.txt", std::ios::binary);
  ASSERT_TRUE(in) << "examples/anchorage.txt is missing";
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  // The reader strips the " date YYYY-MM-DD " header; do the same here.
  size_t start = text.find("2025-08-16");
  ASSERT_NE(start, std::string::npos);
  text = text.substr(start + 11);
  auto r = testing::SegmentRepaired(text);
  EXPECT_EQ(r.seg.paragraphs.size(), 11u);
  ASSERT_FALSE(r.seg.sentences.empty());
  // The first sentence runs through the dash to the first period.
  const Sentence& first = r.seg.sentences[0];
  std::string sentence = text.substr(first.span.begin, first.span.size());
  EXPECT_EQ(sentence.rfind("\u201cNo deal\u201d \u2013 Trump", 0), 0u) << sentence;
  EXPECT_EQ(sentence.back(), '.');
}

}  // namespace
}  // namespace parley
