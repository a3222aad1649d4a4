// CoNLL-2003 reading (IOB1, IOB2, -DOCSTART- at either end of a document)
// and the conlleval-equivalent scorer on a hand-computed example.
#include "ner/conll.h"

#include <gtest/gtest.h>

#include "ner/ner_eval.h"

namespace parley::ner {
namespace {

std::vector<EntitySpan> Spans(std::vector<std::string_view> tags) {
  return SpansFromIob(tags);
}

TEST(Conll, ReadsIob1) {
  // IOB1: I- opens an entity; B- only separates two adjacent ones.
  std::vector<EntitySpan> want = {{0, 2, 0}, {2, 3, 0}, {4, 5, 2}};
  EXPECT_EQ(Spans({"I-PER", "I-PER", "B-PER", "O", "I-LOC"}), want);
}

TEST(Conll, ReadsIob2) {
  std::vector<EntitySpan> want = {{0, 2, 1}, {3, 4, 3}, {4, 6, 3}};
  EXPECT_EQ(Spans({"B-ORG", "I-ORG", "O", "B-MISC", "B-MISC", "I-MISC"}), want);
}

TEST(Conll, TypeChangeStartsANewChunk) {
  std::vector<EntitySpan> want = {{0, 1, 0}, {1, 2, 1}};
  EXPECT_EQ(Spans({"I-PER", "I-ORG"}), want);
}

TEST(Conll, DocstartAtEndOrStartSplitsDocuments) {
  const char* at_end =
      "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\n"
      "Bonn NNP I-NP I-LOC\n\n-DOCSTART- -X- O O\n";
  const char* at_start =
      "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n"
      "-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
  for (const char* text : {at_end, at_start}) {
    auto docs = ParseConll(text, "test");
    ASSERT_TRUE(docs.ok()) << docs.status().ToString();
    ASSERT_EQ(docs->size(), 2u);
    ASSERT_EQ((*docs)[0].sentences.size(), 2u);
    EXPECT_EQ((*docs)[0].sentences[0].words[1], "rejects");
    std::vector<EntitySpan> want = {{0, 1, 1}};
    EXPECT_EQ((*docs)[0].sentences[0].gold, want);
    EXPECT_EQ((*docs)[1].sentences[0].words[0], "Bonn");
  }
}

TEST(Conll, RejectsLinesWithoutATag) {
  EXPECT_FALSE(ParseConll("word\n", "bad").ok());
}

TEST(NerScorer, MatchesHandComputedExample) {
  // Gold: PER[0,2) LOC[3,4) ORG[5,7) MISC[8,9)
  // Predicted: PER[0,2) (right), LOC[3,4) (right), ORG[5,6) (wrong span),
  // PER[8,9) (wrong type), LOC[10,11) (spurious).
  // conlleval: 2 correct, 5 predicted, 4 gold -> P 40%, R 50%, F1 44.44%.
  std::vector<EntitySpan> gold = {{0, 2, 0}, {3, 4, 2}, {5, 7, 1}, {8, 9, 3}};
  std::vector<EntitySpan> pred = {{0, 2, 0}, {3, 4, 2}, {5, 6, 1}, {8, 9, 0}, {10, 11, 2}};
  NerScores s;
  CountSpans(gold, pred, &s);
  EXPECT_EQ(s.overall.correct, 2u);
  EXPECT_DOUBLE_EQ(s.overall.precision(), 0.4);
  EXPECT_DOUBLE_EQ(s.overall.recall(), 0.5);
  EXPECT_NEAR(s.overall.f1(), 4.0 / 9.0, 1e-12);
  EXPECT_DOUBLE_EQ(s.per_type[0].precision(), 0.5);  // PER: 1 of 2 predicted
  EXPECT_DOUBLE_EQ(s.per_type[0].recall(), 1.0);
  EXPECT_EQ(s.per_type[1].correct, 0u);              // ORG span off by one
  EXPECT_DOUBLE_EQ(s.per_type[2].precision(), 0.5);  // LOC: 1 of 2 predicted
  EXPECT_DOUBLE_EQ(s.per_type[3].recall(), 0.0);
}

}  // namespace
}  // namespace parley::ner
