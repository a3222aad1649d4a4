#include "events/event_dictionary.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace parley::events {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    size_t tab = line.find('\t');
    out.push_back(Trim(line.substr(0, tab)));
    if (tab == std::string_view::npos) break;
    line = line.substr(tab + 1);
  }
  return out;
}

// Calls fn(line, where) for each non-comment line; stops at the first error.
template <typename Fn>
Status ForEachLine(std::string_view text, std::string_view origin, Fn fn) {
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.front() == '#') continue;
    if (Trim(line).empty()) continue;
    std::string where = std::string(origin) + ":" + std::to_string(line_no) + ": ";
    Status s = fn(line, where);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

bool IsCode(std::string_view code) {
  if (code.size() < 3 || code.size() > 4) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open event dictionary file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// HEAD[+MOD] into c.
bool ParseHead(std::string_view s, Constraint& c) {
  size_t plus = s.find('+');
  c.head = std::string(s.substr(0, plus));
  if (plus != std::string_view::npos) c.mod = std::string(s.substr(plus + 1));
  return !c.head.empty() && (plus == std::string_view::npos || !c.mod.empty());
}

}  // namespace

StatusOr<std::vector<Constraint>> ParsePattern(std::string_view pattern) {
  std::vector<Constraint> out;
  pattern = Trim(pattern);
  if (pattern == "*" || pattern.empty()) return out;
  while (!pattern.empty()) {
    size_t sp = pattern.find(' ');
    std::string_view item = pattern.substr(0, sp);
    pattern = sp == std::string_view::npos ? std::string_view() : Trim(pattern.substr(sp + 1));
    if (item.empty()) continue;
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      return InvalidArgument("pattern item '" + std::string(item) +
                             "' is not obj=…, subj=… or prep=…");
    }
    std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
    Constraint c;
    bool ok = false;
    if (key == "obj") {
      c.kind = Constraint::Kind::kObject;
      ok = ParseHead(value, c);
    } else if (key == "subj") {
      c.kind = Constraint::Kind::kSubject;
      ok = ParseHead(value, c);
    } else if (key == "prep") {
      c.kind = Constraint::Kind::kPrep;
      size_t colon = value.find(':');
      c.prep = std::string(value.substr(0, colon));
      ok = !c.prep.empty() &&
           (colon == std::string_view::npos || ParseHead(value.substr(colon + 1), c));
    } else {
      return InvalidArgument("unknown pattern key '" + std::string(key) +
                             "' (known: obj, subj, prep)");
    }
    if (!ok) return InvalidArgument("malformed pattern item '" + std::string(item) + "'");
    out.push_back(std::move(c));
  }
  return out;
}

Status EventDictionary::AddTriggers(std::string_view text, std::string_view origin) {
  const uint32_t file_origin = next_origin_++;
  return ForEachLine(text, origin, [&](std::string_view line, const std::string& where) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f[0] == "cue") {
      if (f.size() != 3) return InvalidArgument(where + "expected \"cue<TAB>lemma<TAB>kind\"");
      static const std::pair<std::string_view, CueKind> kKinds[] = {
          {"intended", CueKind::kIntended},
          {"hypothetical", CueKind::kHypothetical},
          {"requested", CueKind::kRequested},
          {"aspect", CueKind::kAspect},
          {"negation", CueKind::kNegation}};
      for (const auto& [name, kind] : kKinds) {
        if (f[2] == name) {
          cues_[std::string(f[1])] = kind;
          return Status::Ok();
        }
      }
      return InvalidArgument(where + "unknown cue kind '" + std::string(f[2]) +
                             "' (known: intended, hypothetical, requested, aspect, negation)");
    }
    if (f[0] == "agent") {
      if (f.size() != 3 || f[1].empty() || f[2].size() != 3) {
        return InvalidArgument(where +
                               "expected \"agent<TAB>noun<TAB>AGENT\" with a 3-letter code");
      }
      agents_[std::string(f[1])] = std::string(f[2]);
      return Status::Ok();
    }
    if (f[0] != "verb" && f[0] != "noun") {
      return InvalidArgument(where + "first field must be verb, noun, cue or agent, got '" +
                             std::string(f[0]) + "'");
    }
    if (f.size() < 4 || f.size() > 5) {
      return InvalidArgument(where +
                             "expected \"verb|noun<TAB>lemma<TAB>pattern<TAB>code[<TAB>flags]\"");
    }
    if (f[1].empty()) return InvalidArgument(where + "empty lemma");
    TriggerRule rule;
    auto constraints = ParsePattern(f[2]);
    if (!constraints.ok()) return InvalidArgument(where + constraints.status().message());
    rule.constraints = std::move(*constraints);
    if (f[3] != "-") {
      if (!IsCode(f[3])) {
        return InvalidArgument(where + "code must be a CAMEO code of 3 or 4 digits or '-', got '" +
                               std::string(f[3]) + "'");
      }
      rule.code = std::string(f[3]);
    }
    if (f.size() == 5 && !f[4].empty()) {
      if (f[4] != "reciprocal") {
        return InvalidArgument(where + "unknown flag '" + std::string(f[4]) +
                               "' (known: reciprocal)");
      }
      rule.reciprocal = true;
    }
    rule.origin = file_origin;
    RuleSet& set = (f[0] == "verb" ? verbs_ : nouns_)[std::string(f[1])];
    const uint32_t index = static_cast<uint32_t>(set.rules.size());
    if (rule.constraints.empty()) {
      set.unkeyed.push_back(index);
    } else {
      set.by_key[RuleKey(rule.constraints.front())].push_back(index);
    }
    set.rules.push_back(std::move(rule));
    return Status::Ok();
  });
}

Status EventDictionary::AddCameo(std::string_view text, std::string_view origin) {
  return ForEachLine(text, origin, [&](std::string_view line, const std::string& where) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 5) {
      return InvalidArgument(where +
                             "expected \"code<TAB>name<TAB>goldstein<TAB>plover<TAB>mode\"");
    }
    if (!IsCode(f[0])) return InvalidArgument(where + "bad CAMEO code '" + std::string(f[0]) + "'");
    CameoInfo info;
    info.name = std::string(f[1]);
    std::string g(f[2]);
    char* end = nullptr;
    info.goldstein = std::strtof(g.c_str(), &end);
    if (g.empty() || end != g.c_str() + g.size() || info.goldstein < -10 || info.goldstein > 10) {
      return InvalidArgument(where + "Goldstein score must be a number in [-10, 10], got '" + g +
                             "'");
    }
    if (f[3] != "-") info.plover = std::string(f[3]);
    if (f[4] != "-") info.plover_mode = std::string(f[4]);
    cameo_[std::string(f[0])] = std::move(info);
    return Status::Ok();
  });
}

Status EventDictionary::AddAgents(std::string_view text, std::string_view origin) {
  return ForEachLine(text, origin, [&](std::string_view line, const std::string& where) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 2 || f[0].empty() || f[1].size() != 3) {
      return InvalidArgument(where + "expected \"noun<TAB>AGENT\" with a 3-letter agent code");
    }
    agents_.emplace(std::string(f[0]), std::string(f[1]));
    return Status::Ok();
  });
}

StatusOr<EventDictionary> EventDictionary::Load(const std::string& models_dir) {
  EventDictionary dict;
  const std::string dir = models_dir + "/events/";
  struct Part {
    const char* file;
    Status (EventDictionary::*add)(std::string_view, std::string_view);
  };
  static const Part kParts[] = {{"cameo.tsv", &EventDictionary::AddCameo},
                                {"agents.tsv", &EventDictionary::AddAgents},
                                {"verbs.tsv", &EventDictionary::AddTriggers},
                                {"triggers.tsv", &EventDictionary::AddTriggers}};
  for (const Part& p : kParts) {
    const std::string path = dir + p.file;
    auto text = ReadFile(path);
    if (!text.ok()) return text.status();
    Status s = (dict.*p.add)(*text, path);
    if (!s.ok()) return s;
  }
  return dict;
}

std::string RuleKey(const Constraint& c) {
  switch (c.kind) {
    case Constraint::Kind::kObject: return "o:" + c.head;
    case Constraint::Kind::kSubject: return "s:" + c.head;
    case Constraint::Kind::kPrep:
      return c.head.empty() ? "p:" + c.prep : "p:" + c.prep + ":" + c.head;
  }
  return std::string();
}

const RuleSet* EventDictionary::Verb(std::string_view lemma) const {
  auto it = verbs_.find(std::string(lemma));
  return it == verbs_.end() ? nullptr : &it->second;
}

const RuleSet* EventDictionary::Noun(std::string_view lemma) const {
  auto it = nouns_.find(std::string(lemma));
  return it == nouns_.end() ? nullptr : &it->second;
}

CueKind EventDictionary::Cue(std::string_view lemma) const {
  auto it = cues_.find(std::string(lemma));
  return it == cues_.end() ? CueKind::kNone : it->second;
}

std::string_view EventDictionary::Agent(std::string_view lemma) const {
  auto it = agents_.find(std::string(lemma));
  return it == agents_.end() ? std::string_view() : std::string_view(it->second);
}

const CameoInfo* EventDictionary::Cameo(std::string_view code) const {
  auto it = cameo_.find(std::string(code));
  return it == cameo_.end() ? nullptr : &it->second;
}

}  // namespace parley::events
