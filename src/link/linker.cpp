#include "link/linker.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "geo/name_key.h"

namespace parley::link {
namespace {

enum class CandKind : uint8_t { kActor, kCountry, kDemonym, kAdmin1, kPlace };

struct Cand {
  CandKind kind;
  uint32_t idx;      // actor, admin1 or place index
  int country = -1;  // gazetteer country index
  int admin1 = -1;   // gazetteer admin1 index
  double prior = 0;
  bool alternate = false;  // a place found under one of its alternate names
};

struct Context {
  std::unordered_map<int, int> country, admin1, admin1_country;
  void Add(const Cand& c, int sign) {
    if (c.country >= 0) country[c.country] += sign;
    if (c.admin1 >= 0) {
      admin1[c.admin1] += sign;
      admin1_country[c.country] += sign;
    }
  }
  static int Get(const std::unordered_map<int, int>& m, int k) {
    auto it = m.find(k);
    return it == m.end() ? 0 : it->second;
  }
};

constexpr double kCountryPrior = 3.5;
constexpr double kAdmin1Prior = 2.4;
constexpr double kDemonymPrior = 3.0;
constexpr double kActorPrior = 10.0;
// A place found under one of its alternate names (those that other places
// or countries bear are not in the gazetteer: geo_build.cpp) loses a little
// to one of that name.
constexpr double kAlternatePenalty = 0.5;

double Score(const Cand& c, const Context& ctx) {
  double s = c.prior;
  if (c.kind == CandKind::kActor || c.kind == CandKind::kDemonym) return s;
  if (c.country >= 0 && Context::Get(ctx.country, c.country) > 0) s += 1.0;
  if (c.kind == CandKind::kAdmin1 && Context::Get(ctx.admin1_country, c.country) > 0) s += 1.0;
  // A region named elsewhere in the article, or a place in it, is weak
  // evidence ("Washington" in an article that names Illinois is still the
  // capital); named right after the place it is strong (Qualified()).
  if (c.kind != CandKind::kCountry && c.admin1 >= 0 && Context::Get(ctx.admin1, c.admin1) > 0) {
    s += 1.0;
  }
  return s;
}

// Whether `c` lies in what `q`, the choice for a name right after it ("…,
// Idaho"), names: the region for a place, the country for a place or region.
bool Qualified(const Cand& c, const Cand& q) {
  if (c.kind != CandKind::kPlace && c.kind != CandKind::kAdmin1) return false;
  if (q.kind == CandKind::kAdmin1) return c.kind == CandKind::kPlace && c.admin1 == q.admin1;
  return q.kind == CandKind::kCountry && q.country >= 0 && c.country == q.country;
}
constexpr double kQualifiedBonus = 5.0;

struct Candidates {
  std::vector<Cand> cands;
  int capital = -1;  // index into kb.capitals() when a name is a capital's
};

// An entity the NER typed a person at least once, whose name is no
// organisation or place of the knowledge base but is a person's there.
bool NamesAPerson(const LinkInput& in, const ActorKb& kb) {
  bool per = false;
  for (const std::string& key : in.keys) {
    for (const ActorMatch& m : kb.Find(key)) {
      if (kb.actor(m.actor).type != "PER") return false;
      per = true;
    }
  }
  return per;
}

// Whether a surname match of actor a is contradicted by a fuller name of the
// entity that gives another first name ("Taylor Harris" is not Kamala
// Harris; "Donald J. Trump" may still be Donald Trump).
bool OtherFirstName(const LinkInput& in, const Actor& a) {
  const std::string kb_name = geo::NameKey(a.name);
  const std::string_view kb_first = std::string_view(kb_name).substr(0, kb_name.find(' '));
  static constexpr std::string_view kTitles[] = {
      "president", "vice",   "sen",  "sen.",    "senator", "rep",     "rep.",    "gov",
      "gov.",      "mr",     "mr.",  "mrs",     "mrs.",    "ms",      "ms.",     "dr",
      "dr.",       "former", "the",  "mayor",   "judge",   "justice", "speaker", "secretary",
      "governor",  "gen",    "gen.", "general", "first",   "lady",    "madam",   "representative"};
  for (const std::string& key : in.keys) {
    const size_t sp = key.find(' ');
    if (sp == std::string::npos) continue;
    const std::string_view first = std::string_view(key).substr(0, sp);
    if (first.size() <= 2 && first != kb_first) continue;  // an initial: "J. Smith"
    if (std::find(std::begin(kTitles), std::end(kTitles), first) != std::end(kTitles)) continue;
    if (first != kb_first) return true;
  }
  return false;
}

Candidates Gather(const LinkInput& in, const ActorKb& kb, const geo::GeoData& geo) {
  Candidates out;
  const bool person = in.type == "PER" || (in.some_person && NamesAPerson(in, kb));
  const bool place_type = in.type == "LOC" || in.type == "GPE";
  for (const std::string& key : in.keys) {
    for (const ActorMatch& m : kb.Find(key)) {
      const Actor& a = kb.actor(m.actor);
      if (person != (a.type == "PER")) continue;
      if (m.kind == MatchKind::kSurname && OtherFirstName(in, a)) continue;
      if (m.kind == MatchKind::kCapital) {
        if (out.capital < 0) out.capital = static_cast<int>(m.capital);
        continue;
      }
      Cand c{CandKind::kActor, m.actor};
      c.prior = kActorPrior - static_cast<double>(m.kind);
      if (m.kind == MatchKind::kDemonym) {
        c.kind = CandKind::kDemonym;
        c.prior = kDemonymPrior;
      } else if (a.type == "GPE" && a.id == a.country) {
        c.kind = CandKind::kCountry;
        c.prior = kCountryPrior;
      }
      if (c.kind != CandKind::kActor) c.country = geo.CountryIndex(a.country);
      out.cands.push_back(c);
    }
    if (place_type) {
      for (const geo::IndexRec& r : geo.Find(key)) {
        // A short capitals form ("WA") is a region's code, never a town (Wa, Ghana).
        if (in.abbreviation && r.kind != geo::GeoKind::kAdmin1) continue;
        Cand c{r.kind == geo::GeoKind::kAdmin1 ? CandKind::kAdmin1 : CandKind::kPlace, r.idx};
        if (c.kind == CandKind::kAdmin1) {
          c.country = geo.admin1()[r.idx].country;
          c.admin1 = static_cast<int>(r.idx);
          c.prior = kAdmin1Prior;
        } else {
          const geo::PlaceRec& p = geo.places()[r.idx];
          c.country = p.country;
          c.admin1 = p.admin1 == geo::kNoAdmin1 ? -1 : p.admin1;
          c.prior = std::log10(static_cast<double>(p.population) + 10.0) / 2.5 + 0.75 * p.rank;
          c.alternate = r.alternate != 0;
        }
        out.cands.push_back(c);
      }
    }
    // Alternate names lose a little to places of that very name.
    const bool named = std::any_of(out.cands.begin(), out.cands.end(), [](const Cand& c) {
      return c.kind == CandKind::kPlace && !c.alternate;
    });
    for (Cand& c : out.cands) {
      if (named && c.alternate) c.prior -= kAlternatePenalty;
    }
    if (!out.cands.empty()) break;  // the canonical name decides when it can
  }
  return out;
}

// The best candidate; each of `qualifiers` (choices for names right after
// this one) that the candidate lies in adds kQualifiedBonus.
size_t Best(const std::vector<Cand>& cands, const Context& ctx,
            const std::vector<const Cand*>& qualifiers = {}) {
  size_t best = 0;
  double best_score = -1e9;
  for (size_t i = 0; i < cands.size(); ++i) {
    double s = Score(cands[i], ctx);
    for (const Cand* q : qualifiers) {
      if (Qualified(cands[i], *q)) s += kQualifiedBonus;
    }
    if (s > best_score) {
      best_score = s;
      best = i;
    }
  }
  return best;
}

LinkResult Resolve(const Cand& c, const Candidates& all, const LinkInput& in, const ActorKb& kb,
                   const geo::GeoData& geo, std::string_view date) {
  LinkResult r;
  r.linked = true;
  EntityLinks& l = r.links;
  switch (c.kind) {
    case CandKind::kActor:
    case CandKind::kCountry:
    case CandKind::kDemonym: {
      const Actor& a = kb.actor(c.idx);
      ResolvedActor at = kb.At(a, date);
      l.kb_id = a.id;
      l.country = at.country;
      l.actor_code = at.code;
      l.role = at.role;
      l.stands_for = a.stands_for;
      r.type = c.kind == CandKind::kDemonym ? "NORP" : a.type;
      r.name = c.kind == CandKind::kDemonym ? std::string() : a.name;
      if (c.kind == CandKind::kCountry) l.feature_class = "A";
      r.referent = (c.kind == CandKind::kDemonym ? "norp:" : "kb:") + a.id;
      break;
    }
    case CandKind::kAdmin1: {
      const geo::Admin1Rec& a = geo.admin1()[c.idx];
      r.type = "GPE";
      r.name = std::string(geo.Str(a.name));
      l.country = std::string(geo.Alpha3(a.country));
      l.admin1 = std::string(geo.Str(a.iso));
      l.feature_class = "A";
      r.referent = "a1:" + std::to_string(c.idx);
      break;
    }
    case CandKind::kPlace: {
      const geo::PlaceRec& p = geo.places()[c.idx];
      r.type = "GPE";
      r.name = std::string(geo.Str(p.name));
      l.geonames_id = p.geonames_id;
      l.lat = p.lat_e5 / 1e5;
      l.lon = p.lon_e5 / 1e5;
      l.has_coordinates = true;
      l.country = std::string(geo.Alpha3(p.country));
      if (p.admin1 != geo::kNoAdmin1) l.admin1 = std::string(geo.Str(geo.admin1()[p.admin1].iso));
      l.feature_class = std::string(1, p.feature_class);
      r.referent = "gn:" + std::to_string(p.geonames_id);
      if (all.capital >= 0 && in.political) {
        const Capital& cap = kb.capitals()[static_cast<size_t>(all.capital)];
        const std::string& of = kb.actor(cap.country_actor).country;
        if (of.empty() || of == l.country) {
          l.actor_code = cap.code;
          l.stands_for = cap.stands_for;
        }
      }
      break;
    }
  }
  return r;
}

// A name the article gives a linked person, tagged as something else
// elsewhere ("Obama" as a place, "Trump" as an organisation), is that person.
void AttachNamesOfPersons(const std::vector<LinkInput>& in, std::vector<LinkResult>& out) {
  std::unordered_map<std::string, size_t> person;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i].type != "PER" || !out[i].linked) continue;
    for (const std::string& key : in[i].keys) person.emplace(key, i);
    std::string name = geo::NameKey(out[i].name);
    size_t sp = name.rfind(' ');
    if (sp != std::string::npos) person.emplace(name.substr(sp + 1), i);
  }
  if (person.empty()) return;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i].type == "PER" || in[i].keys.empty()) continue;
    auto it = person.find(in[i].keys[0]);
    if (it != person.end()) out[i] = out[it->second];
  }
}

}  // namespace

std::vector<LinkResult> LinkEntities(const std::vector<LinkInput>& in, const ActorKb& kb,
                                     const geo::GeoData& geo, std::string_view date) {
  std::vector<Candidates> cands;
  cands.reserve(in.size());
  for (const LinkInput& e : in) cands.push_back(Gather(e, kb, geo));
  // Pass 1: by prior alone; its choices are the context of pass 2.
  Context none, ctx;
  std::vector<size_t> first(in.size(), 0);
  for (size_t i = 0; i < in.size(); ++i) {
    if (cands[i].cands.empty()) continue;
    first[i] = Best(cands[i].cands, none);
    const Cand& c = cands[i].cands[first[i]];
    if (c.kind == CandKind::kActor) {
      // A person or organisation adds its country, weakly: as one mention.
      int country = geo.CountryIndex(kb.At(kb.actor(c.idx), "").country);
      if (country >= 0) ++ctx.country[country];
    } else {
      ctx.Add(c, +1);
    }
  }
  std::vector<LinkResult> out(in.size());
  std::vector<const Cand*> qualifiers;
  for (size_t i = 0; i < in.size(); ++i) {
    if (cands[i].cands.empty()) continue;
    const Cand& own = cands[i].cands[first[i]];
    if (own.kind != CandKind::kActor) ctx.Add(own, -1);
    qualifiers.clear();
    // Only a name that is a place by itself is placed ("Canada, Mexico"
    // is no Canada in Mexico).
    if (own.kind == CandKind::kPlace || own.kind == CandKind::kAdmin1) {
      for (uint32_t q : in[i].qualifiers) {
        if (q < in.size() && q != i && !cands[q].cands.empty()) {
          qualifiers.push_back(&cands[q].cands[first[q]]);
        }
      }
    }
    size_t best = Best(cands[i].cands, ctx, qualifiers);
    if (own.kind != CandKind::kActor) ctx.Add(own, +1);
    out[i] = Resolve(cands[i].cands[best], cands[i], in[i], kb, geo, date);
  }
  AttachNamesOfPersons(in, out);
  return out;
}

}  // namespace parley::link
