// Derives models/geo.bin from the GeoNames and iso-codes files (see
// models/NOTICE). Run by tools/build_geo; not needed at run time.
#include <simdjson.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "geo/geo_data.h"
#include "geo/name_key.h"

namespace parley::geo {
namespace {

class Blob {
 public:
  uint32_t Add(std::string_view s) {
    auto it = offsets_.find(std::string(s));
    if (it != offsets_.end()) return it->second;
    uint32_t off = static_cast<uint32_t>(data_.size());
    data_.append(s);
    data_.push_back('\0');
    offsets_.emplace(std::string(s), off);
    return off;
  }
  const std::string& data() const { return data_; }

 private:
  std::string data_;
  std::unordered_map<std::string, uint32_t> offsets_;
};

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

// Alternate names worth indexing for English news: Latin script, no digits,
// not an all-capitals code (airport and postal codes: "ANC").
bool UsefulAlternate(std::string_view s) {
  if (s.size() < 2 || s.size() > 60) return false;
  bool lower = false;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    int len = utf8::Decode(s, i, &cp);
    if (len <= 0) return false;
    if (cp >= '0' && cp <= '9') return false;
    if (cp >= 'a' && cp <= 'z') lower = true;
    bool latin = cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF);
    if (!latin) return false;
    i += static_cast<size_t>(len);
  }
  return lower;
}

// Region names often carry their kind ("Maidan Wardak Province"); news drops it.
std::string WithoutKindWord(const std::string& key) {
  static const char* kWords[] = {
      " province", " oblast",     " region", " state",    " governorate", " prefecture",  " county",
      " district", " department", " krai",   " republic", " voivodeship", " municipality"};
  for (const char* w : kWords) {
    size_t n = std::strlen(w);
    if (key.size() > n + 2 && key.compare(key.size() - n, n, w) == 0) {
      return key.substr(0, key.size() - n);
    }
  }
  return {};
}

struct Builder {
  Blob blob;
  std::vector<CountryRec> countries;
  std::vector<Admin1Rec> admin1;
  std::vector<PlaceRec> places;
  std::vector<std::pair<std::string, IndexRec>> index;
  std::unordered_map<std::string, uint16_t> country_by_a2;
  std::unordered_set<std::string> country_keys;              // NameKeys of country names
  std::unordered_map<std::string, uint16_t> admin1_by_code;  // "US.AK"

  void AddKey(const std::string& key, GeoKind kind, uint32_t idx, bool alternate = false) {
    if (key.empty()) return;
    IndexRec r{};
    r.kind = kind;
    r.alternate = alternate ? 1 : 0;
    r.idx = idx;
    index.emplace_back(key, r);
  }

  void AddCountry(std::string_view a2, std::string_view a3, std::string_view name,
                  std::string_view official) {
    CountryRec c{};
    std::memcpy(c.alpha2, a2.data(), 2);
    std::memcpy(c.alpha3, a3.data(), 3);
    c.name = blob.Add(name);
    c.official = blob.Add(official);
    country_keys.insert(NameKey(name));
    country_keys.insert(NameKey(official));
    country_by_a2[std::string(a2)] = static_cast<uint16_t>(countries.size());
    countries.push_back(c);
  }
};

Status LoadCountries(const std::string& dir, Builder& b) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.load(dir + "/iso_3166-1.json").get(doc)) {
    return InvalidArgument(dir + "/iso_3166-1.json: cannot parse");
  }
  simdjson::dom::array arr;
  if (doc["3166-1"].get_array().get(arr)) return InvalidArgument("iso_3166-1.json: no list");
  for (simdjson::dom::element e : arr) {
    std::string_view a2, a3, name, common, official;
    if (e["alpha_2"].get_string().get(a2) || e["alpha_3"].get_string().get(a3) ||
        e["name"].get_string().get(name) || a2.size() != 2 || a3.size() != 3) {
      continue;
    }
    if (e["common_name"].get_string().get(common)) common = name;
    if (e["official_name"].get_string().get(official)) official = name;
    b.AddCountry(a2, a3, common, common == name ? official : name);
  }
  // Kosovo: in GeoNames (XK) but not in ISO 3166-1; XKX is the code in use.
  if (!b.country_by_a2.count("XK")) b.AddCountry("XK", "XKX", "Kosovo", "Republic of Kosovo");
  return Status::Ok();
}

// AP-style abbreviations of US states, by postal code (states that AP
// spells out have none).
const char* ApStyle(std::string_view postal) {
  static const char* kAp[][2] = {
      {"AL", "Ala."},  {"AZ", "Ariz."}, {"AR", "Ark."},  {"CA", "Calif."}, {"CO", "Colo."},
      {"CT", "Conn."}, {"DE", "Del."},  {"FL", "Fla."},  {"GA", "Ga."},    {"IL", "Ill."},
      {"IN", "Ind."},  {"KS", "Kan."},  {"KY", "Ky."},   {"LA", "La."},    {"MD", "Md."},
      {"MA", "Mass."}, {"MI", "Mich."}, {"MN", "Minn."}, {"MS", "Miss."},  {"MO", "Mo."},
      {"MT", "Mont."}, {"NE", "Neb."},  {"NV", "Nev."},  {"NH", "N.H."},   {"NJ", "N.J."},
      {"NM", "N.M."},  {"NY", "N.Y."},  {"NC", "N.C."},  {"ND", "N.D."},   {"OK", "Okla."},
      {"OR", "Ore."},  {"PA", "Pa."},   {"RI", "R.I."},  {"SC", "S.C."},   {"SD", "S.D."},
      {"TN", "Tenn."}, {"VT", "Vt."},   {"VA", "Va."},   {"WA", "Wash."},  {"WV", "W.Va."},
      {"WI", "Wis."},  {"WY", "Wyo."},  {"DC", "D.C."}};
  for (const auto& row : kAp) {
    if (postal == row[0]) return row[1];
  }
  return nullptr;
}

Status LoadAdmin1(const std::string& dir, Builder& b) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.load(dir + "/iso_3166-2.json").get(doc)) {
    return InvalidArgument(dir + "/iso_3166-2.json: cannot parse");
  }
  // ISO subdivisions by country: (code, name key, top level?)
  struct Sub {
    std::string code, key;
    bool top;
  };
  std::unordered_map<std::string, std::vector<Sub>> subs;
  simdjson::dom::array arr;
  if (doc["3166-2"].get_array().get(arr)) return InvalidArgument("iso_3166-2.json: no list");
  for (simdjson::dom::element e : arr) {
    std::string_view code, name, parent;
    if (e["code"].get_string().get(code) || e["name"].get_string().get(name) || code.size() < 4) {
      continue;
    }
    bool top = static_cast<bool>(e["parent"].get_string().get(parent));
    subs[std::string(code.substr(0, 2))].push_back({std::string(code), NameKey(name), top});
  }

  simdjson::dom::parser parser2;
  simdjson::dom::element adm;
  if (parser2.load(dir + "/geonames-admin1.json").get(adm)) {
    return InvalidArgument(dir + "/geonames-admin1.json: cannot parse");
  }
  simdjson::dom::array list;
  if (adm.get_array().get(list)) return InvalidArgument("geonames-admin1.json: not a list");
  for (simdjson::dom::element e : list) {
    std::string_view code, name;
    if (e["code"].get_string().get(code) || e["name"].get_string().get(name)) continue;
    size_t dot = code.find('.');
    if (dot != 2) continue;
    std::string cc(code.substr(0, 2));
    auto country = b.country_by_a2.find(cc);
    if (country == b.country_by_a2.end()) continue;
    std::string key = NameKey(name);
    std::string short_key = WithoutKindWord(key);
    // ISO code: the same suffix with the same name, else a unique name match.
    std::string iso;
    auto& list_cc = subs[cc];
    std::string direct = cc + "-" + std::string(code.substr(3));
    const Sub* by_name = nullptr;
    int name_matches = 0;
    for (const Sub& s : list_cc) {
      bool same = s.key == key || (!short_key.empty() && s.key == short_key) ||
                  WithoutKindWord(s.key) == key;
      if (!same) continue;
      if (s.code == direct) {
        by_name = &s;
        name_matches = 1;
        break;
      }
      if (s.top || !by_name) {
        if (!by_name || (s.top && !by_name->top)) by_name = &s;
        ++name_matches;
      }
    }
    if (by_name) iso = by_name->code;
    // GeoNames uses the ISO letters for some countries (US.AK); ISO names
    // are often in the local language (Bayern), so trust letters alone.
    std::string_view suffix = code.substr(3);
    bool letters = !suffix.empty() && std::all_of(suffix.begin(), suffix.end(),
                                                  [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (iso.empty() && letters) {
      for (const Sub& s : list_cc) {
        if (s.code == direct && s.top) iso = s.code;
      }
    }
    Admin1Rec a{};
    a.country = country->second;
    a.code = b.blob.Add(code.substr(3));
    a.iso = b.blob.Add(iso);
    a.name = b.blob.Add(name);
    uint32_t idx = static_cast<uint32_t>(b.admin1.size());
    b.admin1_by_code[std::string(code)] = static_cast<uint16_t>(idx);
    b.admin1.push_back(a);
    b.AddKey(key, GeoKind::kAdmin1, idx);
    if (!short_key.empty()) b.AddKey(short_key, GeoKind::kAdmin1, idx);
    if (cc == "US") {
      // Postal codes and AP-style abbreviations: "TX", "Calif.".
      b.AddKey(NameKey(code.substr(3)), GeoKind::kAdmin1, idx);
      if (const char* ap = ApStyle(code.substr(3))) b.AddKey(NameKey(ap), GeoKind::kAdmin1, idx);
    }
  }
  return Status::Ok();
}

constexpr uint32_t kAlternatesMinPopulation = 15000;

Status LoadPlaces(const std::string& dir, Builder& b) {
  std::string path = dir + "/geonames-cities500.txt";
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::string line;
  size_t line_no = 0;
  std::vector<std::string> keys;
  while (std::getline(in, line)) {
    ++line_no;
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 15) {
      return InvalidArgument(path + ":" + std::to_string(line_no) + ": expected 19 columns");
    }
    auto country = b.country_by_a2.find(std::string(f[8]));
    if (country == b.country_by_a2.end()) continue;
    PlaceRec p{};
    p.geonames_id = static_cast<uint32_t>(std::stoul(std::string(f[0])));
    p.lat_e5 = static_cast<int32_t>(std::lround(std::stod(std::string(f[4])) * 1e5));
    p.lon_e5 = static_cast<int32_t>(std::lround(std::stod(std::string(f[5])) * 1e5));
    p.population = f[14].empty() ? 0 : static_cast<uint32_t>(std::stoull(std::string(f[14])));
    p.country = country->second;
    auto a1 = b.admin1_by_code.find(std::string(f[8]) + "." + std::string(f[10]));
    p.admin1 = a1 == b.admin1_by_code.end() ? kNoAdmin1 : a1->second;
    p.feature_class = f[6].empty() ? 'P' : f[6][0];
    p.rank = f[7] == "PPLC" ? 2 : f[7] == "PPLA" ? 1 : 0;
    p.name = b.blob.Add(f[1]);
    uint32_t idx = static_cast<uint32_t>(b.places.size());
    b.places.push_back(p);
    keys.clear();
    keys.push_back(NameKey(f[1]));
    keys.push_back(NameKey(f[2]));
    const std::string name_key = keys[0], ascii_key = keys[1];
    size_t start = 0;
    // Alternate names of small places are mostly transliterations nobody
    // writes in English news; leaving them out halves the file.
    std::string_view alts = p.population >= kAlternatesMinPopulation ? f[3] : std::string_view();
    while (start < alts.size()) {
      size_t comma = alts.find(',', start);
      if (comma == std::string_view::npos) comma = alts.size();
      std::string_view alt = alts.substr(start, comma - start);
      if (UsefulAlternate(alt)) keys.push_back(NameKey(alt));
      start = comma + 1;
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& k : keys) {
      b.AddKey(k, GeoKind::kPlace, idx, k != name_key && k != ascii_key);
    }
  }
  return Status::Ok();
}

// Alternate names include old and foreign ones that are other places'
// names: "Philadelphia" (Amman), "Washington" (Reisterstown, MD), "Iraq"
// (Arāk), "Mexico" (Mexico City). An alternate is dropped when it is a
// country's name, or the name of a place at least as populous; it stays
// when its place is the largest so called ("New York" for New York City,
// "Cologne" for Köln, "Palmyra" for Tadmur).
void DropShadowedAlternates(Builder& b) {
  std::unordered_map<std::string, uint32_t> named;  // key -> largest population so named
  for (const auto& [key, rec] : b.index) {
    if (rec.kind != GeoKind::kPlace || rec.alternate) continue;
    uint32_t& pop = named[key];
    pop = std::max(pop, b.places[rec.idx].population);
  }
  std::erase_if(b.index, [&](const std::pair<std::string, IndexRec>& e) {
    const auto& [key, rec] = e;
    if (rec.kind != GeoKind::kPlace || !rec.alternate) return false;
    if (b.country_keys.count(key)) return true;
    auto it = named.find(key);
    return it != named.end() && it->second >= b.places[rec.idx].population;
  });
}

template <typename T>
bool Write(gzFile f, const std::vector<T>& v) {
  if (v.empty()) return true;
  size_t bytes = v.size() * sizeof(T);
  return gzwrite(f, v.data(), static_cast<unsigned>(bytes)) == static_cast<int>(bytes);
}

}  // namespace

Status GeoData::Build(const std::string& geo_dir, const std::string& out_path, std::string* stats) {
  Builder b;
  PARLEY_RETURN_IF_ERROR(LoadCountries(geo_dir, b));
  PARLEY_RETURN_IF_ERROR(LoadAdmin1(geo_dir, b));
  PARLEY_RETURN_IF_ERROR(LoadPlaces(geo_dir, b));
  DropShadowedAlternates(b);
  std::sort(b.index.begin(), b.index.end(), [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    if (x.second.kind != y.second.kind) return x.second.kind < y.second.kind;
    return x.second.idx < y.second.idx;
  });
  std::vector<IndexRec> index;
  index.reserve(b.index.size());
  for (auto& [key, rec] : b.index) {
    rec.key = b.blob.Add(key);
    rec.key_len = static_cast<uint16_t>(key.size());
    index.push_back(rec);
  }
  gzFile f = gzopen(out_path.c_str(), "wb9");
  if (!f) return IoError(out_path + ": cannot write");
  char magic[8] = {'P', 'R', 'L', 'Y', 'G', 'E', 'O', '\0'};
  uint32_t head[7] = {kGeoVersion,
                      static_cast<uint32_t>(b.countries.size()),
                      static_cast<uint32_t>(b.admin1.size()),
                      static_cast<uint32_t>(b.places.size()),
                      static_cast<uint32_t>(index.size()),
                      static_cast<uint32_t>(b.blob.data().size()),
                      0};
  bool ok = gzwrite(f, magic, 8) == 8 && gzwrite(f, head, sizeof head) == sizeof head &&
            Write(f, b.countries) && Write(f, b.admin1) && Write(f, b.places) && Write(f, index) &&
            gzwrite(f, b.blob.data().data(), static_cast<unsigned>(b.blob.data().size())) ==
                static_cast<int>(b.blob.data().size());
  if (gzclose(f) != Z_OK || !ok) return IoError(out_path + ": write failed");
  if (stats) {
    *stats = std::to_string(b.countries.size()) + " countries, " + std::to_string(b.admin1.size()) +
             " regions, " + std::to_string(b.places.size()) + " places, " +
             std::to_string(index.size()) + " names";
  }
  return Status::Ok();
}

}  // namespace parley::geo
