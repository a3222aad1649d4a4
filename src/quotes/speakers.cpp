#include "quotes/speakers.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "core/ascii.h"
#include "core/person_titles.h"

namespace parley::quotes {
namespace {

// Who a mention can refer to: the document's entities when the entities
// stage ran, else NER mentions grouped by surname (PER) or by text.
struct Referent {
  std::string name;
  std::string type;
  int32_t entity = -1;
  std::string role;         // from the knowledge base, when linked
  bool government = false;  // linked to a government (actor code …GOV, or a seat of one)
  char gender = 0;          // 'm' or 'f' from an honorific before a name ("Mrs. Clinton"), else 0
};

struct MentionInfo {
  uint32_t token_begin, token_end;
  int32_t referent;
  bool in_quote;  // inside the content of a direct quote
};

class Resolver {
 public:
  Resolver(const Document& doc, std::vector<Candidate>& cands) : doc_(doc), cands_(cands) {
    BuildReferents();
  }

  void Run() {
    const size_t n = cands_.size();
    resolved_.assign(n, -1);
    kind_.assign(n, Kind::kNone);
    // Names and descriptions first, pronouns after in text order, so that
    // "him" can refer to a speaker first called "the expert".
    for (size_t i = 0; i < n; ++i) {
      int32_t h = cands_[i].speaker_head;
      if (h < 0) continue;
      // "officials who said …": resolve the relative pronoun through the
      // noun its clause modifies.
      const int32_t noun = RelativeAntecedent(static_cast<uint32_t>(h));
      if (noun >= 0) cands_[i].speaker_head = h = noun;
      if (Conjoined(static_cast<uint32_t>(h))) {
        kind_[i] = Kind::kUnresolved;
        continue;
      }
      int32_t r = ReferentAt(static_cast<uint32_t>(h));
      if (r >= 0 && IsPlace(r)) {
        // "New York Rep. Elise Stefanik" with the place for a head: the
        // person the phrase names speaks.
        if (const int32_t person = PersonIn(cands_[i].quote.speaker); person >= 0) r = person;
      }
      if (r < 0) r = AppositiveName(static_cast<uint32_t>(h));
      if (r < 0) r = TitledName(static_cast<uint32_t>(h));
      if (r < 0) r = HonorificName(static_cast<uint32_t>(h));
      if (r < 0) r = CapitalsName(static_cast<uint32_t>(h));
      if (r >= 0) {
        resolved_[i] = r;
        kind_[i] = Kind::kName;
      }
    }
    for (size_t i = 0; i < n; ++i) {
      const int32_t h = cands_[i].speaker_head;
      if (h < 0 || kind_[i] != Kind::kNone || !IsDescription(static_cast<uint32_t>(h))) continue;
      resolved_[i] = ResolveDescription(i, static_cast<uint32_t>(h));
      kind_[i] = resolved_[i] >= 0 ? Kind::kDescription : Kind::kUnresolved;
    }
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return cands_[a].quote.speaker.begin < cands_[b].quote.speaker.begin;
    });
    for (size_t i : order) {
      const int32_t h = cands_[i].speaker_head;
      if (h < 0 || kind_[i] != Kind::kNone) continue;
      if (AsciiLower(doc_.TokenForm(static_cast<uint32_t>(h))) == "it") {
        resolved_[i] = ResolveIt(i, cands_[i].quote.speaker.begin);
        kind_[i] = resolved_[i] >= 0 ? Kind::kPronoun : Kind::kUnresolved;
        continue;
      }
      const int want = PronounClass(static_cast<uint32_t>(h));
      if (want == 0) {
        kind_[i] = Kind::kUnresolved;
        continue;
      }
      const char gender = PronounGender(static_cast<uint32_t>(h));
      resolved_[i] = ResolvePronoun(cands_[i].quote.speaker.begin, want, gender);
      kind_[i] = resolved_[i] >= 0 ? Kind::kPronoun : Kind::kUnresolved;
      // A person once "he" is not "she" later (nor the other way round).
      if (resolved_[i] >= 0 && referents_[resolved_[i]].gender == 0) {
        referents_[resolved_[i]].gender = gender;
      }
    }
    for (size_t i = 0; i < n; ++i) Apply(i);
  }

 private:
  enum class Kind : uint8_t { kNone, kName, kDescription, kPronoun, kUnresolved };

  void BuildReferents() {
    const auto& mentions = doc_.mentions();
    mention_referent_.assign(mentions.size(), -1);
    if (doc_.has(kAnnDocEntities) && !doc_.entities().empty()) {
      for (size_t e = 0; e < doc_.entities().size(); ++e) {
        const Entity& ent = doc_.entities()[e];
        referents_.push_back({ent.name, std::string(doc_.strings().Get(ent.type)),
                              static_cast<int32_t>(e), ent.links.role,
                              ent.links.actor_code.find("GOV") != std::string::npos ||
                                  ent.links.stands_for.find("government") != std::string::npos});
      }
      for (size_t m = 0; m < mentions.size(); ++m) {
        const int32_t e = mentions[m].entity;
        if (e >= 0 && static_cast<size_t>(e) < referents_.size()) mention_referent_[m] = e;
      }
    } else {
      std::unordered_map<std::string, int32_t> by_key;
      for (size_t m = 0; m < mentions.size(); ++m) {
        const Mention& mention = mentions[m];
        const std::string type(doc_.strings().Get(mention.type));
        const std::string text(doc_.SpanText(mention.span));
        std::string key =
            type + "|" +
            (type == "PER" ? AsciiLower(doc_.TokenForm(mention.token_end - 1)) : AsciiLower(text));
        auto [it, added] = by_key.emplace(key, static_cast<int32_t>(referents_.size()));
        if (added) referents_.push_back({text, type, -1, {}});
        Referent& r = referents_[it->second];
        if (text.size() > r.name.size()) r.name = text;
        mention_referent_[m] = it->second;
      }
    }
    // Mentions inside direct quotes are not antecedents outside them.
    std::vector<Span> direct;
    for (const Candidate& c : cands_) {
      if (c.quote.kind == QuoteKind::kDirect) direct.push_back(c.quote.content);
    }
    for (size_t m = 0; m < mentions.size(); ++m) {
      bool inside = false;
      for (Span s : direct) {
        if (mentions[m].span.begin >= s.begin && mentions[m].span.end <= s.end) inside = true;
      }
      // A "name" that runs over a cue is a headline's capitals read as one
      // ("Black Lawmakers Rip Donald Trump As"): it names no one.
      for (const Candidate& c : cands_) {
        if (c.cue_token >= static_cast<int32_t>(mentions[m].token_begin) &&
            c.cue_token < static_cast<int32_t>(mentions[m].token_end)) {
          mention_referent_[m] = -1;
        }
      }
      infos_.push_back(
          {mentions[m].token_begin, mentions[m].token_end, mention_referent_[m], inside});
      // An honorific right before a name, or as its first word, tells a
      // person's gender ("Mr. Obama", "Ms. Simonyan").
      if (mention_referent_[m] < 0) continue;
      Referent& r = referents_[mention_referent_[m]];
      for (uint32_t t : {mentions[m].token_begin - 1, mentions[m].token_begin}) {
        if (t >= doc_.tokens().size() || r.type != "PER") continue;
        if (const char g = HonorificGender(t); g == 'm' || g == 'f') r.gender = g;
      }
    }
  }

  // "Gartenstein-Ross and Barr write", "Pelosi and her team said": two
  // speakers, whom one name would misreport. A conjunct after a comma must
  // be a name: "Sen. Lee, a Republican and member of the panel," is one.
  bool Conjoined(uint32_t h) const {
    const TokenColumns& tk = doc_.tokens();
    bool comma = false;
    for (uint32_t t = h + 1; t < tk.size() && t <= h + 12; ++t) {
      comma |= doc_.TokenForm(t) == ",";
      if (tk.head[t] != static_cast<int32_t>(h) || doc_.strings().Get(tk.deprel[t]) != "conj")
        continue;
      const std::string_view u = Upos(t);
      if (u != "PROPN" && (comma || (u != "NOUN" && u != "PRON"))) continue;
      // "the Energy and Commerce Committee", "The Globe and Mail": a name.
      if (std::any_of(infos_.begin(), infos_.end(), [&](const MentionInfo& m) {
            return m.token_begin <= h && t < m.token_end;
          })) {
        continue;
      }
      for (uint32_t k = h + 1; k < t; ++k) {
        const std::string l = AsciiLower(doc_.TokenForm(k));
        if (tk.head[k] == static_cast<int32_t>(t) && (l == "and" || l == "&")) return true;
      }
    }
    return false;
  }

  int32_t RelativeAntecedent(uint32_t t) const {
    const std::string l = AsciiLower(doc_.TokenForm(t));
    if (l != "who" && l != "that" && l != "which") return -1;
    const TokenColumns& tk = doc_.tokens();
    const int32_t v = tk.head[t];
    if (v < 0 || doc_.strings().Get(tk.deprel[v]) != "acl:relcl") return -1;
    return tk.head[v];
  }

  int32_t ReferentAt(uint32_t token) const {
    for (const MentionInfo& m : infos_) {
      if (m.token_begin <= token && token < m.token_end) return m.referent;
    }
    return -1;
  }

  // "Democratic nominee Joan Avery" parsed as a noun with the name in
  // apposition right after it: the name's referent.
  int32_t AppositiveName(uint32_t h) const {
    const TokenColumns& tk = doc_.tokens();
    if (Upos(h) != "NOUN") return -1;
    for (uint32_t t = h + 1; t < tk.size() && t <= h + 2; ++t) {
      if (tk.head[t] == static_cast<int32_t>(h) && doc_.strings().Get(tk.deprel[t]) == "appos") {
        return ReferentAt(t);
      }
    }
    return -1;
  }

  bool IsPlace(int32_t r) const {
    const std::string& t = referents_[r].type;
    return t == "LOC" || t == "GPE";
  }
  // The referent of the last person named inside span s, or -1.
  int32_t PersonIn(Span s) const {
    const TokenColumns& tk = doc_.tokens();
    int32_t found = -1;
    for (const MentionInfo& m : infos_) {
      if (m.referent < 0 || referents_[m.referent].type != "PER") continue;
      if (tk.begin[m.token_begin] >= s.begin && tk.end[m.token_end - 1] <= s.end)
        found = m.referent;
    }
    return found;
  }

  // "Rep. Jo Lee" parsed with the title as the head and the name flat on
  // it: the name's referent.
  int32_t TitledName(uint32_t h) const {
    const TokenColumns& tk = doc_.tokens();
    if (Upos(h) != "PROPN") return -1;
    for (uint32_t t = h + 1; t < tk.size() && t <= h + 2; ++t) {
      const std::string_view d = doc_.strings().Get(tk.deprel[t]);
      if (tk.head[t] == static_cast<int32_t>(h) && (d == "flat" || d == "appos")) {
        return ReferentAt(t);
      }
    }
    return -1;
  }

  // "Dr Fauci", "Gov. Brian Kemp" parsed with the honorific or title alone
  // for the subject (the name beside it, not under it): the name right
  // after it.
  // (A mention that covers h + 1 starts there: one covering h too would
  // have named the speaker already.)
  int32_t HonorificName(uint32_t h) const {
    if (h + 1 >= doc_.tokens().size()) return -1;
    // In any case: "GOV." as "Gov.".
    std::string w = AsciiLower(doc_.TokenForm(h));
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
    if (HonorificGender(h) == 0 && !IsPersonTitle(w)) return -1;
    // Titles in a row ("Lt. Gov. Peter Kinder"): the name after the last.
    uint32_t t = h + 1;
    while (t + 1 < doc_.tokens().size() && t < h + 3 && IsPersonTitle(doc_.TokenForm(t))) ++t;
    return ReferentAt(t);
  }
  // 'm' or 'f' for an honorific ("Mr.", "Ms"), '?' for "Dr.", else 0.
  char HonorificGender(uint32_t t) const {
    const std::string w = AsciiLower(doc_.TokenForm(t));
    if (w == "mr." || w == "mr") return 'm';
    if (w == "mrs." || w == "mrs" || w == "ms." || w == "ms" || w == "miss") return 'f';
    return w == "dr." || w == "dr" ? '?' : 0;
  }

  // "WALLACE:" in a transcript: the person whose name ends in that word.
  int32_t CapitalsName(uint32_t h) const {
    const std::string_view form = doc_.TokenForm(h);
    if (form.size() < 2) return -1;
    for (char ch : form) {
      if (ch < 'A' || ch > 'Z') return -1;
    }
    const std::string lower = AsciiLower(form);
    for (const MentionInfo& m : infos_) {
      if (m.referent >= 0 && m.token_end > m.token_begin &&
          AsciiLower(doc_.TokenForm(m.token_end - 1)) == lower) {
        return m.referent;
      }
    }
    return -1;
  }

  std::string_view Upos(uint32_t t) const { return doc_.strings().Get(doc_.tokens().upos[t]); }
  std::string_view Lemma(uint32_t t) const { return doc_.strings().Get(doc_.tokens().lemma[t]); }

  // A definite common noun phrase: "the expert", "the political analyst".
  bool IsDescription(uint32_t h) const {
    if (Upos(h) != "NOUN") return false;
    const TokenColumns& tk = doc_.tokens();
    for (uint32_t t = h; t-- > 0 && t + 4 > h;) {
      if (tk.head[t] != static_cast<int32_t>(h)) continue;
      const std::string l = AsciiLower(doc_.TokenForm(t));
      if (l == "the" || l == "this" || l == "that") return true;
    }
    return false;
  }

  // Nouns that name a person by role: the descriptions a speaker can have.
  static bool IsPersonNoun(std::string_view lemma) {
    static constexpr std::string_view kNouns[] = {"expert",      "analyst",       "official",
                                                  "spokesman",   "spokeswoman",   "spokesperson",
                                                  "president",   "minister",      "senator",
                                                  "lawmaker",    "leader",        "chairman",
                                                  "chairwoman",  "chair",         "director",
                                                  "governor",    "mayor",         "secretary",
                                                  "ambassador",  "diplomat",      "candidate",
                                                  "nominee",     "adviser",       "advisor",
                                                  "aide",        "professor",     "researcher",
                                                  "economist",   "scientist",     "lawyer",
                                                  "attorney",    "judge",         "prosecutor",
                                                  "general",     "commander",     "officer",
                                                  "chief",       "executive",     "founder",
                                                  "author",      "writer",        "reporter",
                                                  "journalist",  "editor",        "host",
                                                  "activist",    "organizer",     "strategist",
                                                  "pollster",    "consultant",    "representative",
                                                  "congressman", "congresswoman", "chancellor",
                                                  "premier",     "king",          "queen",
                                                  "prince",      "pope",          "bishop",
                                                  "priest",      "pastor",        "doctor",
                                                  "physician",   "teacher",       "student",
                                                  "resident",    "witness",       "victim",
                                                  "owner",       "manager",       "president-elect",
                                                  "politician",  "legislator",    "commissioner",
                                                  "speaker",     "critic",        "supporter",
                                                  "opponent",    "veteran",       "father",
                                                  "mother",      "son",           "daughter",
                                                  "wife",        "husband",       "woman",
                                                  "man",         "businessman",   "businesswoman",
                                                  "billionaire", "mogul",         "observer",
                                                  "specialist",  "scholar",       "historian",
                                                  "envoy",       "negotiator",    "defendant",
                                                  "plaintiff",   "coach",         "player",
                                                  "actor",       "actress",       "singer",
                                                  "star"};
    return InList(kNouns, lemma);
  }

  static bool IsMediaNoun(std::string_view lemma) {
    return lemma == "network" || lemma == "newspaper" || lemma == "paper";
  }

  static bool IsOrgNoun(std::string_view lemma) {
    static constexpr std::string_view kNouns[] = {
        "company",    "agency",    "ministry",   "department",   "government",   "administration",
        "campaign",   "committee", "group",      "organization", "organisation", "firm",
        "party",      "office",    "court",      "bank",         "network",      "newspaper",
        "paper",      "council",   "commission", "board",        "union",        "institute",
        "university", "team"};
    return InList(kNouns, lemma);
  }

  // A role in the knowledge base that a description contradicts ("the
  // analyst" is not the head of state).
  static bool RoleConflicts(const std::string& role, std::string_view noun) {
    if (role.empty()) return false;
    if (role.find(noun) != std::string::npos) return false;
    // "the network", "the newspaper": what a known media outlet is.
    if (role == "media" && IsMediaNoun(noun)) return false;
    static constexpr std::string_view kLeaderNouns[] = {"president", "leader",  "chancellor",
                                                        "minister",  "premier", "king",
                                                        "queen",     "prince",  "head"};
    return !InList(kLeaderNouns, noun);
  }

  // Institutions whose names carry the noun they are called by.
  static bool IsNamedInstitutionNoun(std::string_view lemma) {
    static constexpr std::string_view kNouns[] = {
        "court",   "committee", "commission", "department", "ministry",
        "council", "board",     "university", "institute",  "party"};
    return InList(kNouns, lemma);
  }

  // Roles of speakers news often leaves unnamed.
  static bool IsUnnamedRole(std::string_view lemma) {
    static constexpr std::string_view kNouns[] = {"official",     "aide",    "spokesman",
                                                  "spokeswoman",  "adviser", "advisor",
                                                  "spokesperson", "staffer", "source"};
    return InList(kNouns, lemma);
  }

  // Callings no office holder is known by: "the pastor" or "the coach" is
  // not "Senator Ruth Marsh", however near.
  static bool IsCalling(std::string_view lemma) {
    static constexpr std::string_view kNouns[] = {
        "coach",       "player",       "actor",      "actress",  "singer",    "pastor",
        "priest",      "bishop",       "teacher",    "student",  "doctor",    "physician",
        "scientist",   "researcher",   "journalist", "reporter", "editor",    "host",
        "witness",     "victim",       "resident",   "pollster", "historian", "owner",
        "businessman", "businesswoman"};
    return InList(kNouns, lemma);
  }

  // Nouns of an office a person holds: a description with one names the
  // holder ("the mayor"), and the article's own title or apposition for a
  // person can rule it out ("Governor Ruth Palmer" is not "the mayor").
  static bool IsOfficeNoun(std::string_view lemma) {
    static constexpr std::string_view kNouns[] = {
        "president",    "minister",       "senator",     "governor",      "mayor",    "secretary",
        "ambassador",   "chancellor",     "premier",     "king",          "queen",    "pope",
        "judge",        "prosecutor",     "congressman", "congresswoman", "chairman", "chairwoman",
        "commissioner", "representative", "speaker",     "general",       "sheriff"};
    return InList(kNouns, lemma);
  }

  // Whether referent r holds office `noun`, so that a description with it
  // ("the president", "the senator") may name r: its knowledge-base role
  // says so ("head of state" for a president, king or queen, "head of
  // government" for a chancellor, premier or prime minister), or the
  // article writes the title, or its abbreviation, before one of its
  // names ("President Obama", "Sen. Lee"), not after "vice" or "deputy".
  // Nearness alone never makes an office holder of an author or witness.
  bool HoldsOffice(int32_t r, std::string_view noun) const {
    const std::string& role = referents_[r].role;
    const bool leader = noun == "president" || noun == "king" || noun == "queen";
    const bool government = noun == "chancellor" || noun == "premier" || noun == "minister";
    if (!role.empty() && role.find("vice") == std::string::npos &&
        (role.find(noun) != std::string::npos ||
         (leader && role.find("head of state") != std::string::npos) ||
         (government && role.find("head of government") != std::string::npos))) {
      return true;
    }
    auto title = [&](uint32_t t) {
      std::string w = AsciiLower(doc_.TokenForm(t));
      if (!w.empty() && w.back() == '.') w.pop_back();
      if (w == noun) return true;
      static constexpr std::pair<std::string_view, std::string_view> kShort[] = {
          {"sen", "senator"},        {"gov", "governor"},      {"rep", "representative"},
          {"rep", "congressman"},    {"rep", "congresswoman"}, {"gen", "general"},
          {"sec", "secretary"},      {"pres", "president"},    {"amb", "ambassador"},
          {"supt", "superintendent"}};
      for (const auto& [abbr, full] : kShort) {
        if (w == abbr && noun == full) return true;
      }
      return false;
    };
    auto deputy = [&](uint32_t t) {
      if (t == 0) return false;
      const std::string w = AsciiLower(doc_.TokenForm(t - 1));
      return w == "vice" || w == "deputy" || w == "lieutenant" || w == "lt.";
    };
    for (const MentionInfo& m : infos_) {
      if (m.referent != r) continue;
      for (uint32_t t = m.token_begin; t-- > 0 && t + 2 >= m.token_begin;) {
        if (title(t) && !deputy(t)) return true;
      }
      if (m.token_end > m.token_begin + 1 && title(m.token_begin) && !deputy(m.token_begin)) {
        return true;  // the title inside the name ("President Obama" as one mention)
      }
    }
    return false;
  }

  // Whether the article calls referent r a `noun` next to one of its names:
  // before it ("Coach Dana Reyes", "head coach Dana Reyes") or a few words
  // after it in the same sentence ("Reyes, the team's coach", "Reyes is a
  // coach").
  bool DescribedAs(int32_t r, std::string_view noun) const {
    if (referents_[r].role.find(noun) != std::string::npos) return true;  // the knowledge base
    const TokenColumns& tk = doc_.tokens();
    for (const MentionInfo& m : infos_) {
      if (m.referent != r) continue;
      for (uint32_t t = m.token_begin; t-- > 0 && t + 3 >= m.token_begin;) {
        if (doc_.strings().Get(tk.upos[t]) == "PUNCT") break;  // a title stands right before
        if (Lemma(t) == noun || AsciiLower(doc_.TokenForm(t)) == noun) return true;
      }
      for (uint32_t t = m.token_end; t < tk.size() && t < m.token_end + 6; ++t) {
        const std::string_view f = doc_.TokenForm(t);
        if (f == "." || f == ";" || f == "!" || f == "?") break;
        if (Lemma(t) == noun) return true;
      }
    }
    return false;
  }

  // Stricter than DescribedAs: a title right before one of r's names
  // ("White House official Dana Lo", "a budget official, Dana Lo") or an
  // apposition set off by a comma right after it ("Lo, a White House
  // official,"), not any mention of the noun nearby ("Trump administration
  // officials").
  bool CalledSo(int32_t r, std::string_view noun) const {
    const TokenColumns& tk = doc_.tokens();
    for (const MentionInfo& m : infos_) {
      if (m.referent != r) continue;
      if (m.token_begin > 0 && Lemma(m.token_begin - 1) == noun) return true;
      if (m.token_begin > 1 && doc_.TokenForm(m.token_begin - 1) == "," &&
          Lemma(m.token_begin - 2) == noun) {
        return true;  // "a ministry spokesman, Gao Feng"
      }
      if (m.token_end >= tk.size() || doc_.TokenForm(m.token_end) != ",") continue;
      for (uint32_t t = m.token_end + 1; t < tk.size() && t < m.token_end + 7; ++t) {
        if (doc_.strings().Get(tk.upos[t]) == "PUNCT") break;
        if (Lemma(t) == noun) return true;
      }
    }
    return false;
  }

  // Whether the article gives referent r an office other than `noun`: a
  // title right before one of its names ("Governor Ruth Palmer") or an
  // apposition after it ("Palmer, the governor").
  bool OtherOfficeInText(int32_t r, std::string_view noun) const {
    const TokenColumns& tk = doc_.tokens();
    bool other = false;
    auto look = [&](uint32_t t) {
      const std::string lemma = AsciiLower(Lemma(t));
      if (!IsOfficeNoun(lemma)) return false;
      if (lemma == noun) return true;  // the same office: no conflict
      other = true;
      return false;
    };
    for (const MentionInfo& m : infos_) {
      if (m.referent != r) continue;
      for (uint32_t t = m.token_begin; t-- > 0 && t + 2 >= m.token_begin;) {
        if (look(t)) return false;
      }
      const uint32_t head = m.token_end - 1;
      for (uint32_t t = m.token_end; t < tk.size() && t < m.token_end + 6; ++t) {
        if (tk.head[t] == static_cast<int32_t>(head) &&
            doc_.strings().Get(tk.deprel[t]) == "appos" && look(t)) {
          return false;
        }
      }
    }
    return other;
  }

  int32_t ResolveDescription(size_t self, uint32_t h) const {
    const std::string_view noun = Lemma(h);
    const bool org = IsOrgNoun(noun);
    if (!org && !IsPersonNoun(noun)) return -1;  // "the proposal" names no one
    // "the advisers", "the officials": a group, not one person or
    // organisation named in the article.
    if (doc_.strings().Get(doc_.tokens().xpos[h]) == "NNS") return -1;
    const std::string want = org ? "ORG" : "PER";
    // "The Clinton campaign", "Trump's spokesman": someone tied to a
    // person or organisation named in the phrase, not its bearer and not
    // whoever is nearest; only an apposition names them. (A place is no
    // tie: "the Vermont senator".)
    bool tied_to_name = false;
    const TokenColumns& tk = doc_.tokens();
    for (const Mention& m : doc_.mentions()) {
      const std::string_view type = doc_.strings().Get(m.type);
      if (m.token_end > h || m.token_end + 4 < h || (type != "PER" && type != "ORG")) continue;
      for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
        const std::string_view rel = doc_.strings().Get(tk.deprel[t]);
        if (tk.head[t] == static_cast<int32_t>(h) && (rel == "nmod:poss" || rel == "compound")) {
          tied_to_name = true;
        }
      }
    }
    const uint32_t at = h;
    double best_score = -1e9;
    int32_t best = -1;
    for (size_t r = 0; r < referents_.size(); ++r) {
      if (referents_[r].type != want) continue;
      // Named speaker of another quote.
      bool speaker = false;
      for (size_t i = 0; i < cands_.size() && !speaker; ++i) {
        speaker = i != self && kind_[i] == Kind::kName && resolved_[i] == static_cast<int32_t>(r);
      }
      // Distance to the nearest mention outside direct quotes. A
      // description refers back to someone already named ("the network" is
      // not the PAC the next paragraph introduces); it looks ahead only to
      // the named speaker of another quote (“…,” the expert noted. “…,”
      // said Baigaliyev), to one the article also calls so ("X, a
      // political analyst") and to a name right there ("the elections
      // chief, Dana Lo,").
      const bool apposition = Apposition(static_cast<int32_t>(r), noun);
      int64_t nearest = -1;
      bool named_here = false;
      for (const MentionInfo& m : infos_) {
        if (m.referent != static_cast<int32_t>(r) || m.in_quote) continue;
        const bool here = AppositionTo(m, h);
        named_here |= here;
        // (An "official" named as one later in the article is seldom the
        // unnamed one quoted here.)
        const bool ahead = speaker || here || (apposition && !IsUnnamedRole(noun));
        if (m.token_begin > at && !ahead) continue;
        const int64_t d = std::llabs(static_cast<int64_t>(m.token_begin) - at);
        if (nearest < 0 || d < nearest) nearest = d;
      }
      if (nearest < 0) continue;
      double score = -static_cast<double>(nearest) / 50.0;
      if (speaker) score += 3;
      if (tied_to_name && !apposition) continue;
      if (apposition) score += 10;
      if (RoleConflicts(referents_[r].role, noun)) score -= 6;
      // "the network" after "the Impact Network": an organisation whose
      // name says what the description calls it.
      if (org && AsciiLower(referents_[r].name).find(noun) != std::string::npos) score += 4;
      // "the administration" is no news network, "the newspaper" no
      // government: a known media role must agree with the noun.
      if (org && !referents_[r].role.empty() &&
          (referents_[r].role == "media") != IsMediaNoun(noun)) {
        continue;
      }
      // "the administration", "the government": a government, linked as one.
      if ((noun == "administration" || noun == "government") && !referents_[r].government &&
          !apposition) {
        continue;
      }
      // A person the article gives another office is not the one named by
      // this one; better no name than a wrong one.
      if ((IsOfficeNoun(noun) || IsCalling(noun)) &&
          OtherOfficeInText(static_cast<int32_t>(r), noun)) {
        continue;
      }
      // "the president" is someone the article or the knowledge base makes
      // one, never merely the nearest person named (an author, a witness).
      if (IsOfficeNoun(noun) && !apposition && !HoldsOffice(static_cast<int32_t>(r), noun)) {
        continue;
      }
      // "the coach", "the pastor": someone the article calls so, not the
      // nearest person named ("… Trump urged …, the coach said").
      if (IsCalling(noun) && !apposition && !DescribedAs(static_cast<int32_t>(r), noun)) {
        continue;
      }
      // "the official", "the aide": news leaves such speakers unnamed more
      // often than not; only one the article calls so, or names right
      // there, is meant.
      if (IsUnnamedRole(noun) && !apposition && !named_here &&
          !CalledSo(static_cast<int32_t>(r), noun)) {
        continue;
      }
      // "the court", "the committee": an institution whose name says so
      // ("the Supreme Court", "the Senate Intelligence Committee"), not
      // whatever organisation is nearest.
      if (IsNamedInstitutionNoun(noun) && !apposition && !named_here &&
          AsciiLower(referents_[r].name).find(noun) == std::string::npos) {
        continue;
      }
      if (score > best_score) {
        best_score = score;
        best = static_cast<int32_t>(r);
      }
    }
    return best;
  }

  // Whether mention m stands in apposition to token h ("the elections
  // chief, Dana Lo", "the spokesman, Maj. Gen. Ali Reza": the name may
  // hang on a title that is the apposition).
  bool AppositionTo(const MentionInfo& m, uint32_t h) const {
    const TokenColumns& tk = doc_.tokens();
    // By the words, whatever the parse made of them: a comma, then at
    // most a few titles, then the name.
    if (m.token_begin > h + 1 && m.token_begin <= h + 5 && doc_.TokenForm(h + 1) == ",") {
      bool titles = true;
      for (uint32_t t = h + 2; t < m.token_begin; ++t) titles &= Upos(t) == "PROPN";
      if (titles) return true;
    }
    for (uint32_t t = m.token_begin; t < m.token_end; ++t) {
      int32_t x = static_cast<int32_t>(t);
      for (int step = 0; step < 3 && x >= 0; ++step) {
        const int32_t up = tk.head[x];
        if (up == static_cast<int32_t>(h)) return doc_.strings().Get(tk.deprel[x]) == "appos";
        x = up;
      }
    }
    return false;
  }

  // "Baigaliyev, a political analyst" / "Baigaliyev is an analyst".
  bool Apposition(int32_t referent, std::string_view noun) const {
    const TokenColumns& tk = doc_.tokens();
    for (const MentionInfo& m : infos_) {
      if (m.referent != referent) continue;
      const uint32_t head = m.token_end - 1;
      for (uint32_t t = m.token_end; t < tk.size() && t < m.token_end + 6; ++t) {
        if (tk.head[t] == static_cast<int32_t>(head) && Lemma(t) == noun &&
            doc_.strings().Get(tk.deprel[t]) == "appos") {
          return true;
        }
      }
    }
    return false;
  }

  // 1: he/she (a person), 2: they (an organisation: "they" is not one
  // person named earlier), 0: not resolvable.
  int PronounClass(uint32_t h) const {
    const std::string l = AsciiLower(doc_.TokenForm(h));
    if (l == "he" || l == "him" || l == "his" || l == "she" || l == "her") return 1;
    if (l == "they" || l == "them") return 2;
    return 0;
  }
  // 'm' for he/him, 'f' for she/her, else 0.
  char PronounGender(uint32_t h) const {
    const std::string l = AsciiLower(doc_.TokenForm(h));
    if (l == "he" || l == "him" || l == "his") return 'm';
    return l == "she" || l == "her" ? 'f' : 0;
  }
  // A referent a pronoun of `gender` cannot name: a person known to be of
  // the other gender.
  bool GenderClash(int32_t r, char gender) const {
    const char g = referents_[r].gender;
    return gender != 0 && g != 0 && g != gender;
  }

  int32_t ResolvePronoun(uint32_t at, int want, char gender) const {
    // "They" after a plural subject ("State Department officials say …
    // But they note …") is that group, which no entity names.
    if (want == 2 && PluralSubjectBefore(at)) return -1;
    // The most recent speaker before the pronoun, within two paragraphs.
    const uint32_t para_at = ParagraphOf(at);
    int32_t best = -1;
    uint32_t best_pos = 0;
    for (size_t i = 0; i < cands_.size(); ++i) {
      if (resolved_[i] < 0) continue;
      const uint32_t pos = cands_[i].quote.speaker.begin;
      if (pos >= at || ParagraphOf(pos) + 2 < para_at) continue;
      if (!Fits(resolved_[i], want) || GenderClash(resolved_[i], gender)) continue;
      if (pos >= best_pos || best < 0) {
        best = resolved_[i];
        best_pos = pos;
      }
    }
    // A description left unresolved ("the president claimed …") that spoke
    // after that speaker is whom "he" most likely means: no name then.
    for (size_t i = 0; i < cands_.size() && want == 1; ++i) {
      const uint32_t pos = cands_[i].quote.speaker.begin;
      const int32_t h = cands_[i].speaker_head;
      if (resolved_[i] >= 0 || kind_[i] != Kind::kUnresolved || h < 0 || pos >= at ||
          ParagraphOf(pos) + 1 < para_at || (best >= 0 && pos <= best_pos)) {
        continue;
      }
      if (IsDescription(static_cast<uint32_t>(h)) &&
          IsPersonNoun(Lemma(static_cast<uint32_t>(h)))) {
        return -1;
      }
    }
    // A person the sentence before names as its subject, after that
    // speaker, is the centre of attention: "Sen. Rand Paul seemed to back
    // the call. “…,” he said." is Paul's, whoever spoke before him.
    if (const int32_t subject = RecentSubject(at, want, gender);
        subject >= 0 && (best < 0 || SubjectAfter(at, subject, best_pos))) {
      return subject;
    }
    // An unnamed person the sentences before made their subject, after
    // that speaker, is whom "he" means ("An employee … crunched the
    // numbers. Although he …, he said … “…,” he told Yahoo Finance."): no
    // name then.
    if (want == 1 && UnnamedSubjectBefore(at, best >= 0 ? best_pos : 0)) return -1;
    if (best >= 0) return best;
    // Else the most recent mention of a matching type outside quotes.
    const TokenColumns& tk = doc_.tokens();
    for (size_t k = infos_.size(); k-- > 0;) {
      const MentionInfo& m = infos_[k];
      if (m.in_quote || m.referent < 0 || tk.begin[m.token_begin] >= at) continue;
      if (!GenderClash(m.referent, gender) && Fits(m.referent, want)) return m.referent;
    }
    return -1;
  }

  // "It" speaks for the organisation or country that spoke last, in its
  // own sentence or the one before, with no other speaker in between (“…,
  // the agency said. It added that …”). A lawsuit, a report or a poll is
  // what "it" means as often ("The lawsuit says … It also insists …"), and
  // no entity names those: so nothing when the last speaker was one, was
  // further back, or a noun became the subject of its sentence since.
  int32_t ResolveIt(size_t self, uint32_t at) const {
    int64_t last = -1;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Span& sp = cands_[i].quote.speaker;
      if (i == self || sp.empty() || sp.begin >= at) continue;
      if (last < 0 || sp.begin > cands_[last].quote.speaker.begin) last = static_cast<int64_t>(i);
    }
    if (last < 0 || resolved_[last] < 0) return -1;
    const int32_t r = resolved_[last];
    if (referents_[r].type != "ORG" && referents_[r].type != "GPE") return -1;
    const Span& prior = cands_[last].quote.speaker;
    const size_t s = SentenceAt(at), s_prior = SentenceAt(prior.begin);
    if (s_prior + 1 < s) return -1;
    const TokenColumns& tk = doc_.tokens();
    const uint32_t first = doc_.sentences()[s].token_begin;
    for (uint32_t t = first; t < tk.size() && tk.begin[t] < at; ++t) {
      if (tk.begin[t] < prior.end) continue;
      const std::string_view rel = doc_.strings().Get(tk.deprel[t]);
      const std::string_view upos = doc_.strings().Get(tk.upos[t]);
      if ((rel == "nsubj" || rel == "nsubj:pass") && (upos == "NOUN" || upos == "PROPN")) {
        return -1;
      }
    }
    return r;
  }

  // Whether the sentence before the one at byte `at`, or its own before
  // `at`, has a plural subject: a plural noun or a conjunction of nouns.
  bool PluralSubjectBefore(uint32_t at) const {
    const TokenColumns& tk = doc_.tokens();
    const size_t s = SentenceAt(at);
    const uint32_t first = doc_.sentences()[s > 0 ? s - 1 : 0].token_begin;
    for (uint32_t t = first; t < tk.size() && tk.begin[t] < at; ++t) {
      if (doc_.strings().Get(tk.deprel[t]).substr(0, 5) != "nsubj") continue;
      const std::string_view x = doc_.strings().Get(tk.xpos[t]);
      if (x == "NNS" || x == "NNPS") return true;
      for (uint32_t k = t + 1; k < tk.size() && k < t + 12; ++k) {
        if (tk.head[k] == static_cast<int32_t>(t) && doc_.strings().Get(tk.deprel[k]) == "conj") {
          return true;
        }
      }
    }
    return false;
  }

  // The person (want 1) or organisation (want 2) a pronoun at byte `at`
  // most likely means by the sentences around it: the main subject of its
  // own sentence before it, else the last main-clause subject of the
  // sentence before, outside quotes; -1 if none or if the context says to
  // keep to the speakers before.
  int32_t RecentSubject(uint32_t at, int want, char gender) const {
    const auto& sents = doc_.sentences();
    const size_t s = SentenceAt(at);
    if (s == 0) return -1;
    const Sentence& prev = sents[s - 1];
    const TokenColumns& tk = doc_.tokens();
    // Someone named earlier in the pronoun's own sentence is nearer: its
    // main subject is the one meant ("Snowden faces decades in jail if …,
    // where he says …"); anyone else named there (the subject of a clause
    // before: "When Jo Lee asked …, he replied") leaves the choice to the
    // speakers before.
    if (s < sents.size()) {
      bool named = false;
      int32_t subject = -1;
      for (const MentionInfo& m : infos_) {
        if (m.token_begin < sents[s].token_begin || m.token_end > sents[s].token_end ||
            tk.begin[m.token_begin] >= at || m.in_quote || m.referent < 0 ||
            GenderClash(m.referent, gender)) {
          continue;
        }
        if (!Fits(m.referent, want)) continue;
        named = true;
        if (MainSubject(m)) subject = m.referent;
      }
      if (subject >= 0) return subject;
      if (named) return -1;
    }
    // Only a sentence of the writer's own: one with quotation marks may be
    // someone's words, whose names are not the writer's subject.
    const std::string_view prev_text = doc_.SpanText(prev.span);
    if (prev_text.find('"') != std::string_view::npos ||
        prev_text.find("\u201c") != std::string_view::npos ||
        prev_text.find("\u201d") != std::string_view::npos) {
      return -1;
    }
    // A pronoun for the sentence's subject carries on whoever came
    // before: no new centre.
    for (uint32_t t = prev.token_begin; t < prev.token_end && t < tk.size(); ++t) {
      const int32_t v = tk.head[t];
      if (v >= 0 && tk.head[v] < 0 && doc_.strings().Get(tk.upos[t]) == "PRON" &&
          doc_.strings().Get(tk.deprel[t]).substr(0, 5) == "nsubj") {
        return -1;
      }
    }
    int32_t found = -1;
    for (const MentionInfo& m : infos_) {
      if (m.token_begin < prev.token_begin || m.token_end > prev.token_end) continue;
      if (m.in_quote || m.referent < 0 || GenderClash(m.referent, gender)) continue;
      if (Fits(m.referent, want) && MainSubject(m)) found = m.referent;
    }
    return found;
  }

  // Whether the sentence before the one at byte `at`, or the first of up
  // to three before it whose main subjects are "he" or "she", has for its
  // main subject a person no name covers nor follows in apposition,
  // introduced as new ("an employee", "a retired nurse"), and ends after
  // byte `after`.
  bool UnnamedSubjectBefore(uint32_t at, uint32_t after) const {
    const auto& sents = doc_.sentences();
    const TokenColumns& tk = doc_.tokens();
    const size_t s = SentenceAt(at);
    for (size_t k = s; k-- > 0 && k + 4 > s;) {
      if (sents[k].span.end <= after) return false;
      int32_t subject = -1;
      for (uint32_t t = sents[k].token_begin; t < sents[k].token_end && t < tk.size(); ++t) {
        const int32_t v = tk.head[t];
        if (v >= 0 && tk.head[v] < 0 && doc_.strings().Get(tk.deprel[t]) == "nsubj") {
          subject = static_cast<int32_t>(t);
          break;
        }
      }
      if (subject < 0) return false;
      const auto h = static_cast<uint32_t>(subject);
      const std::string form = AsciiLower(doc_.TokenForm(h));
      if (form == "he" || form == "she") continue;
      if (Upos(h) != "NOUN" || doc_.strings().Get(tk.xpos[h]) != "NN" || !PersonLike(Lemma(h)))
        return false;
      if (std::any_of(infos_.begin(), infos_.end(), [&](const MentionInfo& m) {
            return m.token_begin <= h && h < m.token_end;
          })) {
        return false;
      }
      bool indefinite = false;
      for (uint32_t t = sents[k].token_begin; t < sents[k].token_end; ++t) {
        if (tk.head[t] != subject) continue;
        const std::string d = AsciiLower(doc_.TokenForm(t));
        const std::string_view rel = doc_.strings().Get(tk.deprel[t]);
        if (t < h && (d == "a" || d == "an" || d == "another")) indefinite = true;
        // Named after all ("An analyst, Isobel Coleman, said"), or a
        // quantity ("a host of questions").
        if (rel == "appos" ||
            (rel == "nmod" && Upos(t) == "NOUN" && doc_.strings().Get(tk.xpos[t]) == "NNS")) {
          return false;
        }
      }
      return indefinite;
    }
    return false;
  }
  // A noun that may name a person: a role noun, or one ending as agent
  // nouns do (-er, -or, -ist, -ian, -ant, -ee), or a few common ones.
  static bool PersonLike(std::string_view lemma) {
    static constexpr std::string_view kPeople[] = {"man",    "woman",    "person",  "mother",
                                                   "father", "nurse",    "doctor",  "student",
                                                   "agent",  "resident", "veteran", "parent"};
    if (IsPersonNoun(lemma) || InList(kPeople, lemma)) return true;
    for (std::string_view end : {"er", "or", "ist", "ian", "ant", "ee"}) {
      if (lemma.size() > end.size() + 2 && lemma.ends_with(end)) return true;
    }
    return false;
  }

  // Whether mention m (or a title right before it) is the subject of a
  // main clause: the root's, or a conjoined root's.
  bool MainSubject(const MentionInfo& m) const {
    const TokenColumns& tk = doc_.tokens();
    const auto lo = static_cast<int32_t>(m.token_begin >= 2 ? m.token_begin - 2 : 0);
    const auto end = static_cast<int32_t>(m.token_end);
    const int32_t name_head = tk.head[m.token_end - 1];
    for (int32_t t = lo; t < end; ++t) {
      const int32_t v = tk.head[t];
      // The arc that leaves the phrase, from the name or from a title on
      // which the name hangs ("Council member Dan Ortiz").
      if (v < 0 || (v >= lo && v < end)) continue;
      if (t < static_cast<int32_t>(m.token_begin) && !(name_head >= t && name_head < end)) continue;
      if (doc_.strings().Get(tk.deprel[t]).substr(0, 5) != "nsubj") continue;
      const int32_t up = tk.head[v];
      if (up < 0) return true;
      if (doc_.strings().Get(tk.deprel[v]) == "conj" && tk.head[up] < 0) return true;
    }
    return false;
  }

  // Whether referent r is named in the sentence before byte `at` after
  // byte `pos` (the last speaker's mention).
  bool SubjectAfter(uint32_t at, int32_t r, uint32_t pos) const {
    const TokenColumns& tk = doc_.tokens();
    for (const MentionInfo& m : infos_) {
      if (m.referent == r && tk.begin[m.token_begin] > pos && tk.begin[m.token_begin] < at) {
        return true;
      }
    }
    return false;
  }

  // The index of the sentence holding byte `byte`, or of the first after
  // it (the sentence count past the last).
  size_t SentenceAt(uint32_t byte) const {
    const auto& ss = doc_.sentences();
    const auto it = std::partition_point(ss.begin(), ss.end(),
                                         [byte](const Sentence& x) { return x.span.end <= byte; });
    return static_cast<size_t>(it - ss.begin());
  }

  // Whether referent r is of the type a pronoun class wants: a person for
  // 1 (he, she), an organisation for 2 (they).
  bool Fits(int32_t r, int want) const {
    const std::string& type = referents_[r].type;
    return (want == 1 && type == "PER") || (want == 2 && type == "ORG");
  }

  uint32_t ParagraphOf(uint32_t byte) const {
    const auto& ps = doc_.paragraphs();
    auto it = std::upper_bound(ps.begin(), ps.end(), byte,
                               [](uint32_t b, const Paragraph& p) { return b < p.span.begin; });
    return it == ps.begin() ? 0 : static_cast<uint32_t>(it - ps.begin() - 1);
  }

  void Apply(size_t i) {
    Candidate& c = cands_[i];
    Quote& q = c.quote;
    float confidence = 0.3f;
    if (resolved_[i] >= 0) {
      const Referent& r = referents_[resolved_[i]];
      q.speaker_name = r.name;
      q.speaker_entity = r.entity;
      switch (kind_[i]) {
        case Kind::kName: confidence = 0.9f; break;
        case Kind::kDescription:
          confidence = 0.75f;
          c.described = true;
          break;
        case Kind::kPronoun: confidence = 0.7f; break;
        default: confidence = 0.5f; break;
      }
    } else if (c.speaker_head >= 0) {
      confidence = 0.4f;  // a mention we could not resolve: never a guessed name
    }
    if (c.continuation) confidence *= 0.7f;
    if (q.cue.empty() && !c.continuation) confidence *= 0.8f;
    q.confidence = confidence;
  }

  const Document& doc_;
  std::vector<Candidate>& cands_;
  std::vector<Referent> referents_;
  std::vector<int32_t> mention_referent_;
  std::vector<MentionInfo> infos_;
  std::vector<int32_t> resolved_;
  std::vector<Kind> kind_;
};

}  // namespace

void ResolveSpeakers(const Document& doc, std::vector<Candidate>& candidates) {
  Resolver(doc, candidates).Run();
}

void RolesFromDescriptions(Document& doc, const std::vector<Candidate>& candidates) {
  std::vector<std::string> best(doc.entities().size());
  const TokenColumns& tk = doc.tokens();
  for (const Candidate& c : candidates) {
    const int32_t e = c.quote.speaker_entity;
    if (!c.described || e < 0 || static_cast<size_t>(e) >= best.size()) continue;
    if (doc.strings().Get(doc.entities()[e].type) != "PER") continue;
    auto range = doc.TokenRange(c.quote.speaker, Alignment::kContract);
    if (!range || range->first >= range->second) continue;
    // Drop the determiner and anything before it; lowercase the first letter.
    uint32_t first = range->first;
    for (uint32_t t = range->first; t < range->second; ++t) {
      if (doc.strings().Get(tk.upos[t]) == "DET") first = t + 1;
    }
    if (first >= range->second) continue;
    std::string role(doc.SpanText({tk.begin[first], tk.end[range->second - 1]}));
    if (!role.empty() && role[0] >= 'A' && role[0] <= 'Z')
      role[0] = static_cast<char>(role[0] - 'A' + 'a');
    if (role.size() > best[e].size()) best[e] = role;
  }
  for (size_t e = 0; e < best.size(); ++e) {
    EntityLinks& links = doc.mutable_entities()[e].links;
    if (!best[e].empty() && links.role.empty() && links.kb_id.empty()) links.role = best[e];
  }
}

}  // namespace parley::quotes
