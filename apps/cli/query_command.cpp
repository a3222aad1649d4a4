// parley query quotes|entities|stats: search a corpus database, as a table
// for people or JSON (--json) for programs. The cross-article queries
// (speakers, quote groups, co-occurrence, events, dyads) are in
// query_aggregate.cpp.
#include <algorithm>
#include <cstdio>

#include "cli/common.h"
#include "cli/query_table.h"
#include "cli/store_commands.h"
#include "output/aggregate_json.h"
#include "output/json_writer.h"
#include "parley/store.h"

namespace parley::cli {

// A table cell: one line, no control characters (article text is data and
// must not drive the terminal), at most `width` characters.
std::string Cell(std::string_view s, size_t width) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool lead = (c & 0xc0) != 0x80;
    if (lead && chars == width) {
      // Over the width: end with an ellipsis in place of the last character.
      size_t cut = out.size();
      while (cut > 0 && (static_cast<unsigned char>(out[cut - 1]) & 0xc0) == 0x80) --cut;
      if (cut > 0) --cut;
      out.resize(cut);
      out += "\u2026";
      return out;
    }
    if (c < 0x20 || c == 0x7f) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      if (lead) ++chars;
      continue;
    }
    out.push_back(static_cast<char>(c));
    if (lead) ++chars;
  }
  return out;
}

size_t Chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

namespace {

void PrintRow(const std::vector<std::string>& cells, const std::vector<size_t>& widths) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string c = Cell(cells[i], widths[i]);
    line += c;
    if (i + 1 < cells.size()) line += std::string(widths[i] - Chars(c) + 2, ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  std::printf("%s\n", line.c_str());
}

}  // namespace

void PrintTable(const std::vector<std::string>& header, const std::vector<size_t>& max_widths,
                const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) {
    std::fprintf(stderr, "parley query: nothing matched\n");
    return;
  }
  std::vector<size_t> widths(header.size());
  for (size_t i = 0; i < header.size(); ++i) {
    widths[i] = Chars(header[i]);
    for (const auto& r : rows)
      widths[i] = std::max(widths[i], std::min(Chars(r[i]), max_widths[i]));
  }
  PrintRow(header, widths);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  PrintRow(rule, widths);
  for (const auto& r : rows) PrintRow(r, widths);
}

int Fail(const Status& s) {
  std::fprintf(stderr, "parley query: %s\n", s.ToString().c_str());
  switch (s.code()) {
    case StatusCode::kInvalidArgument: return kExitUsage;
    default: return kExitIo;
  }
}

StatusOr<Store> OpenReadOnly(const std::string& path) {
  StoreOptions o;
  o.read_only = true;
  return Store::Open(path, o);
}

namespace {

struct QueryFlags {
  std::string db;
  bool json = false;
  QuoteQuery quotes;
  EntityQuery entities;
};

int RunQuotes(const QueryFlags& f) {
  if (f.quotes.speaker.empty() && f.quotes.text.empty() && f.quotes.entity.empty() &&
      f.quotes.from.empty() && f.quotes.to.empty()) {
    std::fprintf(stderr, "parley query quotes: give --speaker, --text, --entity or a date range\n");
    return kExitUsage;
  }
  auto store = OpenReadOnly(f.db);
  if (!store.ok()) return Fail(store.status());
  auto hits = store->FindQuotes(f.quotes);
  if (!hits.ok()) return Fail(hits.status());
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginArray();
    for (const QuoteHit& h : *hits) WriteQuoteHit(w, h);
    w.EndArray();
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const QuoteHit& h : *hits) {
    rows.push_back({h.date, h.source, h.speaker, h.kind, h.content});
  }
  PrintTable({"date", "source", "speaker", "kind", "quote"}, {10, 20, 24, 8, 90}, rows);
  return kExitOk;
}

int RunEntities(const QueryFlags& f) {
  auto store = OpenReadOnly(f.db);
  if (!store.ok()) return Fail(store.status());
  auto list = store->ListEntities(f.entities);
  if (!list.ok()) return Fail(list.status());
  if (f.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginArray();
    for (const EntityCount& e : *list) WriteEntityCount(w, e);
    w.EndArray();
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows;
  for (const EntityCount& e : *list) {
    rows.push_back({e.name, e.type, std::to_string(e.articles), std::to_string(e.mentions),
                    std::to_string(e.quotes), e.first_date, e.last_date});
  }
  PrintTable({"name", "type", "articles", "mentions", "quotes", "first", "last"},
             {40, 6, 9, 9, 7, 10, 10}, rows);
  return kExitOk;
}

int RunStats(const QueryFlags& f) {
  auto store = OpenReadOnly(f.db);
  if (!store.ok()) return Fail(store.status());
  auto s = store->Stats();
  if (!s.ok()) return Fail(s.status());
  auto pairs = [](JsonWriter& w, std::string_view key,
                  const std::vector<std::pair<std::string, int64_t>>& v) {
    w.Key(key);
    w.BeginObject();
    for (const auto& [k, n] : v) w.FieldInt(k, n);
    w.EndObject();
  };
  if (f.json) {
    std::string out;
    JsonWriter w(&out, true);
    w.BeginObject();
    w.FieldInt("schema_version", s->schema_version);
    w.FieldInt("articles", s->articles);
    w.FieldInt("text_bytes", s->text_bytes);
    w.Field("first_date", s->first_date);
    w.Field("last_date", s->last_date);
    w.FieldInt("mentions", s->mentions);
    w.FieldInt("entities", s->entities);
    w.FieldInt("quotes", s->quotes);
    w.FieldInt("repairs", s->repairs);
    w.FieldInt("rejected", s->rejected);
    w.FieldInt("quote_groups", s->quote_groups);
    w.FieldInt("shared_quotes", s->shared_quotes);
    w.FieldInt("times", s->times);
    w.FieldInt("events", s->events);
    w.FieldInt("event_groups", s->event_groups);
    w.FieldInt("ingest_runs", s->ingest_runs);
    w.FieldInt("interrupted_runs", s->interrupted_runs);
    pairs(w, "quotes_by_kind", s->quotes_by_kind);
    pairs(w, "top_sources", s->top_sources);
    pairs(w, "rejected_by_code", s->rejected_by_code);
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  auto n = [](int64_t v) { return static_cast<long long>(v); };
  std::printf("schema version  %d\n", s->schema_version);
  std::printf("articles        %lld (%.1f MB of text, %s .. %s)\n", n(s->articles),
              static_cast<double>(s->text_bytes) / 1e6,
              s->first_date.empty() ? "?" : s->first_date.c_str(),
              s->last_date.empty() ? "?" : s->last_date.c_str());
  std::printf("mentions        %lld\nentities        %lld\nquotes          %lld\n", n(s->mentions),
              n(s->entities), n(s->quotes));
  for (const auto& [k, v] : s->quotes_by_kind) std::printf("  %-13s %lld\n", k.c_str(), n(v));
  std::printf("quote groups    %lld (%lld reported by 2+ outlets)\n", n(s->quote_groups),
              n(s->shared_quotes));
  std::printf("events          %lld in %lld groups; %lld time expressions\n", n(s->events),
              n(s->event_groups), n(s->times));
  std::printf("repairs         %lld\nrejected        %lld\n", n(s->repairs), n(s->rejected));
  for (const auto& [k, v] : s->rejected_by_code) std::printf("  %-13s %lld\n", k.c_str(), n(v));
  std::printf("ingest runs     %lld (%lld interrupted)\n", n(s->ingest_runs),
              n(s->interrupted_runs));
  if (!s->top_sources.empty()) std::printf("top sources\n");
  for (const auto& [k, v] : s->top_sources) {
    std::printf("  %-30s %lld\n", Cell(k, 30).c_str(), n(v));
  }
  return kExitOk;
}

}  // namespace

void AddQueryCommand(CLI::App& app, int* exit_code) {
  auto f = std::make_shared<QueryFlags>();
  CLI::App* cmd = app.add_subcommand("query", "Search a corpus database built by 'parley ingest'");
  cmd->require_subcommand(1);
  auto common = [&](CLI::App* sub) {
    sub->add_option("--db", f->db, "The corpus database")->required();
    sub->add_flag("--json", f->json, "JSON instead of a table");
  };

  CLI::App* quotes = cmd->add_subcommand("quotes", "Quotes by speaker, words, entity and date");
  common(quotes);
  quotes->add_option("--speaker", f->quotes.speaker, "Words of the speaker's name");
  quotes->add_option("--text", f->quotes.text, "Words the quote contains (all of them)");
  quotes->add_option("--entity", f->quotes.entity, "An entity named inside the quote");
  quotes->add_option("--from", f->quotes.from, "Articles dated on or after YYYY-MM-DD");
  quotes->add_option("--to", f->quotes.to, "Articles dated on or before YYYY-MM-DD");
  quotes->add_option("--limit", f->quotes.limit, "At most this many quotes")->capture_default_str();
  quotes->add_option("--offset", f->quotes.offset, "Skip this many first");
  quotes->callback([f, exit_code] { *exit_code = RunQuotes(*f); });

  CLI::App* entities =
      cmd->add_subcommand("entities", "Entities by the number of articles that mention them");
  common(entities);
  entities->add_option("--type", f->entities.type, "Only this type (PER, ORG, LOC, MISC, ...)");
  entities->add_option("--name", f->entities.name, "Names containing this");
  entities->add_option("--limit", f->entities.limit, "At most this many")->capture_default_str();
  entities->callback([f, exit_code] { *exit_code = RunEntities(*f); });

  CLI::App* stats = cmd->add_subcommand("stats", "What the database holds");
  common(stats);
  stats->callback([f, exit_code] { *exit_code = RunStats(*f); });
  AddAggregateQueries(cmd, exit_code);
  cmd->footer(
      "Exit status: 0 ok, 2 usage error (bad flag or query), 3 the database can't be read.");
}

}  // namespace parley::cli
