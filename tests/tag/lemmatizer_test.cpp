// Lemmatiser: the suffix rules on their own (no learned data), and learned
// exceptions taking precedence over them.
#include "tag/lemmatizer.h"

#include <gtest/gtest.h>

#include <ostream>

#include "tag/tagged_corpus.h"

namespace parley::tag {
namespace {

struct Case {
  const char* form;
  const char* xpos;
  const char* lemma;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.form << "/" << c.xpos;
}

class LemmaRules : public ::testing::TestWithParam<Case> {};

TEST_P(LemmaRules, UndoesRegularInflection) {
  Lemmatizer rules_only;  // nothing learned: rules and spelling conventions alone
  LemmaScratch scratch;
  const Case& c = GetParam();
  EXPECT_EQ(rules_only.Lemmatize(c.form, c.xpos, &scratch), c.lemma) << c.form << "/" << c.xpos;
}

INSTANTIATE_TEST_SUITE_P(
    English, LemmaRules,
    ::testing::Values(
        Case{"running", "VBG", "run"}, Case{"studies", "NNS", "study"},
        Case{"studies", "VBZ", "study"}, Case{"n't", "RB", "not"}, Case{"making", "VBG", "make"},
        Case{"hoping", "VBG", "hope"}, Case{"hopping", "VBG", "hop"}, Case{"walked", "VBD", "walk"},
        Case{"stopped", "VBD", "stop"}, Case{"related", "VBN", "relate"},
        Case{"studied", "VBN", "study"}, Case{"agreed", "VBD", "agree"},
        Case{"boxes", "NNS", "box"}, Case{"watches", "VBZ", "watch"}, Case{"cats", "NNS", "cat"},
        Case{"women", "NNS", "woman"}, Case{"bigger", "JJR", "big"},
        Case{"happier", "JJR", "happy"}, Case{"larger", "JJR", "large"},
        Case{"fastest", "JJS", "fast"}, Case{"Americans", "NNPS", "American"},
        Case{"Putin", "NNP", "Putin"}, Case{"The", "DT", "the"}, Case{"Houses", "NNS", "house"},
        Case{"'s", "VBZ", "be"}, Case{"'s", "POS", "'s"}, Case{"'ve", "VBP", "have"},
        Case{"'ll", "MD", "will"}, Case{"more", "JJR", "more"}, Case{"bus", "NN", "bus"},
        Case{"won", "VBD", "win"}, Case{"written", "VBN", "write"}, Case{"was", "VBD", "be"},
        Case{"ADD@example.com", "ADD", "ADD@example.com"}));

TEST(Lemmatizer, LearnedExceptionsBeatRules) {
  auto data = ReadTaggedConllu(PARLEY_SOURCE_DIR "/tests/data/tag/fixture.conllu");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  Lemmatizer lemmatizer;
  lemmatizer.Learn(*data);
  LemmaScratch scratch;
  // Irregular: no suffix rule gives these, the fixture does.
  EXPECT_EQ(lemmatizer.Lemmatize("went", "VBD", &scratch), "go");
  EXPECT_EQ(lemmatizer.Lemmatize("Went", "VBD", &scratch), "go");
  EXPECT_EQ(lemmatizer.Lemmatize("children", "NNS", &scratch), "child");
  EXPECT_EQ(lemmatizer.Lemmatize("us", "PRP", &scratch), "we");
  // Regular words are left to the rules (no exception stored for them).
  EXPECT_EQ(lemmatizer.Lemmatize("running", "VBG", &scratch), "run");
  EXPECT_EQ(lemmatizer.Lemmatize("went", "NN", &scratch), "went");  // the tag matters
  EXPECT_GT(lemmatizer.num_exceptions(), 0u);
  EXPECT_LT(lemmatizer.num_exceptions(), 30u);
}

TEST(Lemmatizer, VocabularyPicksAmongCandidates) {
  // "adding": undoubling gives "ad", which the vocabulary does not know as a
  // verb, while "add" is known.
  TaggedSentence s;
  s.forms = {"add"};
  s.upos = {"VERB"};
  s.xpos = {"VB"};
  s.lemmas = {"add"};
  Lemmatizer lemmatizer;
  lemmatizer.Learn({s});
  LemmaScratch scratch;
  EXPECT_EQ(lemmatizer.Lemmatize("adding", "VBG", &scratch), "add");
  EXPECT_EQ(Lemmatizer().Lemmatize("adding", "VBG", &scratch), "ad");  // rules alone
}

}  // namespace
}  // namespace parley::tag
