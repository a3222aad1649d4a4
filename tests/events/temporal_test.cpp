// Temporal expressions found in text and resolved against the article date.
#include "events/temporal.h"

#include <gtest/gtest.h>

#include "parley/pipeline.h"

namespace parley::events {
namespace {

struct Time {
  std::string text, value, relation;
};

std::vector<Time> Times(const std::string& text, const std::string& date) {
  static const Pipeline* pipeline = [] {
    PipelineOptions options;
    options.stages = {"repair", "segment"};
    auto p = Pipeline::CreateDefault(options);
    EXPECT_TRUE(p.ok()) << p.status().message();
    return p.ok() ? new Pipeline(std::move(*p)) : nullptr;
  }();
  std::vector<Time> out;
  if (pipeline == nullptr) return out;
  DocumentMeta meta;
  meta.date = date;
  Document doc(text, meta);
  EXPECT_TRUE(pipeline->Process(doc).ok());
  FindTimes(doc);
  for (const TimeExpression& t : doc.times()) {
    out.push_back({std::string(doc.SpanText(t.span)), t.value, t.relation});
  }
  return out;
}

TEST(Date, RoundTripsAndWeekdays) {
  auto d = Date::Parse("2025-08-16");
  ASSERT_TRUE(d);
  EXPECT_EQ(Date::FromDays(d->Days()).Iso(), "2025-08-16");
  EXPECT_EQ(d->Weekday(), 5);  // a Saturday
  EXPECT_EQ(Date::FromDays(Date::Parse("2024-03-01")->Days() - 1).Iso(), "2024-02-29");
  EXPECT_FALSE(Date::Parse("2025-02-30"));
  EXPECT_FALSE(Date::Parse("16/08/2025"));
}

TEST(Temporal, WeekdaysResolveToTheMostRecent) {
  // 2025-08-16 is a Saturday.
  auto t = Times("The ministers met on Friday and again on Saturday.", "2025-08-16");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "Friday");
  EXPECT_EQ(t[0].value, "2025-08-15");
  EXPECT_EQ(t[1].value, "2025-08-16");
  t = Times("They will meet next Monday.", "2025-08-16");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2025-08-18");
}

TEST(Temporal, RelativeDays) {
  auto t = Times("Police arrested him yesterday; the trial opens tomorrow.", "2024-03-01");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "2024-02-29");
  EXPECT_EQ(t[1].value, "2024-03-02");
  t = Times("The treaty was signed three years ago.", "2024-03-01");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "three years ago");
  EXPECT_EQ(t[0].value, "2021");
}

TEST(Temporal, MonthsAndYears) {
  auto t =
      Times("Talks began on Aug. 3 and the accord of March 2019 lapsed in 2021.", "2025-08-16");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].value, "2025-08-03");
  EXPECT_EQ(t[1].value, "2019-03");
  EXPECT_EQ(t[2].text, "2021");
  EXPECT_EQ(t[2].value, "2021");
  // A month-day well after the article date is last year's.
  t = Times("The vote on December 12 was close.", "2025-02-01");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2024-12-12");
  t = Times("The army withdrew last year.", "2025-02-01");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2024");
}

TEST(Temporal, EarlierIsBeforeTheArticleDate) {
  auto t = Times("Earlier, the minister resigned. Prices rose earlier this month.", "2025-08-16");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "Earlier");
  EXPECT_EQ(t[0].relation, "before");
  EXPECT_EQ(t[0].value, "2025-08-16");
  EXPECT_EQ(t[1].text, "earlier this month");
  EXPECT_EQ(t[1].value, "2025-08");
}

TEST(Temporal, NoArticleDateLeavesRelativeValuesEmpty) {
  auto t = Times("They met on Friday, as on June 4, 2020.", "");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "");
  EXPECT_EQ(t[1].value, "2020-06-04");
}

TEST(Temporal, MayIsAMonthOnlyWithADay) {
  EXPECT_TRUE(Times("They may meet again.", "2025-08-16").empty());
  auto t = Times("They met on May 9.", "2025-08-16");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, "2025-05-09");
}

}  // namespace
}  // namespace parley::events
