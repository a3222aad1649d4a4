// Quote scoring against gold attributions (PolNeAR): content token Jaccard,
// one-to-one greedy matching, source and cue overlap, per-kind counts.
#include <algorithm>

#include "core/utf8.h"
#include "eval/quote_text.h"
#include "parley/quote_eval.h"

namespace parley {
namespace {

constexpr double kMatchJaccard = 0.5;

bool IsOpeningDouble(char32_t cp) {
  return cp == U'\u201C' || cp == U'\u201E' || cp == U'\u00AB' || cp == U'\u201F';
}
bool IsClosingDouble(char32_t cp) {
  return cp == U'\u201D' || cp == U'\u00BB';
}
bool IsAsciiSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  char32_t cp = 0;
  int n = utf8::Decode(s, i, &cp);
  *len = n > 0 ? static_cast<size_t>(n) : 1;
  return n > 0 ? cp : utf8::kReplacement;
}

// The code point that ends just before byte i (U+FFFD for invalid bytes), 0 at the start.
char32_t DecodeBefore(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  size_t len = 0;
  char32_t cp = DecodeAt(s, start, &len);
  return start + len == i ? cp : utf8::kReplacement;
}

// True when the piece starting at `begin` is opened by a quotation mark just
// before it (a straight mark must touch the text and follow a space).
bool OpenedBefore(std::string_view text, size_t begin) {
  size_t i = begin;
  while (i > 0 && IsAsciiSpace(text[i - 1])) --i;
  char32_t cp = DecodeBefore(text, i);
  if (IsOpeningDouble(cp)) return true;
  if (cp == '"' && i == begin) {
    char32_t before = DecodeBefore(text, i - 1);
    return before == 0 || before == ' ' || before == '\n' || before == '(' || before == '\t';
  }
  return false;
}

using TokenSet = std::vector<uint32_t>;

TokenSet WordTokens(const Document& doc, const std::vector<Span>& spans) {
  TokenSet out;
  for (Span s : spans) {
    auto range = doc.TokenRange(s, Alignment::kExpand);
    if (!range) continue;
    for (uint32_t t = range->first; t < range->second; ++t) {
      if (eval::HasWordChar(doc.TokenText(t))) out.push_back(t);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Jaccard(const TokenSet& a, const TokenSet& b) {
  if (a.empty() || b.empty() || a.back() < b.front() || b.back() < a.front()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

bool Overlaps(Span a, const std::vector<Span>& spans) {
  if (a.empty()) return false;
  for (Span s : spans) {
    if (a.Overlaps(s)) return true;
  }
  return false;
}

size_t KindIndex(QuoteKind k) {
  return std::min<size_t>(static_cast<size_t>(k), 2);
}

}  // namespace

QuoteKind ClassifyGoldKind(std::string_view text, const std::vector<Span>& content) {
  std::vector<Span> pieces;
  for (Span p : content) {
    if (p.begin < p.end && p.end <= text.size()) pieces.push_back(p);
  }
  if (pieces.empty()) return QuoteKind::kIndirect;
  std::sort(pieces.begin(), pieces.end(), [](Span a, Span b) { return a.begin < b.begin; });
  // The text from the first piece to the last is scanned as one, so a quote
  // opened in one piece stays open in the next ("“A,” he said, “B”" or a
  // quotation split around the cue); letters count only inside the pieces.
  // Open marks, innermost last: '"' straight double, 'd' curly double,
  // 's' single. Nesting keeps an inner close from ending the outer quote.
  std::string open;
  if (OpenedBefore(text, pieces[0].begin)) open.push_back('d');
  uint64_t inside_letters = 0, outside_letters = 0;
  char32_t prev = DecodeBefore(text, pieces[0].begin);
  size_t piece = 0;
  for (size_t i = pieces[0].begin; i < pieces.back().end;) {
    while (i >= pieces[piece].end) ++piece;
    bool in_piece = i >= pieces[piece].begin;
    size_t len = 0;
    char32_t cp = DecodeAt(text, i, &len);
    size_t next_len = 0;
    char32_t next = i + len < text.size() ? DecodeAt(text, i + len, &next_len) : 0;
    if (IsOpeningDouble(cp)) {
      open.push_back('d');
    } else if (IsClosingDouble(cp)) {
      if (!open.empty() && open.back() == 's') open.pop_back();  // an unclosed single
      if (!open.empty()) open.pop_back();
    } else if (cp == '"') {
      if (!open.empty() && open.back() == 's') open.pop_back();
      if (!open.empty() && (open.back() == '"' || open.back() == 'd')) {
        open.pop_back();
      } else {
        open.push_back('"');
      }
    } else if (cp == U'\u2018' && !eval::IsWordCodePoint(prev)) {
      open.push_back('s');
    } else if (cp == U'\u2019' && !open.empty() && open.back() == 's' &&
               !eval::IsWordCodePoint(next)) {
      open.pop_back();  // an apostrophe (Clinton’s) is followed by a letter
    } else if (in_piece && eval::IsWordCodePoint(cp)) {
      ++(open.empty() ? outside_letters : inside_letters);
    }
    prev = cp;
    i += len;
  }
  if (inside_letters == 0) return QuoteKind::kIndirect;
  return outside_letters == 0 ? QuoteKind::kDirect : QuoteKind::kMixed;
}

void QuoteScores::Add(const QuoteScores& o) {
  for (auto [mine, theirs] :
       {std::pair{&content, &o.content}, std::pair{&exact_content, &o.exact_content},
        std::pair{&source, &o.source}, std::pair{&cue, &o.cue}}) {
    mine->gold += theirs->gold;
    mine->predicted += theirs->predicted;
    mine->correct += theirs->correct;
  }
  for (size_t k = 0; k < per_kind.size(); ++k) {
    per_kind[k].gold += o.per_kind[k].gold;
    per_kind[k].predicted += o.per_kind[k].predicted;
    per_kind[k].matched_gold += o.per_kind[k].matched_gold;
    per_kind[k].matched_predicted += o.per_kind[k].matched_predicted;
  }
  kind_agree += o.kind_agree;
  gold_without_content += o.gold_without_content;
}

QuoteScores ScoreQuotes(const Document& doc, const std::vector<GoldAttribution>& gold,
                        std::vector<QuoteMatch>* matches) {
  QuoteScores s;
  const std::vector<Quote>& pred = doc.quotes();
  std::vector<TokenSet> gold_sets(gold.size()), pred_sets(pred.size());
  std::vector<uint8_t> scored(gold.size(), 0);
  for (size_t g = 0; g < gold.size(); ++g) {
    if (gold[g].content.empty()) {
      ++s.gold_without_content;
      continue;
    }
    scored[g] = 1;
    gold_sets[g] = WordTokens(doc, gold[g].content);
  }
  for (size_t p = 0; p < pred.size(); ++p) {
    // A direct quote's second piece after its attribution counts as content.
    std::vector<Span> pieces = {pred[p].content};
    if (!pred[p].continued.empty()) pieces.push_back(pred[p].continued);
    pred_sets[p] = WordTokens(doc, pieces);
  }

  struct Candidate {
    double jaccard;
    uint32_t g, p;
  };
  std::vector<Candidate> candidates;
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!scored[g]) continue;
    for (size_t p = 0; p < pred.size(); ++p) {
      double j = Jaccard(gold_sets[g], pred_sets[p]);
      if (j >= kMatchJaccard) {
        candidates.push_back({j, static_cast<uint32_t>(g), static_cast<uint32_t>(p)});
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.jaccard != b.jaccard) return a.jaccard > b.jaccard;
    return a.g != b.g ? a.g < b.g : a.p < b.p;
  });
  std::vector<int32_t> gold_to(gold.size(), -1), pred_to(pred.size(), -1);
  std::vector<double> gold_j(gold.size(), 0);
  for (const Candidate& c : candidates) {
    if (gold_to[c.g] >= 0 || pred_to[c.p] >= 0) continue;
    gold_to[c.g] = static_cast<int32_t>(c.p);
    pred_to[c.p] = static_cast<int32_t>(c.g);
    gold_j[c.g] = c.jaccard;
  }

  std::vector<QuoteKind> gold_kind(gold.size(), QuoteKind::kIndirect);
  for (size_t g = 0; g < gold.size(); ++g) {
    if (!scored[g]) continue;
    gold_kind[g] = ClassifyGoldKind(doc.text(), gold[g].content);
    KindCounts& k = s.per_kind[KindIndex(gold_kind[g])];
    ++k.gold;
    ++s.content.gold;
    ++s.exact_content.gold;
    if (!gold[g].source.empty()) ++s.source.gold;
    if (!gold[g].cue.empty()) ++s.cue.gold;
    QuoteMatch m;
    m.gold = static_cast<int32_t>(g);
    if (gold_to[g] >= 0) {
      const Quote& q = pred[static_cast<size_t>(gold_to[g])];
      m.predicted = gold_to[g];
      m.jaccard = gold_j[g];
      m.exact = gold_sets[g] == pred_sets[static_cast<size_t>(gold_to[g])];
      m.source_correct = Overlaps(q.speaker, gold[g].source);
      m.cue_correct = Overlaps(q.cue, gold[g].cue);
      ++k.matched_gold;
      ++s.content.correct;
      s.exact_content.correct += m.exact;
      s.source.correct += m.source_correct;
      s.cue.correct += m.cue_correct;
      s.kind_agree += KindIndex(q.kind) == KindIndex(gold_kind[g]);
    }
    if (matches) matches->push_back(m);
  }
  for (size_t p = 0; p < pred.size(); ++p) {
    KindCounts& k = s.per_kind[KindIndex(pred[p].kind)];
    ++k.predicted;
    ++s.content.predicted;
    ++s.exact_content.predicted;
    if (!pred[p].speaker.empty()) ++s.source.predicted;
    if (!pred[p].cue.empty()) ++s.cue.predicted;
    if (pred_to[p] >= 0) {
      ++k.matched_predicted;
    } else if (matches) {
      QuoteMatch m;
      m.predicted = static_cast<int32_t>(p);
      matches->push_back(m);
    }
  }
  return s;
}

}  // namespace parley
