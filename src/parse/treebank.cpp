// Treebank sentences laid out as Documents (see treebank.h).
#include "parse/treebank.h"

#include <algorithm>

namespace parley::parse {

Document TreebankDocument(const TreebankSentence* first, size_t count, bool with_tags) {
  // The words as the text had them: glued where SpaceAfter=No says so
  // (spacing tells a hyphen in a word from a dash), one space elsewhere and
  // between sentences.
  auto spaced = [](const TreebankSentence& s, size_t i) {
    return i + 1 == s.size() || i >= s.space_after.size() || s.space_after[i] != 0;
  };
  std::string text;
  for (size_t s = 0; s < count; ++s) {
    for (size_t i = 0; i < first[s].size(); ++i) {
      text += first[s].form[i];
      if (spaced(first[s], i)) text += ' ';
    }
  }
  if (!text.empty()) text.pop_back();
  Document doc(std::move(text));
  TokenColumns& tokens = doc.mutable_tokens();
  uint32_t offset = 0;
  for (size_t s = 0; s < count; ++s) {
    Sentence sentence;
    sentence.token_begin = static_cast<uint32_t>(tokens.size());
    sentence.span.begin = offset;
    for (size_t i = 0; i < first[s].size(); ++i) {
      auto end = static_cast<uint32_t>(offset + first[s].form[i].size());
      tokens.push_back(offset, end, offset, end, spaced(first[s], i));
      sentence.span.end = end;
      offset = spaced(first[s], i) ? end + 1 : end;
    }
    sentence.token_end = static_cast<uint32_t>(tokens.size());
    doc.mutable_sentences().push_back(sentence);
  }
  Paragraph paragraph;
  paragraph.span = {0, static_cast<uint32_t>(doc.text().size())};
  paragraph.sentence_end = static_cast<uint32_t>(count);
  doc.mutable_paragraphs().push_back(paragraph);
  doc.Mark(kAnnView | kAnnTokens | kAnnSentences | kAnnParagraphs);
  if (with_tags) {
    for (size_t s = 0; s < count; ++s) {
      for (size_t i = 0; i < first[s].size(); ++i) {
        tokens.upos.push_back(doc.mutable_strings().Intern(first[s].upos[i]));
        tokens.xpos.push_back(doc.mutable_strings().Intern(first[s].xpos[i]));
      }
    }
    doc.Mark(kAnnTags);
  }
  return doc;
}

Status RetagTreebank(std::vector<TreebankSentence>* sentences, const Stage& tagger) {
  for (size_t first = 0; first < sentences->size(); first += kSentencesPerDocument) {
    size_t count = std::min(kSentencesPerDocument, sentences->size() - first);
    Document doc = TreebankDocument(sentences->data() + first, count, false);
    PARLEY_RETURN_IF_ERROR(tagger.Process(doc));
    const TokenColumns& tokens = doc.tokens();
    if (tokens.upos.size() != tokens.size() || tokens.xpos.size() != tokens.size()) {
      return Internal("the tagger left tokens untagged");
    }
    size_t t = 0;
    for (size_t s = first; s < first + count; ++s) {
      TreebankSentence& sentence = (*sentences)[s];
      for (size_t i = 0; i < sentence.size(); ++i, ++t) {
        sentence.upos[i] = std::string(doc.strings().Get(tokens.upos[t]));
        sentence.xpos[i] = std::string(doc.strings().Get(tokens.xpos[t]));
      }
    }
  }
  return Status::Ok();
}

}  // namespace parley::parse
