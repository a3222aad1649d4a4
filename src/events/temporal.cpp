#include "events/temporal.h"

#include <array>
#include <cctype>
#include <cstdio>

#include "core/ascii.h"

namespace parley::events {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbrevs = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

int WeekdayOf(std::string_view w) {
  for (size_t i = 0; i < kWeekdays.size(); ++i) {
    if (w == kWeekdays[i]) return static_cast<int>(i);
  }
  return -1;
}

// 1-12, or 0. "May" is a month only when capitalised (checked by the caller).
int MonthOf(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i] || w == kMonthAbbrevs[i] || (i == 8 && w == "sept")) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

int NumberOf(std::string_view w) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "zero",  "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (size_t i = 0; i < kWords.size(); ++i) {
    if (w == kWords[i]) return static_cast<int>(i);
  }
  if (w == "a" || w == "an") return 1;
  if (w.empty() || w.size() > 4) return -1;
  int n = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string YearMonth(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

Date AddMonths(Date d, int months) {
  int m = d.year * 12 + (d.month - 1) + months;
  Date out{m / 12, m % 12 + 1, 1};
  out.day = std::min(d.day, DaysInMonth(out.year, out.month));
  return out;
}

struct Found {
  uint32_t length = 0;  // tokens
  std::string value;
  std::string relation = "on";
};

class Scanner {
 public:
  Scanner(const Document& doc, uint32_t begin, uint32_t end, std::optional<Date> date)
      : doc_(doc), begin_(begin), end_(end), date_(date) {}

  std::string W(uint32_t i) const {
    return i < end_ ? AsciiLower(doc_.TokenForm(i)) : std::string();
  }
  std::string_view Raw(uint32_t i) const {
    return i < end_ ? doc_.TokenForm(i) : std::string_view();
  }
  bool Capitalised(uint32_t i) const {
    std::string_view r = Raw(i);
    return !r.empty() && std::isupper(static_cast<unsigned char>(r.front()));
  }
  std::string Val(const Date& d) const { return date_ ? d.Iso() : std::string(); }
  std::string ValMonth(const Date& d) const {
    return date_ ? YearMonth(d.year, d.month) : std::string();
  }
  std::string ValYear(int y) const { return date_ ? std::to_string(y) : std::string(); }
  Date Base() const { return date_.value_or(Date{2000, 1, 1}); }

  std::optional<Found> At(uint32_t i) const {
    const std::string w = W(i);
    const Date base = Base();
    // N days/weeks/months/years ago
    if (int n = NumberOf(w); n >= 0 && i + 2 < end_ + 1 && W(i + 2) == "ago") {
      std::string unit = W(i + 1);
      if (!unit.empty() && unit.back() == 's') unit.pop_back();
      if (unit == "day") return Found{3, Val(Date::FromDays(base.Days() - n))};
      if (unit == "week") return Found{3, Val(Date::FromDays(base.Days() - 7 * n))};
      if (unit == "month") return Found{3, ValMonth(AddMonths(base, -n))};
      if (unit == "year") return Found{3, ValYear(base.year - n)};
    }
    if (w == "yesterday") return Found{1, Val(Date::FromDays(base.Days() - 1))};
    if (w == "today" || w == "tonight") return Found{1, Val(base)};
    if (w == "tomorrow") return Found{1, Val(Date::FromDays(base.Days() + 1))};
    if (w == "last" || w == "next" || w == "this" || w == "past") {
      const int dir = w == "next" ? 1 : (w == "this" ? 0 : -1);
      const std::string u = W(i + 1);
      if (u == "week") return Found{2, Val(Date::FromDays(base.Days() + 7 * dir))};
      if (u == "month") return Found{2, ValMonth(AddMonths(base, dir))};
      if (u == "year") return Found{2, ValYear(base.year + dir)};
      if (int wd = WeekdayOf(u); wd >= 0) {
        int delta = wd - base.Weekday();
        if (dir > 0) {
          delta = delta <= 0 ? delta + 7 : delta;
        } else if (dir < 0) {
          delta = delta >= 0 ? delta - 7 : delta;
        }
        return Found{2, Val(Date::FromDays(base.Days() + delta))};
      }
      if (int m = MonthOf(u); m > 0 && Capitalised(i + 1) && dir != 0) {
        int y = base.year + (dir > 0 ? (m <= base.month ? 1 : 0) : (m >= base.month ? -1 : 0));
        return Found{2, ValMonth(Date{y, m, 1})};
      }
    }
    if ((w == "earlier" || w == "later") && W(i + 1) == "this") {
      const std::string u = W(i + 2);
      const std::string rel = w == "earlier" ? "before" : "after";
      if (u == "month") return Found{3, ValMonth(base), "on"};
      if (u == "year") return Found{3, ValYear(base.year), "on"};
      if (u == "week") return Found{3, Val(base), rel};
    }
    if (int wd = WeekdayOf(w); wd >= 0 && Capitalised(i)) {
      // News reports the past: the most recent such day, the article's own
      // weekday meaning the article's date.
      int delta = wd - base.Weekday();
      if (delta > 0) delta -= 7;
      return Found{1, Val(Date::FromDays(base.Days() + delta))};
    }
    if (int m = MonthOf(w); m > 0 && Capitalised(i) && (w != "may" || NumberOf(W(i + 1)) > 0)) {
      uint32_t len = 1;
      int day = 0, year = 0;
      if (int d = NumberOf(W(i + 1)); d >= 1 && d <= 31) {
        day = d;
        len = 2;
        uint32_t j = i + 2;
        if (W(j) == ",") ++j;
        if (int y = NumberOf(W(j)); y >= 1900 && y <= 2100) {
          year = y;
          len = j - i + 1;
        }
      } else if (int y = NumberOf(W(i + 1)); y >= 1900 && y <= 2100) {
        year = y;
        len = 2;
      }
      if (day == 0 && year == 0) {
        // A bare month name ("in March"): the latest such month up to the article's.
        if (W(i - 1) != "in" || i == begin_) return std::nullopt;
        int y = m > base.month ? base.year - 1 : base.year;
        return Found{1, ValMonth(Date{y, m, 1})};
      }
      if (year == 0 && !date_) {
        Found f;
        f.length = len;
        return f;  // "Aug. 15" with no article date to take the year from
      }
      if (year == 0) {
        year = base.year;
        // A date well after the article's is last year's.
        Date d{year, m, std::min(day, DaysInMonth(year, m))};
        if (d.Days() > base.Days() + 60) year -= 1;
      }
      if (day == 0) return Found{len, YearMonth(year, m)};
      Date d{year, m, std::min(day, DaysInMonth(year, m))};
      return Found{len, d.Iso()};
    }
    if (w == "in" || w == "since" || w == "during") {
      if (int y = NumberOf(W(i + 1)); y >= 1900 && y <= 2100 && Raw(i + 1).size() == 4) {
        Found f{1, std::to_string(y)};
        f.length = 2;
        // The expression is the year itself.
        return f;
      }
    }
    if ((w == "earlier" || w == "recently" || w == "previously") && W(i + 1) != "than") {
      return Found{1, Val(base), "before"};
    }
    return std::nullopt;
  }

 private:
  const Document& doc_;
  uint32_t begin_, end_;
  std::optional<Date> date_;
};

}  // namespace

std::optional<Date> Date::Parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > DaysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t Date::Days() const {
  const int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

int Date::Weekday() const {
  // 1970-01-01 was a Thursday (3).
  int64_t w = (Days() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string Date::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

void FindTimes(Document& doc) {
  std::vector<TimeExpression>& out = doc.mutable_times();
  out.clear();
  const std::optional<Date> date = Date::Parse(doc.meta().date);
  const TokenColumns& tok = doc.tokens();
  for (const Sentence& s : doc.sentences()) {
    Scanner scan(doc, s.token_begin, s.token_end, date);
    for (uint32_t i = s.token_begin; i < s.token_end;) {
      std::optional<Found> f = scan.At(i);
      if (!f) {
        ++i;
        continue;
      }
      uint32_t first = i;
      // "in 2024": the expression is the year, not the preposition.
      if (f->length == 2 && (scan.W(i) == "in" || scan.W(i) == "since" || scan.W(i) == "during")) {
        first = i + 1;
      }
      const uint32_t last = std::min(i + f->length, s.token_end);
      TimeExpression t;
      t.span = Span{tok.begin[first], tok.end[last - 1]};
      t.token_begin = first;
      t.token_end = last;
      t.value = f->value;
      t.relation = f->relation;
      out.push_back(std::move(t));
      i = last;
    }
  }
  doc.Mark(kAnnTimes);
}

}  // namespace parley::events
