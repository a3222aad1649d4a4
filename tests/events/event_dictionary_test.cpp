// The event dictionary's file formats: patterns, rules, cues, CAMEO table,
// agents, and located errors for malformed lines.
#include "events/event_dictionary.h"

#include <gtest/gtest.h>

namespace parley::events {
namespace {

TEST(EventDictionary, ParsesPatterns) {
  auto c = ParsePattern("obj=aid+humanitarian prep=for:talks prep=to subj=army");
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->size(), 4u);
  EXPECT_EQ((*c)[0].kind, Constraint::Kind::kObject);
  EXPECT_EQ((*c)[0].head, "aid");
  EXPECT_EQ((*c)[0].mod, "humanitarian");
  EXPECT_EQ((*c)[1].kind, Constraint::Kind::kPrep);
  EXPECT_EQ((*c)[1].prep, "for");
  EXPECT_EQ((*c)[1].head, "talks");
  EXPECT_EQ((*c)[2].prep, "to");
  EXPECT_TRUE((*c)[2].head.empty());
  EXPECT_EQ((*c)[3].kind, Constraint::Kind::kSubject);
  EXPECT_TRUE(ParsePattern("*")->empty());
}

TEST(EventDictionary, RejectsBadPatterns) {
  EXPECT_FALSE(ParsePattern("object=visit").ok());
  EXPECT_FALSE(ParsePattern("obj=").ok());
  EXPECT_FALSE(ParsePattern("obj=aid+").ok());
  EXPECT_FALSE(ParsePattern("visit").ok());
}

TEST(EventDictionary, LoadsRulesAndCues) {
  EventDictionary d;
  ASSERT_TRUE(d.AddTriggers("# comment\nverb\tmeet\t*\t040\treciprocal\n"
                            "noun\tvisit\tprep=to\t042\n"
                            "verb\tsay\t*\t-\n"
                            "cue\thope\tintended\n",
                            "t.tsv")
                  .ok());
  ASSERT_NE(d.Verb("meet"), nullptr);
  EXPECT_TRUE(d.Verb("meet")->rules[0].reciprocal);
  EXPECT_EQ(d.Verb("meet")->rules[0].code, "040");
  ASSERT_NE(d.Noun("visit"), nullptr);
  EXPECT_EQ(d.Noun("visit")->rules[0].constraints.size(), 1u);
  EXPECT_TRUE(d.Verb("say")->rules[0].code.empty()) << "'-' means not an event";
  EXPECT_EQ(d.Cue("hope"), CueKind::kIntended);
  EXPECT_EQ(d.Cue("walk"), CueKind::kNone);
  EXPECT_EQ(d.Verb("walk"), nullptr);
}

TEST(EventDictionary, ErrorsAreLocated) {
  struct Case {
    const char* text;
    const char* expect;
  };
  const Case cases[] = {
      {"verb\tmeet\t*\n", "t.tsv:1:"},
      {"\nadverb\tsoon\t*\t040\n", "t.tsv:2:"},
      {"verb\tmeet\t*\t40\n", "CAMEO code"},
      {"verb\tmeet\tobj\t040\n", "obj"},
      {"verb\tmeet\t*\t040\tmutual\n", "unknown flag"},
      {"cue\thope\tmaybe\n", "unknown cue kind"},
      {"agent\tenvoy\tGOVT\n", "3-letter"},
      {"verb\t\t*\t040\n", "empty lemma"},
  };
  for (const Case& c : cases) {
    EventDictionary d;
    Status s = d.AddTriggers(c.text, "t.tsv");
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_NE(s.message().find(c.expect), std::string::npos) << s.message();
  }
}

TEST(EventDictionary, CameoAndAgents) {
  EventDictionary d;
  ASSERT_TRUE(
      d.AddCameo("042\tMake a visit\t1.9\tCONSULT\tvisit\n010\tMake statement\t0\t-\t-\n", "c.tsv")
          .ok());
  ASSERT_NE(d.Cameo("042"), nullptr);
  EXPECT_EQ(d.Cameo("042")->plover, "CONSULT");
  EXPECT_EQ(d.Cameo("042")->plover_mode, "visit");
  EXPECT_FLOAT_EQ(d.Cameo("042")->goldstein, 1.9f);
  EXPECT_TRUE(d.Cameo("010")->plover.empty());
  EXPECT_FALSE(d.AddCameo("042\tMake a visit\tlots\tCONSULT\tvisit\n", "c.tsv").ok());
  EXPECT_FALSE(d.AddCameo("042\tMake a visit\t11\tCONSULT\tvisit\n", "c.tsv").ok());
  ASSERT_TRUE(d.AddAgents("minister\tGOV\n", "a.tsv").ok());
  EXPECT_EQ(d.Agent("minister"), "GOV");
  EXPECT_FALSE(d.AddAgents("minister\tGOVT\n", "a.tsv").ok());
}

TEST(EventDictionary, ShippedFilesLoad) {
  auto d = EventDictionary::Load(std::string(PARLEY_SOURCE_DIR) + "/models");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_GT(d->verb_count(), 1000u);
  EXPECT_NE(d->Cameo("036"), nullptr);
  EXPECT_EQ(d->Cue("will"), CueKind::kIntended);
}

TEST(EventDictionary, MissingFolderIsAnError) {
  auto d = EventDictionary::Load("/nonexistent/models");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("cameo.tsv"), std::string::npos);
}

}  // namespace
}  // namespace parley::events
