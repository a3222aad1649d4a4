// Temporal expressions: finds "on Friday", "earlier this month", "last
// year", "Aug. 15, 2025", "three days ago", "earlier" … in a parsed document
// and resolves them against the article's date (DocumentMeta::date).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"

namespace parley::events {

// A calendar date; days since 1970-01-01 convert both ways.
struct Date {
  int year = 0, month = 0, day = 0;
  static std::optional<Date> Parse(std::string_view iso);  // YYYY-MM-DD
  int64_t Days() const;
  static Date FromDays(int64_t days);
  int Weekday() const;  // 0 = Monday … 6 = Sunday
  std::string Iso() const;
};

// Fills doc.times() (needs tokens, sentences, lemmas). Every expression is
// found; values stay empty when the article has no date.
void FindTimes(Document& doc);

}  // namespace parley::events
