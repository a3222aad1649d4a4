#include "ner/gazetteer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "ner/labels.h"

namespace parley::ner {

Gazetteer Gazetteer::FromLists(const Lists& lists) {
  Gazetteer g;
  std::unordered_map<uint64_t, uint32_t> table;
  for (size_t l = 0; l < lists.size() && l < kMaxLists; ++l) {
    g.names_.push_back(lists[l].first);
    for (const std::string& phrase : lists[l].second) {
      std::vector<uint64_t> keys;
      uint64_t h = kPhraseSeed;
      size_t pos = 0;
      while (pos < phrase.size()) {
        size_t sp = phrase.find(' ', pos);
        if (sp == std::string::npos) sp = phrase.size();
        if (sp > pos) {
          h = Combine(h, HashString(AsciiLower(std::string_view(phrase).substr(pos, sp - pos))));
          keys.push_back(h);
        }
        pos = sp + 1;
      }
      if (keys.empty() || keys.size() > kMaxPhraseTokens) continue;
      for (size_t k = 0; k + 1 < keys.size(); ++k) table[keys[k]] |= kPrefix;
      table[keys.back()] |= 1u << l;
      g.max_tokens_ = std::max(g.max_tokens_, static_cast<uint32_t>(keys.size()));
    }
  }
  g.table_ = FlatMap<uint32_t>(table);
  return g;
}

StatusOr<Gazetteer> Gazetteer::FromDirectory(const std::string& dir) {
  auto lists = ReadDirectory(dir);
  if (!lists.ok()) return lists.status();
  return FromLists(*lists);
}

StatusOr<Gazetteer::Lists> Gazetteer::ReadDirectory(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  if (ec) return NotFound("gazetteer folder " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  if (files.size() > kMaxLists) return InvalidArgument("too many gazetteer lists in " + dir);
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;
  for (const std::string& f : files) {
    std::ifstream in(f);
    if (!in) return IoError("cannot read " + f);
    lists.emplace_back(std::filesystem::path(f).stem().string(), std::vector<std::string>{});
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line[0] != '#') lists.back().second.push_back(line);
    }
  }
  return lists;
}

void Gazetteer::Match(const uint64_t* lower, size_t n, uint8_t* parts) const {
  const size_t nl = names_.size();
  std::fill(parts, parts + n * nl, uint8_t{0});
  uint32_t longest[kMaxLists];
  std::vector<size_t> free_from(nl, 0);  // a list's next token not yet in a match
  for (size_t i = 0; i < n; ++i) {
    std::fill(longest, longest + nl, 0u);
    uint64_t h = kPhraseSeed;
    bool any = false;
    for (size_t k = 0; k < max_tokens_ && i + k < n; ++k) {
      h = Combine(h, lower[i + k]);
      const uint32_t* v = table_.Find(h);
      if (!v) break;
      for (uint32_t bits = *v & ~kPrefix; bits; bits &= bits - 1) {
        longest[__builtin_ctz(bits)] = static_cast<uint32_t>(k + 1);
        any = true;
      }
      if (!(*v & kPrefix)) break;
    }
    if (!any) continue;
    for (size_t l = 0; l < nl; ++l) {
      if (longest[l] == 0 || i < free_from[l]) continue;
      size_t len = longest[l];
      for (size_t k = 0; k < len; ++k) {
        Part p = len == 1 ? Part::kU : k == 0 ? Part::kB : k + 1 == len ? Part::kL : Part::kI;
        parts[(i + k) * nl + l] = static_cast<uint8_t>(p);
      }
      free_from[l] = i + len;
    }
  }
}

void Gazetteer::Save(learn::ModelWriter& w) const {
  w.Strings(names_);
  w.U32(max_tokens_);
  table_.Save(w);
}

Status Gazetteer::Load(learn::ModelReader& r) {
  PARLEY_RETURN_IF_ERROR(r.Strings(&names_));
  PARLEY_RETURN_IF_ERROR(r.U32(&max_tokens_));
  if (names_.size() > kMaxLists || max_tokens_ > kMaxPhraseTokens) {
    return r.Corrupt("gazetteer header out of range");
  }
  return table_.Load(r);
}

}  // namespace parley::ner
