// The "entities" stage: predict (ClusterNames over the mentions' words) and
// apply (entities() and Mention::entity).
#include <algorithm>

#include "link/entity_cluster.h"
#include "link/link_internal.h"
#include "parley/link.h"

namespace parley {
namespace link {

MentionName NameOfMention(const Document& doc, const Mention& m) {
  MentionName out;
  std::string_view type = doc.strings().Get(m.type);
  std::vector<std::string_view> words;
  for (uint32_t t = m.token_begin; t < m.token_end; ++t) words.push_back(doc.TokenForm(t));
  size_t end = words.size();
  while (end > 1 && IsPossessive(words[end - 1])) --end;
  words.resize(end);
  size_t begin = type == "PER" ? LeadingTitleWords(words) : 0;
  out.first = m.token_begin + static_cast<uint32_t>(begin);
  out.last = m.token_begin + static_cast<uint32_t>(end);
  for (size_t i = begin; i < end; ++i) out.words.emplace_back(words[i]);
  if (out.first < out.last) {
    const TokenColumns& tk = doc.tokens();
    out.text = std::string(doc.view().text().substr(tk.vbegin[out.first],
                                                    tk.vend[out.last - 1] - tk.vbegin[out.first]));
  }
  return out;
}

void ApplyClusters(const std::vector<int>& cluster, const std::vector<MentionName>& names,
                   Document& doc) {
  std::vector<Mention>& mentions = doc.mutable_mentions();
  std::vector<Entity>& entities = doc.mutable_entities();
  entities.clear();
  int k = 0;
  for (int c : cluster) k = std::max(k, c + 1);
  entities.resize(static_cast<size_t>(k));
  std::vector<size_t> best(static_cast<size_t>(k), SIZE_MAX);
  for (size_t i = 0; i < mentions.size(); ++i) {
    mentions[i].entity = cluster[i];
    if (cluster[i] < 0) continue;
    size_t c = static_cast<size_t>(cluster[i]);
    entities[c].mentions.push_back(static_cast<uint32_t>(i));
    // Canonical name: the longest name, in words then bytes; the first on a tie.
    if (best[c] == SIZE_MAX || names[i].words.size() > names[best[c]].words.size() ||
        (names[i].words.size() == names[best[c]].words.size() &&
         names[i].text.size() > names[best[c]].text.size())) {
      best[c] = i;
    }
  }
  for (size_t c = 0; c < entities.size(); ++c) {
    Entity& e = entities[c];
    e.name = names[best[c]].text;
    // Type: the most frequent NER type; the canonical mention's on a tie.
    std::vector<std::pair<uint32_t, int>> votes;
    for (uint32_t mi : e.mentions) {
      uint32_t t = mentions[mi].type;
      auto it = std::find_if(votes.begin(), votes.end(), [&](auto& v) { return v.first == t; });
      if (it == votes.end()) {
        votes.emplace_back(t, 0);
        it = votes.end() - 1;
      }
      it->second += mi == best[c] ? 3 : 2;
    }
    auto top = std::max_element(votes.begin(), votes.end(),
                                [](auto& a, auto& b) { return a.second < b.second; });
    e.type = top->first;
  }
  doc.Mark(kAnnDocEntities);
}

namespace {

class EntitiesStage : public Stage {
 public:
  std::string_view name() const override { return "entities"; }
  uint32_t requires_annotations() const override { return kAnnEntities; }
  uint32_t provides_annotations() const override { return kAnnDocEntities; }
  Status Process(Document& doc) const override {
    std::vector<MentionName> names;
    std::vector<NameMention> input;
    names.reserve(doc.mentions().size());
    for (const Mention& m : doc.mentions()) {
      names.push_back(NameOfMention(doc, m));
      input.push_back({names.back().words, std::string(doc.strings().Get(m.type))});
    }
    ApplyClusters(ClusterNames(input), names, doc);
    return Status::Ok();
  }
};

}  // namespace
}  // namespace link

std::unique_ptr<Stage> MakeEntitiesStage() {
  return std::make_unique<link::EntitiesStage>();
}

}  // namespace parley
