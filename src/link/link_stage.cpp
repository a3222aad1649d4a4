// The "link" stage: loads the gazetteer and the actor knowledge base once,
// links every entity (LinkEntities), then applies the result: links, names,
// refined types, and one entity per referent.
#include <algorithm>
#include <unordered_map>

#include "geo/geo_data.h"
#include "geo/name_key.h"
#include "link/link_internal.h"
#include "link/linker.h"
#include "parley/link.h"
#include "text/dateline.h"

namespace parley {
namespace link {
namespace {

// Whether mention m opens its sentence's dateline ("WASHINGTON (AP) --"),
// which the parse may take for the sentence's subject.
bool InDateline(const Document& doc, const Mention& m) {
  const std::vector<Sentence>& sentences = doc.sentences();
  const auto it =
      std::lower_bound(sentences.begin(), sentences.end(), m.token_begin,
                       [](const Sentence& s, uint32_t token) { return s.token_begin < token; });
  if (it == sentences.end() || it->token_begin != m.token_begin) return false;
  const int32_t dash = DatelineDash(doc, it->token_begin, it->token_end);
  return dash >= 0 && m.token_end <= it->token_begin + static_cast<uint32_t>(dash);
}

// A mention that is the subject of a clause ("Moscow said", "Washington
// imposed") stands for an actor rather than a place.
bool IsSubject(const Document& doc, const Mention& m) {
  const TokenColumns& tk = doc.tokens();
  if (tk.deprel.size() != tk.size() || tk.head.size() != tk.size()) return false;
  if (InDateline(doc, m)) return false;
  for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
    int32_t h = tk.head[t];
    bool outside = h < 0 || static_cast<uint32_t>(h) < m.token_begin ||
                   static_cast<uint32_t>(h) >= m.token_end;
    if (!outside) continue;
    std::string_view rel = doc.strings().Get(tk.deprel[t]);
    return rel.substr(0, 5) == "nsubj";
  }
  return false;
}

// "WA", "NY": postal and other codes, which the gazetteer's place names
// would only match by accident (Wa, Ghana).
bool IsAbbreviation(std::string_view name) {
  size_t letters = 0;
  for (char c : name) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') return false;
    ++letters;
  }
  return letters > 0 && letters <= 3;
}

// Merges entities that link to the same referent (and end with the same
// type): "U.S." and "United States" are one entity.
void MergeSameReferent(const std::vector<std::string>& referent, Document& doc) {
  std::vector<Entity>& entities = doc.mutable_entities();
  std::unordered_map<std::string, size_t> first;
  std::vector<int> target(entities.size(), -1);
  bool any = false;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (referent[i].empty()) continue;
    std::string key = referent[i] + "/" + std::to_string(entities[i].type);
    auto [it, inserted] = first.emplace(key, i);
    if (!inserted) {
      target[i] = static_cast<int>(it->second);
      any = true;
    }
  }
  if (!any) return;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (target[i] < 0) continue;
    Entity& into = entities[static_cast<size_t>(target[i])];
    into.mentions.insert(into.mentions.end(), entities[i].mentions.begin(),
                         entities[i].mentions.end());
    std::sort(into.mentions.begin(), into.mentions.end());
  }
  std::vector<int32_t> new_index(entities.size(), -1);
  std::vector<Entity> kept;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (target[i] >= 0) continue;
    new_index[i] = static_cast<int32_t>(kept.size());
    kept.push_back(std::move(entities[i]));
  }
  for (size_t i = 0; i < entities.size(); ++i) {
    if (target[i] >= 0) new_index[i] = new_index[static_cast<size_t>(target[i])];
  }
  entities = std::move(kept);
  for (Mention& m : doc.mutable_mentions()) {
    if (m.entity >= 0) m.entity = new_index[static_cast<size_t>(m.entity)];
  }
}

// Whether text right after a name ends the phrase: punctuation, a closing
// quote or bracket, a line end, or a possessive.
bool EndsPlacePhrase(std::string_view after) {
  const char c = after[0];
  if (c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '"' || c == '\n' ||
      c == '?' || c == '!') {
    return true;
  }
  if (c == '\'' && (after.size() < 2 || after[1] == 's')) return true;
  return after.substr(0, 2) == "\xE2\x80";  // ’ ” — –
}

class LinkStage : public Stage {
 public:
  LinkStage(geo::GeoData geo, ActorKb kb) : geo_(std::move(geo)), kb_(std::move(kb)) {}
  std::string_view name() const override { return "link"; }
  uint32_t requires_annotations() const override { return kAnnDocEntities; }
  uint32_t provides_annotations() const override { return kAnnLinks; }

  Status Process(Document& doc) const override {
    const std::vector<Mention>& mentions = doc.mentions();
    std::vector<LinkInput> in(doc.entities().size());
    for (size_t i = 0; i < in.size(); ++i) {
      const Entity& e = doc.entities()[i];
      in[i].type = std::string(doc.strings().Get(e.type));
      in[i].keys.push_back(geo::NameKey(e.name));
      in[i].abbreviation = IsAbbreviation(e.name);
      for (uint32_t mi : e.mentions) {
        if (mi >= mentions.size()) continue;
        std::string key = geo::NameKey(NameOfMention(doc, mentions[mi]).text);
        if (std::find(in[i].keys.begin(), in[i].keys.end(), key) == in[i].keys.end()) {
          in[i].keys.push_back(std::move(key));
        }
        if (IsSubject(doc, mentions[mi])) in[i].political = true;
        if (doc.strings().Get(mentions[mi].type) == "PER") in[i].some_person = true;
      }
    }
    // "Moscow, Idaho": a name right after another, past a comma, says
    // where the first one is.
    for (size_t mi = 0; mi + 1 < mentions.size(); ++mi) {
      const Mention &a = mentions[mi], &b = mentions[mi + 1];
      if (a.entity < 0 || b.entity < 0 || a.entity == b.entity || b.span.begin < a.span.end ||
          static_cast<size_t>(a.entity) >= in.size()) {
        continue;
      }
      const std::string_view between = doc.text().substr(a.span.end, b.span.begin - a.span.end);
      if (between != "," && between != ", ") continue;
      // …and closes a phrase: "Rochester, New Hampshire, so …", "Princeton,
      // Indiana." (not "in China, U.S. agencies …", "Cleveland, Texas Lt.
      // Gov. …").
      const std::string_view after = doc.text().substr(b.span.end, 2);
      if (!after.empty() && !EndsPlacePhrase(after)) continue;
      // Not in a list: "Vermont, Washington, Virginia and …", "Canada,
      // Mexico, and Brazil".
      if (mi > 0 && mentions[mi - 1].span.end + 2 >= a.span.begin &&
          mentions[mi - 1].span.end <= a.span.begin &&
          doc.text()[mentions[mi - 1].span.end] == ',') {
        continue;
      }
      if (mi + 2 < mentions.size() && after[0] == ',' &&
          mentions[mi + 2].span.begin >= b.span.end) {
        std::string_view gap =
            doc.text().substr(b.span.end, mentions[mi + 2].span.begin - b.span.end);
        if (gap == ", " || gap == ", and " || gap == ", or " || gap == ",") continue;
      }
      auto& q = in[static_cast<size_t>(a.entity)].qualifiers;
      const auto be = static_cast<uint32_t>(b.entity);
      if (std::find(q.begin(), q.end(), be) == q.end()) q.push_back(be);
    }
    std::vector<LinkResult> out = LinkEntities(in, kb_, geo_, doc.meta().date);
    std::vector<std::string> referent(out.size());
    std::vector<Entity>& entities = doc.mutable_entities();
    for (size_t i = 0; i < out.size(); ++i) {
      if (!out[i].linked) continue;
      Entity& e = entities[i];
      e.links = std::move(out[i].links);
      if (!out[i].name.empty()) e.name = std::move(out[i].name);
      if (!out[i].type.empty()) e.type = doc.mutable_strings().Intern(out[i].type);
      referent[i] = std::move(out[i].referent);
    }
    MergeSameReferent(referent, doc);
    doc.Mark(kAnnLinks);
    return Status::Ok();
  }

 private:
  const geo::GeoData geo_;
  const ActorKb kb_;
};

}  // namespace
}  // namespace link

StatusOr<std::unique_ptr<Stage>> MakeLinkStage(const LinkOptions& options) {
  auto geo = geo::GeoData::Load(options.models_dir + "/geo.bin");
  if (!geo.ok()) return geo.status();
  link::ActorKb kb;
  kb.AddCountries(*geo);
  PARLEY_RETURN_IF_ERROR(kb.LoadFile(options.models_dir + "/actors.tsv"));
  for (const std::string& path : options.actors_files) PARLEY_RETURN_IF_ERROR(kb.LoadFile(path));
  kb.Finish();
  return std::unique_ptr<Stage>(std::make_unique<link::LinkStage>(std::move(*geo), std::move(kb)));
}

}  // namespace parley
