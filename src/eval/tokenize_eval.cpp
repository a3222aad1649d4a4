// Tokenization scorer (see eval.h): rebuilds each CoNLL-U document's raw text,
// segments it with the pipeline and compares sentence and token byte spans.
//
// Gold tokens are surface tokens: a multi-word token range ("don't" = do +
// n't) counts once, with its surface. The tokenizer writes the words of such
// a token as separate tokens (Penn style, for the tagger and parser), so the
// predicted side is scored the same way: a token the tokenizer split off the
// word before it (text::IsWordPiece, no space between) is joined back into
// one surface token, the system's own multi-word token.
#include <chrono>
#include <string>
#include <vector>

#include "eval/conllu.h"
#include "parley/document.h"
#include "parley/eval.h"
#include "text/tokenizer.h"

namespace parley {
namespace {

struct GoldDocument {
  std::string text;
  std::vector<Span> sentences, tokens;
  bool last_space_after = true;  // after the last sentence so far
  bool empty() const { return sentences.empty(); }
};

// Appends one sentence: its text, its span and its surface token spans.
Status AddSentence(const conllu::Sentence& s, const std::string& file, GoldDocument* doc) {
  if (!doc->empty()) {
    if (s.new_paragraph) {
      doc->text += "\n\n";
    } else if (doc->last_space_after) {
      doc->text += ' ';
    }
  }
  std::string sentence = s.Text();
  auto base = static_cast<uint32_t>(doc->text.size());
  doc->text += sentence;
  std::vector<size_t> surface = s.SurfaceTokens();
  size_t pos = 0;
  for (size_t idx : surface) {
    const std::string& form = s.lines[idx].form;
    while (pos < sentence.size() && (sentence[pos] == ' ' || sentence[pos] == '\t')) ++pos;
    if (sentence.compare(pos, form.size(), form) != 0) {
      std::string where = file;
      where += ":" + std::to_string(s.line_number) + ": token '";
      where += form;
      where += "' does not match the sentence's # text at byte " + std::to_string(pos);
      return InvalidArgument(std::move(where));
    }
    doc->tokens.push_back(
        {static_cast<uint32_t>(base + pos), static_cast<uint32_t>(base + pos + form.size())});
    pos += form.size();
  }
  doc->sentences.push_back({base, static_cast<uint32_t>(doc->text.size())});
  doc->last_space_after = surface.empty() || s.lines[surface.back()].space_after();
  return Status::Ok();
}

// Counts spans present in both sorted lists.
uint64_t CountCommon(const std::vector<Span>& gold, const std::vector<Span>& pred) {
  uint64_t common = 0;
  size_t g = 0, p = 0;
  while (g < gold.size() && p < pred.size()) {
    if (gold[g] == pred[p]) {
      ++common;
      ++g;
      ++p;
    } else if (gold[g].begin < pred[p].begin ||
               (gold[g].begin == pred[p].begin && gold[g].end < pred[p].end)) {
      ++g;
    } else {
      ++p;
    }
  }
  return common;
}

// Predicted surface tokens: words split off the word before them rejoined.
std::vector<Span> SurfaceTokens(const Document& doc) {
  std::vector<Span> out;
  const TokenColumns& t = doc.tokens();
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    if (!out.empty() && t.begin[i] == out.back().end && i > 0 &&
        text::IsWordPiece(doc.TokenForm(i - 1), doc.TokenForm(i))) {
      out.back().end = t.end[i];
    } else {
      out.push_back({t.begin[i], t.end[i]});
    }
  }
  return out;
}

Status ScoreDocument(GoldDocument& gold, const Pipeline& pipeline, TokenizeScores* scores) {
  Document doc(std::move(gold.text));
  auto t0 = std::chrono::steady_clock::now();
  Status st = pipeline.Process(doc);
  scores->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  PARLEY_RETURN_IF_ERROR(st);
  std::vector<Span> sentences;
  sentences.reserve(doc.sentences().size());
  for (const Sentence& s : doc.sentences()) sentences.push_back(s.span);
  std::vector<Span> tokens = SurfaceTokens(doc);

  scores->documents += 1;
  scores->bytes += doc.text().size();
  scores->sentences.gold += gold.sentences.size();
  scores->sentences.predicted += sentences.size();
  scores->sentences.correct += CountCommon(gold.sentences, sentences);
  scores->tokens.gold += gold.tokens.size();
  scores->tokens.predicted += tokens.size();
  scores->tokens.correct += CountCommon(gold.tokens, tokens);
  gold = GoldDocument();
  return Status::Ok();
}

}  // namespace

StatusOr<TokenizeScores> EvalTokenize(const std::string& conllu_path, const Pipeline& pipeline) {
  auto reader = conllu::Reader::Open(conllu_path);
  if (!reader.ok()) return reader.status();
  TokenizeScores scores;
  GoldDocument gold;
  conllu::Sentence sentence;
  while (true) {
    StatusOr<bool> more = (*reader)->Next(&sentence);
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (sentence.new_document && !gold.empty()) {
      PARLEY_RETURN_IF_ERROR(ScoreDocument(gold, pipeline, &scores));
    }
    PARLEY_RETURN_IF_ERROR(AddSentence(sentence, conllu_path, &gold));
  }
  if (!gold.empty()) PARLEY_RETURN_IF_ERROR(ScoreDocument(gold, pipeline, &scores));
  return scores;
}

}  // namespace parley
