#include "quotes/attribution.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "core/ascii.h"
#include "learn/features.h"
#include "text/dateline.h"

namespace parley::quotes {
namespace {

uint32_t OverlapBytes(Span a, Span b) {
  const uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

// A quote's content is one or two pieces (`continued`: "A, he said, B").
uint32_t ContentSize(const Quote& q) {
  return q.content.size() + q.continued.size();
}
uint32_t ContentOverlapBytes(const Quote& q, Span s) {
  return OverlapBytes(q.content, s) + OverlapBytes(q.continued, s);
}
bool ContentOverlaps(const Quote& q, Span s) {
  return ContentOverlapBytes(q, s) > 0;
}
bool ContentsOverlap(const Quote& a, const Quote& b) {
  return ContentOverlaps(a, b.content) || ContentOverlaps(a, b.continued);
}

bool IsTimeWord(std::string_view lower);  // below

// Read-only views of the parse: children, subtree extents, sentences.
class Tree {
 public:
  explicit Tree(const Document& doc) : doc_(doc), tk_(doc.tokens()) {
    const size_t n = tk_.size();
    children_.resize(n);
    lo_.resize(n);
    hi_.resize(n);
    sentence_.assign(n, 0);
    for (size_t s = 0; s < doc.sentences().size(); ++s) {
      const Sentence& sent = doc.sentences()[s];
      for (uint32_t i = sent.token_begin; i < sent.token_end && i < n; ++i) {
        sentence_[i] = static_cast<uint32_t>(s);
      }
    }
    for (uint32_t i = 0; i < n; ++i) lo_[i] = hi_[i] = i;
    for (uint32_t i = 0; i < n; ++i) {
      int32_t h = Head(i);
      if (h >= 0) children_[h].push_back(i);
      // Extend every ancestor's extent (bounded: a malformed tree with a
      // cycle cannot loop forever).
      for (size_t steps = 0; h >= 0 && steps < n; ++steps) {
        lo_[h] = std::min(lo_[h], i);
        hi_[h] = std::max(hi_[h], i);
        h = Head(static_cast<uint32_t>(h));
      }
    }
  }

  size_t size() const { return tk_.size(); }
  int32_t Head(uint32_t i) const {
    const int32_t h = tk_.head[i];
    return h >= 0 && static_cast<size_t>(h) < tk_.size() && static_cast<uint32_t>(h) != i ? h : -1;
  }
  std::string_view Deprel(uint32_t i) const { return doc_.strings().Get(tk_.deprel[i]); }
  std::string_view Upos(uint32_t i) const { return doc_.strings().Get(tk_.upos[i]); }
  std::string_view Xpos(uint32_t i) const { return doc_.strings().Get(tk_.xpos[i]); }
  std::string_view Lemma(uint32_t i) const { return doc_.strings().Get(tk_.lemma[i]); }
  std::string LowerForm(uint32_t i) const { return AsciiLower(doc_.TokenForm(i)); }
  const std::vector<uint32_t>& Children(uint32_t i) const { return children_[i]; }
  uint32_t Lo(uint32_t i) const { return lo_[i]; }
  uint32_t Hi(uint32_t i) const { return hi_[i]; }
  uint32_t SentenceOf(uint32_t i) const { return sentence_[i]; }
  const Sentence& SentenceAt(uint32_t s) const { return doc_.sentences()[s]; }

  int32_t Child(uint32_t i, std::string_view deprel) const {
    for (uint32_t c : children_[i]) {
      if (Deprel(c) == deprel) return static_cast<int32_t>(c);
    }
    return -1;
  }
  // Whether i has a subject of its own, active or passive.
  bool HasSubject(uint32_t i) const {
    return Child(i, "nsubj") >= 0 || Child(i, "nsubj:pass") >= 0;
  }
  bool IsPunct(uint32_t i) const { return Upos(i) == "PUNCT"; }

  // Tokens [first, last] as an original-text span.
  Span SpanOf(uint32_t first, uint32_t last) const { return {tk_.begin[first], tk_.end[last]}; }

  // The noun phrase headed by h: h and its dependents, without relative
  // clauses, appositions, punctuation and case markers.
  std::pair<uint32_t, uint32_t> NounPhrase(uint32_t h) const {
    uint32_t lo = h, hi = h;
    std::vector<uint32_t> stack = {h};
    while (!stack.empty()) {
      const uint32_t t = stack.back();
      stack.pop_back();
      lo = std::min(lo, t);
      hi = std::max(hi, t);
      for (uint32_t c : children_[t]) {
        const std::string_view d = Deprel(c);
        // (A noun as the predicate of a copula has a subject and a verb
        // of its own: "It was my honor to …" is no phrase "It … honor".)
        if (t == h && (d == "mark" || d == "advmod" || d == "aux" || d == "cop" || d == "cc" ||
                       d == "nsubj" || d == "nsubj:pass" || d == "csubj" || d == "expl")) {
          continue;
        }
        if (d == "acl" || d == "acl:relcl" || d == "appos" || d == "punct" || d == "parataxis" ||
            d == "advcl" || d == "dep" || d == "case" || d == "ccomp" || d == "xcomp" ||
            d == "list" || d == "discourse") {
          continue;
        }
        if (d == "obl" || (t != h && d == "nmod")) continue;
        // "President Obama on Thursday": a time the parse hung on the name.
        if (d == "nmod" && IsTimeWord(AsciiLower(doc_.TokenForm(c)))) continue;
        if (d == "conj") {
          // Nouns joined to a noun: not "X's talent but stumped by …".
          const std::string_view u = Upos(t), uc = Upos(c);
          if (u != "NOUN" && u != "PROPN" && u != "PRON") continue;
          if (uc != "NOUN" && uc != "PROPN" && uc != "PRON" && uc != "NUM") continue;
        }
        stack.push_back(c);
      }
    }
    return {lo, hi};
  }

  // Trims punctuation off both edges of [first, last]; false when nothing is left.
  bool TrimPunct(uint32_t& first, uint32_t& last) const {
    while (first <= last && IsPunct(first)) ++first;
    while (last >= first && last > 0 && IsPunct(last)) --last;
    return first <= last && !IsPunct(first);
  }

 private:
  const Document& doc_;
  const TokenColumns& tk_;
  std::vector<std::vector<uint32_t>> children_;
  std::vector<uint32_t> lo_, hi_, sentence_;
};

// Media words: an oblique with one of these names the channel of a quote.
bool IsChannelWord(std::string_view lemma) {
  static constexpr std::string_view kWords[] = {
      "interview", "statement", "appearance", "broadcast", "show",     "program", "programme",
      "podcast",   "op-ed",     "article",    "column",    "post",     "tweet",   "letter",
      "speech",    "briefing",  "conference", "report",    "editorial"};
  return InList(kWords, lemma);
}

// Occasions: "she said at a news conference announcing …" is hers, not
// the conference's.
bool IsOccasionWord(std::string_view lemma) {
  static constexpr std::string_view kWords[] = {
      "conference", "meeting", "rally",   "event",    "appearance", "hearing",  "briefing",
      "interview",  "session", "stop",    "visit",    "gathering",  "ceremony", "forum",
      "debate",     "speech",  "address", "language", "remark"};
  return InList(kWords, lemma);
}

// Nouns a participle or infinitive hangs on without their saying it:
// "missed an opportunity to remind …", "at the forefront of questioning …".
bool IsSettingNoun(std::string_view lemma) {
  static constexpr std::string_view kWords[] = {
      "opportunity", "chance", "forefront", "effort",   "attempt", "bid",  "way",
      "time",        "moment", "position",  "platform", "stage",   "floor"};
  return InList(kWords, lemma);
}

// A relative pronoun: as a speaker, it stands for a noun elsewhere.
bool IsRelativeWord(std::string_view lower) {
  return lower == "who" || lower == "which" || lower == "that" || lower == "whom";
}

// Days, months and other words of time: never a speaker ("said Friday").
bool IsTimeWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday",  "sunday",
      "january",   "february", "march",     "april",    "june",   "july",      "august",
      "september", "october",  "november",  "december", "today",  "yesterday", "tomorrow",
      "tonight",   "morning",  "afternoon", "evening",  "night",  "week",      "weekend"};
  return InList(kWords, lower);
}

// The content-end model's window: this many tokens before and after the
// parse's end of a content.
constexpr uint32_t kEndWindowBefore = 20, kEndWindowAfter = 30;

// Labels that editors put before a colon, no speaker's name: "UPDATE:",
// "FILE PHOTO:" (a caption), "READ MORE:". Case-insensitive.
bool IsEditorialLabel(std::string_view name) {
  static constexpr std::string_view kLabels[] = {
      "update",        "breaking",      "watch",         "note",          "correction", "video",
      "photos",        "photo",         "file photo",    "file",          "related",    "read more",
      "editor's note", "editors' note", "exclusive",     "analysis",      "opinion",    "live",
      "see also",      "more",          "clarification", "photo gallery", "listen",     "sources"};
  const std::string lower = AsciiLower(name);
  return InList(kLabels, lower);
}

class Finder {
 public:
  Finder(Document& doc, const CueLexicon& lex, QuoteModels models,
         const std::vector<MarkedQuote>& marked)
      : doc_(doc),
        lex_(lex),
        model_(models.cues),
        ends_(models.ends),
        marked_(marked),
        tree_(doc) {}

  // Every verb candidate the parse offers, decided by nothing: for training.
  std::vector<CueExample> Collect() {
    std::vector<CueExample> out;
    collect_ = &out;
    MapMarkedTokens();
    MarkTurns(TranscriptTurns());
    for (uint32_t i = 0; i < tree_.size(); ++i) {
      if (in_marked_[i]) continue;
      Candidate c;
      FromVerb(i, c);
    }
    collect_ = nullptr;
    return out;
  }

  std::vector<Candidate> Run() {
    const size_t n = tree_.size();
    MapMarkedTokens();
    // 0. Transcript turns ("WALLACE: …", "PENCE: …"): each its own quote;
    // the quotation marks that reopen every paragraph of a quoted
    // transcript do not make it one.
    std::vector<Candidate> turns = TranscriptTurns();
    MarkTurns(turns);
    // 1. Attributions from the parse, outside direct quotes.
    std::vector<Candidate> parsed;
    for (uint32_t i = 0; i < n; ++i) {
      if (in_marked_[i]) continue;
      Candidate c;
      if (FromParenthetical(i, c) || FromVerb(i, c) || FromNoun(i, c) || FromAccordingTo(i, c) ||
          FromColon(i, c) || FromVerbTaggedNoun(i, c)) {
        parsed.push_back(std::move(c));
      }
    }
    for (Candidate& c : parsed) TrimDateline(c);
    std::erase_if(parsed, [&](const Candidate& c) { return IsQuotedTitle(c); });
    // Univocal: the widest attribution wins where contents overlap or a cue
    // sits inside another attribution's content.
    std::stable_sort(parsed.begin(), parsed.end(), [](const Candidate& a, const Candidate& b) {
      return ContentSize(a.quote) > ContentSize(b.quote);
    });
    std::vector<Candidate> accepted;
    for (Candidate& c : parsed) {
      bool clash = false;
      for (Candidate& a : accepted) {
        if (SplitAtCoordinatedCue(a, c)) continue;
        if (ContentsOverlap(a.quote, c.quote) ||
            (c.cue_token >= 0 && ContentOverlaps(a.quote, TokenSpan(c.cue_token))) ||
            (a.cue_token >= 0 && ContentOverlaps(c.quote, TokenSpan(a.cue_token)))) {
          clash = true;
          break;
        }
      }
      if (!clash) accepted.push_back(std::move(c));
    }
    // 2. Direct quotes take the cue and speaker of a parse attribution whose
    // content is mostly inside them; parse attributions that only contain
    // a quoted part become mixed quotes.
    std::vector<Candidate> direct(marked_.size());
    std::vector<bool> attributed(marked_.size(), false), absorbed(marked_.size(), false);
    std::vector<Candidate> out;
    for (Candidate& c : accepted) {
      int best = -1;
      uint32_t best_overlap = 0;
      for (size_t m = 0; m < marked_.size(); ++m) {
        if (marked_[m].nested_in >= 0) continue;
        const uint32_t ov = ContentOverlapBytes(c.quote, marked_[m].content);
        if (ov > best_overlap) {
          best_overlap = ov;
          best = static_cast<int>(m);
        }
      }
      if (best >= 0 && best_overlap * 10 >= ContentSize(c.quote) * 9) {
        if (!attributed[best]) {
          attributed[best] = true;
          direct[best] = std::move(c);
        }
        continue;
      }
      if (best >= 0) {
        c.quote.kind = QuoteKind::kMixed;
        for (size_t m = 0; m < marked_.size(); ++m) {
          if (marked_[m].nested_in < 0 && ContentOverlaps(c.quote, marked_[m].content)) {
            absorbed[m] = true;
          }
        }
      }
      out.push_back(std::move(c));
    }
    // 3. Direct quotes: cue and speaker from the parse, else from the words
    // around the marks, else carried over from the previous paragraph.
    int previous = -1;  // index into directs of the last top-level direct quote
    uint32_t previous_paragraph = 0;
    std::vector<Candidate> directs;
    for (size_t m = 0; m < marked_.size(); ++m) {
      const MarkedQuote& mq = marked_[m];
      if (absorbed[m]) continue;
      if (std::any_of(turns.begin(), turns.end(),
                      [&](const Candidate& t) { return t.quote.content.Overlaps(mq.content); })) {
        continue;
      }
      if (mq.nested_in >= 0 && absorbed[mq.nested_in]) continue;
      Candidate c;
      bool ok = false;
      if (attributed[m]) {
        c = std::move(direct[m]);
        // The quote is the content now: a piece the parse found after the
        // cue that lies inside it goes ("In a statement, X said, “…”").
        if (c.quote.continued.Overlaps(mq.content)) c.quote.continued = {};
        ok = true;
      } else {
        ok = Around(mq, c);
      }
      auto range = doc_.TokenRange(mq.content, Alignment::kExpand);
      if (!range) continue;
      const uint32_t paragraph = ParagraphOf(mq.content.begin);
      if (!ok && mq.nested_in < 0 && previous >= 0 && directs[previous].speaker_head >= 0 &&
          paragraph == previous_paragraph + 1 && StartsParagraph(mq)) {
        c.speaker_head = directs[previous].speaker_head;
        c.quote.speaker = directs[previous].quote.speaker;
        c.continuation = true;
        ok = true;
      }
      // The paragraph's last mixed or indirect quote before the piece.
      Candidate* last = nullptr;
      if (mq.nested_in < 0) {
        for (Candidate& p : out) {
          if (p.quote.content.end <= mq.content.begin &&
              ParagraphOf(p.quote.content.begin) == paragraph &&
              (last == nullptr || p.quote.content.end > last->quote.content.end)) {
            last = &p;
          }
        }
      }
      const bool direct_later = previous >= 0 && paragraph == previous_paragraph && last &&
                                directs[previous].quote.content.end > last->quote.content.end;
      if (mq.nested_in < 0 && previous >= 0 && paragraph == previous_paragraph &&
          directs[previous].quote.continued.empty() && CueBetween(directs[previous], mq) &&
          (last == nullptr || last->quote.kind != QuoteKind::kMixed ||
           last->quote.content.begin < directs[previous].quote.content.end) &&
          (!ok || c.cue_token == directs[previous].cue_token)) {
        // “…,” she said. “…” and “…,” she said, “…”: the second piece goes
        // on the same quote.
        directs[previous].quote.continued = mq.content;
        continue;
      }
      if (!ok && mq.nested_in < 0) {
        // Obama “…,” Rep. King told CNN. “…”: a piece after a mixed or
        // indirect quote whose cue stands between them goes on that quote,
        // when it is the paragraph's last attribution before the piece.
        if (last != nullptr && !direct_later && last->quote.continued.empty() &&
            CueBetween(*last, mq)) {
          last->quote.continued = mq.content;
          last->quote.kind = QuoteKind::kMixed;
          continue;
        }
      }
      if (!ok && mq.nested_in < 0 && previous >= 0 && paragraph == previous_paragraph &&
          directs[previous].quote.speaker.size() > 0 && CueAfter(directs[previous], mq)) {
        // “…,” he said, adding later, “…”: the piece is a second quote of
        // the same speaker, cued by the second verb.
        if (const int32_t w = SecondCue(directs[previous], mq); w >= 0) {
          c.cue_token = w;
          SetCue(c, static_cast<uint32_t>(w), static_cast<uint32_t>(w),
                 tree_.Lemma(static_cast<uint32_t>(w)));
          c.speaker_head = directs[previous].speaker_head;
          c.quote.speaker = directs[previous].quote.speaker;
          ok = true;
        }
      }
      if (!ok && mq.nested_in < 0 && previous >= 0 && paragraph == previous_paragraph &&
          !directs[previous].quote.continued.empty() &&
          directs[previous].quote.continued.end <= mq.content.begin &&
          NoWordsBetween(directs[previous].quote.continued.end, mq.content.begin)) {
        // “…,” she said. “…” “…”: a piece right after the continuation
        // extends it.
        directs[previous].quote.continued.end = mq.content.end;
        continue;
      }
      if (!ok && mq.nested_in < 0 && last != nullptr && !direct_later && last->speaker_head >= 0 &&
          last->cue_token >= 0 && !last->quote.speaker.empty() &&
          !IsRelativeWord(tree_.LowerForm(static_cast<uint32_t>(last->speaker_head)))) {
        // "X identified Y as a reason. “…”": a quotation that opens the
        // sentence after a reported one, in the same paragraph, with no cue
        // of its own, goes on in the same voice.
        const uint32_t s0 = tree_.SentenceOf(range->first);
        const uint32_t cue_sentence = tree_.SentenceOf(static_cast<uint32_t>(last->cue_token));
        if (s0 == cue_sentence + 1 && tree_.SentenceAt(s0).token_begin + 1 >= range->first &&
            tree_.SentenceOf(range->second - 1) == s0) {
          c.speaker_head = last->speaker_head;
          c.quote.speaker = last->quote.speaker;
          c.continuation = true;
          ok = true;
        }
      }
      if (!ok) {
        // No cue: keep long standalone quotes (speaker unknown), drop scare
        // quotes and titles.
        if (mq.nested_in >= 0 || range->second - range->first < 8) continue;
      }
      c.quote.content = mq.content;
      c.quote.token_begin = range->first;
      c.quote.token_end = range->second;
      c.quote.kind = QuoteKind::kDirect;
      c.quote.nested_in = -1;
      directs.push_back(std::move(c));
      if (mq.nested_in < 0) {
        previous = static_cast<int>(directs.size()) - 1;
        previous_paragraph = ParagraphOf(mq.content.end > 0 ? mq.content.end - 1 : 0);
      }
    }
    for (Candidate& c : directs) out.push_back(std::move(c));
    if (collect_ == nullptr) BlockQuotes(out);
    for (Candidate& c : turns) out.push_back(std::move(c));
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
      if (a.quote.content.begin != b.quote.content.begin)
        return a.quote.content.begin < b.quote.content.begin;
      return a.quote.content.end > b.quote.content.end;
    });
    for (size_t i = 0; i < out.size(); ++i) {
      for (size_t j = i; j-- > 0;) {
        const Span outer = out[j].quote.content, inner = out[i].quote.content;
        if (outer.begin <= inner.begin && inner.end <= outer.end) {
          out[i].quote.nested_in = static_cast<int32_t>(j);
          break;
        }
      }
    }
    return out;
  }

 private:
  Span TokenSpan(int32_t t) const { return tree_.SpanOf(t, t); }

  // A turn's tokens, its name and colon too, count as quoted: no other
  // attribution starts inside it.
  void MarkTurns(const std::vector<Candidate>& turns) {
    for (const Candidate& t : turns) {
      const auto from = static_cast<uint32_t>(std::min(t.speaker_head, t.cue_token));
      for (uint32_t i = from; i < t.quote.token_end; ++i) in_marked_[i] = true;
    }
  }

  // The turns of a transcript: paragraphs that open (after a quotation
  // mark, if any) with a speaker's name in capitals and a colon. A turn runs
  // on through the paragraphs after it that reopen the quotation, up to the
  // next turn or a stage direction ("(CROSSTALK.)"). Two turns at least make
  // a transcript; "UPDATE:" and the like are no speakers.
  std::vector<Candidate> TranscriptTurns() const {
    const std::vector<Paragraph>& ps = doc_.paragraphs();
    const std::string_view text = doc_.text();
    // The byte after an opening quotation mark at b, else b.
    auto after_mark = [&](uint32_t b, uint32_t e) -> uint32_t {
      if (b < e && text[b] == '"') return b + 1;
      if (b + 3 <= e && text.substr(b, 3) == "\u201c") return b + 3;
      return b;
    };
    struct Turn {
      uint32_t para, name_begin, name_end, colon;
    };
    std::vector<Turn> found;
    std::vector<int32_t> turn_of(ps.size(), -1);
    for (uint32_t p = 0; p < ps.size(); ++p) {
      const uint32_t b = after_mark(ps[p].span.begin, ps[p].span.end), e = ps[p].span.end;
      uint32_t i = b, capitals = 0;
      while (i < e && i < b + 30) {
        const char ch = text[i];
        if (ch >= 'A' && ch <= 'Z') {
          ++capitals;
        } else if (ch != ' ' && ch != '.' && ch != '-' && ch != '\'') {
          break;
        }
        ++i;
      }
      if (i + 1 >= e || text[i] != ':' || text[i + 1] != ' ' || capitals < 3) continue;
      const std::string_view name = text.substr(b, i - b);
      if (IsEditorialLabel(name)) continue;
      turn_of[p] = static_cast<int32_t>(found.size());
      found.push_back({p, b, i, i});
    }
    std::vector<Candidate> out;
    if (found.size() < 2) return out;
    for (const Turn& t : found) {
      uint32_t last = t.para;
      while (last + 1 < ps.size() && turn_of[last + 1] < 0) {
        const uint32_t b = ps[last + 1].span.begin, e = ps[last + 1].span.end;
        const uint32_t a = after_mark(b, e);
        if (a == b || (a < e && text[a] == '(')) break;  // not reopened, or a stage direction
        ++last;
      }
      uint32_t begin = t.colon + 1, end = ps[last].span.end;
      while (begin < end && text[begin] == ' ') ++begin;
      // Without the closing mark and spaces at its end.
      while (end > begin &&
             (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '"')) {
        --end;
      }
      if (end >= begin + 3 && text.substr(end - 3, 3) == "\u201d") end -= 3;
      const Span content{begin, end};
      const auto range = doc_.TokenRange(content, Alignment::kExpand);
      const auto name = doc_.TokenRange({t.name_begin, t.name_end}, Alignment::kExpand);
      const auto colon = doc_.TokenRange({t.colon, t.colon + 1}, Alignment::kExpand);
      if (end <= begin || !range || !name || !colon) continue;
      Candidate c;
      c.quote.kind = QuoteKind::kDirect;
      c.quote.content = content;
      c.quote.token_begin = range->first;
      c.quote.token_end = range->second;
      c.quote.nested_in = -1;
      c.cue_token = static_cast<int32_t>(colon->first);
      c.quote.cue = tree_.SpanOf(colon->first, colon->first);
      c.quote.cue_lemma = doc_.mutable_strings().Intern(":");
      c.speaker_head = static_cast<int32_t>(name->second - 1);
      c.quote.speaker = {t.name_begin, t.name_end};
      out.push_back(std::move(c));
    }
    return out;
  }

  // Whether p's cue stands between p's content and the quoted piece next
  // ("“…,” she said, “…”"), and no other verb of saying after it ("“…,”
  // he said, adding later, “…”" is two quotes): the piece may go on p.
  bool CueBetween(const Candidate& p, const MarkedQuote& next) const {
    return CueAfter(p, next) && SecondCue(p, next) < 0;
  }

  // Whether p's cue stands after p's content and before the piece next.
  bool CueAfter(const Candidate& p, const MarkedQuote& next) const {
    return p.cue_token >= 0 && TokenSpan(p.cue_token).begin >= p.quote.content.end &&
           TokenSpan(p.cue_token).end <= next.content.begin;
  }

  // A verb of saying after p's cue and before the quoted piece next ("“…,”
  // he said, adding later, “…”"), or -1: on p's cue in its sentence, else
  // a later sentence's main verb; active ("said after the hearing he was
  // called to" is a clause about the setting, not a second cue).
  int32_t SecondCue(const Candidate& p, const MarkedQuote& next) const {
    if (p.cue_token < 0) return -1;
    const auto cue = static_cast<uint32_t>(p.cue_token);
    for (uint32_t t = cue + 1; t < tree_.size() && TokenSpan(t).end <= next.content.begin; ++t) {
      if (!SpeechVerb(t) || tree_.Child(t, "nsubj:pass") >= 0 || tree_.Child(t, "aux:pass") >= 0) {
        continue;
      }
      const bool same = tree_.SentenceOf(t) == tree_.SentenceOf(cue);
      if (same ? tree_.Head(t) == p.cue_token : tree_.Deprel(t) == "root") {
        return static_cast<int32_t>(t);
      }
    }
    return -1;
  }

  // Clause t opens with "that" (its mark).
  bool ThatMarked(uint32_t t) const {
    const int32_t mk = tree_.Child(t, "mark");
    return mk >= 0 && tree_.LowerForm(static_cast<uint32_t>(mk)) == "that";
  }

  // Verb t has "then" among its modifiers ("and then promised …").
  bool ThenAdverb(uint32_t t) const {
    for (uint32_t k : tree_.Children(t)) {
      if (tree_.Deprel(k) == "advmod" && tree_.LowerForm(k) == "then") return true;
    }
    return false;
  }

  // A verb the lexicon lists as one of saying.
  bool SpeechVerb(uint32_t t) const {
    return tree_.Upos(t) == "VERB" && lex_.Verb(tree_.Lemma(t)) == CueClass::kSpeech;
  }
  // The lexicon's class of verb j next to a quotation, where "continue"
  // with nothing to continue ("“…,” she continued.", "She continued, “…”")
  // is a verb of saying.
  CueClass QuoteVerbClass(uint32_t j) const {
    const CueClass cls = lex_.Verb(tree_.Lemma(j));
    if (cls != CueClass::kNone || tree_.Lemma(j) != "continue") return cls;
    for (uint32_t k : tree_.Children(j)) {
      const std::string_view kd = tree_.Deprel(k);
      if (k > j && !in_marked_[k] && (kd == "xcomp" || kd == "obj" || kd == "ccomp")) {
        return CueClass::kNone;
      }
    }
    return CueClass::kSpeech;
  }

  // "As one lawyer put it, “…”": "put it" in an "as" clause quotes.
  bool AsPutIt(uint32_t j) const {
    if (tree_.Lemma(j) != "put") return false;
    const int32_t obj = tree_.Child(j, "obj"), mark = tree_.Child(j, "mark");
    return obj > static_cast<int32_t>(j) && tree_.LowerForm(static_cast<uint32_t>(obj)) == "it" &&
           mark >= 0 && tree_.LowerForm(static_cast<uint32_t>(mark)) == "as";
  }

  // The subject of an "as" clause's verb j: its own, not one the parse
  // found by hanging the clause on the quote; or the name right after
  // "as" that the parse took for an oblique ("As Jo Lee, a lawyer, put
  // it"). -1 if none.
  int32_t AsClauseSubject(uint32_t j) const {
    if (const int32_t s = tree_.Child(j, "nsubj"); s >= 0) return s;
    const int32_t mark = tree_.Child(j, "mark");
    for (uint32_t k : tree_.Children(j)) {
      if (k < j && tree_.Deprel(k) == "obl" && static_cast<int32_t>(tree_.Lo(k)) == mark + 1 &&
          (tree_.Upos(k) == "PROPN" || tree_.Upos(k) == "NOUN")) {
        return static_cast<int32_t>(k);
      }
    }
    return -1;
  }

  // A verb that introduces a quote before a colon ending its paragraph:
  // any the lexicon lists ("The Times reports:"), or "continued".
  bool IntroducingVerb(uint32_t t) const {
    if (tree_.Upos(t) != "VERB") return false;
    const std::string_view lemma = tree_.Lemma(t);
    return lex_.Verb(lemma) != CueClass::kNone || lemma == "continue";
  }

  // Block quotes: a paragraph of its own, "The governor added:", before a
  // paragraph without quotation marks, which is then the quote (web copy
  // sets long quotes off so). Attributions found inside it are dropped
  // from `out`, as inside any direct quote.
  void BlockQuotes(std::vector<Candidate>& out) {
    const std::vector<Paragraph>& ps = doc_.paragraphs();
    for (size_t p = 0; p + 1 < ps.size(); ++p) {
      auto intro = doc_.TokenRange(ps[p].span, Alignment::kExpand);
      auto body = doc_.TokenRange(ps[p + 1].span, Alignment::kExpand);
      if (!intro || !body || intro->second < intro->first + 3) continue;
      const uint32_t colon = intro->second - 1, j = colon - 1;
      if (doc_.TokenForm(colon) != ":" || !IntroducingVerb(j)) continue;
      const int32_t s = SubjectOf(j);
      if (!AcceptableSpeaker(s, CueClass::kSpeech) || static_cast<uint32_t>(s) < intro->first ||
          static_cast<uint32_t>(s) > j) {
        continue;
      }
      uint32_t first = body->first, last = body->second - 1;
      if (last < first + 7) continue;
      bool marks = false;
      for (uint32_t t = first; t <= last && !marks; ++t) {
        marks = in_marked_[t] || IsQuoteMarkToken(doc_.TokenForm(t));
      }
      if (marks) continue;
      Candidate c;
      // The paragraph whole, its closing stop too: it is quoted as it is.
      SetIndirect(c, first, last, j);
      c.quote.kind = QuoteKind::kDirect;
      SetCue(c, j, j, tree_.Lemma(j));
      SetSpeaker(c, static_cast<uint32_t>(s));
      FindChannel(j, c);
      const Span block = c.quote.content;
      std::erase_if(out, [&](const Candidate& o) {
        return o.quote.content.begin >= block.begin && o.quote.content.end <= block.end;
      });
      out.push_back(std::move(c));
    }
  }

  // Whether the text in [from, to) is only spaces, punctuation and marks.
  bool NoWordsBetween(uint32_t from, uint32_t to) const {
    const std::string_view text = doc_.text();
    for (uint32_t i = from; i < to && i < text.size(); ++i) {
      const unsigned char ch = static_cast<unsigned char>(text[i]);
      if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) {
        return false;
      }
    }
    return true;
  }

  void MapMarkedTokens() {
    const TokenColumns& tk = doc_.tokens();
    in_marked_.assign(tk.size(), false);
    for (const MarkedQuote& mq : marked_) {
      if (mq.nested_in >= 0) continue;
      auto range = doc_.TokenRange(mq.content, Alignment::kExpand);
      if (!range) continue;
      for (uint32_t i = range->first; i < range->second; ++i) in_marked_[i] = true;
    }
  }

  uint32_t ParagraphOf(uint32_t byte) const {
    const auto& ps = doc_.paragraphs();
    auto it = std::upper_bound(ps.begin(), ps.end(), byte,
                               [](uint32_t b, const Paragraph& p) { return b < p.span.begin; });
    return it == ps.begin() ? 0 : static_cast<uint32_t>(it - ps.begin() - 1);
  }

  bool StartsParagraph(const MarkedQuote& mq) const {
    const uint32_t p = ParagraphOf(mq.content.begin);
    const Span para = doc_.paragraphs()[p].span;
    const uint32_t start = mq.open_mark.empty() ? mq.content.begin : mq.open_mark.begin;
    return start <= para.begin + 1;
  }

  // An indirect attribution of tokens [first, last], cued by token `cue`.
  void SetIndirect(Candidate& c, uint32_t first, uint32_t last, uint32_t cue) {
    c.quote.kind = QuoteKind::kIndirect;
    c.quote.content = tree_.SpanOf(first, last);
    c.quote.token_begin = first;
    c.quote.token_end = last + 1;
    c.cue_token = static_cast<int32_t>(cue);
  }

  // "WASHINGTON (AP) -- Trump urged …, officials said": a dateline opening
  // an indirect content is no part of what was said.
  void TrimDateline(Candidate& c) {
    if (c.quote.kind == QuoteKind::kDirect || c.quote.token_end <= c.quote.token_begin) return;
    const uint32_t first = c.quote.token_begin, last = c.quote.token_end - 1;
    if (first != tree_.SentenceAt(tree_.SentenceOf(first)).token_begin) return;
    const int32_t dash = DatelineDash(doc_, first, last + 1);
    if (dash < 0 || first + static_cast<uint32_t>(dash) + 1 >= last) return;
    c.quote.token_begin = first + static_cast<uint32_t>(dash) + 1;
    c.quote.content = tree_.SpanOf(c.quote.token_begin, last);
  }

  // "he said on “Meet the Press.”": a preposition and a quotation right
  // after it are where it was said (a programme's or a paper's title the
  // parse took for a clause), not what.
  bool IsQuotedTitle(const Candidate& c) const {
    const uint32_t first = c.quote.token_begin;
    if (c.quote.kind == QuoteKind::kDirect || first + 1 >= c.quote.token_end) return false;
    return tree_.Upos(first) == "ADP" && tree_.Deprel(first) == "case" &&
           IsQuoteMarkToken(doc_.TokenForm(first + 1));
  }

  void SetCue(Candidate& c, uint32_t first, uint32_t last, std::string_view lemma) {
    c.quote.cue = tree_.SpanOf(first, last);
    c.quote.cue_lemma = doc_.mutable_strings().Intern(lemma);
  }

  static bool IsQuoteMarkToken(std::string_view form) {
    return form == "\"" || form == "''" || form == "``" || form == "\u201c" || form == "\u201d" ||
           form == "\u201e" || form == "\u00ab" || form == "\u00bb";
  }

  void SetSpeaker(Candidate& c, uint32_t head) {
    auto [np_lo, np_hi] = tree_.NounPhrase(head);
    // The mention never reaches into a quotation: grow it from the head
    // while the words are outside quotation marks.
    uint32_t lo = head, hi = head;
    auto usable = [&](uint32_t t) {
      return !in_marked_[t] && !IsQuoteMarkToken(doc_.TokenForm(t));
    };
    // Nor back past a dash ("DENVER, Colo. -- Governor Sam Ortiz"); a
    // hyphen may be a glued one ("Texas-based").
    auto dash = [&](uint32_t t) {
      const std::string_view f = doc_.TokenForm(t);
      return f != "-" && IsDash(f);
    };
    // Nor over text the repair stage took out of the view (a web hover
    // card after a name: "President Trump Donald John TrumpGOP senators
    // balk … MORE on Monday"): tokens either side of it are not one phrase.
    const TokenColumns& tk = doc_.tokens();
    auto joined = [&](uint32_t a) {  // tokens a and a + 1 with only spaces between
      for (uint32_t b = tk.end[a]; b < tk.begin[a + 1]; ++b) {
        const char ch = doc_.text()[b];
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') return false;
      }
      return true;
    };
    while (lo > np_lo && usable(lo - 1) && !dash(lo - 1) && joined(lo - 1)) --lo;
    // Nor past a comma after the head ("the Tax Foundation, more than …").
    while (hi < np_hi && usable(hi + 1) && doc_.TokenForm(hi + 1) != "," && joined(hi)) ++hi;
    c.speaker_head = static_cast<int32_t>(head);
    c.quote.speaker = tree_.SpanOf(lo, hi);
  }

  // When s is (in) a dateline opening its sentence ("WASHINGTON --",
  // "FLINT, Mich., Oct. 4 (UPI) --": capitals from the sentence start, then
  // a dash before the verb v), the head of the one noun phrase between the
  // dash and v; else -1. Wire copy opens so; the parse, seeing no other
  // subject, takes the place for one.
  int32_t AfterDateline(uint32_t s, uint32_t v) const {
    const uint32_t begin = tree_.SentenceAt(tree_.SentenceOf(s)).token_begin;
    if (s > begin + 2 || v <= s) return -1;
    for (uint32_t t = begin; t <= s; ++t) {
      const std::string_view form = doc_.TokenForm(t);
      bool upper = form.size() >= 2;
      for (char ch : form) upper &= (ch >= 'A' && ch <= 'Z') || ch == '.';
      if (!upper) return -1;
    }
    uint32_t dash = 0;
    for (uint32_t t = s + 1; t < v && dash == 0; ++t) {
      const std::string_view form = doc_.TokenForm(t);
      if (IsDash(form)) dash = t;
    }
    if (dash == 0 || dash + 1 >= v) return -1;
    // The phrase: the one nominal token in (dash, v) whose head lies
    // outside it (a participle clause beside it, ", dedicating the museum
    // …,", does not count).
    int32_t root = -1;
    for (uint32_t t = dash + 1; t < v; ++t) {
      const int32_t h = tree_.Head(t);
      if (h > static_cast<int32_t>(dash) && h < static_cast<int32_t>(v)) continue;
      const std::string_view u = tree_.Upos(t);
      if (u != "PROPN" && u != "NOUN" && u != "PRON") continue;
      if (root >= 0) return -1;
      root = static_cast<int32_t>(t);
    }
    return root;
  }

  // Whether token t has a finite verb's tag (VBD, VBZ, VBP).
  bool FiniteVerbTag(uint32_t t) const {
    const std::string_view x = tree_.Xpos(t);
    return x == "VBD" || x == "VBZ" || x == "VBP";
  }

  // "… and Democrats accused …": when a bare noun phrase (nouns, names,
  // determiners, adjectives, numbers) stands right before token v, after
  // "and" or "but" at or after token `floor`, the index of that "and" /
  // "but"; else -1.
  int32_t AndBeforeNounPhrase(uint32_t v, uint32_t floor) const {
    uint32_t j = v;
    while (j > floor) {
      const std::string_view u = tree_.Upos(j - 1);
      if (u != "PROPN" && u != "NOUN" && u != "DET" && u != "ADJ" && u != "NUM") break;
      --j;
    }
    if (j == v || j <= floor) return -1;
    const std::string w = tree_.LowerForm(j - 1);
    return w == "and" || w == "but" ? static_cast<int32_t>(j - 1) : -1;
  }

  // "… and Democrats accused the GOP …" parsed with "Democrats" a conjunct
  // of a noun before it: the bare noun phrase right after "and" or "but"
  // and right before a finite verb with no subject of its own is that
  // verb's subject (its last word, the head); -1 when there is none.
  int32_t BareSubjectBefore(uint32_t v) const {
    if (tree_.HasSubject(v) || !FiniteVerbTag(v)) return -1;
    const int32_t conj = AndBeforeNounPhrase(v, 0);
    if (conj < 0 || tree_.SentenceOf(static_cast<uint32_t>(conj)) != tree_.SentenceOf(v)) {
      return -1;
    }
    const std::string_view u = tree_.Upos(v - 1);
    return u == "PROPN" || u == "NOUN" ? static_cast<int32_t>(v - 1) : -1;
  }

  // The subject of cue verb v, looking through xcomp/advcl/conj to the
  // verb they depend on ("…, noting that …"), and from a relative pronoun
  // to the noun it modifies ("officials who said …").
  int32_t SubjectOf(uint32_t v) const {
    // (At extraction only: the cue model learns from the parse's subjects.)
    if (collect_ == nullptr) {
      if (const int32_t bare = BareSubjectBefore(v); bare >= 0) return bare;
    }
    int32_t s = ParsedSubjectOf(v);
    // "WASHINGTON -- President Obama … said": a dateline the parse made
    // the subject leaves the phrase after its dash to speak.
    if (s >= 0) {
      const int32_t after = AfterDateline(static_cast<uint32_t>(s), v);
      if (after >= 0) s = after;
    }
    // "In a statement Friday, Trump said": a day the parse made the subject
    // leaves the name before the verb to speak.
    const bool day = s >= 0 && IsTimeWord(tree_.LowerForm(static_cast<uint32_t>(s)));
    if ((s >= 0 && !day) || v == 0) return s;
    // A parse that missed the subject: a name right before the verb.
    for (const Mention& m : doc_.mentions()) {
      if (m.token_end == v && tree_.SentenceOf(m.token_begin) == tree_.SentenceOf(v)) {
        return static_cast<int32_t>(MentionHead(m));
      }
    }
    return day ? s : -1;
  }

  // A mention's own head: the token whose head lies outside it.
  uint32_t MentionHead(const Mention& m) const {
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
      const int32_t h = tree_.Head(t);
      if (h < static_cast<int32_t>(m.token_begin) || h >= static_cast<int32_t>(m.token_end)) {
        return t;
      }
    }
    return m.token_end - 1;
  }

  // v's subject; of several (a parse that split "panel Chairman Rep. Jo
  // Lee" in two), the nearest before v, whose phrase is the name's.
  int32_t NearestSubject(uint32_t v) const {
    int32_t first = -1, nearest = -1;
    for (uint32_t k : tree_.Children(v)) {
      if (tree_.Deprel(k) != "nsubj") continue;
      if (k > v) {
        if (first < 0) return static_cast<int32_t>(k);
        break;
      }
      if (first < 0) first = static_cast<int32_t>(k);
      nearest = static_cast<int32_t>(k);
    }
    if (first == nearest) return first;
    // The nearer one when the first is a day ("Last week Stumpf …") or a
    // bare singular noun right before it ("panel Chairman Rep. Jo Lee");
    // else the first ("Several people Republicans have tried to reach").
    const auto f = static_cast<uint32_t>(first), n = static_cast<uint32_t>(nearest);
    if (IsTimeWord(tree_.LowerForm(f)) ||
        (tree_.Xpos(f) == "NN" && tree_.Hi(f) + 1 >= tree_.Lo(n))) {
      return nearest;
    }
    return first;
  }

  int32_t ParsedSubjectOf(uint32_t v) const {
    uint32_t t = v;
    for (int depth = 0; depth < 3; ++depth) {
      int32_t s = NearestSubject(t);
      if (s >= 0) return s;  // a relative pronoun stays the mention (resolved later)
      const std::string_view d = tree_.Deprel(t);
      const int32_t h = tree_.Head(t);
      if (d == "parataxis" && h > static_cast<int32_t>(t)) {
        // "X, at a briefing, said, “…”": the parse gave X to the quote.
        s = tree_.Child(static_cast<uint32_t>(h), "nsubj");
        return s >= 0 && s < static_cast<int32_t>(t) && !in_marked_[s] ? s : -1;
      }
      if (d == "acl" && h >= 0 && t > 0 && tree_.Xpos(t) == "VBG" && doc_.TokenForm(t - 1) == "," &&
          tree_.Deprel(static_cast<uint32_t>(h)).starts_with("obl")) {
        // "X said as much in an interview, arguing that …": a participle
        // set off by a comma that the parse hung on the verb's setting
        // speaks for the verb's subject.
        int32_t verb = tree_.Head(static_cast<uint32_t>(h));
        for (int up = 0; up < 2 && verb >= 0 && tree_.Upos(static_cast<uint32_t>(verb)) == "ADV";
             ++up) {
          verb = tree_.Head(static_cast<uint32_t>(verb));  // ("said as much in …")
        }
        if (verb < 0 || tree_.Upos(static_cast<uint32_t>(verb)) != "VERB") return -1;
        t = static_cast<uint32_t>(verb);
        continue;
      }
      if (h < 0 || !(d == "xcomp" || d == "advcl" || d == "conj")) return -1;
      // "Sanders, who lost the primaries, identified …" parsed with
      // "identified" a conjunct inside the relative clause: the verb after
      // the clause's closing comma is its antecedent's. (In training too:
      // the cue model weighs the subject, so it learns from the one used.)
      if (d == "conj") {
        if (const int32_t ante = AntecedentBeforeClause(static_cast<uint32_t>(h), t); ante >= 0) {
          return ante;
        }
      }
      if (d == "conj" && collect_ == nullptr && lex_.Verb(tree_.Lemma(t)) == CueClass::kSpeech &&
          tree_.Deprel(static_cast<uint32_t>(h)) == "ccomp" && tree_.Head(h) >= 0 &&
          lex_.Verb(tree_.Lemma(static_cast<uint32_t>(tree_.Head(h)))) == CueClass::kSpeech) {
        // "said the plan was too costly and promised to …": the parse joined
        // the second verb of saying to the complement; it is the speaker's.
        // (At extraction only.)
        t = static_cast<uint32_t>(tree_.Head(h));
        continue;
      }
      // "Asked about X, she said …": a past participle's subject is the
      // one asked, not the asker.
      if (d == "advcl" && static_cast<int32_t>(t) < h &&
          (tree_.Xpos(t) == "VBN" || tree_.Xpos(t) == "VBD")) {
        return -1;
      }
      t = OutOfAside(static_cast<uint32_t>(h), t);
    }
    return -1;
  }

  // "Protesters marched past the stadium - where the Panthers played -
  // while chanting …": a clause after a closing dash that the parse hung on
  // a verb inside the dashes belongs to the nearest verb above that aside.
  // Returns h, or that verb (h when there is none).
  uint32_t OutOfAside(uint32_t h, uint32_t t) const {
    if (h >= t) return h;
    const uint32_t sentence = tree_.SentenceOf(t);
    int32_t close = -1, open = -1;
    for (uint32_t k = h + 1; k < t && close < 0; ++k) {
      if (SpacedDash(k)) close = static_cast<int32_t>(k);
    }
    if (close < 0) return h;
    for (uint32_t k = h; k-- > tree_.SentenceAt(sentence).token_begin;) {
      if (SpacedDash(k)) {
        open = static_cast<int32_t>(k);
        break;
      }
    }
    if (open < 0) return h;
    // (Not "WASHINGTON -- Trump said - …": the sentence's root is outside.)
    for (auto k = static_cast<uint32_t>(open) + 1; k < static_cast<uint32_t>(close); ++k) {
      if (tree_.Head(k) < 0) return h;
    }
    int32_t up = static_cast<int32_t>(h);
    for (size_t steps = 0; steps < tree_.size() && up >= 0; ++steps) {
      const auto u = static_cast<uint32_t>(up);
      if ((up < open || up > close) && tree_.Upos(u) == "VERB") return u;
      up = tree_.Head(u);
    }
    return h;
  }

  // A dash set off by a space before it ("R-Texas" and "party-backed" have
  // none): one that opens or closes an aside.
  bool SpacedDash(uint32_t k) const {
    const TokenColumns& tk = doc_.tokens();
    return k > 0 && IsDash(doc_.TokenForm(k)) && tk.begin[k] > tk.end[k - 1];
  }

  // When verb h's subject is "who" or "which" set off by a comma after a
  // name ("Sanders (Vt.), who lost …"), and h's conjunct t follows a comma
  // after h's clause: the name's head; else -1.
  int32_t AntecedentBeforeClause(uint32_t h, uint32_t t) const {
    const int32_t rp = NearestSubject(h);
    if (rp < 1 || static_cast<uint32_t>(rp) > h || t < 1 || doc_.TokenForm(t - 1) != ",") {
      return -1;
    }
    const std::string w = tree_.LowerForm(static_cast<uint32_t>(rp));
    if ((w != "who" && w != "which") || doc_.TokenForm(static_cast<uint32_t>(rp) - 1) != ",") {
      return -1;
    }
    // The word before the comma, past a parenthesis ("Sanders (Vt.),").
    int32_t k = rp - 2;
    if (k >= 0 && doc_.TokenForm(static_cast<uint32_t>(k)) == ")") {
      while (k > 0 && doc_.TokenForm(static_cast<uint32_t>(k)) != "(") --k;
      --k;
    }
    if (k < 0) return -1;
    for (const Mention& m : doc_.mentions()) {
      if (m.token_end != static_cast<uint32_t>(k) + 1) continue;
      // The name's phrase: up from its head through a title ("Sen.").
      auto head = static_cast<int32_t>(MentionHead(m));
      while (tree_.Deprel(static_cast<uint32_t>(head)) == "flat" && tree_.Head(head) >= 0) {
        head = tree_.Head(head);
      }
      return head;
    }
    const std::string_view u = tree_.Upos(static_cast<uint32_t>(k));
    return u == "PROPN" || u == "NOUN" ? k : -1;
  }

  // `model_decides`: with the cue model, subjects it weighs by their word
  // are let through too: "I", "we" and "you" (a reporter's own words or an
  // unmarked quote), "it" (a paper, a report, a company), a relative
  // pronoun outside a plain relative clause, and quantifiers ("many of his
  // supporters believe …").
  bool AcceptableSpeaker(int32_t s, CueClass cls, bool model_decides = false) const {
    if (s < 0) return false;
    const std::string l = tree_.LowerForm(s);
    if (l == "who" || l == "that" || l == "which") {
      // A relative pronoun: the subject of a relative clause.
      const int32_t v = tree_.Head(static_cast<uint32_t>(s));
      if (v >= 0 && tree_.Deprel(static_cast<uint32_t>(v)).ends_with("relcl")) return true;
      if (model_decides && l != "that") return true;
    }
    if (l == "it" && model_decides) return true;
    if (l == "it" || l == "there" || l == "this" || l == "that" || l == "what" || l == "which") {
      return cls == CueClass::kFinding;
    }
    if ((l == "i" || l == "we" || l == "you") && !model_decides) return false;  // unmarked quote
    if (IsTimeWord(l) || tree_.Deprel(s).ends_with("tmod")) return false;       // "said Friday"
    const std::string_view u = tree_.Upos(s);
    if (model_decides && (u == "DET" || u == "ADJ") && tree_.Deprel(s).starts_with("nsubj")) {
      return true;  // "many", "some", "all of them"
    }
    return u == "PROPN" || u == "NOUN" || u == "PRON" || u == "NUM" || u == "X";
  }

  void FindChannel(uint32_t cue, Candidate& c) {
    for (uint32_t k : tree_.Children(cue)) {
      const std::string_view d = tree_.Deprel(k);
      const bool tell_object = (d == "obj" || d == "iobj") && tree_.Lemma(cue) == "tell";
      const bool oblique = d == "obl" || d == "obl:tmod";
      if (!tell_object && !oblique) continue;
      bool media = tell_object || IsChannelWord(tree_.Lemma(k));
      if (!media && oblique) {
        int32_t cs = tree_.Child(k, "case");
        media = cs >= 0 && tree_.LowerForm(cs) == "on";
      }
      if (!media) continue;
      const Span sub = tree_.SpanOf(tree_.Lo(k), tree_.Hi(k));
      for (const Mention& m : doc_.mentions()) {
        if (m.span.begin >= sub.begin && m.span.end <= sub.end &&
            doc_.strings().Get(m.type) == "ORG") {
          c.quote.channel = m.span;
          return;
        }
      }
    }
  }

  // "X said (that) …", "…, X said", "X wants to …".
  bool FromVerb(uint32_t v, Candidate& c) {
    if (tree_.Upos(v) != "VERB") return false;
    // Without a model only lexicon verbs are cues; with one, any verb is a
    // candidate, shaped as a verb of saying, and the model decides. It also
    // sees shapes the lexicon rules leave out: participles on a noun ("a
    // statement calling for …"), passives, first persons, a content in an
    // "about" phrase, one-word contents.
    const bool learned = model_ != nullptr || collect_ != nullptr;
    const std::string_view d = tree_.Deprel(v);
    if (d == "amod" || d == "compound" || (d == "acl" && !learned)) return false;
    std::string lemma(tree_.Lemma(v));
    int32_t prt = tree_.Child(v, "compound:prt");
    CueClass cls = CueClass::kNone;
    if (prt >= 0) {
      const std::string particle = tree_.LowerForm(prt);
      cls = lex_.Verb(lemma, particle);
      if (cls != CueClass::kNone) lemma += " " + particle;
    }
    int32_t prep_obl = -1;  // "called for X": X, when "call for" is an entry
    if (cls == CueClass::kNone) {
      prt = -1;
      for (uint32_t k : tree_.Children(v)) {
        if (k < v || tree_.Deprel(k) != "obl") continue;
        const int32_t cs = tree_.Child(k, "case");
        if (cs < 0) continue;
        cls = lex_.Verb(lemma, tree_.LowerForm(cs));
        if (cls != CueClass::kNone) {
          lemma += " " + tree_.LowerForm(cs);
          prep_obl = static_cast<int32_t>(k);
        }
        break;
      }
    }
    if (cls == CueClass::kNone) cls = lex_.Verb(lemma);
    // A verb outside the lexicon needs the model to know its lemma as a cue.
    if (cls == CueClass::kNone && collect_ == nullptr &&
        !(model_ != nullptr && model_->IsCueLemma(lemma))) {
      return false;
    }
    const CueClass shape = cls == CueClass::kNone ? CueClass::kSpeech : cls;
    const char* frame = "";
    // The content (and, for a cue in the middle of it, the part after the cue).
    uint32_t first = 0, last = 0;
    bool has_rest = false;
    uint32_t rest_first = 0, rest_last = 0;
    int32_t agent_head = -1;  // the speaker of a passive ("… by X")
    bool found = false;
    int32_t comp = Complement(v);
    if (comp < 0) comp = tree_.Child(v, "xcomp");
    if (prep_obl >= 0) {
      first = tree_.Lo(prep_obl);
      last = tree_.Hi(prep_obl);
      if (tree_.Deprel(first) == "case") ++first;
      found = true;
      frame = "prep";
    } else if (comp >= 0) {
      first = tree_.Lo(comp);
      last = tree_.Hi(comp);
      // "said the tax breaks “do nothing …”", "noted clients are
      // beginning …": a finite complement with no subject of its own after
      // an object is a clause whose subject the parse took for the object.
      if (const int32_t obj = tree_.Child(v, "obj");
          obj > static_cast<int32_t>(v) && obj < comp && !tree_.HasSubject(comp) &&
          (tree_.Deprel(comp) == "ccomp" || tree_.Child(comp, "aux") >= 0)) {
        first = std::min(first, tree_.Lo(static_cast<uint32_t>(obj)));
      }
      found = true;
      // (A "that" clause the parse hung elsewhere is a complement too.)
      frame = tree_.Deprel(static_cast<uint32_t>(comp)) == "xcomp" ? "xcomp" : "ccomp";
      // "said that A, and that B" with B hung on the cue: B is more of
      // the same report. (At extraction only.)
      if (std::string_view(frame) == "ccomp" && comp > static_cast<int32_t>(v) &&
          collect_ == nullptr) {
        for (uint32_t k : tree_.Children(v)) {
          if (k <= last || tree_.Deprel(k) != "conj" || !ThatMarked(k) ||
              tree_.Child(k, "cc") < 0 || tree_.Lo(k) > last + 3) {
            continue;
          }
          last = tree_.Hi(k);
        }
      }
      // "wants to triple X, grow Y and create Z": bare infinitives the
      // parse hung on the cue as more complements go on the list. (At
      // extraction only.)
      if (std::string_view(frame) == "xcomp" && tree_.Xpos(comp) == "VB" && collect_ == nullptr) {
        for (uint32_t k : tree_.Children(v)) {
          if (k <= last || tree_.Deprel(k) != "xcomp" || tree_.Xpos(k) != "VB" ||
              tree_.Child(k, "mark") >= 0 ||
              !NoWordsBetween(doc_.tokens().end[last], doc_.tokens().begin[tree_.Lo(k)])) {
            continue;
          }
          last = tree_.Hi(k);
        }
      }
    } else if (int32_t obj = tree_.Child(v, "obj");
               obj >= 0 && (shape != CueClass::kFinding || learned) && !(prt >= 0 && prt > obj)) {
      // "X criticized Obama for …": the object, with what follows it.
      first = tree_.Lo(obj);
      last = tree_.Hi(obj);
      // "said as much in an interview": a setting the parse hung on the
      // object as an oblique ends it.
      for (uint32_t k : tree_.Children(static_cast<uint32_t>(obj))) {
        if (k > static_cast<uint32_t>(obj) && tree_.Lo(k) > first && tree_.Deprel(k) == "obl" &&
            (Setting(k) || ChannelPhrase(k))) {
          last = tree_.Lo(k) - 1;
          break;
        }
      }
      for (uint32_t k : tree_.Children(v)) {
        const std::string_view kd = tree_.Deprel(k);
        if (k > static_cast<uint32_t>(obj) && (kd == "obl" || kd == "xcomp" || kd == "advcl")) {
          if (Setting(k)) break;
          last = std::max(last, tree_.Hi(k));
        }
      }
      found = true;
      frame = "obj";
    } else if (const int32_t pro = ProFormContent(v, cls); pro >= 0) {
      // "said as much", "said so": the words stand for what was said
      // before. (At extraction only, and the lexicon decides.)
      first = tree_.Lo(static_cast<uint32_t>(pro));
      last = static_cast<uint32_t>(pro);
      found = true;
      frame = "proform";
    } else if (d == "parataxis" && tree_.Head(v) >= 0) {
      // "…, X said": the content is the clause the cue hangs from.
      const uint32_t h = static_cast<uint32_t>(tree_.Head(v));
      const uint32_t hlo = tree_.Lo(h), hhi = tree_.Hi(h), vlo = tree_.Lo(v), vhi = tree_.Hi(v);
      // ("UPDATE: the council voted": a colon introduces what follows.)
      if (doc_.TokenForm(vlo) == ":" || (vlo > hlo && doc_.TokenForm(vlo - 1) == ":")) return false;
      if (vhi >= hhi && vlo > hlo) {
        first = hlo;
        last = vlo - 1;
      } else if (vlo <= hlo && vhi < hhi) {
        first = vhi + 1;
        last = hhi;
      } else {
        // "A, he said, B": the content is both sides of the cue.
        first = hlo;
        last = vlo - 1;
        rest_first = vhi + 1;
        rest_last = hhi;
        has_rest = tree_.TrimPunct(rest_first, rest_last);
        if (has_rest && (ParticipleOpening(first, last) || SettingOpening(first, last))) {
          // "Asked about X, she said, …": the participle clause says when
          // or why, not what.
          first = rest_first;
          last = rest_last;
          has_rest = false;
        }
      }
      found = true;
      frame = "parataxis";
    } else if (learned) {
      // "X talked about Y", "X spoke of Y": the phrase, without its preposition.
      for (uint32_t k : tree_.Children(v)) {
        if (k < v || tree_.Deprel(k) != "obl") continue;
        const int32_t cs = tree_.Child(k, "case");
        if (cs < 0) continue;
        const std::string p = tree_.LowerForm(cs);
        if (p != "about" && p != "of" && p != "on" && p != "over" && p != "against") continue;
        first = tree_.Lo(k);
        last = tree_.Hi(k);
        if (static_cast<int32_t>(first) == cs) ++first;
        found = first <= last;
        frame = "about";
        break;
      }
      // "The plan was endorsed by X", "schools promoted by X": what the
      // passive is about is the content, its agent the speaker.
      if (const int32_t agent = tree_.Child(v, "obl:agent"); !found && agent >= 0) {
        int32_t about = tree_.Child(v, "nsubj:pass");
        if (about < 0 && d == "acl" && tree_.Head(v) >= 0) about = tree_.Head(v);
        if (about >= 0 && about < static_cast<int32_t>(v)) {
          std::tie(first, last) = tree_.NounPhrase(static_cast<uint32_t>(about));
          last = std::min(last, v - 1);
          agent_head = agent;
          found = true;
          frame = "agent";
        }
      }
    }
    if (found && has_rest && !tree_.TrimPunct(first, last)) {
      first = rest_first;  // nothing before the cue after all
      last = rest_last;
      has_rest = false;
    }
    if (found && first > v && !has_rest) {
      // "said that, “…” …": the parse stops at "that"; the content runs on
      // through the quotation that follows it, to the end of the sentence.
      uint32_t next = last + 1;
      while (next < tree_.size() && tree_.IsPunct(next) && !in_marked_[next]) ++next;
      if (next < tree_.size() && in_marked_[next] && next <= last + 3 &&
          tree_.SentenceOf(next) == tree_.SentenceOf(v)) {
        const Sentence& sent = tree_.SentenceAt(tree_.SentenceOf(v));
        last = std::max(last, sent.token_end - 1);
      }
    }
    if (!found || !tree_.TrimPunct(first, last) || (last - first < 1 && !learned)) return false;
    // "Protesters continued to call for more information": a verb of
    // going on or starting whose complement is itself a cue leaves the
    // attribution to it. (At extraction only.)
    if (collect_ == nullptr && std::string_view(frame) == "xcomp" && comp >= 0) {
      static constexpr std::string_view kAspect[] = {"continue", "begin", "start", "keep",
                                                     "resume"};
      const auto x = static_cast<uint32_t>(comp);
      const std::string xl(tree_.Lemma(x));
      const int32_t obl = tree_.Child(x, "obl");
      const int32_t cs = obl >= 0 ? tree_.Child(static_cast<uint32_t>(obl), "case") : -1;
      const bool cue =
          lex_.Verb(xl) != CueClass::kNone || (model_ != nullptr && model_->IsCueLemma(xl)) ||
          (cs >= 0 && lex_.Verb(xl, tree_.LowerForm(static_cast<uint32_t>(cs))) != CueClass::kNone);
      if (InList(kAspect, lemma) && tree_.Upos(x) == "VERB" && cue) {
        return false;
      }
    }
    // "…,” said Rep. Ann Holt, the Republican who offered the motion": a
    // clause opening with a relative pronoun is the speaker's relative
    // clause the parse hung on the verb, not what was said. (At extraction
    // only.)
    if (collect_ == nullptr && first > v + 1) {
      const std::string w = tree_.LowerForm(first);
      // (Not "asked who would pay": there the question word follows the verb.)
      uint32_t before = first - 1;
      if (doc_.TokenForm(before) == ",") --before;
      const std::string_view bu = tree_.Upos(before);
      if ((w == "who" || w == "whom" || w == "whose" || w == "which") && before > v &&
          (bu == "NOUN" || bu == "PROPN")) {
        return false;
      }
    }
    // A content of one word that says nothing: a day the parse took for
    // the object ("reported Tuesday"), or a bare relative or question word
    // ("which he said", "what she saw"). (A filter on what is extracted:
    // the cue model still learns from such candidates.)
    if (first == last && collect_ == nullptr) {
      const std::string w = tree_.LowerForm(first);
      if (IsTimeWord(w) || w == "which" || w == "what" || w == "who" || w == "whom") return false;
    }
    // Content and cue stay in one sentence.
    if (tree_.SentenceOf(first) != tree_.SentenceOf(v)) return false;
    int32_t subject = agent_head >= 0 ? agent_head : SubjectOf(v);
    std::string_view subject_rel = agent_head >= 0 ? "agent" : "nsubj";
    if (subject < 0 && learned) {
      subject = tree_.Child(v, "nsubj:pass");
      subject_rel = "pass";
      if (subject < 0 && d == "acl" && tree_.Head(v) >= 0) {
        subject = tree_.Head(v);  // "a statement calling for …": the statement
        subject_rel = "acl";
      }
    }
    if (!AcceptableSpeaker(subject, shape, learned)) return false;
    if (subject >= static_cast<int32_t>(first) && subject <= static_cast<int32_t>(last)) {
      return false;
    }
    if (learned && std::string_view(frame) != "proform") {
      learn::FeatureVector features;
      VerbFeatures(v, lemma, cls, frame, comp, static_cast<uint32_t>(subject), subject_rel, first,
                   last, &features);
      // The content's end, when it follows the cue: the content-end model's
      // choice among the ends EndCandidates offers.
      const bool movable_end = first > v && !has_rest;
      if (collect_ != nullptr) {
        CueExample e;
        e.cue_token = v;
        e.lemma = lemma;
        e.in_lexicon = cls != CueClass::kNone;
        e.content = tree_.SpanOf(first, last);
        e.features = std::move(features);
        if (movable_end) {
          e.content_first = first;
          e.parse_end = EndCandidates(v, lemma, frame, first, last, &e.end_tokens, &e.end_features);
        }
        collect_->push_back(std::move(e));
        return false;
      }
      if (!model_->Accept(features)) return false;
      if (movable_end && ends_ != nullptr) {
        std::vector<uint32_t> tokens;
        std::vector<learn::FeatureVector> ends;
        const size_t parse_end = EndCandidates(v, lemma, frame, first, last, &tokens, &ends);
        if (!tokens.empty()) last = tokens[ends_->Best(ends, parse_end)];
      }
    }
    // "said the exhibits would put it in context, allowing people to see
    // …": a participle clause the parse hung on a plain report of words,
    // right after its complement and a comma, and no cue itself, goes on
    // with what was said. (At extraction only.)
    if (std::string_view(frame) == "ccomp" && first > v && !has_rest && collect_ == nullptr &&
        ReportingVerb(lemma)) {
      for (uint32_t k : tree_.Children(v)) {
        if (k <= last + 1 || tree_.Deprel(k) != "advcl" || tree_.Xpos(k) != "VBG" ||
            tree_.Lo(k) > last + 2 || doc_.TokenForm(last + 1) != "," ||
            lex_.Verb(tree_.Lemma(k)) != CueClass::kNone) {
          continue;
        }
        last = tree_.Hi(k);
        while (last > first && tree_.IsPunct(last)) --last;
      }
    }
    // "tweeted that X was “a con” and encouraged Americans to …": a verb of
    // saying joined to the complement without a subject of its own is the
    // speaker's second act, not part of what was said. (At extraction only.)
    // And "Republicans said A and Democrats accused the GOP of B": a verb
    // of saying with a subject of its own, coordinated anywhere in the
    // content, is another attribution.
    if (comp >= 0 && first > v && !has_rest && collect_ == nullptr &&
        std::string_view(frame) == "ccomp") {
      for (uint32_t k = first + 1; k <= last; ++k) {
        const std::string_view kd = tree_.Deprel(k);
        const int32_t kh = tree_.Head(k);
        if ((kd != "conj" && kd != "parataxis") || kh < static_cast<int32_t>(first) ||
            kh > static_cast<int32_t>(last) || !SpeechVerb(k)) {
          continue;
        }
        const bool own_subject = tree_.HasSubject(k);
        if (own_subject ? tree_.Lo(k) <= first + 1 : (kd != "conj" || kh != comp)) {
          continue;
        }
        // In the complement's tense and not the cue's, and not a plain
        // report of words, the conjunct goes on with what was said ("say
        // he posed a threat and refused to drop the gun"), unless it comes
        // "then", after it.
        if (!own_subject && !ReportingVerb(tree_.Lemma(k)) && tree_.Xpos(k) != tree_.Xpos(v) &&
            tree_.Xpos(k) == tree_.Xpos(static_cast<uint32_t>(comp)) && !ThenAdverb(k)) {
          continue;
        }
        // ("agreed that A but that it would add B": a second "that" clause
        // is more of the same.)
        if (ThatMarked(k)) continue;
        uint32_t cut = tree_.Lo(k);
        if (const int32_t cc = tree_.Child(k, "cc"); cc >= 0) cut = std::min(cut, tree_.Lo(cc));
        if (cut > first + 1) {
          uint32_t l = cut - 1;
          if (tree_.TrimPunct(first, l)) last = l;
        }
        break;
      }
      // The same where the parse hung the second clause inside the first
      // ("… mishandled the investigation and Democrats accused …" with
      // "Democrats" a conjunct of "investigation"): "and", a bare noun
      // phrase, then a finite verb of saying, after a clause with a verb
      // of its own ("said Clinton and Obama agreed" stays whole).
      for (uint32_t k = first + 2; k <= last; ++k) {
        if (!SpeechVerb(k) || !FiniteVerbTag(k)) continue;
        const int32_t conj = AndBeforeNounPhrase(k, first);
        if (conj <= static_cast<int32_t>(first)) continue;
        const auto j = static_cast<uint32_t>(conj);  // the "and"
        bool clause = false;
        for (uint32_t t = first; t < j && !clause; ++t) {
          clause = FiniteVerbTag(t) || tree_.Xpos(t) == "MD";
        }
        if (!clause) continue;
        uint32_t l = j - 1;
        if (l > first && tree_.TrimPunct(first, l)) last = l;
        break;
      }
    }
    // "demanded an inquiry into the closure, waving banners outside": a
    // participle clause after a comma, on the cue or on a noun of a
    // noun-phrase content (or the parse's modifier of the content's head,
    // "explained the delay, treating …"), tells what the speaker did while
    // saying it, not what was said ("…, arguing that …" stays: more of the
    // same words; a participle between commas inside a clause, "said the
    // files, totaling 37 pages, were …", stays). (At extraction only.)
    if (collect_ == nullptr && !has_rest &&
        (std::string_view(frame) == "obj" || std::string_view(frame) == "prep")) {
      for (uint32_t k = first + 2; k <= last; ++k) {
        const int32_t kh = tree_.Head(k);
        if (tree_.Xpos(k) != "VBG" || (tree_.Deprel(k) != "advcl" && tree_.Deprel(k) != "acl") ||
            doc_.TokenForm(k - 1) != "," ||
            ((kh < static_cast<int32_t>(first) || kh >= static_cast<int32_t>(k)) &&
             kh != static_cast<int32_t>(v))) {
          continue;
        }
        const std::string_view hu = tree_.Upos(static_cast<uint32_t>(kh));
        if ((hu != "NOUN" && hu != "PROPN" && kh != static_cast<int32_t>(v)) || SpeechVerb(k)) {
          continue;
        }
        bool inside = false;
        for (uint32_t j = k + 1; j < tree_.Hi(k) && !inside; ++j) {
          inside = doc_.TokenForm(j) == "," && (FiniteVerbTag(j + 1) || tree_.Xpos(j + 1) == "MD");
        }
        if (inside) continue;
        // (Nor one of a list of participles: "such as sending staff home,
        // wearing masks".)
        bool listed = false;
        for (uint32_t j = first; j < k && !listed && tree_.Deprel(k) == "acl"; ++j) {
          listed = tree_.Xpos(j) == "VBG";
        }
        if (listed) continue;
        // A participle the parse made a noun's modifier hangs on the
        // content's own head ("the matter, treating …"), not deeper.
        if (tree_.Deprel(k) == "acl" && kh != (prep_obl >= 0 ? prep_obl : tree_.Child(v, "obj"))) {
          continue;
        }
        uint32_t l = k - 1;
        if (tree_.TrimPunct(first, l)) last = l;
        break;
      }
    }
    // "called Trump a “liar”", "urged the governor to …": the object the
    // complement says something of opens the content. (At extraction only:
    // the cue model's candidates keep the parse's complement.)
    if (std::string_view(frame) == "xcomp" && !has_rest && collect_ == nullptr) {
      int32_t obj = tree_.Child(v, "obj");
      if (obj < 0) obj = tree_.Child(v, "iobj");
      if (obj > static_cast<int32_t>(v) && obj < comp && tree_.Lo(obj) < first) {
        first = tree_.Lo(static_cast<uint32_t>(obj));
      }
    }
    // "plans to visit X on Sunday, according to an aide": the source is
    // another's, and the content stops before it.
    for (uint32_t t = first + 1; t < last && !has_rest; ++t) {
      if (AccordingToAt(t)) {
        last = t - 1;
        if (!tree_.TrimPunct(first, last)) return false;
        break;
      }
    }
    SetIndirect(c, first, last, v);
    if (has_rest) c.quote.continued = tree_.SpanOf(rest_first, rest_last);
    SetCue(c, v, prt >= 0 ? std::max<uint32_t>(v, prt) : v, lemma);
    if (prt >= 0 && static_cast<uint32_t>(prt) < v) c.quote.cue = tree_.SpanOf(prt, v);
    // ("Melania seems to have vanished": a verb of raising says the same.)
    const bool raising =
        subject_rel == "nsubj" && (lemma == "seem" || lemma == "appear" || lemma == "prove");
    if ((subject_rel == "pass" || raising) && std::string_view(frame) == "xcomp" && !has_rest &&
        static_cast<uint32_t>(subject) < v) {
      // "The city is expected to be a powerhouse": no one is named; the
      // passive's subject is what the content is about, its first piece.
      const auto [np_lo, np_hi] = tree_.NounPhrase(static_cast<uint32_t>(subject));
      c.quote.content = tree_.SpanOf(np_lo, np_hi);
      c.quote.token_begin = np_lo;
      c.quote.continued = tree_.SpanOf(first, last);
      FindChannel(v, c);
      return true;
    }
    if (subject_rel == "pass" && lemma != "quote") {
      // "Reagan was once asked how …", "She was told that …": the subject
      // of a passive heard or was asked; the speaker goes unnamed ("X was
      // quoted as saying" is X's).
      FindChannel(v, c);
      return true;
    }
    if (const std::string_view noun = tree_.Lemma(static_cast<uint32_t>(subject));
        subject_rel == "acl" && (IsOccasionWord(noun) || IsSettingNoun(noun))) {
      // "X said at a news conference announcing …", "used blunt language
      // to denounce …", "missed no opportunity to remind …": the speaker
      // is the one at the occasion.
      if (const int32_t h = tree_.Head(static_cast<uint32_t>(subject)); h >= 0) {
        if (const int32_t s2 = SubjectOf(static_cast<uint32_t>(h)); s2 >= 0) subject = s2;
      }
    }
    SetSpeaker(c, static_cast<uint32_t>(subject));
    FindChannel(v, c);
    return true;
  }

  // "said as much", "said so": the adverb standing for what verb v of
  // saying (class cls) said, or -1. Only at extraction: the cue model
  // never learned such candidates.
  int32_t ProFormContent(uint32_t v, CueClass cls) const {
    if (collect_ != nullptr || cls != CueClass::kSpeech || v + 1 >= tree_.size()) return -1;
    for (uint32_t k : tree_.Children(v)) {
      if (k <= v || k > v + 2 || tree_.Deprel(k) != "advmod") continue;
      const std::string w = tree_.LowerForm(k);
      if (w == "much" && k == v + 2 && tree_.LowerForm(v + 1) == "as")
        return static_cast<int32_t>(k);
      // ("said so", not "said so many things" nor "so that …")
      if (w == "so" && k == v + 1 && tree_.Children(k).empty() &&
          (k + 1 >= tree_.size() || tree_.IsPunct(k + 1) || tree_.Upos(k + 1) == "ADP")) {
        return static_cast<int32_t>(k);
      }
    }
    return -1;
  }

  // Whether k, a dependent of a cue after its object, says when, where or
  // how the words were said, not what: "during the debate", "on Monday",
  // "when he ran in 2008", "at a rally", "with jabs that …".
  bool Setting(uint32_t k) const {
    const std::string_view d = tree_.Deprel(k);
    if (d == "advcl") {
      const std::string w = tree_.LowerForm(tree_.Lo(k));
      return AdverbialOpening(tree_.Lo(k)) || w == "when" || w == "as";
    }
    if (d != "obl") return false;
    if (IsTimeWord(tree_.LowerForm(k))) return true;
    const int32_t cs = tree_.Child(k, "case");
    if (cs < 0) return false;
    const std::string p = tree_.LowerForm(static_cast<uint32_t>(cs));
    return p == "during" || p == "at" || p == "after" || p == "before" || p == "since" ||
           p == "amid" || p == "with" || p == "throughout";
  }

  // "in an interview", "in a statement": where the words were said.
  bool ChannelPhrase(uint32_t k) const {
    const int32_t cs = tree_.Child(k, "case");
    return cs >= 0 && tree_.LowerForm(static_cast<uint32_t>(cs)) == "in" &&
           IsChannelWord(tree_.Lemma(k));
  }

  // The clausal complement of cue v: the first after it, else one before
  // it that is no adverbial clause the parse mistook for one ("but before
  // officials had weighed in, Trump said that …"). After v, a clause the
  // parse made a complement but which opens with a subordinator of time or
  // cause is none ("said after the agency failed to …"); a "that" clause
  // it hung elsewhere is one ("says at a stop in Toledo, Ohio, that …",
  // "told a crowd in Dayton that …": ThatClauseOf).
  int32_t Complement(uint32_t v) const {
    int32_t before = -1;
    for (uint32_t k : tree_.Children(v)) {
      if (tree_.Deprel(k) != "ccomp") continue;
      if (k > v) {
        if (AdverbialOpening(tree_.Lo(k))) continue;
        // ("said at a campaign stop": a "clause" that opens with its
        // subject's preposition is a phrase the parse took for one.)
        if (const int32_t su = tree_.Child(k, "nsubj");
            su >= 0 &&
            tree_.Child(static_cast<uint32_t>(su), "case") == static_cast<int32_t>(tree_.Lo(k))) {
          continue;
        }
        return static_cast<int32_t>(k);
      }
      if (before >= 0) continue;
      const int32_t mk = tree_.Child(k, "mark");
      const std::string m = mk >= 0 ? tree_.LowerForm(static_cast<uint32_t>(mk)) : "";
      if (m.empty() || m == "that" || m == "whether" || m == "if") {
        before = static_cast<int32_t>(k);
      }
    }
    if (const int32_t that = ThatClauseOf(v); that >= 0) return that;
    // (At extraction only: the cue model was trained without these
    // candidates, and retrained with them it scored within its seed spread.)
    if (before < 0 && collect_ == nullptr) before = AsideClauseBefore(v);
    return before;
  }

  // "“You squeezed …” to drive up the price, she said": a finite clause
  // the parse hung on cue v as an adverbial clause, though it opens the
  // sentence with no subordinator and only v's subject and commas stand
  // between it and v. -1 if none.
  int32_t AsideClauseBefore(uint32_t v) const {
    const int32_t subject = tree_.Child(v, "nsubj");
    if (subject < 0 || static_cast<uint32_t>(subject) > v) return -1;
    const Sentence& sent = tree_.SentenceAt(tree_.SentenceOf(v));
    for (uint32_t k : tree_.Children(v)) {
      if (k > v || tree_.Deprel(k) != "advcl") continue;
      if (tree_.Child(k, "mark") >= 0 || !tree_.HasSubject(k)) continue;
      uint32_t lo = sent.token_begin;
      while (lo < k && tree_.IsPunct(lo)) ++lo;
      if (tree_.Lo(k) > lo) continue;
      const uint32_t s = static_cast<uint32_t>(subject);
      // (The comma may hang on either side.)
      bool comma = doc_.TokenForm(tree_.Hi(k)) == ",", between = true;
      for (uint32_t t = tree_.Hi(k) + 1; t < v && between; ++t) {
        if (doc_.TokenForm(t) == ",") comma = true;
        between = tree_.IsPunct(t) || (t >= tree_.Lo(s) && t <= tree_.Hi(s));
      }
      if (comma && between) return static_cast<int32_t>(k);
    }
    return -1;
  }

  // Whether token t opens an adverbial clause: a subordinator of time,
  // cause or concession.
  bool AdverbialOpening(uint32_t t) const {
    // ("when" is left out: "have not said when they would vote".)
    static constexpr std::string_view kWords[] = {"after", "before",   "while",  "because",
                                                  "since", "although", "though", "until",
                                                  "once",  "whenever"};
    const std::string w = tree_.LowerForm(t);
    return InList(kWords, w);
  }

  // Whether a relative clause r the parse found on a noun is a whole
  // clause of its own, "that" left out ("said after the hearing he would
  // not support the bill", "told reporters she will run"): no relative
  // word, a pronoun or name for its subject, and no gap (an object,
  // complement or copula, or a modal).
  bool BareClause(uint32_t r) const {
    if (tree_.Deprel(r) != "acl:relcl" || tree_.Lo(r) == 0) return false;
    // Right after its noun ("the others at whom he was …" is a relative
    // clause whose pronoun the parse hung elsewhere).
    const std::string_view before = tree_.Upos(tree_.Lo(r) - 1);
    if (before != "NOUN" && before != "PROPN" && before != "NUM") return false;
    bool subject = false, whole = false;
    for (uint32_t k : tree_.Children(r)) {
      const std::string_view d = tree_.Deprel(k);
      const std::string w = tree_.LowerForm(k);
      if (w == "who" || w == "whom" || w == "which" || w == "that" || w == "whose" ||
          w == "where" || w == "when" || w == "why") {
        return false;
      }
      if (d == "nsubj" && k < r) {
        const std::string_view u = tree_.Upos(k);
        subject = u == "PRON" || u == "PROPN";
      }
      whole |= d == "obj" || d == "ccomp" || d == "xcomp" || d == "cop" ||
               (d == "aux" && tree_.Xpos(k) == "MD");
    }
    return subject && whole;
  }

  // A finite "that" clause after cue v that the parse hung on v as an
  // adverbial clause, or on v's object or oblique as a modifier: "says at a
  // campaign stop in Toledo, Ohio, that it means …", "told a crowd in
  // Dayton that she was worried", "said after the vote that he was
  // pleased". Its subject is its own, and the noun it hangs on names no
  // utterance or idea ("the claim that …" keeps its clause). -1 if none.
  int32_t ThatClauseOf(uint32_t v) const {
    static constexpr std::string_view kContentNouns[] = {
        "fact", "idea", "notion", "possibility", "hope", "fear", "evidence", "sign", "news", "word",
        "chance", "risk", "belief", "view", "assurance", "promise", "warning", "message", "point",
        "argument", "suggestion", "theory", "concern", "impression", "rumor", "rumour", "sense",
        "feeling", "assumption", "proof", "indication",
        // and nouns a bare relative clause often follows ("the reason he …")
        "reason", "way", "time", "day", "moment", "place", "extent", "one"};
    auto content_noun = [&](uint32_t n) {
      const std::string_view lemma = tree_.Lemma(n);
      return lex_.Noun(lemma) || InList(kContentNouns, lemma);
    };
    auto that_clause = [&](uint32_t h) {
      const int32_t mk = tree_.Child(h, "mark");
      uint32_t lo = tree_.Lo(h);  // (a comma before "that" may hang on the clause)
      while (lo < h && tree_.IsPunct(lo)) ++lo;
      return mk >= 0 && lo == static_cast<uint32_t>(mk) &&
             tree_.LowerForm(static_cast<uint32_t>(mk)) == "that" && tree_.HasSubject(h);
    };
    for (uint32_t k : tree_.Children(v)) {
      if (k < v) continue;
      const std::string_view d = tree_.Deprel(k);
      if (d == "advcl" && that_clause(k)) {
        // Not a result: "added so many layers that it would …".
        bool result = false;
        for (uint32_t t = v + 1; t < tree_.Lo(k) && !result; ++t) {
          const std::string w = tree_.LowerForm(t);
          result = w == "so" || w == "such";
        }
        if (!result) return static_cast<int32_t>(k);
        continue;
      }
      if (d != "obj" && d != "iobj" && d != "obl" && d != "obl:tmod") continue;
      if (content_noun(k)) continue;
      // "identified X as one of the reasons that …": a comparison, no setting.
      if (const int32_t cs = tree_.Child(k, "case"); cs >= 0) {
        const std::string p = tree_.LowerForm(static_cast<uint32_t>(cs));
        if (p == "as" || p == "like" || p == "than") continue;
      }
      for (uint32_t a : tree_.Children(k)) {
        if (a > k && tree_.Deprel(a).starts_with("acl") && (that_clause(a) || BareClause(a))) {
          return static_cast<int32_t>(a);
        }
      }
    }
    return -1;
  }

  // Whether tokens [first, last] are a prepositional phrase and nothing
  // more ("In a statement", "On Monday"): a setting, not words said.
  bool SettingOpening(uint32_t first, uint32_t last) const {
    if (!tree_.TrimPunct(first, last) || tree_.Upos(first) != "ADP") return false;
    for (uint32_t t = first; t <= last; ++t) {
      const std::string_view u = tree_.Upos(t);
      if (u == "VERB" || u == "AUX" || u == "PUNCT") return false;
    }
    return true;
  }

  // Whether tokens [first, last] are one participle clause opening the
  // sentence, with no subject or conjunction of its own ("Asked about X",
  // "Following the vote"): a frame for the quote, not part of it.
  bool ParticipleOpening(uint32_t first, uint32_t last) const {
    if (!tree_.TrimPunct(first, last)) return false;
    const std::string_view x = tree_.Xpos(first);
    if (tree_.Upos(first) != "VERB" || (x != "VBN" && x != "VBG" && x != "VBD")) return false;
    for (uint32_t k : tree_.Children(first)) {
      const std::string_view d = tree_.Deprel(k);
      if (k < first || d == "mark" || d == "nsubj" || d == "nsubj:pass" || d == "aux") return false;
    }
    for (uint32_t t = first + 1; t <= last; ++t) {
      int32_t h = tree_.Head(t);
      for (size_t steps = 0; h >= 0 && h != static_cast<int32_t>(first) && steps < tree_.size();
           ++steps) {
        if (h < static_cast<int32_t>(first) || h > static_cast<int32_t>(last)) return false;
        h = tree_.Head(static_cast<uint32_t>(h));
      }
      if (h != static_cast<int32_t>(first)) return false;
    }
    return true;
  }

  // Verbs that report words and nothing more: a participle of saying on
  // them elaborates the same act of speech.
  static bool ReportingVerb(std::string_view lemma) {
    for (std::string_view r :
         {"say",     "tell",      "note",     "point out", "explain", "add",         "state",
          "stress",  "emphasize", "argue",    "remark",    "observe", "acknowledge", "admit",
          "write",   "report",    "announce", "claim",     "insist",  "suggest",     "mention",
          "reply",   "respond",   "comment",  "recall",    "testify", "declare",     "maintain",
          "contend", "conclude",  "predict",  "estimate"}) {
      if (lemma == r) return true;
    }
    return false;
  }

  // "X said A and warned B", parsed with "warned" coordinated inside A: when
  // c's cue is a finite verb conjoined to a word of a's content, a's content
  // ends before the conjunction and both stand, and c without a subject of
  // its own takes a's speaker. True when a was cut so.
  //
  // Likewise "X attacked Y for Z, saying …": a participle of saying on a
  // cue that is not itself a plain report of words (an attack, a call, a
  // boast) is a second attribution. On a verb of reporting ("pointed out A,
  // noting that B") it goes on elaborating the same one and stays in.
  bool SplitAtCoordinatedCue(Candidate& a, Candidate& c) const {
    if (c.cue_token < 0 || a.cue_token < 0 || !a.quote.continued.empty()) return false;
    const auto v = static_cast<uint32_t>(c.cue_token);
    const uint32_t first = a.quote.token_begin, last = a.quote.token_end - 1;
    if (v <= first || v > last || static_cast<uint32_t>(a.cue_token) >= first) return false;
    const int32_t h = tree_.Head(v);
    // c's cue hangs on a's cue, or on a word of a's content before it.
    if (h != a.cue_token && (h < static_cast<int32_t>(first) || h >= static_cast<int32_t>(v))) {
      return false;
    }
    const std::string_view x = tree_.Xpos(v);
    if (tree_.Deprel(v) == "advcl" && x == "VBG") {
      if (!SpeechVerb(v) || ReportingVerb(doc_.strings().Get(a.quote.cue_lemma))) return false;
    } else if (tree_.Deprel(v) == "advcl" && tree_.Child(v, "nsubj") >= 0) {
      // "said A, though she noted B": a verb of saying with a subject of
      // its own, set against A.
      if (!SpeechVerb(v)) return false;
    } else {
      if (tree_.Deprel(v) != "conj") return false;
      // Finite and in the cue's tense: "would order X and warned Y", not
      // "would order X and warn Y" (both reported).
      // A conjunct of the cue itself that a's content ran over ("said that
      // A, but he said that B") needs only to be finite.
      if ((x != "VBD" && x != "VBZ" && x != "VBP") ||
          (h != a.cue_token && (x == tree_.Xpos(static_cast<uint32_t>(h)) ||
                                x != tree_.Xpos(static_cast<uint32_t>(a.cue_token))))) {
        return false;
      }
    }
    if (c.quote.token_begin < v) return false;  // c's content must follow its cue
    uint32_t end = tree_.Lo(v);
    while (end > first && (tree_.IsPunct(end - 1) || tree_.Upos(end - 1) == "CCONJ")) --end;
    if (end <= first + 1) return false;
    a.quote.content.end = tree_.SpanOf(end - 1, end - 1).end;
    a.quote.token_end = end;
    if (tree_.Child(v, "nsubj") < 0) {
      c.quote.speaker = a.quote.speaker;
      c.speaker_head = a.speaker_head;
    }
    return true;
  }

  // The features of a verb candidate for the cue model (cue_model.h).
  // Template ids are fixed numbers; changing one needs a new
  // CueModel::kFeatureSet.
  void VerbFeatures(uint32_t v, std::string_view lemma, CueClass cls, std::string_view frame,
                    int32_t comp, uint32_t subject, std::string_view subject_rel, uint32_t first,
                    uint32_t last, learn::FeatureVector* f) const {
    using learn::HashFeature;
    const uint64_t klass = static_cast<uint64_t>(cls);
    // What stands in the subject: a name's type, a pronoun, a noun's lemma.
    std::string_view subject_type = "other";
    for (const Mention& m : doc_.mentions()) {
      if (m.token_begin <= subject && subject < m.token_end) {
        subject_type = doc_.strings().Get(m.type);
        break;
      }
    }
    const std::string_view su = tree_.Upos(subject);
    std::string subject_word;
    if (su == "PRON") {
      subject_word = tree_.LowerForm(subject);
      subject_type = "PRON";
    } else if (su == "NOUN") {
      subject_word = tree_.Lemma(subject);
      if (subject_type == "other") subject_type = "NOUN";
    }
    std::string_view mark, comp_upos;
    if (comp >= 0) {
      comp_upos = tree_.Upos(static_cast<uint32_t>(comp));
      const int32_t mk = tree_.Child(static_cast<uint32_t>(comp), "mark");
      if (mk >= 0) mark = tree_.Lemma(static_cast<uint32_t>(mk));
    }
    bool negated = false, has_channel = false;
    std::string_view aux;
    for (uint32_t k : tree_.Children(v)) {
      const std::string_view d = tree_.Deprel(k);
      if (d == "advmod" && (tree_.Lemma(k) == "not" || tree_.Lemma(k) == "never")) negated = true;
      if (d == "aux" && tree_.Upos(k) == "AUX" && aux.empty()) aux = tree_.Lemma(k);
      if ((d == "obl" || d == "obl:tmod") && IsChannelWord(tree_.Lemma(k))) has_channel = true;
    }
    bool quoted = false;
    for (uint32_t t = first; t <= last && !quoted; ++t) quoted = in_marked_[t];
    const uint32_t length = last - first + 1;
    const uint64_t length_bucket = length < 3 ? length : length < 6 ? 3 : length < 12 ? 4 : 5;
    const std::string_view xpos = doc_.strings().Get(doc_.tokens().xpos[v]);
    const std::string_view deprel = tree_.Deprel(v);
    f->Add(HashFeature(0, "bias"));
    f->Add(HashFeature(1, lemma));
    f->Add(HashFeature(2, lemma, frame));
    f->Add(HashFeature(3, klass));
    f->Add(HashFeature(4, std::to_string(klass), frame));
    f->Add(HashFeature(5, frame));
    f->Add(HashFeature(6, subject_type, su));
    f->Add(HashFeature(7, subject_word));
    f->Add(HashFeature(8, lemma, subject_type));
    f->Add(HashFeature(9, std::to_string(klass), subject_type));
    f->Add(HashFeature(10, frame, subject_type));
    f->Add(HashFeature(11, xpos));
    f->Add(HashFeature(12, lemma, xpos));
    f->Add(HashFeature(13, deprel));
    f->Add(HashFeature(14, lemma, deprel));
    f->Add(HashFeature(15, negated ? "neg" : "pos"));
    f->Add(HashFeature(16, aux));
    f->Add(HashFeature(17, mark));
    f->Add(HashFeature(18, lemma, mark));
    f->Add(HashFeature(19, frame, comp_upos));
    f->Add(HashFeature(20, length_bucket));
    f->Add(HashFeature(21, std::string_view(subject > v ? "after" : "before"), frame));
    f->Add(HashFeature(22, quoted ? "quoted" : "plain"));
    f->Add(HashFeature(23, has_channel ? "channel" : "none"));
    f->Add(HashFeature(24, lemma, subject_word));
    f->Add(HashFeature(25, frame, mark));
    f->Add(HashFeature(26, subject_rel));
    f->Add(HashFeature(27, lemma, subject_rel));
    f->Add(HashFeature(28, subject_rel, deprel));
    // What the verb governs and what governs it: "offered no proof",
    // "tried to use", "a statement calling for".
    const int32_t obj = tree_.Child(v, "obj");
    const std::string_view obj_lemma = obj >= 0 ? tree_.Lemma(static_cast<uint32_t>(obj)) : "";
    f->Add(HashFeature(29, obj_lemma));
    f->Add(HashFeature(30, lemma, obj_lemma));
    const int32_t head = tree_.Head(v);
    const std::string_view head_lemma = head >= 0 ? tree_.Lemma(static_cast<uint32_t>(head)) : "";
    f->Add(HashFeature(31, head_lemma, deprel));
    const std::string_view comp_lemma = comp >= 0 ? tree_.Lemma(static_cast<uint32_t>(comp)) : "";
    f->Add(HashFeature(32, comp_lemma));
    f->Add(HashFeature(33, lemma, comp_upos));
    const int32_t xcomp = tree_.Child(v, "xcomp");
    f->Add(HashFeature(34, lemma, xcomp >= 0 ? tree_.Lemma(static_cast<uint32_t>(xcomp)) : ""));
    f->Add(HashFeature(35, v > 0 ? tree_.LowerForm(v - 1) : ""));
    f->Add(HashFeature(36, v + 1 < tree_.size() ? tree_.LowerForm(v + 1) : ""));
    f->Add(HashFeature(37, lemma, negated ? "neg" : "pos"));
    f->Add(HashFeature(38, std::string(lemma) + "|" + std::string(frame), subject_type));
    f->Add(HashFeature(39, lemma, quoted ? "quoted" : "plain"));
  }

  // The content-end model's candidates for a content [first, last] after
  // cue v: the tokens around `last`, within the sentence, that can close a
  // phrase, with their features (content_model.h). Returns the index of
  // `last`, the parse's end. Template ids are fixed numbers; changing one
  // needs a new ContentEndModel::kFeatureSet.
  size_t EndCandidates(uint32_t v, std::string_view lemma, std::string_view frame, uint32_t first,
                       uint32_t last, std::vector<uint32_t>* tokens,
                       std::vector<learn::FeatureVector>* features) const {
    using learn::HashFeature;
    tokens->clear();
    features->clear();
    const Sentence& sent = tree_.SentenceAt(tree_.SentenceOf(first));
    uint32_t stop = std::min<uint32_t>(sent.token_end, static_cast<uint32_t>(tree_.size()));
    // A participle clause on the cue that the content takes in ("pointed out
    // A, noting that B") stays in: one act of speech, one quote.
    uint32_t lowest = last > first + kEndWindowBefore ? last - kEndWindowBefore : first;
    for (uint32_t k : tree_.Children(v)) {
      if (k > first && k <= last && tree_.Deprel(k) == "advcl" &&
          doc_.strings().Get(doc_.tokens().xpos[k]) == "VBG") {
        lowest = std::max(lowest, tree_.Hi(k));
      }
    }
    while (stop > first && tree_.IsPunct(stop - 1)) --stop;  // tokens [first, stop)
    // A window around the parse's end: annotators move it by a phrase or
    // a clause, not by a page (and a run-on "sentence" stays cheap).
    stop = std::min(stop, last + kEndWindowAfter);
    if (stop <= first) return 0;
    // Where each token hangs, seen from a boundary after e: inside the
    // content, on the cue, after the boundary, elsewhere.
    auto where = [&](int32_t h, uint32_t e) -> std::string_view {
      if (h < 0) return "root";
      const auto u = static_cast<uint32_t>(h);
      if (u >= first && u <= e) return "in";
      if (u == v) return "cue";
      if (u > e && u < stop) return "after";
      return u < first ? "before" : "out";
    };
    auto bucket = [](int64_t d) -> uint64_t {
      const int64_t a = d < 0 ? -d : d;
      const uint64_t b = a < 3 ? static_cast<uint64_t>(a) : a < 6 ? 3 : a < 11 ? 4 : 5;
      return d < 0 ? 16 + b : b;
    };
    auto length_bucket = [](uint32_t n) -> uint64_t {
      return n < 3 ? n : n < 6 ? 3 : n < 12 ? 4 : n < 25 ? 5 : 6;
    };
    // Strings are hashed once; features combine the hashes.
    auto h = [](std::string_view x) { return learn::HashFeature(0, x); };
    auto word = [&](uint32_t t) { return h(tree_.LowerForm(t)); };
    const uint64_t h_frame = h(frame), h_lemma = h(lemma), h_end = h("<end>");
    size_t parse_end = 0;
    // Ends worth scoring: the parse's, the sentence's, and those before a
    // word that can open a phrase or clause (punctuation, a conjunction, a
    // preposition, a verb, a relative or "to"); not the middle of a name or
    // a noun phrase.
    auto boundary = [&](uint32_t e) {
      if (e == last || e + 1 >= stop) return true;
      const std::string_view u = tree_.Upos(e + 1);
      return u == "PUNCT" || u == "CCONJ" || u == "SCONJ" || u == "ADP" || u == "VERB" ||
             u == "AUX" || u == "PART" || u == "PRON" || u == "ADV";
    };
    for (uint32_t e = lowest; e < stop; ++e) {
      if (tree_.IsPunct(e) || !boundary(e)) continue;
      if (e <= last) parse_end = tokens->size();
      tokens->push_back(e);
      learn::FeatureVector& f = features->emplace_back();
      const uint64_t rel = bucket(static_cast<int64_t>(e) - static_cast<int64_t>(last));
      const uint64_t side = e < last ? 0 : e == last ? 1 : 2;
      const bool at_end = e + 1 >= stop;
      const uint32_t n = e + 1;  // the first token left out (punctuation included)
      const uint64_t next = at_end ? h_end : word(n);
      const uint64_t next_upos = at_end ? h_end : h(tree_.Upos(n));
      const uint64_t next_rel = at_end ? h_end : h(tree_.Deprel(n));
      // The phrase the boundary cuts off: the highest ancestor of the next
      // word still after the boundary, and where it hangs.
      uint64_t top_rel = h_end, top_where = h_end, top_head_word = h_end, top_lemma = h_end;
      if (!at_end) {
        uint32_t top = n;
        for (size_t steps = 0; steps < tree_.size(); ++steps) {
          const int32_t up = tree_.Head(top);
          if (up < 0 || static_cast<uint32_t>(up) <= e || static_cast<uint32_t>(up) >= stop) break;
          top = static_cast<uint32_t>(up);
        }
        top_rel = h(tree_.Deprel(top));
        top_where = h(where(tree_.Head(top), e));
        if (const int32_t up = tree_.Head(top); up >= 0)
          top_head_word = word(static_cast<uint32_t>(up));
        top_lemma = h(tree_.Lemma(top));
      }
      // Arcs the boundary cuts: content words hanging after it, and later
      // words hanging inside it; verbs and commas between the parse's end
      // and this one.
      uint32_t out_arcs = 0, in_arcs = 0, verbs = 0, commas = 0;
      for (uint32_t t = first; t <= e; ++t) out_arcs += where(tree_.Head(t), e) == "after";
      for (uint32_t t = e + 1; t < stop; ++t) in_arcs += where(tree_.Head(t), e) == "in";
      for (uint32_t t = std::min(e, last) + 1; t <= std::max(e, last) && t < stop; ++t) {
        verbs += tree_.Upos(t) == "VERB";
        commas += doc_.TokenForm(t) == ",";
      }
      const uint64_t mark = !at_end && in_marked_[n];
      const uint64_t e_upos = h(tree_.Upos(e)), e_rel = h(tree_.Deprel(e));
      const uint64_t cut = HashFeature(0, top_where, top_rel);
      const bool top_of_phrase = e == tree_.Hi(e) && where(tree_.Head(e), e) != "in";
      f.Add(HashFeature(1, rel));
      f.Add(HashFeature(2, rel, h_frame));
      f.Add(HashFeature(3, rel, h_lemma));
      f.Add(HashFeature(4, next));
      f.Add(HashFeature(5, next_upos, next_rel));
      f.Add(HashFeature(6, next, h_frame));
      f.Add(HashFeature(7, e_upos));
      f.Add(HashFeature(8, word(e)));
      f.Add(HashFeature(9, e_upos, next_upos));
      f.Add(HashFeature(10, cut));
      f.Add(HashFeature(11, cut, h_frame));
      f.Add(HashFeature(12, top_where, next));
      f.Add(HashFeature(13, std::min<uint32_t>(out_arcs, 3), at_end));
      f.Add(HashFeature(14, std::min<uint32_t>(in_arcs, 4)));
      f.Add(HashFeature(15, std::min<uint32_t>(verbs, 3), e > last));
      f.Add(HashFeature(16, length_bucket(e - first + 1)));
      f.Add(HashFeature(17, mark, next_upos));
      f.Add(HashFeature(18, at_end, h_frame));
      f.Add(HashFeature(19, top_rel));
      f.Add(HashFeature(20, next, side));
      f.Add(HashFeature(21, top_of_phrase, next_upos));
      f.Add(HashFeature(22, next, h_lemma));
      f.Add(HashFeature(23, e_rel, next_rel));
      f.Add(HashFeature(24, top_rel, top_head_word));
      f.Add(HashFeature(25, e_rel, h(where(tree_.Head(e), e))));
      f.Add(HashFeature(26, std::min<uint32_t>(commas, 3), e > last));
      f.Add(HashFeature(27, cut, next));
      f.Add(HashFeature(28, cut, h_lemma));
      f.Add(HashFeature(29, cut, top_lemma));
    }
    return parse_end;
  }

  // "The museum, Mr. Obama said, would make visitors …" and "Too often,
  // said Mr. Clarke, the debate …": a verb of saying set off by commas
  // inside the sentence it reports, its subject a few words right before or
  // after it. The parse often takes such a verb for the sentence's root and
  // the words before it for its subject; the commas say otherwise. The
  // content is both sides of the cue.
  bool FromParenthetical(uint32_t v, Candidate& c) {
    if (in_marked_[v] || !SpeechVerb(v)) return false;
    const Sentence& sent = tree_.SentenceAt(tree_.SentenceOf(v));
    const uint32_t begin = sent.token_begin;
    const uint32_t end = std::min<uint32_t>(sent.token_end, static_cast<uint32_t>(tree_.size()));
    auto comma = [&](uint32_t t) { return t >= begin && t < end && doc_.TokenForm(t) == ","; };
    // Only punctuation from t to the sentence's end.
    auto final = [&](uint32_t t) {
      for (; t < end; ++t) {
        if (!tree_.IsPunct(t) || in_marked_[t]) return false;
      }
      return true;
    };
    // A few words, none a verb or inside quotation marks, up to a comma (or,
    // after the cue, to the sentence's end): the subject.
    auto phrase_end = [&](uint32_t from, int step) -> int64_t {
      int64_t t = from;
      for (int k = 0; k < 6; ++k, t += step) {
        if (t < begin || t >= end) return -1;
        const auto u = static_cast<uint32_t>(t);
        if (comma(u) || (step > 0 && k > 0 && final(u))) return k == 0 ? -1 : t;
        const std::string_view upos = tree_.Upos(u);
        if (upos == "VERB" || upos == "AUX" || upos == "PUNCT" || in_marked_[u]) return -1;
      }
      return -1;
    };
    uint32_t before_comma, after_comma, head;
    // "…, X said in an interview." is not "…, said X."; nor is "…, said
    // that in 1998, …" (a complement's opening).
    const bool prep_next =
        v + 1 < end && (tree_.Upos(v + 1) == "ADP" || tree_.Upos(v + 1) == "SCONJ" ||
                        tree_.LowerForm(v + 1) == "that");
    if (int64_t s = v > begin ? phrase_end(v - 1, -1) : -1;
        s >= 0 && (comma(v + 1) || final(v + 1))) {
      before_comma = static_cast<uint32_t>(s);  // "A, Mr. Obama said, B" / "A, Mr. Obama said."
      after_comma = v + 1;
      head = v - 1;
    } else if (int64_t e = comma(v - 1) && !prep_next ? phrase_end(v + 1, 1) : -1; e >= 0) {
      before_comma = v - 1;  // "A, said Mr. Obama, B" / "A, said Mr. Obama."
      after_comma = static_cast<uint32_t>(e);
      head = static_cast<uint32_t>(e) - 1;
    } else {
      return false;
    }
    // ", which the mayor praised": a relative clause, no aside.
    if (const std::string w = tree_.LowerForm(before_comma + 1);
        w == "which" || w == "who" || w == "whom" || w == "whose" || w == "that") {
      return false;
    }
    // The subject's head: the head of the name that ends the phrase.
    for (const Mention& m : doc_.mentions()) {
      if (m.token_begin <= head && head < m.token_end) head = m.token_end - 1;
    }
    // ("…, it says, …": set off by commas, "it" is a report or a body.)
    if (tree_.LowerForm(head) != "it" &&
        !AcceptableSpeaker(static_cast<int32_t>(head), CueClass::kSpeech)) {
      return false;
    }
    // After the cue, an object is no subject: "…, told reporters."
    if (head > v &&
        (tree_.Lemma(v) == "tell" || tree_.Deprel(head) == "obj" || tree_.Deprel(head) == "iobj")) {
      return false;
    }
    // The speaker is the whole phrase between the commas and the cue.
    const Span speaker =
        head < v ? tree_.SpanOf(before_comma + 1, v - 1) : tree_.SpanOf(v + 1, after_comma - 1);
    uint32_t first = begin, last = before_comma, rest_first = after_comma + 1, rest_last = end - 1;
    // "…, which, Tompkins said, is …": the aside is in a relative clause,
    // which is the content.
    bool relative = false;
    if (before_comma >= begin + 2 && doc_.TokenForm(before_comma - 2) == ",") {
      const std::string w = tree_.LowerForm(before_comma - 1);
      relative = w == "which" || w == "who";
      if (relative) first = before_comma - 1;
    }
    if (last == first || !tree_.TrimPunct(first, --last) || last < first) return false;
    // B goes on the sentence only if it is a clause ("…, said X, chief
    // economist at Y." ends with X's description).
    bool has_rest = rest_first < end && tree_.TrimPunct(rest_first, rest_last);
    if (ParticipleOpening(first, last) || SettingOpening(first, last)) {
      // "Asked about X, she said, B", "In a statement, she said, B": B alone
      // is the content.
      if (!has_rest) return false;
      first = rest_first;
      last = rest_last;
      has_rest = false;
    } else if (has_rest) {
      bool clause = false;
      // (A verb in a relative clause or on a noun, or anywhere below one,
      // leaves it a description: "…, said X, an adviser who oversees the
      // campaign to stop Y.")
      for (uint32_t t = rest_first; t <= rest_last && !clause; ++t) {
        if (tree_.Upos(t) != "VERB" && tree_.Upos(t) != "AUX") continue;
        clause = true;
        for (int32_t u = static_cast<int32_t>(t); clause && u >= static_cast<int32_t>(rest_first) &&
                                                  u <= static_cast<int32_t>(rest_last);
             u = tree_.Head(static_cast<uint32_t>(u))) {
          const std::string_view d = tree_.Deprel(static_cast<uint32_t>(u));
          clause = d.substr(0, 3) != "acl" && d != "amod";
        }
      }
      // "…, he said, adding that …" and "…, he said, and …" are other shapes.
      const std::string_view next = tree_.Upos(rest_first);
      if (next == "CCONJ" || tree_.Xpos(rest_first) == "VBG") {
        return false;
      }
      if (!clause) {
        if (head < v) return false;  // "A, X said, a description" is no shape of ours
        has_rest = false;
      }
    }
    if (has_rest && relative) {
      // The relative clause ends the content: "…, which, X said, is
      // packed, will close in June" stops at "packed" (where the parse
      // closes the clause, else before a comma and a verb).
      uint32_t stop = rest_last;
      for (int32_t t = static_cast<int32_t>(before_comma - 1); t >= 0; t = tree_.Head(t)) {
        if (tree_.Deprel(static_cast<uint32_t>(t)) == "acl:relcl") {
          if (tree_.Hi(static_cast<uint32_t>(t)) > after_comma) stop = tree_.Hi(t);
          break;
        }
      }
      for (uint32_t t = rest_first + 1; t < stop; ++t) {
        const std::string_view u = tree_.Upos(t + 1);
        if (comma(t) && (u == "AUX" || (u == "VERB" && tree_.Xpos(t + 1) != "VBG"))) {
          stop = t - 1;
          break;
        }
      }
      rest_last = stop;
      has_rest = rest_first <= rest_last && tree_.TrimPunct(rest_first, rest_last);
    }
    if (has_rest) {
      // "B, although it may take days to …": a concession after B is the
      // writer's.
      for (uint32_t t = rest_first + 1; t + 1 <= rest_last; ++t) {
        const std::string w = tree_.LowerForm(t + 1);
        if (comma(t) && (w == "although" || w == "though")) {
          rest_last = t - 1;
          break;
        }
      }
    }
    SetIndirect(c, first, last, v);
    if (has_rest) c.quote.continued = tree_.SpanOf(rest_first, rest_last);
    SetCue(c, v, v, tree_.Lemma(v));
    c.speaker_head = static_cast<int32_t>(head);
    c.quote.speaker = speaker;
    FindChannel(v, c);
    return true;
  }

  // "Trump's claim that …", "her hope to …": a noun of the lexicon with a
  // clause on it and a possessor who holds it.
  bool FromNoun(uint32_t n, Candidate& c) {
    if (tree_.Upos(n) != "NOUN" || !lex_.Noun(tree_.Lemma(n))) return false;
    int32_t clause = -1;
    bool relative = false;  // a relative clause taken for the content
    for (uint32_t k : tree_.Children(n)) {
      const std::string_view d = tree_.Deprel(k);
      if (k > n && (d == "acl" || d == "ccomp")) {
        const int32_t mk = tree_.Child(k, "mark");
        const std::string m = mk >= 0 ? tree_.LowerForm(static_cast<uint32_t>(mk)) : "";
        if (m == "that" || m == "to") clause = static_cast<int32_t>(k);
        break;
      }
      // "his claim that people would learn nothing" parsed as a relative
      // clause with "that" for one subject and "people" for another: a
      // relative pronoun is no subject beside another.
      if (k > n && d == "acl:relcl" && tree_.Lo(k) == n + 1 && tree_.LowerForm(n + 1) == "that" &&
          tree_.Deprel(n + 1).substr(0, 5) == "nsubj") {
        bool other_subject = false;
        for (uint32_t j : tree_.Children(k)) {
          other_subject |= j != n + 1 && tree_.Deprel(j).substr(0, 5) == "nsubj";
        }
        if (other_subject) {
          clause = static_cast<int32_t>(k);
          relative = true;
        }
        break;
      }
    }
    const int32_t holder = tree_.Child(n, "nmod:poss");
    if (clause < 0 || holder < 0) return false;
    uint32_t first = tree_.Lo(static_cast<uint32_t>(clause)),
             last = tree_.Hi(static_cast<uint32_t>(clause));
    // (Such a parse also runs the clause on over what follows: it ends at
    // the first comma after its verb.)
    for (uint32_t t = static_cast<uint32_t>(clause) + 1; relative && t < last; ++t) {
      if (doc_.TokenForm(t) == ",") last = t - 1;
    }
    // "X's claim that A was safe did not convince the council": with no
    // verb above the noun, the parse took the sentence's verb into the
    // clause as a verb without a subject; the content ends before it.
    if (tree_.Deprel(n) == "root") {
      const auto cl = static_cast<uint32_t>(clause);
      for (uint32_t k : tree_.Children(cl)) {
        const std::string_view d = tree_.Deprel(k);
        if (k > cl && (d == "ccomp" || d == "conj" || d == "parataxis") &&
            tree_.Upos(k) == "VERB" && !tree_.HasSubject(k) && tree_.Lo(k) > first) {
          last = std::min(last, tree_.Lo(k) - 1);
          break;
        }
      }
    }
    if (!tree_.TrimPunct(first, last) || last - first < 1) return false;
    if (tree_.SentenceOf(first) != tree_.SentenceOf(n)) return false;
    SetIndirect(c, first, last, n);
    SetCue(c, n, n, tree_.Lemma(n));
    SetSpeaker(c, static_cast<uint32_t>(holder));
    return true;
  }

  // Whether "according to" starts at token a.
  bool AccordingToAt(uint32_t a) const {
    return a + 1 < tree_.size() && tree_.LowerForm(a) == "according" &&
           tree_.LowerForm(a + 1) == "to";
  }

  // "According to X, …".
  bool FromAccordingTo(uint32_t a, Candidate& c) {
    if (!AccordingToAt(a)) return false;
    const int32_t x = tree_.Head(a);
    if (x < 0 || tree_.SentenceOf(x) != tree_.SentenceOf(a)) return false;
    int32_t h = tree_.Head(x);
    if (h < 0) return false;
    // The phrase may hang from a word inside the clause ("by 46 percent to
    // 42 percent, according to the poll"): the content is the whole clause.
    // A conjunct stops the climb when it is a clause of its own, with a
    // subject; a complement does not: "would see incomes go up by as much
    // as 19.9 percent, according to X" is all X's, whether the parse gives
    // "go" a subject or not.
    while (tree_.Head(static_cast<uint32_t>(h)) >= 0) {
      const auto hu = static_cast<uint32_t>(h);
      const std::string_view hd = tree_.Deprel(hu);
      if (hd == "parataxis" || hd == "root") break;
      if (hd == "conj" && (tree_.HasSubject(hu) || tree_.Child(hu, "expl") >= 0)) {
        break;
      }
      h = tree_.Head(hu);
    }
    const uint32_t hlo = tree_.Lo(h), hhi = tree_.Hi(h), xlo = tree_.Lo(x), xhi = tree_.Hi(x);
    uint32_t first, last;
    if (xlo <= hlo) {
      first = xhi + 1;
      last = hhi;
    } else if (xhi >= hhi) {
      first = hlo;
      last = xlo - 1;
    } else if (xlo - hlo >= hhi - xhi) {
      first = hlo;
      last = xlo - 1;
    } else {
      first = xhi + 1;
      last = hhi;
    }
    if (!tree_.TrimPunct(first, last) || last - first < 1) return false;
    SetIndirect(c, first, last, a);
    SetCue(c, a, a + 1, "according to");
    SetSpeaker(c, static_cast<uint32_t>(x));
    FindChannel(static_cast<uint32_t>(h), c);
    return true;
  }

  // "The Tax Policy Center estimates that …", "the report notes that …"
  // with the verb tagged a plural noun: a noun phrase, then a word whose
  // singular is a verb of the lexicon, then "that" and no verb (or "to"
  // and an infinitive: "The state plans to hire …"), in a sentence with no
  // verb before. The parse is broken around such a word, so the content
  // runs from "that" (or "to") to the sentence's end, a semicolon or
  // "according to", and the speaker is the phrase before the word, back
  // to a comma or the sentence start. (At extraction only.)
  bool FromVerbTaggedNoun(uint32_t v, Candidate& c) {
    const uint32_t n = static_cast<uint32_t>(tree_.size());
    if (v == 0 || v + 2 >= n || tree_.Xpos(v) != "NNS") return false;
    const CueClass cls = lex_.Verb(tree_.Lemma(v));
    const std::string next = tree_.LowerForm(v + 1);
    const std::string_view before = tree_.Upos(v - 1), after = tree_.Upos(v + 2);
    if (next == "that") {
      if ((cls != CueClass::kSpeech && cls != CueClass::kFinding) || after == "VERB" ||
          after == "AUX" || after == "PART" || after == "ADV") {
        return false;
      }
    } else if (next != "to" || cls == CueClass::kNone || tree_.Xpos(v + 2) != "VB") {
      return false;  // "plans to release …" takes an infinitive
    }
    const uint32_t s = tree_.SentenceOf(v);
    if (tree_.SentenceOf(v + 2) != s || tree_.SentenceOf(v - 1) != s) return false;
    if (before != "NOUN" && before != "PROPN") return false;
    const Sentence& sent = tree_.SentenceAt(s);
    // Not in a subordinate clause ("While the president promises to …,
    // …"), and no finite verb right after the infinitive ("The money X
    // plans to spend could fund …" is a relative clause).
    if (tree_.Upos(sent.token_begin) == "SCONJ") return false;
    if (next == "to") {
      // (Up to a comma or a relative word: "… a plan that began May 1".
      // VBP is often a base form mis-tagged.)
      for (uint32_t t = v + 2; t < sent.token_end; ++t) {
        const std::string w = tree_.LowerForm(t);
        if (w == "," || IsRelativeWord(w) || w == "that") break;
        const std::string_view x = tree_.Xpos(t);
        if (x == "VBD" || x == "VBZ" || x == "MD") return false;
      }
    }
    uint32_t lo = sent.token_begin;
    for (uint32_t t = sent.token_begin; t < v; ++t) {
      const std::string_view u = tree_.Upos(t);
      if (u == "VERB" || u == "AUX" || in_marked_[t]) return false;
      if (doc_.TokenForm(t) == ",") lo = t + 1;
    }
    if (tree_.Upos(lo) == "CCONJ") ++lo;  // "But the report notes …"
    uint32_t first = v + 1, last = sent.token_end - 1;
    for (uint32_t t = first; t < last; ++t) {
      // The writer goes on after a semicolon; "according to" names another
      // source.
      if (doc_.TokenForm(t) == ";" || AccordingToAt(t)) {
        if (t == first) return false;
        last = t - 1;
        break;
      }
    }
    if (!tree_.TrimPunct(first, last) || lo >= v) return false;
    SetIndirect(c, first, last, v);
    SetCue(c, v, v, tree_.Lemma(v));
    // The phrase's head: its last noun before a preposition ("The Tax
    // Policy Center | at the Urban Institute").
    uint32_t head = v - 1;
    for (uint32_t t = lo + 1; t < v; ++t) {
      const std::string_view u = tree_.Upos(t - 1);
      if (tree_.Upos(t) == "ADP" && (u == "NOUN" || u == "PROPN")) {
        head = t - 1;
        break;
      }
    }
    c.speaker_head = static_cast<int32_t>(head);
    c.quote.speaker = tree_.SpanOf(lo, v - 1);
    return true;
  }

  // "PENCE: Well, look, …" (a transcript) and "Sanders: Clinton needs to …"
  // (a headline): a short name opening its paragraph, then a colon; the
  // content is the rest of the paragraph.
  bool FromColon(uint32_t colon, Candidate& c) {
    if (colon == 0 || doc_.TokenForm(colon) != ":") return false;
    const uint32_t p = ParagraphOf(tree_.SpanOf(colon, colon).begin);
    const Span para = doc_.paragraphs()[p].span;
    auto range = doc_.TokenRange(para, Alignment::kExpand);
    if (!range || range->first >= colon || colon - range->first > 6) return false;
    const uint32_t start = range->first;
    // Who: a person or organisation named right before the colon, or a name
    // in capitals ("WALLACE"), or a poll or report.
    int32_t head = -1;
    for (const Mention& m : doc_.mentions()) {
      const std::string_view type = doc_.strings().Get(m.type);
      if (m.token_begin >= start && m.token_end == colon && (type == "PER" || type == "ORG")) {
        head = static_cast<int32_t>(m.token_end - 1);
      }
    }
    if (head < 0) {
      // Names the tagger sees ("Sanders:", "WALLACE:") that NER did not
      // take for a place.
      bool names =
          colon - start <= 4 && !IsEditorialLabel(doc_.SpanText(tree_.SpanOf(start, colon - 1)));
      for (uint32_t t = start; t < colon && names; ++t) names = tree_.Upos(t) == "PROPN";
      for (const Mention& m : doc_.mentions()) {
        if (m.token_begin < colon && m.token_end > start && doc_.strings().Get(m.type) == "LOC") {
          names = false;
        }
      }
      const std::string_view last = tree_.Lemma(colon - 1);
      if (names || last == "poll" || last == "survey" || last == "report" || last == "study") {
        head = static_cast<int32_t>(colon - 1);
      }
    }
    if (head < 0) return false;
    uint32_t first = colon + 1, last = range->second - 1;
    if (!tree_.TrimPunct(first, last) || last - first < 2) return false;
    SetIndirect(c, first, last, colon);
    SetCue(c, colon, colon, ":");
    c.speaker_head = head;
    c.quote.speaker = tree_.SpanOf(start, colon - 1);
    return true;
  }

  // Whether cue j introduces the quote whose opening mark follows token
  // t - 1: right before it ("said “…”", "said that “…”"), or a few words
  // before a colon or comma ("told reporters on Monday: “…”"). Not a title
  // further on ("said on Fox News's “Fox and Friends”").
  bool IntroducesQuote(uint32_t j, uint32_t t) const {
    if (j + 1 == t) return true;
    const std::string_view before = doc_.TokenForm(t - 1);
    if (before == ":" || before == ",") return t - j <= 8;
    return j + 2 == t && tree_.LowerForm(t - 1) == "that";
  }

  // Whether verb j is negated ("did not respond", "never said").
  bool Negated(uint32_t j) const {
    for (uint32_t k : tree_.Children(j)) {
      if (k > j || in_marked_[k]) continue;
      const std::string l = tree_.LowerForm(k);
      if (l == "not" || l == "n't" || l == "never") return true;
    }
    return false;
  }

  // After a closing mark, at token t of a clause ending before `end`: a
  // verb of saying whose subject is a noun phrase opening at t ("The
  // oldest member of the council, a retired teacher, told reporters"), or
  // which the parse hung on that phrase's head as a participle; -1 if none.
  // Sets *subject to that phrase's head.
  int32_t LongSubjectCue(uint32_t t, uint32_t end, int32_t* subject) const {
    const std::string_view u = tree_.Upos(t);
    if (u != "DET" && u != "PROPN" && u != "NOUN" && u != "ADJ") return -1;
    for (uint32_t j = t + 1; j < end && j < t + 30; ++j) {
      if (in_marked_[j]) return -1;
      if (tree_.Upos(j) != "VERB") continue;
      if (QuoteVerbClass(j) != CueClass::kSpeech) return -1;
      int32_t s = tree_.Child(j, "nsubj");
      if (s < 0 && tree_.Deprel(j) == "acl" && doc_.TokenForm(j - 1) == ",") s = tree_.Head(j);
      if (s < 0 || tree_.Lo(static_cast<uint32_t>(s)) != t || static_cast<uint32_t>(s) > j) {
        return -1;
      }
      const std::string_view su = tree_.Upos(static_cast<uint32_t>(s));
      if (su != "NOUN" && su != "PROPN") return -1;
      // The verb says nothing of its own: no complement or object (but the
      // hearer of "told"), no colon or quotation after it.
      for (uint32_t k : tree_.Children(j)) {
        const std::string_view kd = tree_.Deprel(k);
        if (k > j && (kd == "ccomp" || kd == "xcomp" || kd == "parataxis" ||
                      (kd == "obj" && tree_.Lemma(j) != "tell"))) {
          return -1;
        }
      }
      for (uint32_t k = j + 1; k < end; ++k) {
        if (in_marked_[k] || doc_.TokenForm(k) == ":") return -1;
      }
      // And the clause ends soon after it ("shouted to the fans."), not
      // negated ("did not respond to requests for comment").
      if (end > j + 7 || Negated(j)) return -1;
      *subject = s;
      return static_cast<int32_t>(j);
    }
    return -1;
  }

  // Verb j cues c, spoken by the named mention m.
  void NamedSpeakerCue(uint32_t j, const Mention& m, Candidate& c) {
    c.cue_token = static_cast<int32_t>(j);
    SetCue(c, j, j, tree_.Lemma(j));
    c.speaker_head = static_cast<int32_t>(MentionHead(m));
    c.quote.speaker = m.span;
    FindChannel(j, c);
  }

  // A direct quote with no parse attribution: the words right after its
  // closing mark ("…,” the expert noted", "…” – Trump's key quote") or
  // right before its opening mark ("He said: “…”").
  bool Around(const MarkedQuote& mq, Candidate& c) {
    const TokenColumns& tk = doc_.tokens();
    const size_t n = tk.size();
    // Bounds: a nested quote looks only inside its enclosing quote.
    Span bound = {0, static_cast<uint32_t>(doc_.text().size())};
    if (mq.nested_in >= 0) bound = marked_[mq.nested_in].content;
    auto range = doc_.TokenRange(mq.content, Alignment::kExpand);
    if (!range) return false;
    // After the closing mark.
    if (!mq.close_mark.empty()) {
      uint32_t t = range->second;
      while (t < n && tk.begin[t] < mq.close_mark.end) ++t;  // skip the mark itself
      // Only in the quote's own paragraph: a quote that ends one is not
      // attributed by the next.
      if (t < n && tk.begin[t] < bound.end &&
          ParagraphOf(tk.begin[t]) == ParagraphOf(mq.close_mark.begin)) {
        const uint32_t sentence = tree_.SentenceOf(t);
        const uint32_t end =
            std::min<uint32_t>(tree_.SentenceAt(sentence).token_end, static_cast<uint32_t>(n));
        // “…” – Name('s quote)
        if (IsDash(doc_.TokenForm(t)) && t + 1 < end) {
          const uint32_t name = t + 1;
          for (const Mention& m : doc_.mentions()) {
            if (m.token_begin != name || doc_.strings().Get(m.type) != "PER") continue;
            c.speaker_head = static_cast<int32_t>(m.token_end - 1);
            c.quote.speaker = m.span;
            c.dash = true;
            SetCue(c, t, t, "–");
            // A noun cue after the possessive: "Trump's key quote".
            uint32_t k = m.token_end;
            if (k < end && (doc_.TokenForm(k) == "'s" || doc_.TokenForm(k) == "\u2019s")) {
              for (uint32_t j = k + 1; j < std::min(end, k + 4); ++j) {
                if (tree_.Upos(j) == "NOUN" && lex_.Noun(tree_.Lemma(j))) {
                  SetCue(c, j, j, tree_.Lemma(j));
                  break;
                }
              }
            }
            return true;
          }
        }
        // “…,” Name, a description long enough to hold verbs of its own,
        // cue: the first verb of saying set off by a comma after the name.
        for (const Mention& m : doc_.mentions()) {
          const std::string_view type = doc_.strings().Get(m.type);
          // The name may follow a title: "Rep. Tom McClintock, R-California,",
          // "panel Chairman Rep. Jo Lee".
          if (m.token_begin < t || m.token_begin > t + 4 || (type != "PER" && type != "ORG")) {
            continue;
          }
          bool titled = true;
          for (uint32_t k = t; k < m.token_begin; ++k) {
            const std::string_view w = doc_.TokenForm(k);
            titled =
                titled && !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') || tree_.Upos(k) == "NOUN");
          }
          if (!titled) continue;
          if (m.token_end < end && doc_.TokenForm(m.token_end) == "(") {
            // “…,” Rep. Ann Lee (D-Md.) said: the party and state between.
            uint32_t k = m.token_end + 1;
            while (k < end && k < m.token_end + 8 && doc_.TokenForm(k) != ")") ++k;
            if (k + 1 < end && doc_.TokenForm(k) == ")" && SpeechVerb(k + 1)) {
              NamedSpeakerCue(k + 1, m, c);
              return true;
            }
          }
          if (m.token_end >= end || doc_.TokenForm(m.token_end) != ",") break;
          for (uint32_t j = m.token_end + 2; j < end && j < t + 30 && tk.begin[j] < bound.end;
               ++j) {
            if (in_marked_[j]) break;
            if (doc_.TokenForm(j - 1) != "," || !SpeechVerb(j)) continue;
            NamedSpeakerCue(j, m, c);
            return true;
          }
          break;
        }
        // “…,” NP cue / “…,” cue NP; not "“…,” when Clinton blasted him":
        // a clause of time or cause after the quote is no attribution.
        const std::string opener = t < end ? tree_.LowerForm(t) : "";
        const bool adverbial =
            (opener == "when" || opener == "while" || opener == "after" || opener == "before" ||
             opener == "because" || opener == "if" || opener == "since" || opener == "until");
        for (uint32_t j = t; j < end && tk.begin[j] < bound.end && j < t + 8 && !adverbial; ++j) {
          if (in_marked_[j] && mq.nested_in < 0) break;
          if (tree_.Upos(j) != "VERB") continue;
          const CueClass cls = QuoteVerbClass(j);
          // ("“…” The company did not respond to …": no one's words.)
          if (cls != CueClass::kSpeech || Negated(j)) break;
          // (Not a subject inside the quotation, which the parse may also
          // hang on the verb: “… hand McConnell the power …,” Merkley told
          // me.)
          int32_t s = -1;
          for (uint32_t k : tree_.Children(j)) {
            const bool inside = tk.begin[k] >= mq.content.begin && tk.end[k] <= mq.content.end;
            if (s < 0 && !inside && tree_.Deprel(k) == "nsubj") s = static_cast<int32_t>(k);
          }
          // “…,” Mitchell recalled: a name right before the verb that the
          // parse hung elsewhere.
          for (const Mention& m : doc_.mentions()) {
            if (s < 0 && m.token_end == j && m.token_begin >= t) {
              s = static_cast<int32_t>(MentionHead(m));
            }
          }
          if (s < 0 && j + 1 < end) {
            const std::string_view u = tree_.Upos(j + 1);
            if (u == "PROPN" || u == "PRON" || u == "NOUN") s = static_cast<int32_t>(j + 1);
            // “…,” said the member: a determiner, then the noun phrase's
            // last noun (adjectives and nouns before it); only for a
            // finite verb right after the mark and a quotation of eight
            // tokens or more, since after a scare quote the phrase is an
            // object ("“rabid dogs,” threatening the neighborhood").
            const std::string_view x = tree_.Xpos(j);
            if (u == "DET" && j == t && (x == "VBD" || x == "VBZ" || x == "VBP") &&
                range->second - range->first >= 8) {
              uint32_t k = j + 2;
              while (
                  k + 1 < end &&
                  (tree_.Upos(k) == "ADJ" || tree_.Upos(k) == "NOUN" || tree_.Upos(k) == "PROPN") &&
                  (tree_.Upos(k + 1) == "NOUN" || tree_.Upos(k + 1) == "PROPN")) {
                ++k;
              }
              if (k < end && (tree_.Upos(k) == "NOUN" || tree_.Upos(k) == "PROPN")) {
                s = static_cast<int32_t>(k);
              }
            }
          }
          if (!AcceptableSpeaker(s, cls)) break;
          c.cue_token = static_cast<int32_t>(j);
          SetCue(c, j, j, tree_.Lemma(j));
          SetSpeaker(c, static_cast<uint32_t>(s));
          FindChannel(j, c);
          return true;
        }
        // “…!” The team's captain, Jo Ellis (No. 14), shouted to the fans:
        // a noun phrase too long for the words above opens the clause, and
        // its verb of saying follows it.
        int32_t s = -1;
        if (const int32_t j = LongSubjectCue(t, end, &s); j >= 0) {
          const auto v = static_cast<uint32_t>(j);
          c.cue_token = j;
          SetCue(c, v, v, tree_.Lemma(v));
          SetSpeaker(c, static_cast<uint32_t>(s));
          FindChannel(v, c);
          return true;
        }
      }
    }
    // Before the opening mark: "X said: “…”".
    if (!mq.open_mark.empty() && range->first > 0) {
      uint32_t t = range->first;
      while (t > 0 && tk.end[t - 1] > mq.open_mark.begin) --t;  // the mark itself
      if (t == 0) return false;
      // A paragraph of its own ending in "He said:" introduces the quote
      // that opens the next one.
      if (t >= 3 && doc_.TokenForm(t - 1) == ":" && StartsParagraph(mq) &&
          ParagraphOf(tk.begin[t - 1]) + 1 == ParagraphOf(tk.begin[t])) {
        const uint32_t j = t - 2;
        const int32_t s = SubjectOf(j);
        if (IntroducingVerb(j) && AcceptableSpeaker(s, CueClass::kSpeech) &&
            static_cast<uint32_t>(s) < j && ParagraphOf(tk.begin[s]) == ParagraphOf(tk.begin[j])) {
          c.cue_token = static_cast<int32_t>(j);
          SetCue(c, j, j, tree_.Lemma(j));
          SetSpeaker(c, static_cast<uint32_t>(s));
          FindChannel(j, c);
          return true;
        }
      }
      // Otherwise only within the quote's own sentence ("He said: “…”").
      const uint32_t sentence = tree_.SentenceOf(t);
      if (tree_.SentenceOf(t - 1) != sentence) return false;
      const uint32_t start = tree_.SentenceAt(sentence).token_begin;
      // "Name: “…”": a colon right after a name introduces the quote.
      if (t >= 2 && doc_.TokenForm(t - 1) == ":") {
        for (const Mention& m : doc_.mentions()) {
          if (m.token_end != t - 1 || m.token_begin < start) continue;
          const std::string_view type = doc_.strings().Get(m.type);
          if (type != "PER" && type != "ORG") continue;
          c.speaker_head = static_cast<int32_t>(m.token_end - 1);
          c.quote.speaker = m.span;
          c.cue_token = static_cast<int32_t>(t - 1);
          SetCue(c, t - 1, t - 1, ":");
          return true;
        }
      }
      // "… the former candidate Mitt Romney -- “…” -- and …": a quotation
      // set off by dashes right after a name is the name's.
      if (t >= 2 && SpacedDash(t - 1)) {
        uint32_t after = range->second;  // the first token past the closing mark
        while (after < n && !mq.close_mark.empty() && tk.begin[after] < mq.close_mark.end) ++after;
        const bool closed =
            !mq.close_mark.empty() &&
            (after >= n || IsDash(doc_.TokenForm(after)) || tree_.SentenceOf(after) != sentence);
        // (Not a dash that closes an aside: "– according to Mr. Lee – “…”".)
        uint32_t dashes = 0;
        for (uint32_t k = start; k + 1 < t; ++k) {
          dashes += SpacedDash(k);
        }
        for (const Mention& m : doc_.mentions()) {
          if (!closed || dashes % 2 == 1 || m.token_end != t - 1 || m.token_begin < start ||
              doc_.strings().Get(m.type) != "PER" || tree_.Child(MentionHead(m), "case") >= 0) {
            continue;
          }
          c.speaker_head = static_cast<int32_t>(MentionHead(m));
          c.quote.speaker = m.span;
          c.dash = true;
          c.cue_token = static_cast<int32_t>(t - 1);
          SetCue(c, t - 1, t - 1, "–");
          return true;
        }
      }
      for (uint32_t j = t; j-- > start && j + 8 > t;) {
        if (tk.begin[j] < bound.begin) break;
        if (in_marked_[j] && mq.nested_in < 0) break;
        if (tree_.Upos(j) != "VERB") continue;
        const bool as_put_it = AsPutIt(j);
        const CueClass cls = as_put_it ? CueClass::kSpeech : QuoteVerbClass(j);
        if (cls != CueClass::kSpeech) break;
        if (!IntroducesQuote(j, t)) break;
        const int32_t s = as_put_it ? AsClauseSubject(j) : SubjectOf(j);
        if (!AcceptableSpeaker(s, cls)) break;
        c.cue_token = static_cast<int32_t>(j);
        SetCue(c, j, j, tree_.Lemma(j));
        SetSpeaker(c, static_cast<uint32_t>(s));
        FindChannel(j, c);
        return true;
      }
    }
    return false;
  }

  Document& doc_;
  const CueLexicon& lex_;
  const CueModel* model_;                       // null: the lexicon decides
  const ContentEndModel* ends_;                 // null: the parse ends contents
  std::vector<CueExample>* collect_ = nullptr;  // set while Collect() runs
  const std::vector<MarkedQuote>& marked_;
  Tree tree_;
  std::vector<bool> in_marked_;
};

}  // namespace

std::vector<Candidate> FindAttributions(Document& doc, const CueLexicon& lexicon,
                                        QuoteModels models,
                                        const std::vector<MarkedQuote>& marked) {
  return Finder(doc, lexicon, models, marked).Run();
}

std::vector<CueExample> CollectCueExamples(Document& doc, const CueLexicon& lexicon) {
  const std::vector<MarkedQuote> marked = FindMarkedQuotes(doc);
  return Finder(doc, lexicon, QuoteModels(), marked).Collect();
}

}  // namespace parley::quotes
