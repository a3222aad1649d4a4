#include "quotes/cue_lexicon.h"

#include <fstream>
#include <sstream>

namespace parley::quotes {
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

CueClass ClassOfName(std::string_view name) {
  if (name == "speech") return CueClass::kSpeech;
  if (name == "belief") return CueClass::kBelief;
  if (name == "finding") return CueClass::kFinding;
  if (name == "noun") return CueClass::kNoun;
  return CueClass::kNone;
}

}  // namespace

StatusOr<CueLexicon> CueLexicon::Parse(std::string_view text, std::string_view origin) {
  CueLexicon lex;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    const std::string where = std::string(origin) + ":" + std::to_string(line_no) + ": ";
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return InvalidArgument(where + "expected \"lemma<TAB>class\", got \"" + std::string(line) +
                             "\"");
    }
    std::string_view lemma = Trim(line.substr(0, tab));
    std::string_view cls_name = Trim(line.substr(tab + 1));
    CueClass cls = ClassOfName(cls_name);
    if (cls == CueClass::kNone) {
      return InvalidArgument(where + "unknown class '" + std::string(cls_name) +
                             "' (known: speech, belief, finding, noun)");
    }
    if (lemma.empty()) return InvalidArgument(where + "empty lemma");
    auto& table = cls == CueClass::kNoun ? lex.nouns_ : lex.verbs_;
    table.emplace(std::string(lemma), cls);  // the first entry of a lemma wins
  }
  return lex;
}

StatusOr<CueLexicon> CueLexicon::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open cue lexicon " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path);
}

CueClass CueLexicon::Verb(std::string_view lemma, std::string_view particle) const {
  if (!particle.empty()) {
    std::string key(lemma);
    key += ' ';
    key += particle;
    if (auto it = verbs_.find(key); it != verbs_.end()) return it->second;
    return CueClass::kNone;
  }
  auto it = verbs_.find(std::string(lemma));
  if (it != verbs_.end()) return it->second;
  return CueClass::kNone;
}

bool CueLexicon::Noun(std::string_view lemma) const {
  return nouns_.count(std::string(lemma)) > 0;
}

}  // namespace parley::quotes
