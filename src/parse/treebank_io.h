// Reads a CoNLL-U treebank into TreebankSentences (syntactic words only:
// multi-word ranges and empty nodes are skipped).
//
// Header-only on purpose: the CoNLL-U reader lives in the parley_eval layer,
// which sits above parley_parse, so library code in parse/ cannot call it
// without a dependency cycle. The CLI and the tests, which link everything,
// include this file.
#pragma once

#include <charconv>
#include <string>
#include <vector>

#include "eval/conllu.h"
#include "parley/parser.h"

namespace parley::parse {

inline StatusOr<std::vector<TreebankSentence>> ReadTreebank(const std::string& path) {
  auto reader = conllu::Reader::Open(path);
  if (!reader.ok()) return reader.status();
  std::vector<TreebankSentence> out;
  conllu::Sentence s;
  while (true) {
    StatusOr<bool> more = (*reader)->Next(&s);
    if (!more.ok()) return more.status();
    if (!*more) break;
    TreebankSentence t;
    t.space_after = s.WordSpaceAfter();
    for (size_t i : s.Words()) {
      const conllu::Line& line = s.lines[i];
      uint32_t head = 0;
      auto [ptr, ec] = std::from_chars(line.head.data(), line.head.data() + line.head.size(), head);
      if (ec != std::errc() || ptr != line.head.data() + line.head.size()) {
        return InvalidArgument(path + ":" + std::to_string(s.line_number) + ": sentence '" + s.id +
                               "' has a token without a numeric HEAD");
      }
      t.form.push_back(line.form);
      t.lemma.push_back(line.lemma);
      t.upos.push_back(line.upos);
      t.xpos.push_back(line.xpos);
      t.deprel.push_back(line.deprel);
      t.head.push_back(static_cast<int32_t>(head) - 1);
    }
    // Word ids run 1..n in order once ranges and empty nodes are gone, so a
    // HEAD beyond n is the only way to point outside the sentence.
    for (int32_t h : t.head) {
      if (h >= static_cast<int32_t>(t.size())) {
        return InvalidArgument(path + ":" + std::to_string(s.line_number) + ": sentence '" + s.id +
                               "' has a HEAD outside the sentence");
      }
    }
    if (!t.form.empty()) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace parley::parse
