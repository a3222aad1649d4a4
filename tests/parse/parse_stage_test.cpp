// The "parse" stage: predict is pure and apply writes it; every token of
// random input (random words and tags, empty to very long sentences) gets
// exactly one head and every sentence is a tree with one root.
#include "parse/parse_stage.h"

#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "parley/parser.h"
#include "parse/parse_test_util.h"
#include "parse/parse_train.h"
#include "parse/treebank.h"

namespace parley::parse {
namespace {

std::shared_ptr<const ParseModel> FixtureModel() {
  ParseTrainOptions options;
  options.epochs = 3;
  options.min_feature_count = 1;
  ParseTrainReport report;
  auto model = TrainParser(testing::Fixture(), {}, options, &report);
  EXPECT_TRUE(model.ok());
  return std::make_shared<const ParseModel>(std::move(*model));
}

// Sentences of random words and tags drawn from small pools (some seen in
// training, most not), lengths 1..max_len.
std::vector<TreebankSentence> RandomSentences(size_t count, uint32_t max_len, std::mt19937& rng) {
  const char* words[] = {"the", "cat", "zyx", "said", ",", "and", "qwerty", ".", "9"};
  const char* tags[] = {"DET", "NOUN", "VERB", "PUNCT", "X", "ADP"};
  std::vector<TreebankSentence> out(count);
  for (TreebankSentence& s : out) {
    uint32_t n = 1 + testing::Draw(rng, max_len);
    for (uint32_t i = 0; i < n; ++i) {
      s.form.emplace_back(words[testing::Draw(rng, 9)]);
      s.upos.emplace_back(tags[testing::Draw(rng, 6)]);
      s.xpos.emplace_back(tags[testing::Draw(rng, 6)]);
      s.deprel.emplace_back("dep");
      s.head.push_back(-1);
    }
  }
  return out;
}

void ExpectTrees(const Document& doc) {
  const TokenColumns& t = doc.tokens();
  ASSERT_EQ(t.head.size(), t.size());
  ASSERT_EQ(t.deprel.size(), t.size());
  for (const Sentence& s : doc.sentences()) {
    const auto b = static_cast<int32_t>(s.token_begin), e = static_cast<int32_t>(s.token_end);
    int roots = 0;
    for (int32_t i = b; i < e; ++i) {
      int32_t h = t.head[i];
      ASSERT_TRUE(h == -1 || (h >= b && h < e && h != i)) << "token " << i << " head " << h;
      if (h == -1) {
        ++roots;
        EXPECT_EQ(doc.strings().Get(t.deprel[i]), "root");
      }
      int32_t up = i;
      for (int32_t hop = 0; hop <= e - b && up != -1; ++hop) up = t.head[up];
      EXPECT_EQ(up, -1) << "cycle through token " << i;
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST(ParseStage, RandomInputGivesOneTreePerSentence) {
  ParseStage stage(FixtureModel());
  std::mt19937 rng(42);
  for (uint32_t max_len : {1u, 5u, 60u}) {
    auto sentences = RandomSentences(40, max_len, rng);
    Document doc = TreebankDocument(sentences.data(), sentences.size(), true);
    ASSERT_TRUE(stage.Process(doc).ok());
    EXPECT_TRUE(doc.has(kAnnParse));
    ExpectTrees(doc);
  }
}

TEST(ParseStage, LongSentencesAreParsed) {
  ParseStage stage(FixtureModel());
  std::mt19937 rng(9);
  auto sentences = RandomSentences(1, 1, rng);
  auto longer = RandomSentences(1, 1, rng);
  // Grow one sentence to 5000 tokens: linear time, no flat fallback needed.
  for (int i = 0; i < 4999; ++i) {
    TreebankSentence& s = sentences[0];
    s.form.push_back(i % 7 ? "word" : ",");
    s.upos.push_back(i % 7 ? "NOUN" : "PUNCT");
    s.xpos.push_back(i % 7 ? "NN" : ",");
    s.deprel.push_back("dep");
    s.head.push_back(-1);
  }
  sentences.push_back(longer[0]);
  Document doc = TreebankDocument(sentences.data(), sentences.size(), true);
  ASSERT_TRUE(stage.Process(doc).ok());
  ExpectTrees(doc);
}

TEST(TreebankDocument, KeepsTheTreebanksSpacing) {
  TreebankSentence a;
  a.form = {"a", "long", "-", "term", "plan"};
  a.space_after = {1, 0, 0, 1, 1};
  TreebankSentence b;
  b.form = {"Yes", "!"};  // no spacing given: spaces everywhere
  for (TreebankSentence* s : {&a, &b}) {
    s->upos.assign(s->size(), "X");
    s->xpos.assign(s->size(), "X");
  }
  std::vector<TreebankSentence> sentences = {a, b};
  Document doc = TreebankDocument(sentences.data(), sentences.size(), false);
  EXPECT_EQ(doc.text(), "a long-term plan Yes !");
  ASSERT_EQ(doc.tokens().size(), 7u);
  for (size_t i = 0; i < 7; ++i) EXPECT_EQ(doc.TokenForm(i), i < 5 ? a.form[i] : b.form[i - 5]);
  EXPECT_EQ(doc.tokens().space_after, (std::vector<uint8_t>{1, 0, 0, 1, 1, 1, 1}));
  ASSERT_EQ(doc.sentences().size(), 2u);
  EXPECT_EQ(doc.sentences()[1].span.begin, 17u);
}

TEST(ParseStage, PredictLeavesTheDocumentAlone) {
  ParseStage stage(FixtureModel());
  auto fixture = testing::Fixture();
  Document doc = TreebankDocument(fixture.data(), fixture.size(), true);
  ParseResult result;
  ASSERT_TRUE(stage.Predict(doc, &result).ok());
  EXPECT_TRUE(doc.tokens().head.empty());
  EXPECT_FALSE(doc.has(kAnnParse));
  ASSERT_EQ(result.head.size(), doc.tokens().size());
  stage.Apply(result, doc);
  EXPECT_EQ(doc.tokens().head, result.head);
  ParseResult again;
  ASSERT_TRUE(stage.Predict(doc, &again).ok());
  EXPECT_EQ(again.head, result.head);
  EXPECT_EQ(again.label, result.label);
}

// One stage, one model, several threads: each thread's scratch is its own,
// so concurrent documents parse exactly as they do one at a time.
TEST(ParseStage, SharedAcrossThreads) {
  ParseStage stage(FixtureModel());
  std::mt19937 rng(5);
  auto sentences = RandomSentences(50, 30, rng);
  Document alone = TreebankDocument(sentences.data(), sentences.size(), true);
  ASSERT_TRUE(stage.Process(alone).ok());
  std::vector<std::vector<int32_t>> heads(4);
  std::vector<std::thread> threads;
  for (auto& out : heads) {
    threads.emplace_back([&stage, &sentences, &out] {
      for (int round = 0; round < 20; ++round) {
        Document doc = TreebankDocument(sentences.data(), sentences.size(), true);
        if (!stage.Process(doc).ok()) return;
        out = doc.tokens().head;
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& h : heads) EXPECT_EQ(h, alone.tokens().head);
}

TEST(ParseStage, NeedsTags) {
  ParseStage stage(FixtureModel());
  EXPECT_EQ(stage.name(), "parse");
  EXPECT_EQ(stage.requires_annotations(), kAnnTokens | kAnnSentences | kAnnTags);
  EXPECT_EQ(stage.provides_annotations(), static_cast<uint32_t>(kAnnParse));
  auto fixture = testing::Fixture();
  Document doc = TreebankDocument(fixture.data(), fixture.size(), false);
  Status st = stage.Process(doc);
  EXPECT_EQ(st.code(), StatusCode::kFailedPrecondition);
}

TEST(ParseStage, MissingModelIsNamed) {
  auto stage = MakeParseStage("/nonexistent-models");
  ASSERT_FALSE(stage.ok());
  EXPECT_NE(stage.status().message().find("/nonexistent-models/parse.model"), std::string::npos);
}

}  // namespace
}  // namespace parley::parse
