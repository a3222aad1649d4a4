// Fuzzes what the link layer reads from users and documents: an actors file
// (any bytes must load or fail with a located error, never crash), name
// keys of arbitrary bytes, and name clustering over arbitrary words.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "geo/name_key.h"
#include "link/actor_kb.h"
#include "link/entity_cluster.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  parley::link::ActorKb kb;
  parley::Status s = kb.LoadText(text, "fuzz.tsv");
  if (!s.ok() && s.message().rfind("fuzz.tsv:", 0) != 0) std::abort();
  kb.Finish();
  std::vector<parley::link::NameMention> mentions;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    start = nl + 1;
    std::string key = parley::geo::NameKey(line);
    for (const auto& m : kb.Find(key)) {
      if (m.actor >= kb.size()) std::abort();
      (void)kb.At(kb.actor(m.actor), "2020-01-01");
    }
    parley::link::NameMention m;
    m.type = line.empty() ? "PER" : (line[0] & 1 ? "PER" : "ORG");
    size_t w = 0;
    while (w < line.size()) {
      size_t sp = line.find(' ', w);
      if (sp == std::string::npos) sp = line.size();
      if (sp > w) m.words.push_back(line.substr(w, sp - w));
      w = sp + 1;
    }
    mentions.push_back(std::move(m));
  }
  std::vector<int> c = parley::link::ClusterNames(mentions);
  if (c.size() != mentions.size()) std::abort();
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i] < -1 || c[i] >= static_cast<int>(c.size())) std::abort();
    if (c[i] == -1 && !mentions[i].words.empty()) std::abort();
  }
  return 0;
}
