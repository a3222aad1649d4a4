#include "link/entity_cluster.h"

#include <algorithm>
#include <numeric>

#include "core/ascii.h"

namespace parley::link {
namespace {

bool IsTitle(std::string_view w) {
  static const char* kTitles[] = {
      "President", "president", "Mr.",       "Mr",       "Mrs.",       "Mrs",      "Ms.",
      "Ms",        "Dr.",       "Dr",        "Sen.",     "Senator",    "Rep.",     "Representative",
      "Gov.",      "Governor",  "Prime",     "Minister", "Chancellor", "King",     "Queen",
      "Pope",      "Secretary", "Gen.",      "General",  "Sir",        "Dame",     "Lord",
      "Lady",      "Prince",    "Princess",  "Judge",    "Justice",    "Former",   "former",
      "Vice",      "Speaker",   "Mayor",     "Premier",  "Sheikh",     "Prof.",    "Professor",
      "Col.",      "Lt.",       "Capt.",     "Adm.",     "Ambassador", "Minister", "Foreign",
      "Defense",   "Defence",   "Deputy",    "Chief",    "the",        "The",      "U.S.",
      "US",        "Russian",   "Ukrainian", "French",   "German",     "British",  "Chinese",
      "Israeli",   "Iranian",   "Indian",    "Pres.",    "Supreme",    "Leader",   "Commissioner"};
  return std::any_of(std::begin(kTitles), std::end(kTitles), [&](const char* t) { return w == t; });
}

// "U.S." -> "US", "EU" -> "EU"; empty unless an upper-case acronym.
std::string Acronym(std::string_view w) {
  std::string out;
  for (char c : w) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') return {};
    out.push_back(c);
  }
  return out.size() >= 2 ? out : std::string();
}

// Initials of the capitalised words: "European Union" -> "EU".
std::string Initials(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') out.push_back(w[0]);
  }
  return out;
}

struct Cluster {
  std::vector<std::string> words;  // of the longest name (lower case)
  std::vector<std::string> cased;  // the same, as written
  std::string type;
  size_t size = 0;
  size_t first = 0;
};

bool Compatible(const NameMention& m, const std::vector<std::string>& lower, const Cluster& c) {
  if (lower == c.words) return true;  // the same name, whatever the types
  if (m.type == "PER" && c.type == "PER") {
    // Every word of the mention in the longer name, or the same surname.
    bool subset = std::all_of(lower.begin(), lower.end(), [&](const std::string& w) {
      return std::find(c.words.begin(), c.words.end(), w) != c.words.end();
    });
    if (subset) return true;
    return lower.size() == 1 && lower[0] == c.words.back();
  }
  if (m.words.size() == 1 && c.words.size() >= 2 && m.type != "PER" && c.type != "PER") {
    std::string acr = Acronym(m.words[0]);
    return !acr.empty() && acr == Initials(c.cased);
  }
  return false;
}

}  // namespace

bool IsPossessive(std::string_view w) {
  return w == "'s" || w == "\xE2\x80\x99s" || w == "'" || w == "\xE2\x80\x99" || w == "'S";
}

size_t LeadingTitleWords(const std::vector<std::string_view>& words) {
  size_t n = 0;
  while (n + 1 < words.size() && IsTitle(words[n])) ++n;
  return n;
}

std::vector<int> ClusterNames(const std::vector<NameMention>& mentions) {
  const size_t n = mentions.size();
  std::vector<std::vector<std::string>> lower(n);
  for (size_t i = 0; i < n; ++i) {
    for (const std::string& w : mentions[i].words) lower[i].push_back(AsciiLower(w));
  }
  // Longest names first, so "Trump" finds "Donald Trump" whichever comes first.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return mentions[a].words.size() > mentions[b].words.size();
  });
  std::vector<Cluster> clusters;
  std::vector<int> assign(n, -1);
  for (size_t i : order) {
    if (lower[i].empty()) continue;
    // Prefer the exact name, then the cluster mentioned most, then the first.
    int best = -1;
    auto rank = [&](size_t c) {
      return std::make_pair(lower[i] == clusters[c].words, clusters[c].size);
    };
    for (size_t c = 0; c < clusters.size(); ++c) {
      if (!Compatible(mentions[i], lower[i], clusters[c])) continue;
      if (best < 0 || rank(c) > rank(static_cast<size_t>(best))) best = static_cast<int>(c);
    }
    if (best < 0) {
      best = static_cast<int>(clusters.size());
      clusters.push_back({lower[i], mentions[i].words, mentions[i].type, 0, i});
    }
    Cluster& c = clusters[static_cast<size_t>(best)];
    ++c.size;
    c.first = std::min(c.first, i);
    assign[i] = best;
  }
  // Renumber by first mention.
  std::vector<size_t> by_first(clusters.size());
  std::iota(by_first.begin(), by_first.end(), 0);
  std::sort(by_first.begin(), by_first.end(),
            [&](size_t a, size_t b) { return clusters[a].first < clusters[b].first; });
  std::vector<int> renum(clusters.size());
  for (size_t k = 0; k < by_first.size(); ++k) renum[by_first[k]] = static_cast<int>(k);
  for (int& a : assign) {
    if (a >= 0) a = renum[static_cast<size_t>(a)];
  }
  return assign;
}

}  // namespace parley::link
