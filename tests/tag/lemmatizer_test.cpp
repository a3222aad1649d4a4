// Lemmatiser: the suffix rules on their own (no learned data), and learned
// exceptions taking precedence over them.
#include "tag/lemmatizer.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <map>
#include <ostream>
#include <string>

#include "tag/tagged_corpus.h"

namespace parley::tag {
namespace {

// A lemmatizer that learned from one gold word.
Lemmatizer LearnedFrom(const char* form, const char* upos, const char* xpos, const char* lemma) {
  TaggedSentence s;
  s.forms = {form};
  s.upos = {upos};
  s.xpos = {xpos};
  s.lemmas = {lemma};
  Lemmatizer lemmatizer;
  lemmatizer.Learn({s});
  return lemmatizer;
}

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

// Stems that lost a silent e, a doubled l or the k of a hard c, which the
// rules restore from spelling alone (no gold lemma, no word list).
INSTANTIATE_TEST_SUITE_P(
    SilentE, LemmaRules,
    ::testing::Values(Case{"conceded", "VBD", "concede"}, Case{"conceding", "VBG", "concede"},
                      Case{"voted", "VBD", "vote"}, Case{"raised", "VBN", "raise"},
                      Case{"continued", "VBD", "continue"}, Case{"continuing", "VBG", "continue"},
                      Case{"resumed", "VBD", "resume"}, Case{"profiled", "VBN", "profile"},
                      Case{"mismanaged", "VBD", "mismanage"}, Case{"changing", "VBG", "change"},
                      Case{"authorised", "VBN", "authorise"}, Case{"scheduled", "VBN", "schedule"},
                      Case{"negotiated", "VBD", "negotiate"}, Case{"quoted", "VBN", "quote"},
                      Case{"completed", "VBD", "complete"}, Case{"welcomed", "VBD", "welcome"},
                      Case{"queued", "VBD", "queue"}, Case{"canoeing", "VBG", "canoe"},
                      Case{"seeing", "VBG", "see"}, Case{"guaranteed", "VBN", "guarantee"},
                      Case{"formalizes", "VBZ", "formalize"}, Case{"buzzes", "VBZ", "buzz"},
                      Case{"truer", "JJR", "true"}, Case{"remotest", "JJS", "remote"},
                      Case{"younger", "JJR", "young"}, Case{"quicker", "RBR", "quick"},
                      Case{"united", "VBD", "unite"}, Case{"razed", "VBD", "raze"},
                      // The same spellings where the stem has no e to restore.
                      Case{"repaired", "VBD", "repair"}, Case{"proceeded", "VBD", "proceed"},
                      Case{"visited", "VBD", "visit"}, Case{"mentioned", "VBD", "mention"},
                      Case{"echoed", "VBD", "echo"}, Case{"hanging", "VBG", "hang"},
                      // Doubled l and the k of a hard c.
                      Case{"modelling", "VBG", "model"}, Case{"controlled", "VBN", "control"},
                      Case{"installed", "VBN", "install"}, Case{"mimicking", "VBG", "mimic"},
                      Case{"kicking", "VBG", "kick"}, Case{"DM's", "NNS", "dm"}));

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
  const Lemmatizer lemmatizer = LearnedFrom("add", "VERB", "VB", "add");
  LemmaScratch scratch;
  EXPECT_EQ(lemmatizer.Lemmatize("adding", "VBG", &scratch), "add");
  EXPECT_EQ(Lemmatizer().Lemmatize("adding", "VBG", &scratch), "ad");  // rules alone
}

// A table of known word forms, as the tagger's lexicons give them.
WordTable Words(std::initializer_list<const char*> words) {
  std::map<std::string, uint64_t> entries;
  for (const char* w : words) entries[w] = 1;
  return WordTable(entries);
}

TEST(Lemmatizer, KnownWordsPickAmongCandidates) {
  // Spelling alone cannot tell "recite" from "visit"; a known word can.
  WordTable words = Words({"recite", "visit", "convene"});
  KnownWords known{{&words, nullptr}};
  Lemmatizer rules_only;
  LemmaScratch scratch;
  EXPECT_EQ(rules_only.Lemmatize("recited", "VBN", &scratch), "recit");
  EXPECT_EQ(rules_only.Lemmatize("recited", "VBN", LemmaClass::kPast, &scratch, known), "recite");
  EXPECT_EQ(rules_only.Lemmatize("visited", "VBD", LemmaClass::kPast, &scratch, known), "visit");
  EXPECT_EQ(rules_only.Lemmatize("convening", "VBG", LemmaClass::kGerund, &scratch, known),
            "convene");
  // Neither candidate known: the rules' first choice stands.
  EXPECT_EQ(rules_only.Lemmatize("deplored", "VBD", LemmaClass::kPast, &scratch, known), "deplor");
}

TEST(Lemmatizer, GoldLemmasBeatKnownWords) {
  // "ad" is a word (an advertisement) but "add" is a known verb lemma.
  const Lemmatizer lemmatizer = LearnedFrom("add", "VERB", "VB", "add");
  WordTable words = Words({"ad", "add"});
  LemmaScratch scratch;
  EXPECT_EQ(lemmatizer.Lemmatize("adding", "VBG", LemmaClass::kGerund, &scratch,
                                 KnownWords{{&words, nullptr}}),
            "add");
}

TEST(Lemmatizer, OneSyllableStemsKeepTheirE) {
  // "wag" is a known verb lemma, but its past is "wagged": "waged" can only
  // be "wage".
  const Lemmatizer lemmatizer = LearnedFrom("wagging", "VERB", "VBG", "wag");
  LemmaScratch scratch;
  EXPECT_EQ(lemmatizer.Lemmatize("waged", "VBD", &scratch), "wage");
  EXPECT_EQ(lemmatizer.Lemmatize("wagged", "VBD", &scratch), "wag");
}

TEST(Lemmatizer, TheFormItselfIsNoEvidence) {
  // "horsemen" is a known word, being the form itself; it must not stop the
  // plural rule.
  WordTable words = Words({"horsemen"});
  LemmaScratch scratch;
  EXPECT_EQ(Lemmatizer().Lemmatize("horsemen", "NNS", LemmaClass::kPlural, &scratch,
                                   KnownWords{{&words, nullptr}}),
            "horseman");
}

TEST(Lemmatizer, GreekPluralsFromKnownWords) {
  WordTable words = Words({"crisis", "diagnosis"});
  KnownWords known{{&words, nullptr}};
  LemmaScratch scratch;
  EXPECT_EQ(Lemmatizer().Lemmatize("crises", "NNS", LemmaClass::kPlural, &scratch, known),
            "crisis");
  EXPECT_EQ(Lemmatizer().Lemmatize("houses", "NNS", LemmaClass::kPlural, &scratch, known), "house");
}

}  // namespace
}  // namespace parley::tag
