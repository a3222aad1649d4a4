// `parley extract --format conllu`: what the writer prints reads back as
// the same words, spacing, tags and trees, and a document with no parse
// leaves the columns empty rather than inventing them.
#include <gtest/gtest.h>

#include <sstream>

#include "eval/conllu.h"
#include "parley/output.h"
#include "parse/treebank.h"

namespace parley {
namespace {

std::vector<TreebankSentence> Sentences() {
  TreebankSentence a;
  a.form = {"Lee", "said", "the", "long", "-", "term", "plan", "failed", "."};
  a.space_after = {1, 1, 1, 0, 0, 1, 1, 0, 1};
  a.upos = {"PROPN", "VERB", "DET", "ADJ", "PUNCT", "NOUN", "NOUN", "VERB", "PUNCT"};
  a.xpos = {"NNP", "VBD", "DT", "JJ", "HYPH", "NN", "NN", "VBD", "."};
  a.head = {1, -1, 6, 5, 3, 6, 7, 1, 1};
  a.deprel = {"nsubj", "root", "det", "amod", "punct", "compound", "nsubj", "ccomp", "punct"};
  TreebankSentence b;
  b.form = {"Yes", "!"};
  b.upos = {"INTJ", "PUNCT"};
  b.xpos = {"UH", "."};
  b.head = {-1, 0};
  b.deprel = {"root", "punct"};
  return {a, b};
}

// A document of the sentences with their tags and, when `parsed`, trees.
Document Build(const std::vector<TreebankSentence>& sentences, bool parsed) {
  Document doc = parse::TreebankDocument(sentences.data(), sentences.size(), true);
  doc.mutable_meta().id = "doc\t1";
  if (parsed) {
    TokenColumns& t = doc.mutable_tokens();
    int32_t base = 0;
    for (const TreebankSentence& s : sentences) {
      for (size_t i = 0; i < s.size(); ++i) {
        t.head.push_back(s.head[i] < 0 ? -1 : s.head[i] + base);
        t.deprel.push_back(doc.mutable_strings().Intern(s.deprel[i]));
      }
      base += static_cast<int32_t>(s.size());
    }
    doc.Mark(kAnnParse);
  }
  return doc;
}

std::vector<conllu::Sentence> ReadBack(const std::string& text) {
  std::istringstream in(text);
  conllu::Reader reader(in, "out.conllu");
  std::vector<conllu::Sentence> out;
  conllu::Sentence s;
  while (true) {
    auto more = reader.Next(&s);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    out.push_back(s);
  }
  return out;
}

TEST(ConlluWriter, ReadsBackAsWritten) {
  const auto sentences = Sentences();
  std::string out;
  WriteDocumentConllu(Build(sentences, true), &out);
  const auto back = ReadBack(out);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_TRUE(back[0].new_document);
  EXPECT_EQ(back[0].document_id, "doc 1");  // no tab inside a field
  EXPECT_EQ(back[0].id, "doc 1-1");
  EXPECT_EQ(back[0].text, "Lee said the long-term plan failed.");
  for (size_t s = 0; s < 2; ++s) {
    const TreebankSentence& want = sentences[s];
    ASSERT_EQ(back[s].lines.size(), want.size());
    std::vector<uint8_t> spaces = back[s].WordSpaceAfter();
    for (size_t i = 0; i < want.size(); ++i) {
      const conllu::Line& l = back[s].lines[i];
      EXPECT_EQ(l.form, want.form[i]);
      EXPECT_EQ(l.upos, want.upos[i]);
      EXPECT_EQ(l.xpos, want.xpos[i]);
      EXPECT_EQ(l.head, std::to_string(want.head[i] + 1));
      EXPECT_EQ(l.deprel, want.deprel[i]);
      // The last word's spacing is the sentence break's, always a space.
      const bool spaced = i + 1 == want.size() || want.space_after.empty() || want.space_after[i];
      EXPECT_EQ(spaces[i] != 0, spaced) << want.form[i];
    }
  }
}

TEST(ConlluWriter, UnparsedDocumentLeavesTheTreeEmpty) {
  std::string out;
  WriteDocumentConllu(Build(Sentences(), false), &out);
  const auto back = ReadBack(out);
  ASSERT_EQ(back.size(), 2u);
  for (const conllu::Line& l : back[0].lines) {
    EXPECT_EQ(l.head, "_");
    EXPECT_EQ(l.deprel, "_");
    EXPECT_EQ(l.lemma, "_");  // no lemmas in this document
    EXPECT_FALSE(l.upos.empty());
  }
}

}  // namespace
}  // namespace parley
