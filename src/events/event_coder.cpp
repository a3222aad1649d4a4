#include "events/event_coder.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/ascii.h"

namespace parley::events {
namespace {

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Prepositions whose object is the other side of an event.
bool IsTargetPrep(std::string_view p) {
  return p == "to" || p == "with" || p == "against" || p == "toward" || p == "towards" ||
         p == "on" || p == "into" || p == "between" || p == "at";
}
bool IsPlacePrep(std::string_view p) {
  return p == "in" || p == "at" || p == "near";
}

// CAMEO's intent code for an intended action, by the action's root code.
std::string IntentCode(std::string_view code) {
  std::string_view root = code.substr(0, 2);
  if (root <= "03") return std::string(code);
  if (code.substr(0, 3) == "045") return "039";
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return "031";
  if (root == "07") return "033";
  if (root == "08") return "035";
  if (root >= "18") return "138";  // intent to use force is a threat of it
  if (root >= "10") return "130";
  return "030";
}

// One sentence's parse, with children lists and string lookups.
class Tree {
 public:
  Tree(const Document& doc, const Sentence& s)
      : doc_(doc), begin_(s.token_begin), end_(s.token_end) {
    const TokenColumns& t = doc.tokens();
    children_.resize(end_ - begin_);
    lemmas_.reserve(end_ - begin_);
    deprels_.reserve(end_ - begin_);
    for (uint32_t i = begin_; i < end_; ++i) {
      lemmas_.push_back(AsciiLower(doc.strings().Get(t.lemma[i])));
      deprels_.push_back(doc.strings().Get(t.deprel[i]));
    }
    for (uint32_t i = begin_; i < end_; ++i) {
      int32_t h = t.head[i];
      if (h >= static_cast<int32_t>(begin_) && h < static_cast<int32_t>(end_)) {
        children_[static_cast<uint32_t>(h) - begin_].push_back(i);
      }
    }
  }
  uint32_t begin() const { return begin_; }
  uint32_t end() const { return end_; }
  const std::vector<uint32_t>& Children(uint32_t i) const { return children_[i - begin_]; }
  int32_t Head(uint32_t i) const {
    int32_t h = doc_.tokens().head[i];
    return h >= static_cast<int32_t>(begin_) && h < static_cast<int32_t>(end_) ? h : -1;
  }
  std::string_view Deprel(uint32_t i) const { return deprels_[i - begin_]; }
  std::string_view Upos(uint32_t i) const { return doc_.strings().Get(doc_.tokens().upos[i]); }
  const std::string& Lemma(uint32_t i) const { return lemmas_[i - begin_]; }

  // First child with deprel `rel` (or starting with `rel` + ':' when prefix).
  int32_t Child(uint32_t i, std::string_view rel) const {
    for (uint32_t c : Children(i)) {
      if (Deprel(c) == rel) return static_cast<int32_t>(c);
    }
    return -1;
  }
  // The preposition (case child lemma) of a nominal, empty if none.
  std::string_view Case(uint32_t i) const {
    for (uint32_t c : Children(i)) {
      if (Deprel(c) == "case") return Lemma(c);
    }
    return std::string_view();
  }
  bool IsOblique(uint32_t i) const {
    std::string_view r = Deprel(i);
    return StartsWith(r, "obl") || StartsWith(r, "nmod") || r == "advcl";
  }
  bool HasChildLemma(uint32_t i, std::string_view lemma) const {
    for (uint32_t c : Children(i)) {
      if (Lemma(c) == lemma) return true;
    }
    return false;
  }
  bool IsAncestor(uint32_t a, uint32_t x) const {
    for (int32_t cur = static_cast<int32_t>(x), steps = 0; cur >= 0 && steps < 64;
         cur = Head(static_cast<uint32_t>(cur)), ++steps) {
      if (static_cast<uint32_t>(cur) == a) return true;
    }
    return false;
  }

 private:
  const Document& doc_;
  uint32_t begin_, end_;
  std::vector<std::vector<uint32_t>> children_;
  std::vector<std::string> lemmas_;  // lower-cased
  std::vector<std::string_view> deprels_;
};

struct Match {
  const TriggerRule* rule = nullptr;
  std::vector<int32_t> bound;  // per constraint: the token it matched
};

// Does token `x` (a nominal) satisfy HEAD[+MOD]?
bool HeadMatches(const Tree& tree, uint32_t x, const Constraint& c) {
  if (!c.head.empty() && tree.Lemma(x) != c.head) return false;
  if (!c.mod.empty() && !tree.HasChildLemma(x, c.mod)) return false;
  return true;
}

int32_t Satisfy(const Tree& tree, uint32_t t, const Constraint& c, bool passive) {
  for (uint32_t ch : tree.Children(t)) {
    std::string_view rel = tree.Deprel(ch);
    switch (c.kind) {
      case Constraint::Kind::kObject:
        if ((rel == "obj" || (passive && rel == "nsubj:pass")) && HeadMatches(tree, ch, c)) {
          return static_cast<int32_t>(ch);
        }
        break;
      case Constraint::Kind::kSubject:
        if (rel == "nsubj" && HeadMatches(tree, ch, c)) return static_cast<int32_t>(ch);
        break;
      case Constraint::Kind::kPrep:
        if (tree.IsOblique(ch) && tree.Case(ch) == c.prep && HeadMatches(tree, ch, c)) {
          return static_cast<int32_t>(ch);
        }
        break;
    }
  }
  return -1;
}

std::optional<Match> BestRule(const Tree& tree, uint32_t t, const RuleSet& set, bool passive) {
  // Candidate rules: those without constraints, and those whose first
  // constraint one of the trigger's dependents could satisfy.
  std::vector<uint32_t> candidates = set.unkeyed;
  if (!set.by_key.empty()) {
    auto add = [&](const std::string& key) {
      auto it = set.by_key.find(key);
      if (it != set.by_key.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    };
    for (uint32_t ch : tree.Children(t)) {
      std::string_view rel = tree.Deprel(ch);
      const std::string& lemma = tree.Lemma(ch);
      if (rel == "obj" || (passive && rel == "nsubj:pass")) add("o:" + lemma);
      if (rel == "nsubj") add("s:" + lemma);
      if (tree.IsOblique(ch)) {
        std::string_view prep = tree.Case(ch);
        if (!prep.empty()) {
          std::string key = "p:" + std::string(prep);
          add(key);
          add(key + ":" + lemma);
        }
      }
    }
  }
  std::optional<Match> best;
  size_t best_n = 0;
  uint32_t best_origin = 0, best_index = 0;
  for (uint32_t index : candidates) {
    const TriggerRule& r = set.rules[index];
    Match m;
    m.rule = &r;
    bool ok = true;
    for (const Constraint& c : r.constraints) {
      int32_t b = Satisfy(tree, t, c, passive);
      if (b < 0) {
        ok = false;
        break;
      }
      m.bound.push_back(b);
    }
    if (!ok) continue;
    const size_t n = r.constraints.size();
    // The most constraints; then a later file; then the first in its file.
    if (!best || n > best_n || (n == best_n && r.origin > best_origin) ||
        (n == best_n && r.origin == best_origin && index < best_index)) {
      best = std::move(m);
      best_n = n;
      best_origin = r.origin;
      best_index = index;
    }
  }
  return best;
}

class Coder {
 public:
  Coder(Document& doc, const EventDictionary& dict) : doc_(doc), dict_(dict) {
    const size_t n = doc.tokens().size();
    mention_of_.assign(n, -1);
    for (size_t m = 0; m < doc.mentions().size(); ++m) {
      const Mention& mm = doc.mentions()[m];
      for (uint32_t i = mm.token_begin; i < mm.token_end && i < n; ++i) {
        mention_of_[i] = static_cast<int32_t>(m);
      }
    }
  }

  void Run() {
    std::vector<Event>& out = doc_.mutable_events();
    out.clear();
    for (uint32_t s = 0; s < doc_.sentences().size(); ++s) CodeSentence(s, out);
    doc_.Mark(kAnnEvents);
  }

 private:
  // The entity a token belongs to, -1 if none.
  int32_t EntityAt(uint32_t i) const {
    int32_t m = mention_of_[i];
    return m < 0 ? -1 : doc_.mentions()[static_cast<size_t>(m)].entity;
  }

  std::string EntityCode(int32_t e) const {
    if (e < 0 || static_cast<size_t>(e) >= doc_.entities().size()) return std::string();
    const EntityLinks& l = doc_.entities()[static_cast<size_t>(e)].links;
    if (!l.actor_code.empty()) return l.actor_code;
    // A country or region without an actor code of its own.
    // A place (country, region, city) or a demonym without an actor code of
    // its own stands for its country, as in the CAMEO coders.
    const std::string_view type = doc_.strings().Get(doc_.entities()[static_cast<size_t>(e)].type);
    if ((type == "GPE" || type == "NORP" || type == "LOC") && !l.country.empty()) return l.country;
    return std::string();
  }

  // Agent code of a noun, trying the singular of a plural the lemmatiser kept.
  std::string_view AgentOf(const std::string& lemma) const {
    std::string_view a = dict_.Agent(lemma);
    if (a.empty() && lemma.size() > 3 && lemma.back() == 's') {
      a = dict_.Agent(std::string_view(lemma).substr(0, lemma.size() - 1));
    }
    return a;
  }

  // The actor named by the nominal headed by x.
  EventActor ActorOf(const Tree& tree, uint32_t x) const {
    EventActor a;
    const TokenColumns& tok = doc_.tokens();
    int32_t ent = EntityAt(x);
    int32_t m = mention_of_[x];
    if (ent >= 0 && m >= 0) {
      a.entity = ent;
      a.code = EntityCode(ent);
      a.span = doc_.mentions()[static_cast<size_t>(m)].span;
    } else {
      // "the US leader", "Russian officials", "Iran's foreign minister".
      for (uint32_t c : tree.Children(x)) {
        std::string_view rel = tree.Deprel(c);
        if (rel != "compound" && rel != "amod" && rel != "nmod:poss" && rel != "flat" &&
            !(StartsWith(rel, "nmod") && (tree.Case(c) == "of" || tree.Case(c) == "from"))) {
          continue;
        }
        // An agent noun takes its country from the modifier ("Iran's
        // foreign minister": IRNGOV); other nouns only from a demonym or
        // place modifier ("Russian building": RUS), never from a possessor
        // ("Putin's visit" is an event, not an actor), and never when the
        // noun is itself an event word.
        std::string_view agent = AgentOf(tree.Lemma(x));
        int32_t e = EntityAt(c);
        if (e < 0) continue;
        std::string code = EntityCode(e);
        if (code.size() < 3) continue;
        // Agents specialise countries; an organisation's people keep its
        // code ("NATO leaders").
        const EntityLinks& l = doc_.entities()[static_cast<size_t>(e)].links;
        const bool country = code.size() == 3 && code == l.country;
        if (!agent.empty()) {
          a.code = country ? code + std::string(agent) : code;
        } else {
          if ((rel != "amod" && rel != "compound") || dict_.Noun(tree.Lemma(x)) != nullptr)
            continue;
          const std::string_view type =
              doc_.strings().Get(doc_.entities()[static_cast<size_t>(e)].type);
          if (type == "PER" || type == "ORG") continue;
          a.code = code.substr(0, 3);
        }
        break;
      }
      uint32_t first = x;
      for (uint32_t c : tree.Children(x)) {
        std::string_view rel = tree.Deprel(c);
        if (c < first &&
            (rel == "det" || rel == "amod" || rel == "compound" || rel == "nmod:poss")) {
          first = c;
        }
      }
      a.span = Span{tok.begin[first], tok.end[x]};
    }
    if (a.entity >= 0) {
      a.name = doc_.entities()[static_cast<size_t>(a.entity)].name;
    } else {
      a.name = std::string(doc_.SpanText(a.span));
    }
    return a;
  }

  // x and the nominals coordinated with it ("the White House and the Kremlin").
  std::vector<uint32_t> Conjuncts(const Tree& tree, uint32_t x) const {
    std::vector<uint32_t> out = {x};
    for (size_t k = 0; k < out.size() && out.size() < 8; ++k) {
      for (uint32_t c : tree.Children(out[k])) {
        if (tree.Deprel(c) == "conj" && tree.Upos(c) != "VERB") out.push_back(c);
      }
    }
    return out;
  }

  // The subject of a verb, climbing xcomp/conj to a controller; sets
  // `requested` when the controller is an object ("urged Iran to talk").
  int32_t SubjectOf(const Tree& tree, uint32_t v, bool* passive_agent) const {
    *passive_agent = false;
    int32_t cur = static_cast<int32_t>(v);
    for (int steps = 0; cur >= 0 && steps < 6; ++steps) {
      const uint32_t u = static_cast<uint32_t>(cur);
      if (int32_t s = tree.Child(u, "nsubj"); s >= 0) return s;
      if (tree.Child(u, "nsubj:pass") >= 0) {
        for (uint32_t c : tree.Children(u)) {
          if (tree.Deprel(c) == "obl:agent" || (tree.IsOblique(c) && tree.Case(c) == "by")) {
            *passive_agent = true;
            return static_cast<int32_t>(c);
          }
        }
        return -1;
      }
      std::string_view rel = tree.Deprel(u);
      int32_t h = tree.Head(u);
      if (h < 0) return -1;
      if (rel == "xcomp") {
        if (int32_t o = tree.Child(static_cast<uint32_t>(h), "obj"); o >= 0) return o;
      } else if (rel != "conj" && rel != "acl") {
        return -1;
      }
      if (rel == "acl") {
        // "the parties' intention to continue": the noun's possessor.
        return tree.Child(static_cast<uint32_t>(h), "nmod:poss");
      }
      cur = h;
    }
    return -1;
  }

  struct Modality {
    EventModality modality = EventModality::kActual;
    bool negated = false;
  };

  // Reads auxiliaries, negation and governing cue words from `start` up.
  Modality ModalityOf(const Tree& tree, uint32_t start, bool start_is_trigger) const {
    Modality m;
    bool decided = false;
    int32_t cur = static_cast<int32_t>(start);
    for (int steps = 0; cur >= 0 && steps < 6; ++steps) {
      const uint32_t u = static_cast<uint32_t>(cur);
      for (uint32_t c : tree.Children(u)) {
        std::string_view rel = tree.Deprel(c);
        CueKind k = dict_.Cue(tree.Lemma(c));
        if ((rel == "advmod" || rel == "det") && k == CueKind::kNegation) m.negated = !m.negated;
        if (decided) continue;
        if ((rel == "aux" || rel == "mark") && k != CueKind::kNone && k != CueKind::kNegation &&
            k != CueKind::kAspect) {
          m.modality = k == CueKind::kIntended    ? EventModality::kIntended
                       : k == CueKind::kRequested ? EventModality::kRequested
                                                  : EventModality::kHypothetical;
          decided = true;
        }
      }
      if (!(steps == 0 && start_is_trigger)) {
        // "declined to endorse", "failed to reach": a governing negation verb.
        if (dict_.Cue(tree.Lemma(u)) == CueKind::kNegation && tree.Upos(u) == "VERB") {
          m.negated = !m.negated;
        }
      }
      if (!decided && !(steps == 0 && start_is_trigger)) {
        CueKind k = dict_.Cue(tree.Lemma(u));
        if (k == CueKind::kIntended || k == CueKind::kRequested || k == CueKind::kHypothetical) {
          m.modality = k == CueKind::kIntended    ? EventModality::kIntended
                       : k == CueKind::kRequested ? EventModality::kRequested
                                                  : EventModality::kHypothetical;
          decided = true;
        }
      }
      std::string_view rel = tree.Deprel(u);
      if (rel != "xcomp" && !(rel == "acl" && steps == 0)) break;
      cur = tree.Head(u);
      if (cur >= 0 && rel == "acl" && tree.Upos(static_cast<uint32_t>(cur)) != "NOUN") break;
    }
    return m;
  }

  int32_t LocationOf(const Tree& tree, uint32_t anchor, const std::vector<int32_t>& actors,
                     const std::string& target_code, std::string_view code) const {
    // A place: geocoded, or a linked country or region.
    auto geocoded = [&](int32_t e) {
      if (e < 0) return false;
      const Entity& ent = doc_.entities()[static_cast<size_t>(e)];
      const EntityLinks& l = ent.links;
      if (l.geonames_id != 0 || l.has_coordinates) return true;
      const std::string_view type = doc_.strings().Get(ent.type);
      return (type == "GPE" || type == "LOC") && !l.admin1.empty();  // a region
    };
    auto is_actor = [&](int32_t e) {
      return std::find(actors.begin(), actors.end(), e) != actors.end();
    };
    for (uint32_t c : tree.Children(anchor)) {
      if (tree.IsOblique(c) && IsPlacePrep(tree.Case(c)) && geocoded(EntityAt(c)))
        return EntityAt(c);
    }
    for (uint32_t i = tree.begin(); i < tree.end(); ++i) {
      int32_t e = EntityAt(i);
      if (geocoded(e) && !is_actor(e) && IsPlacePrep(tree.Case(i))) return e;
    }
    // A visit to a country took place where the article's places in that
    // country are: the most specific (a city before a region), most mentioned.
    if ((code == "042" || code == "043" || code == "044") && target_code.size() >= 3) {
      int32_t best = -1;
      int best_score = 0;
      for (size_t e = 0; e < doc_.entities().size(); ++e) {
        const Entity& ent = doc_.entities()[e];
        if (!geocoded(static_cast<int32_t>(e)) || ent.links.country != target_code.substr(0, 3))
          continue;
        int score = static_cast<int>(ent.mentions.size()) +
                    (ent.links.feature_class == "P" ? 100 : 0) +
                    (ent.links.admin1.empty() ? 0 : 10);
        if (score > best_score) {
          best = static_cast<int32_t>(e);
          best_score = score;
        }
      }
      return best;
    }
    return -1;
  }

  int32_t QuoteOf(uint32_t byte) const {
    int32_t best = -1;
    uint32_t best_size = 0;
    for (size_t q = 0; q < doc_.quotes().size(); ++q) {
      const Quote& qu = doc_.quotes()[q];
      for (Span s : {qu.content, qu.continued}) {
        if (!s.empty() && byte >= s.begin && byte < s.end && (best < 0 || s.size() < best_size)) {
          best = static_cast<int32_t>(q);
          best_size = s.size();
        }
      }
    }
    return best;
  }

  // Whether token i is inside a time expression (temporal.h).
  bool InTime(uint32_t i) const {
    for (const TimeExpression& te : doc_.times()) {
      if (i >= te.token_begin && i < te.token_end) return true;
    }
    return false;
  }

  int32_t TimeOf(const Tree& tree, uint32_t clause) const {
    for (size_t t = 0; t < doc_.times().size(); ++t) {
      const TimeExpression& te = doc_.times()[t];
      if (te.token_begin < tree.begin() || te.token_end > tree.end()) continue;
      for (uint32_t i = te.token_begin; i < te.token_end; ++i) {
        int32_t h = tree.Head(i);
        bool outside = h < 0 || static_cast<uint32_t>(h) < te.token_begin ||
                       static_cast<uint32_t>(h) >= te.token_end;
        if (outside && tree.IsAncestor(clause, i)) return static_cast<int32_t>(t);
      }
    }
    return -1;
  }

  void CodeSentence(uint32_t s_index, std::vector<Event>& out) {
    const Sentence& s = doc_.sentences()[s_index];
    if (s.token_end <= s.token_begin) return;
    Tree tree(doc_, s);
    std::vector<uint8_t> consumed(s.token_end - s.token_begin, 0);
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      if (consumed[t - s.token_begin]) continue;
      std::string_view upos = tree.Upos(t);
      const bool verb = upos == "VERB";
      if (!verb && upos != "NOUN") continue;
      std::string lemma = tree.Lemma(t);
      if (verb) {
        int32_t prt = tree.Child(t, "compound:prt");
        if (prt >= 0) lemma += " " + tree.Lemma(static_cast<uint32_t>(prt));
      }
      const RuleSet* rules = verb ? dict_.Verb(lemma) : dict_.Noun(lemma);
      if (!rules) continue;
      const bool passive = verb && tree.Child(t, "nsubj:pass") >= 0;
      std::optional<Match> match = BestRule(tree, t, *rules, passive);
      if (!match || match->rule->code.empty()) continue;
      CodeTrigger(tree, t, verb, passive, *match, s_index, consumed, out);
    }
  }

  void CodeTrigger(const Tree& tree, uint32_t t, bool verb, bool passive, const Match& match,
                   uint32_t s_index, std::vector<uint8_t>& consumed, std::vector<Event>& out) {
    const TriggerRule& rule = *match.rule;
    const TokenColumns& tok = doc_.tokens();
    // Tokens the pattern used as part of the event ("make a visit"), and
    // prepositional phrases that name the other side ("arrive in Beijing").
    std::vector<uint32_t> event_words;
    std::vector<uint32_t> target_heads;
    for (size_t k = 0; k < rule.constraints.size(); ++k) {
      const Constraint& c = rule.constraints[k];
      uint32_t b = static_cast<uint32_t>(match.bound[k]);
      if (c.kind == Constraint::Kind::kPrep && c.head.empty()) {
        target_heads.push_back(b);
      } else if (c.kind != Constraint::Kind::kSubject) {
        event_words.push_back(b);
        consumed[b - tree.begin()] = 1;
      }
    }
    auto is_event_word = [&](uint32_t x) {
      return std::find(event_words.begin(), event_words.end(), x) != event_words.end();
    };

    std::vector<uint32_t> source_heads;
    bool negated_object = false;
    uint32_t clause = t;  // where auxiliaries, negation and times attach
    bool start_is_trigger = true;
    if (verb) {
      bool agent = false;
      int32_t subj = SubjectOf(tree, t, &agent);
      if (subj >= 0) source_heads.push_back(static_cast<uint32_t>(subj));
      if (target_heads.empty()) {
        // The object, then phrases with a target preposition on the verb or
        // the event noun ("fired missiles at Russia", "a visit to the U.S."):
        // the first that names an actor, else the first.
        std::vector<uint32_t> candidates;
        for (uint32_t c : tree.Children(t)) {
          std::string_view rel = tree.Deprel(c);
          if (is_event_word(c)) continue;
          // A time expression the parse took for an object ("met
          // yesterday") says when, not with whom.
          if (((!passive && (rel == "obj" || rel == "iobj")) || (passive && rel == "nsubj:pass")) &&
              !InTime(c)) {
            candidates.push_back(c);
          }
        }
        const size_t objects = candidates.size();
        std::vector<uint32_t> hosts = event_words;
        hosts.push_back(t);
        for (uint32_t h : hosts) {
          for (uint32_t c : tree.Children(h)) {
            if (tree.IsOblique(c) && IsTargetPrep(tree.Case(c)) && !is_event_word(c)) {
              candidates.push_back(c);
            }
          }
        }
        // Last, the other side named inside the object: "endorsed an
        // agreement with the EU", "signed a deal with Kiev".
        for (size_t k = 0; k < objects; ++k) {
          for (uint32_t c : tree.Children(candidates[k])) {
            if (StartsWith(tree.Deprel(c), "nmod") && IsTargetPrep(tree.Case(c)) &&
                !is_event_word(c)) {
              candidates.push_back(c);
            }
          }
        }
        for (uint32_t c : candidates) {
          if (!ActorOf(tree, c).code.empty()) {
            target_heads.push_back(c);
            break;
          }
        }
        if (target_heads.empty() && !candidates.empty()) target_heads.push_back(candidates.front());
      }
      for (uint32_t w : event_words) {
        if (tree.HasChildLemma(w, "no")) negated_object = true;
      }
    } else {
      // A noun: possessor or by-phrase acts; to/with/against names the other side.
      for (uint32_t c : tree.Children(t)) {
        std::string_view rel = tree.Deprel(c);
        if (rel == "nmod:poss" || (tree.IsOblique(c) && tree.Case(c) == "by")) {
          source_heads.push_back(c);
        } else if ((rel == "amod" || rel == "compound") && EntityAt(c) >= 0 &&
                   source_heads.empty()) {
          source_heads.push_back(c);
        } else if (tree.IsOblique(c) && IsTargetPrep(tree.Case(c)) && target_heads.empty()) {
          target_heads.push_back(c);
        }
      }
      if (tree.HasChildLemma(t, "no")) negated_object = true;
      // The object of a verb ("continue negotiations"): that verb's subject acts.
      std::string_view rel = tree.Deprel(t);
      int32_t g = tree.Head(t);
      if (g >= 0 && (rel == "obj" || rel == "nsubj:pass") &&
          tree.Upos(static_cast<uint32_t>(g)) == "VERB") {
        clause = static_cast<uint32_t>(g);
        start_is_trigger = false;
        if (source_heads.empty()) {
          bool agent = false;
          int32_t subj = SubjectOf(tree, clause, &agent);
          if (subj >= 0) source_heads.push_back(static_cast<uint32_t>(subj));
        }
      }
    }

    // A pronoun subject of a reported clause is the reporting verb's subject:
    // "Obama said he would not provide support".
    for (uint32_t& h : source_heads) {
      if (tree.Upos(h) != "PRON") continue;
      const std::string& p = tree.Lemma(h);
      if (p != "he" && p != "she" && p != "they" && p != "it" && p != "we") continue;
      int32_t v = tree.Head(h);
      while (v >= 0 && tree.Deprel(static_cast<uint32_t>(v)) == "xcomp")
        v = tree.Head(static_cast<uint32_t>(v));
      if (v < 0 || tree.Deprel(static_cast<uint32_t>(v)) != "ccomp") continue;
      int32_t say = tree.Head(static_cast<uint32_t>(v));
      if (say < 0) continue;
      if (int32_t subj = tree.Child(static_cast<uint32_t>(say), "nsubj"); subj >= 0) {
        h = static_cast<uint32_t>(subj);
      }
    }

    // "talks between A and B": both sides from one phrase.
    std::vector<EventActor> sources, targets;
    for (uint32_t h : source_heads) {
      for (uint32_t x : Conjuncts(tree, h)) sources.push_back(ActorOf(tree, x));
    }
    for (uint32_t h : target_heads) {
      bool between = tree.Case(h) == "between";
      for (uint32_t x : Conjuncts(tree, h))
        (between && sources.empty() ? sources : targets).push_back(ActorOf(tree, x));
    }
    if (sources.empty() && targets.empty()) return;

    Modality mod = ModalityOf(tree, clause, start_is_trigger);
    if (negated_object) mod.negated = !mod.negated;

    // Pairs: each source with each target; coordinated sides of a reciprocal
    // event act on each other, in both directions.
    std::vector<std::pair<EventActor, EventActor>> pairs;
    if (targets.empty() && rule.reciprocal && sources.size() >= 2) {
      for (size_t i = 0; i < sources.size(); ++i) {
        for (size_t j = 0; j < sources.size(); ++j) {
          if (i != j) pairs.emplace_back(sources[i], sources[j]);
        }
      }
    } else {
      if (sources.empty()) sources.emplace_back();
      if (targets.empty()) targets.emplace_back();
      for (const EventActor& a : sources) {
        for (const EventActor& b : targets) {
          pairs.emplace_back(a, b);
          if (rule.reciprocal && !b.code.empty()) pairs.emplace_back(b, a);
        }
      }
    }

    const int32_t quote = QuoteOf(tok.begin[t]);
    const int32_t time = TimeOf(tree, clause);
    for (auto& [src, tgt] : pairs) {
      std::vector<int32_t> actors = {src.entity, tgt.entity};
      const int32_t location = LocationOf(tree, clause, actors, tgt.code, rule.code);
      // With no other side named, the event is directed at the country where
      // it happens ("protested in Beijing"), as CAMEO coders record it.
      if (tgt.code.empty() && location >= 0) {
        const Entity& place = doc_.entities()[static_cast<size_t>(location)];
        if (!place.links.country.empty() && src.code.substr(0, 3) != place.links.country) {
          tgt = EventActor{};
          tgt.entity = location;
          tgt.code = place.links.country;
          tgt.name = place.name;
        }
      }
      // Both sides must be actors, as in the CAMEO coders: an event with an
      // unknown side ("he", "the flood") is mostly a misread of an ordinary
      // verb, and dyadic data cannot use it.
      if (src.code.empty() || tgt.code.empty() || src.code == tgt.code) continue;
      Event e;
      e.source = src;
      e.target = tgt;
      e.trigger = Span{tok.begin[t], tok.end[t]};
      e.sentence = s_index;
      e.polarity = mod.negated ? EventPolarity::kNegated : EventPolarity::kAsserted;
      e.modality = mod.modality;
      e.cameo = e.modality == EventModality::kIntended ? IntentCode(rule.code) : rule.code;
      if (const CameoInfo* info = dict_.Cameo(e.cameo)) {
        e.cameo_name = info->name;
        e.goldstein = info->goldstein;
      }
      if (const CameoInfo* action = dict_.Cameo(rule.code)) {
        e.plover = action->plover;
        e.plover_mode = action->plover_mode;
      }
      e.location = location;
      e.time = time;
      if (time >= 0 && !doc_.times()[static_cast<size_t>(time)].value.empty()) {
        e.date = doc_.times()[static_cast<size_t>(time)].value;
      } else {
        e.date = doc_.meta().date;
      }
      e.quote = quote;
      // Lower when a side comes from a place or a modifier rather than a
      // named actor, or when the event is someone's claim.
      e.confidence =
          (src.entity >= 0 && tgt.entity >= 0 ? 0.8f : 0.6f) * (quote >= 0 ? 0.9f : 1.0f);
      out.push_back(std::move(e));
    }
  }

  Document& doc_;
  const EventDictionary& dict_;
  std::vector<int32_t> mention_of_;
};

}  // namespace

void CodeEvents(Document& doc, const EventDictionary& dict) {
  Coder(doc, dict).Run();
}

}  // namespace parley::events
