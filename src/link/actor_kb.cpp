#include "link/actor_kb.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "geo/geo_data.h"
#include "geo/name_key.h"

namespace parley::link {
namespace {

bool ValidType(std::string_view t) {
  return t == "PER" || t == "ORG" || t == "GPE" || t == "LOC" || t == "FAC" || t == "NORP" ||
         t == "MISC";
}

bool ValidCountry(std::string_view c) {
  if (c.empty()) return true;
  if (c.size() != 3) return false;
  return std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

bool ValidDate(std::string_view d) {
  if (d.empty()) return true;
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? p : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// Fields: trailing CR and surrounding spaces trimmed; "-" is an empty field.
std::string Field(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
  size_t b = s.find_first_not_of(' ');
  s = b == std::string::npos ? std::string() : s.substr(b);
  return s == "-" ? std::string() : s;
}

}  // namespace

int ActorKb::IndexOf(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : static_cast<int>(it->second);
}

void ActorKb::AddKey(std::string_view name, ActorMatch m) {
  std::string key = geo::NameKey(name);
  if (key.empty()) return;
  auto& v = by_key_[key];
  for (const ActorMatch& x : v) {
    if (x.actor == m.actor && x.kind == m.kind) return;
  }
  v.push_back(m);
}

void ActorKb::AddCountries(const geo::GeoData& geo) {
  for (const geo::CountryRec& c : geo.countries()) {
    std::string a3(c.alpha3, 3);
    if (by_id_.count(a3)) continue;
    Actor a;
    a.id = a3;
    a.type = "GPE";
    a.name = std::string(geo.Str(c.name));
    a.country = a3;
    a.code = a3;
    a.origin = "gazetteer";
    uint32_t idx = static_cast<uint32_t>(actors_.size());
    by_id_[a3] = idx;
    actors_.push_back(std::move(a));
    AddKey(geo.Str(c.name), {idx, MatchKind::kName});
    AddKey(geo.Str(c.official), {idx, MatchKind::kName});
  }
}

Status ActorKb::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open the actors file");
  std::stringstream ss;
  ss << in.rdbuf();
  return LoadText(ss.str(), path);
}

Status ActorKb::LoadText(std::string_view text, const std::string& origin) {
  size_t line_no = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    ++line_no;
    size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    for (std::string& x : f) x = Field(std::move(x));
    PARLEY_RETURN_IF_ERROR(AddRecord(f, origin + ":" + std::to_string(line_no)));
  }
  return Status::Ok();
}

Status ActorKb::AddRecord(const std::vector<std::string>& f, const std::string& where) {
  auto err = [&](const std::string& what) { return InvalidArgument(where + ": " + what); };
  const std::string& kind = f[0];
  auto want = [&](size_t lo, size_t hi, const char* layout) -> Status {
    if (f.size() < lo || f.size() > hi) {
      return err("'" + kind + "' record has " + std::to_string(f.size()) +
                 " tab-separated fields, expected " + layout);
    }
    return Status::Ok();
  };
  auto known = [&](const std::string& id, int* idx) -> Status {
    *idx = IndexOf(id);
    if (*idx < 0)
      return err("unknown actor id '" + id + "' (define it with an 'actor' record first)");
    return Status::Ok();
  };
  auto check_country = [&](const std::string& c) -> Status {
    if (!ValidCountry(c)) return err("country '" + c + "' is not an ISO 3166-1 alpha-3 code");
    return Status::Ok();
  };
  if (kind == "actor") {
    PARLEY_RETURN_IF_ERROR(want(4, 9, "actor ID TYPE NAME [COUNTRY CODE ROLE STANDS_FOR ALIASES]"));
    Actor a;
    a.id = f[1];
    a.type = f[2];
    a.name = f[3];
    if (f.size() > 4) a.country = f[4];
    if (f.size() > 5) a.code = f[5];
    if (f.size() > 6) a.role = f[6];
    if (f.size() > 7) a.stands_for = f[7];
    a.origin = where;
    if (a.id.empty()) return err("empty actor id");
    if (!ValidType(a.type)) {
      return err("type '" + a.type + "' is not one of PER, ORG, GPE, LOC, FAC, NORP, MISC");
    }
    if (a.name.empty()) return err("empty name");
    PARLEY_RETURN_IF_ERROR(check_country(a.country));
    if (int old = IndexOf(a.id); old >= 0) {
      return err("actor id '" + a.id + "' is already defined at " +
                 actors_[static_cast<size_t>(old)].origin);
    }
    uint32_t idx = static_cast<uint32_t>(actors_.size());
    by_id_[a.id] = idx;
    AddKey(a.name, {idx, MatchKind::kName});
    if (f.size() > 8) {
      for (const std::string& alias : Split(f[8], '|')) {
        if (!alias.empty()) AddKey(alias, {idx, MatchKind::kName});
      }
    }
    actors_.push_back(std::move(a));
    return Status::Ok();
  }
  if (kind == "role") {
    PARLEY_RETURN_IF_ERROR(want(5, 7, "role ID FROM TO COUNTRY [CODE ROLE]"));
    int idx = 0;
    PARLEY_RETURN_IF_ERROR(known(f[1], &idx));
    ActorRole r;
    r.from = f[2];
    r.to = f[3];
    r.country = f[4];
    if (f.size() > 5) r.code = f[5];
    if (f.size() > 6) r.role = f[6];
    if (!ValidDate(r.from)) return err("FROM '" + r.from + "' is not a date YYYY-MM-DD");
    if (!ValidDate(r.to)) return err("TO '" + r.to + "' is not a date YYYY-MM-DD");
    if (!r.from.empty() && !r.to.empty() && r.to <= r.from) {
      return err("TO " + r.to + " is not after FROM " + r.from);
    }
    PARLEY_RETURN_IF_ERROR(check_country(r.country));
    actors_[static_cast<size_t>(idx)].roles.push_back(std::move(r));
    return Status::Ok();
  }
  if (kind == "alias" || kind == "demonym") {
    PARLEY_RETURN_IF_ERROR(
        want(3, 3, kind == "alias" ? "alias ID NAME[|NAME...]" : "demonym ID WORD[|WORD...]"));
    int idx = 0;
    PARLEY_RETURN_IF_ERROR(known(f[1], &idx));
    MatchKind mk = kind == "alias" ? MatchKind::kName : MatchKind::kDemonym;
    for (const std::string& name : Split(f[2], '|')) {
      if (!name.empty()) AddKey(name, {static_cast<uint32_t>(idx), mk});
    }
    return Status::Ok();
  }
  if (kind == "name") {
    PARLEY_RETURN_IF_ERROR(want(3, 3, "name ID NAME"));
    int idx = 0;
    PARLEY_RETURN_IF_ERROR(known(f[1], &idx));
    if (f[2].empty()) return err("empty name");
    actors_[static_cast<size_t>(idx)].name = f[2];
    AddKey(f[2], {static_cast<uint32_t>(idx), MatchKind::kName});
    return Status::Ok();
  }
  if (kind == "capital") {
    PARLEY_RETURN_IF_ERROR(want(5, 5, "capital ID CITY[|CITY...] CODE STANDS_FOR"));
    int idx = 0;
    PARLEY_RETURN_IF_ERROR(known(f[1], &idx));
    if (f[2].empty() || f[3].empty()) return err("capital needs a CITY and a CODE");
    uint32_t ci = static_cast<uint32_t>(capitals_.size());
    capitals_.push_back({static_cast<uint32_t>(idx), f[3], f[4]});
    for (const std::string& city : Split(f[2], '|')) {
      if (!city.empty()) AddKey(city, {static_cast<uint32_t>(idx), MatchKind::kCapital, ci});
    }
    return Status::Ok();
  }
  return err("unknown record kind '" + kind +
             "' (expected actor, role, alias, name, demonym or capital)");
}

void ActorKb::Finish() {
  // Surnames: the last word of a person's name, when no other person shares it.
  std::unordered_map<std::string, int> count;
  std::vector<std::string> last(actors_.size());
  for (size_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].type != "PER") continue;
    std::string key = geo::NameKey(actors_[i].name);
    size_t sp = key.rfind(' ');
    if (sp == std::string::npos) continue;
    last[i] = key.substr(sp + 1);
    if (last[i].size() >= 3) ++count[last[i]];
  }
  for (size_t i = 0; i < actors_.size(); ++i) {
    if (!last[i].empty() && count[last[i]] == 1) {
      auto& v = by_key_[last[i]];
      bool named = std::any_of(v.begin(), v.end(), [&](const ActorMatch& m) {
        return m.actor == i && m.kind == MatchKind::kName;
      });
      if (!named) v.push_back({static_cast<uint32_t>(i), MatchKind::kSurname});
    }
  }
  for (auto& [key, v] : by_key_) {
    std::stable_sort(v.begin(), v.end(), [](const ActorMatch& a, const ActorMatch& b) {
      return static_cast<int>(a.kind) < static_cast<int>(b.kind);
    });
  }
}

std::vector<ActorMatch> ActorKb::Find(std::string_view key) const {
  auto it = by_key_.find(std::string(key));
  if (it == by_key_.end()) return {};
  return it->second;
}

ResolvedActor ActorKb::At(const Actor& a, std::string_view date) const {
  const ActorRole* best = nullptr;
  for (const ActorRole& r : a.roles) {
    bool holds = date.empty() ? r.to.empty()
                              : (r.from.empty() || r.from <= date) && (r.to.empty() || date < r.to);
    if (holds && (!best || r.from > best->from)) best = &r;
  }
  ResolvedActor out{a.country, a.code, a.role};
  if (best) {
    if (!best->country.empty()) out.country = best->country;
    if (!best->code.empty()) out.code = best->code;
    if (!best->role.empty()) out.role = best->role;
  }
  return out;
}

}  // namespace parley::link
