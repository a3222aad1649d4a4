// The golden-file event scorer: `must` rows are events a careful coder
// records (CAMEO code, actor countries, modality, place), `must_not` rows
// events that did not happen. Rows name countries, not offsets, so the file
// stays valid whatever the pipeline's spans.
#include <simdjson.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "core/ascii.h"
#include "eval/quote_text.h"
#include "parley/event_eval.h"

namespace parley {
namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
    s.remove_suffix(1);
  return std::string(s);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
  }
  return out;
}

// "RUS (Putin)" -> "RUS": the first word, before any parenthesis.
std::string ActorCode(std::string_view s) {
  std::string t = Trim(s.substr(0, s.find('(')));
  return Upper(t.substr(0, t.find_first_of(" \t")));
}

bool StringField(simdjson::dom::object obj, const char* key, std::string* out, std::string* error) {
  simdjson::dom::element e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS) return true;  // absent: empty
  std::string_view sv;
  if (e.get_string().get(sv) != simdjson::SUCCESS) {
    *error = std::string("'") + key + "' is not a string";
    return false;
  }
  out->assign(sv);
  return true;
}

Status ParseRow(simdjson::dom::element e, bool must, const std::string& where, GoldenEvent* row) {
  simdjson::dom::object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) return InvalidArgument(where + "not an object");
  std::string error;
  bool ok = StringField(o, "source", &row->source, &error) &&
            StringField(o, "target", &row->target, &error) &&
            StringField(o, "cameo", &row->cameo, &error) &&
            StringField(o, "plover", &row->plover, &error) &&
            StringField(o, "mode", &row->mode, &error) &&
            StringField(o, "modality", &row->modality, &error) &&
            StringField(o, "where", &row->where, &error) &&
            StringField(o, "evidence", &row->evidence, &error) &&
            StringField(o, "why", &row->why, &error);
  if (!ok) return InvalidArgument(where + error);
  row->cameo = Trim(row->cameo);
  row->plover = Upper(Trim(row->plover));
  row->source_code = ActorCode(row->source);
  row->target_code = ActorCode(row->target);
  // "intended (future)": the first word is the modality.
  std::string m = AsciiLower(Trim(row->modality));
  row->modality = m.substr(0, m.find_first_of(" (\t"));
  if (!row->modality.empty() && row->modality != "actual" && row->modality != "intended" &&
      row->modality != "hypothetical" && row->modality != "requested") {
    return InvalidArgument(where + "unknown modality '" + row->modality +
                           "' (actual, intended, hypothetical, requested)");
  }
  size_t b = 0;
  while (!row->where.empty() && b <= row->where.size()) {
    size_t slash = std::min(row->where.find('/', b), row->where.size());
    std::string place = Trim(std::string_view(row->where).substr(b, slash - b));
    if (!place.empty()) row->places.push_back(std::move(place));
    b = slash + 1;
  }
  if (must && row->cameo.empty()) return InvalidArgument(where + "a must row needs 'cameo'");
  if (!must && row->cameo.empty() && row->plover.empty())
    return InvalidArgument(where + "a must_not row needs 'cameo' or 'plover'");
  return Status();
}

// The names a location entity answers to: its canonical name and the words
// of its mentions.
std::vector<std::string> PlaceNames(const Document& doc, int32_t location) {
  std::vector<std::string> out;
  if (location < 0 || static_cast<size_t>(location) >= doc.entities().size()) return out;
  const Entity& ent = doc.entities()[static_cast<size_t>(location)];
  out.push_back(eval::FoldName(ent.name));
  for (uint32_t m : ent.mentions) {
    if (m >= doc.mentions().size()) continue;
    Span s = doc.mentions()[m].span;
    if (s.begin <= s.end && s.end <= doc.text().size())
      out.push_back(eval::FoldName(doc.SpanText(s)));
  }
  return out;
}

bool CodeMatches(const std::string& expected, const std::string& predicted) {
  if (expected.empty()) return true;
  std::string p = Upper(Trim(predicted));
  return p.size() >= expected.size() && p.compare(0, expected.size(), expected) == 0;
}

}  // namespace

StatusOr<GoldenEvents> ParseGoldenEvents(std::string_view json, const std::string& name) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (auto err = parser.parse(padded).get(root); err != simdjson::SUCCESS) {
    return InvalidArgument(name + ": malformed JSON: " + simdjson::error_message(err));
  }
  simdjson::dom::object events;
  if (root["events"].get_object().get(events) != simdjson::SUCCESS) {
    return InvalidArgument(name + ": no 'events' object");
  }
  GoldenEvents out;
  std::string error;
  if (!StringField(events, "about", &out.about, &error))
    return InvalidArgument(name + ": events: " + error);
  for (bool must : {true, false}) {
    const char* key = must ? "must" : "must_not";
    simdjson::dom::element rows;
    if (events.at_key(key).get(rows) != simdjson::SUCCESS) continue;  // absent: none
    simdjson::dom::array arr;
    if (rows.get_array().get(arr) != simdjson::SUCCESS) {
      return InvalidArgument(name + ": events." + key + " is not an array");
    }
    size_t index = 0;
    for (simdjson::dom::element e : arr) {
      GoldenEvent row;
      std::string where = name + ": events." + key + "[" + std::to_string(index++) + "]: ";
      if (Status st = ParseRow(e, must, where, &row); !st.ok()) return st;
      (must ? out.must : out.must_not).push_back(std::move(row));
    }
  }
  return out;
}

StatusOr<GoldenEvents> ReadGoldenEvents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  return ParseGoldenEvents(ss.str(), path);
}

std::vector<std::string> GoldenEventMismatches(const GoldenEvent& row, const Document& doc,
                                               const Event& e) {
  std::vector<std::string> out;
  if (e.polarity != EventPolarity::kAsserted) out.push_back("negated");
  if (Trim(e.cameo) != row.cameo) {
    out.push_back("cameo " + (e.cameo.empty() ? std::string("none") : e.cameo) + ", expected " +
                  row.cameo);
  }
  auto actor = [&](const char* side, const std::string& expected, const EventActor& a) {
    if (CodeMatches(expected, a.code)) return;
    out.push_back(std::string(side) + " " + (a.code.empty() ? "uncoded" : a.code) + ", expected " +
                  expected);
  };
  actor("source", row.source_code, e.source);
  actor("target", row.target_code, e.target);
  if (!row.modality.empty() && row.modality != EventModalityName(e.modality)) {
    out.push_back(std::string("modality ") + EventModalityName(e.modality) + ", expected " +
                  row.modality);
  }
  if (!row.places.empty()) {
    std::vector<std::string> names = PlaceNames(doc, e.location);
    bool ok = false;
    for (const std::string& p : row.places) {
      std::string fp = eval::FoldName(p);
      for (const std::string& n : names) ok |= n == fp;
    }
    if (!ok) {
      out.push_back("place " + (names.empty() ? std::string("none") : "'" + names[0] + "'") +
                    ", expected " + row.where);
    }
  }
  return out;
}

bool ViolatesMustNot(const GoldenEvent& row, const Event& e) {
  if (e.polarity != EventPolarity::kAsserted) return false;
  if (!row.cameo.empty()) return Trim(e.cameo) == row.cameo;
  if (Upper(Trim(e.plover)) != row.plover) return false;
  return row.mode.empty() || AsciiLower(Trim(e.plover_mode)) == AsciiLower(Trim(row.mode));
}

GoldenEventScores ScoreGoldenEvents(const GoldenEvents& expected, const Document& doc) {
  const std::vector<Event>& events = doc.events();
  const size_t nr = expected.must.size(), ne = events.size();
  GoldenEventScores s;
  s.must_expected = nr;
  s.must_not_rows = expected.must_not.size();
  std::vector<std::vector<uint32_t>> cand(nr);
  s.nearest.assign(nr, -1);
  s.nearest_failures.assign(nr, {});
  for (size_t r = 0; r < nr; ++r) {
    size_t best = SIZE_MAX;
    for (size_t e = 0; e < ne; ++e) {
      std::vector<std::string> fails = GoldenEventMismatches(expected.must[r], doc, events[e]);
      if (fails.empty()) cand[r].push_back(static_cast<uint32_t>(e));
      if (fails.size() < best) {
        best = fails.size();
        s.nearest[r] = static_cast<int32_t>(e);
        s.nearest_failures[r] = std::move(fails);
      }
    }
  }
  // Maximum bipartite matching (augmenting paths; both sides are small), so
  // one event never finds two rows.
  std::vector<int32_t> owner(ne, -1);
  s.found_by.assign(nr, -1);
  std::vector<uint8_t> seen;
  auto augment = [&](auto&& self, size_t r) -> bool {
    for (uint32_t e : cand[r]) {
      if (seen[e]) continue;
      seen[e] = 1;
      if (owner[e] < 0 || self(self, static_cast<size_t>(owner[e]))) {
        owner[e] = static_cast<int32_t>(r);
        s.found_by[r] = static_cast<int32_t>(e);
        return true;
      }
    }
    return false;
  };
  for (size_t r = 0; r < nr; ++r) {
    seen.assign(ne, 0);
    augment(augment, r);
  }
  for (size_t r = 0; r < nr; ++r) {
    if (s.found_by[r] < 0) continue;
    ++s.must_found;
    // A found row's nearest event is the one that found it.
    s.nearest[r] = s.found_by[r];
    s.nearest_failures[r].clear();
  }
  s.violated_by.assign(expected.must_not.size(), {});
  for (size_t r = 0; r < expected.must_not.size(); ++r) {
    for (size_t e = 0; e < ne; ++e) {
      if (ViolatesMustNot(expected.must_not[r], events[e]))
        s.violated_by[r].push_back(static_cast<uint32_t>(e));
    }
    s.must_not_violations += !s.violated_by[r].empty();
  }
  return s;
}

StatusOr<GoldenEventsRun> EvalGoldenEvents(const std::string& golden, const std::string& text,
                                           const Pipeline& pipeline) {
  auto expected = ReadGoldenEvents(golden);
  if (!expected.ok()) return expected.status();
  auto reader = Reader::Open({text});
  InputRecord record;
  RecordError error;
  if (reader->Next(&record, &error) != Reader::Result::kRecord) {
    if (error.status.ok()) return InvalidArgument(text + ": no article");
    return Status(error.status.code(), error.where.ToString() + ": " + error.status.message());
  }
  GoldenEventsRun run;
  run.expected = std::move(*expected);
  run.doc = ToDocument(std::move(record));
  auto t0 = std::chrono::steady_clock::now();
  Status st = pipeline.Process(run.doc);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!st.ok()) return Status(st.code(), text + ": " + st.message());
  run.scores = ScoreGoldenEvents(run.expected, run.doc);
  return run;
}

}  // namespace parley
