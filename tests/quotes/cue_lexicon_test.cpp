#include "quotes/cue_lexicon.h"

#include <gtest/gtest.h>

namespace parley::quotes {
namespace {

TEST(CueLexicon, ParsesClassesParticlesAndComments) {
  auto lex = CueLexicon::Parse(
      "# comment\nsay\tspeech\npoint out\tspeech\nhope\tbelief  # x\n"
      "statement\tnoun\nshow\tfinding\n",
      "t.tsv");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->Verb("say"), CueClass::kSpeech);
  EXPECT_EQ(lex->Verb("point", "out"), CueClass::kSpeech);
  EXPECT_EQ(lex->Verb("point"), CueClass::kNone);
  EXPECT_EQ(lex->Verb("hope"), CueClass::kBelief);
  EXPECT_EQ(lex->Verb("show"), CueClass::kFinding);
  EXPECT_TRUE(lex->Noun("statement"));
  EXPECT_FALSE(lex->Noun("say"));
  EXPECT_EQ(lex->Verb("statement"), CueClass::kNone);
}

TEST(CueLexicon, BadLinesGetLocatedErrors) {
  auto no_tab = CueLexicon::Parse("say\tspeech\nsay speech\n", "cues.tsv");
  ASSERT_FALSE(no_tab.ok());
  EXPECT_NE(no_tab.status().message().find("cues.tsv:2:"), std::string::npos);
  auto bad_class = CueLexicon::Parse("\n\nsay\tshouting\n", "cues.tsv");
  ASSERT_FALSE(bad_class.ok());
  EXPECT_NE(bad_class.status().message().find("cues.tsv:3: unknown class 'shouting'"),
            std::string::npos);
}

TEST(CueLexicon, ShippedLexiconLoads) {
  auto lex = CueLexicon::Load(std::string(PARLEY_SOURCE_DIR) + "/models/cues.tsv");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->Verb("acknowledge"), CueClass::kSpeech);
  EXPECT_GT(lex->size(), 100u);
  EXPECT_FALSE(CueLexicon::Load("/nonexistent/cues.tsv").ok());
}

}  // namespace
}  // namespace parley::quotes
