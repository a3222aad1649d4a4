// Quotation-mark pairing on hand-written paragraphs.
#include "quotes/quote_marks.h"

#include <gtest/gtest.h>

#include "parley/pipeline.h"

namespace parley::quotes {
namespace {

// The contents of the quotes found in `text` (segmented into paragraphs).
std::vector<std::string> Contents(const std::string& text, std::vector<int>* nesting = nullptr) {
  PipelineOptions options;
  options.stages = {"repair", "segment"};
  auto pipeline = Pipeline::CreateDefault(options);
  EXPECT_TRUE(pipeline.ok());
  Document doc(text);
  EXPECT_TRUE(pipeline->Process(doc).ok());
  std::vector<std::string> out;
  for (const MarkedQuote& q : FindMarkedQuotes(doc)) {
    out.emplace_back(doc.SpanText(q.content));
    if (nesting) nesting->push_back(q.nested_in);
  }
  return out;
}

TEST(QuoteMarks, EveryCommonStyle) {
  EXPECT_EQ(Contents("She said \u201cwe will win\u201d today."),
            std::vector<std::string>{"we will win"});
  EXPECT_EQ(Contents("She said \"we will win\" today."), std::vector<std::string>{"we will win"});
  EXPECT_EQ(Contents("Er sagte \u201ewir gewinnen\u201c heute."),
            std::vector<std::string>{"wir gewinnen"});
  EXPECT_EQ(Contents("Il a dit \u00ab nous gagnerons \u00bb hier."),
            std::vector<std::string>{"nous gagnerons"});
  EXPECT_EQ(Contents("He said ''we will win'' today."), std::vector<std::string>{"we will win"});
  EXPECT_EQ(Contents("He said ``we will win'' today."), std::vector<std::string>{"we will win"});
}

TEST(QuoteMarks, AttributeQuotesOfLeftoverMarkupAreNotQuotes) {
  EXPECT_EQ(Contents("<embed id=\"77125\" author=\"jdoe\"> She said \"we will win\" today."),
            std::vector<std::string>{"we will win"});
  EXPECT_EQ(Contents("<post title=\"A \"> Prices rose 4 percent < 5 percent \"as planned\"."),
            std::vector<std::string>{"as planned"});
}

TEST(QuoteMarks, ClosingMarkTypedForAnOpeningOne) {
  // ” after a dash or a space and right before a word opens a quote;
  // it does not close one running from the paragraph start.
  EXPECT_EQ(Contents("A line from the focus group\u2014\u201dI am working harder and falling "
                     "behind\u201d\u2014became his slogan."),
            std::vector<std::string>{"I am working harder and falling behind"});
  EXPECT_EQ(Contents("The sign said \u201dclosed\u201d all week."),
            std::vector<std::string>{"closed"});
  // Before a space it still closes: the opening mark is missing.
  EXPECT_EQ(Contents("No deal at all,\u201d the expert noted."),
            std::vector<std::string>{"No deal at all,"});
}

TEST(QuoteMarks, SingleMarksNestInsideDoubleOnesAndApostrophesAreNotMarks) {
  std::vector<int> nesting;
  auto got = Contents(
      "\u201cThe mayor\u2019s reply was \u2018not now\u2019, and that\u2019s all,\u201d he said.",
      &nesting);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "The mayor\u2019s reply was \u2018not now\u2019, and that\u2019s all,");
  EXPECT_EQ(got[1], "not now");
  EXPECT_EQ(nesting, (std::vector<int>{-1, 0}));
  EXPECT_TRUE(Contents("The voters\u2019 choice isn\u2019t clear.").empty());
}

TEST(QuoteMarks, MissingOpeningMarkRunsFromParagraphStart) {
  std::vector<int> nesting;
  auto got = Contents(
      "\u201cYes\u201d was the reply, and the rest was silence,\u201d the clerk wrote.\n\nNext.",
      &nesting);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "\u201cYes\u201d was the reply, and the rest was silence,");
  EXPECT_EQ(got[1], "Yes");
  EXPECT_EQ(nesting, (std::vector<int>{-1, 0}));
}

TEST(QuoteMarks, QuoteOverSeveralParagraphsIsOneQuote) {
  auto got = Contents(
      "\u201cWe started early.\n\n\u201cWe finished late,\u201d the coach said.\n\nAfter.");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "We started early.\n\n\u201cWe finished late,");
}

TEST(QuoteMarks, ParagraphOfAnotherMarkStyleStartsANewQuote) {
  // A pasted excerpt whose paragraphs open with a straight mark that never
  // closes, followed by a paragraph that opens a quote of its own with a
  // curly mark: two quotes, not one running over both paragraphs.
  auto got = Contents(
      "\"The hall was nearly empty by noon.\n\n\u201cWe expected more,\u201d the organiser "
      "said.");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "The hall was nearly empty by noon.");
  EXPECT_EQ(got[1], "We expected more,");
}

TEST(QuoteMarks, MissingClosingMarkEndsAtParagraphEnd) {
  auto got = Contents("He told us: \u201cNothing will change.\n\nThe end came later.");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "Nothing will change.");
}

}  // namespace
}  // namespace parley::quotes
