// Ambiguity classes of training words (see word_classes.h).
#include "parse/word_classes.h"

#include <algorithm>
#include <map>
#include <string>

#include "learn/features.h"
#include "learn/model_io.h"
#include "parse/parse_features.h"

namespace parley::parse {

WordClasses WordClasses::Build(const std::vector<TreebankSentence>& gold, uint32_t min_count,
                               double min_share) {
  // Ordered maps: the class strings, hence the model bytes, do not depend
  // on hash order.
  std::unordered_map<uint64_t, std::map<std::string, uint32_t>> tags;
  for (const TreebankSentence& s : gold) {
    for (size_t i = 0; i < s.size(); ++i) ++tags[LowerFormHash(s.form[i])][s.xpos[i]];
  }
  WordClasses out;
  for (const auto& [word, counts] : tags) {
    uint32_t total = 0;
    for (const auto& [tag, n] : counts) total += n;
    if (total < min_count) continue;
    std::string name;
    for (const auto& [tag, n] : counts) {
      if (n < min_share * total) continue;
      if (!name.empty()) name += '|';
      name += tag;
    }
    out.classes_.emplace(word, learn::HashFeature(5, name));
  }
  return out;
}

void WordClasses::Save(learn::ModelWriter& w) const {
  std::vector<std::pair<uint64_t, uint64_t>> sorted(classes_.begin(), classes_.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<uint64_t> flat;
  for (const auto& [word, cls] : sorted) {
    flat.push_back(word);
    flat.push_back(cls);
  }
  w.Array(flat);
}

Status WordClasses::Load(learn::ModelReader& r) {
  std::vector<uint64_t> flat;
  PARLEY_RETURN_IF_ERROR(r.Array(&flat));
  if (flat.size() % 2 != 0) return r.Corrupt("word classes are not pairs");
  classes_.clear();
  classes_.reserve(flat.size() / 2);
  for (size_t i = 0; i < flat.size(); i += 2) classes_.emplace(flat[i], flat[i + 1]);
  return Status::Ok();
}

}  // namespace parley::parse
