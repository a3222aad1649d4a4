// Events on hand-written sentences, through the shipped tagger, parser, NER,
// linker and dictionary (models/ of the source tree). Each test states one
// construction; none of the sentences comes from a real article.
#include <gtest/gtest.h>

#include <string>

#include "parley/pipeline.h"

namespace parley {
namespace {

struct Coded {
  std::string source, target, cameo, plover, trigger, polarity, modality, date, location, claimant;
};

std::vector<Coded> Events(const std::string& text, const std::string& date = "2025-08-16") {
  static const Pipeline* pipeline = [] {
    PipelineOptions options;
    options.stages = {"repair",   "segment", "tag",    "parse", "ner",
                      "entities", "link",    "quotes", "events"};
    options.models_dir = std::string(PARLEY_SOURCE_DIR) + "/models";
    auto p = Pipeline::CreateDefault(options);
    EXPECT_TRUE(p.ok()) << p.status().message();
    return p.ok() ? new Pipeline(std::move(*p)) : nullptr;
  }();
  std::vector<Coded> out;
  if (pipeline == nullptr) return out;
  DocumentMeta meta;
  meta.date = date;
  Document doc(text, meta);
  EXPECT_TRUE(pipeline->Process(doc).ok());
  for (const Event& e : doc.events()) {
    Coded c{e.source.code,
            e.target.code,
            e.cameo,
            e.plover,
            std::string(doc.SpanText(e.trigger)),
            EventPolarityName(e.polarity),
            EventModalityName(e.modality),
            e.date,
            "",
            ""};
    if (e.location >= 0) c.location = doc.entities()[static_cast<size_t>(e.location)].name;
    if (e.quote >= 0) c.claimant = doc.quotes()[static_cast<size_t>(e.quote)].speaker_name;
    out.push_back(c);
  }
  return out;
}

std::string Show(const std::vector<Coded>& v) {
  std::string s;
  for (const Coded& c : v) {
    s += c.source + " -" + c.cameo + "-> " + c.target + " (" + c.trigger + ", " + c.polarity +
         ", " + c.modality + ")\n";
  }
  return s;
}

TEST(Events, ActiveVerb) {
  auto e = Events("Germany criticized Turkey over the arrests.");
  ASSERT_EQ(e.size(), 1u) << Show(e);
  EXPECT_EQ(e[0].source, "DEU");
  EXPECT_EQ(e[0].target, "TUR");
  EXPECT_EQ(e[0].cameo.substr(0, 2), "11");
  EXPECT_EQ(e[0].polarity, "asserted");
  EXPECT_EQ(e[0].modality, "actual");
}

TEST(Events, PassiveVoiceSwapsTheSides) {
  auto e = Events("Israel was attacked by Iran.");
  ASSERT_EQ(e.size(), 1u) << Show(e);
  EXPECT_EQ(e[0].source, "IRN");
  EXPECT_EQ(e[0].target, "ISR");
  EXPECT_EQ(e[0].cameo.substr(0, 2), "19");
}

TEST(Events, Negation) {
  auto e = Events("Russia did not attack Ukraine.");
  ASSERT_EQ(e.size(), 1u) << Show(e);
  EXPECT_EQ(e[0].source, "RUS");
  EXPECT_EQ(e[0].polarity, "negated");
  e = Events("Serbia and Kosovo reached no agreement.");
  for (const Coded& c : e) EXPECT_EQ(c.polarity, "negated") << Show(e);
}

TEST(Events, IntentIsNotAction) {
  auto acted = Events("France visited Brazil.");
  ASSERT_EQ(acted.size(), 1u) << Show(acted);
  EXPECT_EQ(acted[0].cameo, "042");
  EXPECT_EQ(acted[0].modality, "actual");
  auto intended = Events("France hopes to visit Brazil.");
  ASSERT_EQ(intended.size(), 1u) << Show(intended);
  EXPECT_EQ(intended[0].source, "FRA");
  EXPECT_EQ(intended[0].target, "BRA");
  EXPECT_EQ(intended[0].cameo, "036") << "an intent to meet is CAMEO 036";
  EXPECT_EQ(intended[0].plover, "CONSULT");
  EXPECT_EQ(intended[0].modality, "intended");
  auto future = Events("Japan will sanction North Korea.");
  ASSERT_FALSE(future.empty());
  EXPECT_EQ(future[0].modality, "intended") << Show(future);
}

TEST(Events, CoordinatedActors) {
  auto e = Events("Germany and Italy condemned Syria.");
  ASSERT_EQ(e.size(), 2u) << Show(e);
  EXPECT_EQ(e[0].source, "DEU");
  EXPECT_EQ(e[1].source, "ITA");
  EXPECT_EQ(e[0].target, "SYR");
  EXPECT_EQ(e[1].target, "SYR");
}

TEST(Events, ReciprocalTalksGoBothWays) {
  auto e = Events("China and Japan will continue negotiations.");
  ASSERT_EQ(e.size(), 2u) << Show(e);
  EXPECT_EQ(e[0].source, "CHN");
  EXPECT_EQ(e[0].target, "JPN");
  EXPECT_EQ(e[1].source, "JPN");
  EXPECT_EQ(e[1].target, "CHN");
  EXPECT_EQ(e[0].modality, "intended");
}

TEST(Events, ATimeIsNoPartner) {
  // Whatever the parse makes of "yesterday" (an object, at times), it is
  // when they met, not whom they met.
  for (const char* text :
       {"France and Germany met yesterday.", "Canada, Mexico, and Brazil met yesterday"}) {
    auto e = Events(text);
    ASSERT_GE(e.size(), 2u) << text << "\n" << Show(e);
    for (const Coded& c : e) {
      EXPECT_EQ(c.cameo, "040") << Show(e);
      EXPECT_FALSE(c.target.empty()) << text << "\n" << Show(e);
      EXPECT_NE(c.source, c.target) << Show(e);
    }
  }
}

TEST(Events, ThePartnerNamedInsideTheObject) {
  // "with Poland" may hang on the verb or on "agreement": either way Poland
  // is the other side.
  auto e = Events("Lithuania endorsed a cooperation agreement with Poland.");
  ASSERT_EQ(e.size(), 1u) << Show(e);
  EXPECT_EQ(e[0].source, "LTU");
  EXPECT_EQ(e[0].target, "POL");
  EXPECT_EQ(e[0].cameo, "051");
}

TEST(Events, MetonymyGivesGovernments) {
  auto e = Events("The White House praised the Kremlin.");
  ASSERT_EQ(e.size(), 1u) << Show(e);
  EXPECT_EQ(e[0].source, "USAGOV");
  EXPECT_EQ(e[0].target, "RUSGOV");
  EXPECT_EQ(e[0].cameo, "051");
}

TEST(Events, AgentNounsWithACountry) {
  auto e = Events("Iranian officials accused Israel of sabotage.");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].source, "IRNGOV") << Show(e);
  EXPECT_EQ(e[0].target, "ISR");
}

TEST(Events, NominalVisitWithAPlace) {
  auto e = Events("Macron's visit to Canada ended in Ottawa.");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].cameo, "042") << Show(e);
  EXPECT_EQ(e[0].source.substr(0, 3), "FRA");
  EXPECT_EQ(e[0].target, "CAN");
  EXPECT_EQ(e[0].location, "Ottawa");
}

TEST(Events, RelativeDate) {
  // 2025-08-16 is a Saturday.
  auto e = Events("Egypt met Sudan on Thursday.", "2025-08-16");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].date, "2025-08-14") << Show(e);
  auto undated = Events("Egypt met Sudan.", "2025-08-16");
  ASSERT_FALSE(undated.empty());
  EXPECT_EQ(undated[0].date, "2025-08-16") << "the article date";
}

TEST(Events, InsideAQuoteTheClaimantIsTheSpeaker) {
  auto e =
      Events("\u201cKenya attacked Somalia last year,\u201d said Mary Wanjiru, a local historian.");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].source, "KEN") << Show(e);
  EXPECT_EQ(e[0].claimant, "Mary Wanjiru");
  EXPECT_EQ(e[0].date, "2024");
}

TEST(Events, NoActorNoEvent) {
  EXPECT_TRUE(Events("The committee met on Monday.").empty());
  EXPECT_TRUE(Events("The talks yielded tangible results.").empty());
}

}  // namespace
}  // namespace parley
