// The CoNLL-U view behind `parley extract --format conllu`: one block per
// sentence with the tokens' tags, lemmas and parse, so other tools (and
// `parley train parse --extra`) can read what the pipeline produced.
#include <string>

#include "output/flatten.h"
#include "parley/output.h"

namespace parley {
namespace {

// A field without the characters CoNLL-U reserves (tab, line breaks), and
// "_" for an empty one.
void AppendField(std::string_view s, std::string* out) {
  if (s.empty()) {
    out->push_back('_');
    return;
  }
  for (char c : s) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

}  // namespace

void WriteDocumentConllu(const Document& doc, std::string* out) {
  const TokenColumns& t = doc.tokens();
  const StringStore& strings = doc.strings();
  const size_t n = t.size();
  auto column = [&](const std::vector<uint32_t>& ids, size_t i) -> std::string_view {
    return ids.size() == n ? strings.Get(ids[i]) : std::string_view();
  };
  const bool parsed = t.head.size() == n && t.deprel.size() == n;
  out->append("# newdoc id = ");
  AppendField(doc.meta().id, out);
  out->push_back('\n');
  size_t k = 0;
  for (const Sentence& s : doc.sentences()) {
    if (s.token_begin >= s.token_end || s.token_end > n) continue;
    ++k;
    out->append("# sent_id = ");
    AppendField(doc.meta().id, out);
    out->append("-" + std::to_string(k) + "\n# text = ");
    out->append(Flatten(doc.SpanText(s.span)));
    out->push_back('\n');
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      out->append(std::to_string(i - s.token_begin + 1));
      out->push_back('\t');
      AppendField(doc.TokenForm(i), out);
      for (const std::vector<uint32_t>* col : {&t.lemma, &t.upos, &t.xpos}) {
        out->push_back('\t');
        AppendField(column(*col, i), out);
      }
      out->append("\t_\t");
      const int32_t h = parsed ? t.head[i] : -2;
      if (h == -1) {
        out->push_back('0');
      } else if (h >= static_cast<int32_t>(s.token_begin) &&
                 h < static_cast<int32_t>(s.token_end)) {
        out->append(std::to_string(h - static_cast<int32_t>(s.token_begin) + 1));
      } else {
        out->push_back('_');  // no parse, or a head outside the sentence
      }
      out->push_back('\t');
      AppendField(parsed ? strings.Get(t.deprel[i]) : std::string_view(), out);
      out->append("\t_\t");
      const bool glued = i + 1 < s.token_end && i < t.space_after.size() && !t.space_after[i];
      out->append(glued ? "SpaceAfter=No" : "_");
      out->push_back('\n');
    }
    out->push_back('\n');
  }
}

}  // namespace parley
