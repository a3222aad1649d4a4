// English suffix rules for the lemmatiser (see lemma_rules.h). Where spelling
// alone cannot decide (hoping/hopping, adding/padding), the candidates are
// ordered by the usual English spelling conventions and the Lemmatizer's
// vocabulary of known lemmas breaks the tie.
#include "tag/lemma_rules.h"

namespace parley::tag {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}
bool IsConsonant(char c) {
  return c >= 'a' && c <= 'z' && !IsVowel(c);
}
bool In(char c, std::string_view set) {
  return set.find(c) != std::string_view::npos;
}
// Whether stem[i] sounds as a consonant: the u of "qu" does ("quot").
bool ConsonantAt(std::string_view stem, size_t i) {
  return IsConsonant(stem[i]) || (stem[i] == 'u' && i > 0 && stem[i - 1] == 'q');
}

// "runn" from "running": a doubled final consonant that English doubles
// before -ed/-ing/-er (not l, s, z, f, whose doubling is part of the stem).
bool Doubled(std::string_view stem) {
  size_t n = stem.size();
  return n >= 3 && stem[n - 1] == stem[n - 2] && IsConsonant(stem[n - 1]) &&
         !In(stem[n - 1], "lszf");
}

// One-syllable consonant-vowel-consonant stems ("hop" of "hoping") had an e:
// without one, the consonant would have doubled (hopping). So strict that
// the e-less stem is no candidate at all ("waged" is never "wag").
bool OneSyllableCvc(std::string_view stem) {
  size_t n = stem.size();
  if (n < 2) return false;
  char last = stem[n - 1], prev = stem[n - 2];
  if (In(last, "wxy") || !IsConsonant(last) || !(IsVowel(prev) || prev == 'y')) return false;
  if (n >= 3 && !IsConsonant(stem[n - 3])) return false;
  for (size_t i = 1; i + 2 < n; ++i) {
    if (IsVowel(stem[i]) || stem[i] == 'y') return false;
  }
  return !IsVowel(stem[0]) || n == 2;
}

// Whether the stem lost a silent e before the suffix ("mak" from "making").
// Past the one-syllable words, where an undoubled consonant says so
// (hoping/hopping), English marks it by endings that a verb or adjective
// without the e hardly has: "continu", "conced", "resum", "profil",
// "manag", "authoris". Endings that go either way ("-it": visit/unite,
// "-or": monitor/ignore, "-on": mention/postpone) keep no e here and are
// left to the Lemmatizer's lexicons.
bool NeedsE(std::string_view stem) {
  size_t n = stem.size();
  if (n < 2) return false;
  char last = stem[n - 1], prev = stem[n - 2];
  char before = n >= 3 ? stem[n - 3] : 0;
  const bool consonant_before = n >= 3 && ConsonantAt(stem, n - 3);
  // A single vowel before the last letter, itself after a consonant (or the
  // word's start): "-Vd" in "conced", not "-VVd" in "proceed".
  const bool single_vowel = IsVowel(prev) && (n == 2 || consonant_before);
  switch (last) {
    case 'v':
    case 'c':
    case 'u': return true;  // giv, produc, continu, tru(er)
    case 'z':
      if (prev != 'z') return true;  // realiz
      break;
    case 'e': return prev != 'e';  // agre(ed), fre(er)
    case 'g':
      if (In(prev, "dlr") || single_vowel) return true;  // judg, indulg, merg, manag, oblig
      if (prev == 'n' && In(before, "aeu") && n >= 5 && ConsonantAt(stem, n - 4)) {
        return true;  // chang, challeng, plung; not young, hang
      }
      break;
    case 'd':
    case 'b':
      if (single_vowel) return true;  // decid, includ, conced, describ, prob
      break;
    case 'k':
      if (single_vowel) return true;  // provok, dislik
      break;
    case 'm':
      if (single_vowel && prev != 'e' && prev != 'o') return true;  // resum, blam, tim
      if (EndsWith(stem, "com")) return true;                       // becom, welcom
      break;
    case 'n':
      if (single_vowel && prev == 'i') return true;  // combin, determin
      break;
    case 'l':
      if (In(prev, "bcdfgkptz")) return true;           // handl, tickl
      if (single_vowel && In(prev, "iu")) return true;  // profil, compil, schedul
      break;
    case 't':
      if (In(prev, "auo") && consonant_before) return true;        // creat, execut, promot, quot
      if (prev == 'a' && In(before, "iu") && n >= 4) return true;  // negotiat, evaluat
      if (EndsWith(stem, "let") && n >= 5) return true;            // complet, delet
      if ((EndsWith(stem, "nit") || EndsWith(stem, "vit")) && n >= 4) return true;  // unit, invit
      break;
    case 'r':
      if (In(prev, "iua") && consonant_before) return true;  // requir, cur, compar; not repair
      break;
    case 's':
      if (In(prev, "rnpl")) return true;                  // nurs, sens, collaps
      if (IsVowel(prev) && IsVowel(before)) return true;  // increas, caus
      if (single_vowel && prev != 'e') return true;       // authoris, clos, accus
      if (prev == 'y') return true;                       // analys
      break;
    default: break;
  }
  return OneSyllableCvc(stem);
}

// Whether s has a vowel sound (not the u of "qu"): a syllable.
bool HasVowel(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsVowel(s[i]) && !ConsonantAt(s, i)) return true;
  }
  return false;
}

// Stems before -ed, -ing, -er, -est: undoubled, e-restored or as is.
void StemCandidates(std::string_view base, size_t suffix, LemmaCandidates* out) {
  size_t n = base.size() - suffix;
  std::string_view stem = base.substr(0, n);
  if (Doubled(stem)) {
    out->Add(n - 1);
    out->Add(n);
  } else if (EndsWith(stem, "ll") && n >= 4 && IsVowel(stem[n - 3])) {
    // British doubling of l (modelling, travelled, controlled) against a
    // stem's own ll (spelling, installed): undoubled first only past one
    // syllable before -ell / -oll.
    bool undouble = In(stem[n - 3], "eo") && HasVowel(stem.substr(0, n - 3));
    out->Add(undouble ? n - 1 : n);
    out->Add(undouble ? n : n - 1);
  } else if (EndsWith(stem, "ick") && n >= 5 && HasVowel(stem.substr(0, n - 3)) &&
             (EndsWith(base, "ed") || EndsWith(base, "ing"))) {
    out->Add(n - 1);  // mimicking, panicked: the k only keeps the c hard
    out->Add(n);      // unpicking
  } else if (stem.back() == 'e' && EndsWith(base, "ing")) {
    out->Add(n);  // seeing, dyeing, canoeing: -ing takes no e away
  } else if (OneSyllableCvc(stem)) {
    out->Add(n, "e");  // hoping, waged
  } else if (NeedsE(stem)) {
    out->Add(n, "e");
    out->Add(n);
  } else {
    out->Add(n);
    out->Add(n, "e");
  }
}

void PluralCandidates(std::string_view base, LemmaCandidates* out) {
  size_t n = base.size();
  if (n <= 2 || EndsWith(base, "ss") || EndsWith(base, "us") ||
      (EndsWith(base, "is") && !EndsWith(base, "ies"))) {
    out->Add(n);
  } else if (EndsWith(base, "ies") && n > 4) {
    out->Add(n - 3, "y");  // studies
    out->Add(n - 1);       // movies
  } else if (EndsWith(base, "ves")) {
    out->Add(n - 1);        // moves
    out->Add(n - 3, "f");   // wolves
    out->Add(n - 3, "fe");  // knives
  } else if (n >= 4 && EndsWith(base, "zes") && IsVowel(base[n - 4])) {
    out->Add(n - 1);  // sizes, realizes, freezes
    out->Add(n - 2);
  } else if (EndsWith(base, "ches") || EndsWith(base, "shes") || EndsWith(base, "sses") ||
             EndsWith(base, "xes") || EndsWith(base, "zes") || EndsWith(base, "oes")) {
    out->Add(n - 2);  // boxes, watches, heroes
    out->Add(n - 1);  // caches, shoes
  } else if (EndsWith(base, "'s")) {
    out->Add(n - 2);  // DM's, 1990's
  } else if (base.back() == 's') {
    out->Add(n - 1);
    if (EndsWith(base, "es")) out->Add(n - 2);         // buses
    if (EndsWith(base, "ses")) out->Add(n - 2, "is");  // crises, diagnoses
  } else if (EndsWith(base, "men")) {
    out->Add(n - 2, "an");  // women
    out->Add(n);
  } else {
    out->Add(n);  // people, data: unmarked plurals
  }
}

// Clitics and contractions whose lemma is a different word; empty if none.
std::string_view Contraction(std::string_view base, std::string_view xpos) {
  if (base == "n't" || base == "n\u2019t" || (base == "nt" && xpos == "RB")) return "not";
  if (base == "ca" && xpos == "MD") return "can";
  if (base == "wo" && xpos == "MD") return "will";
  std::string_view rest;
  if (!base.empty() && base[0] == '\'')
    rest = base.substr(1);
  else if (base.starts_with("\u2019"))
    rest = base.substr(3);
  else
    return {};
  if (xpos == "POS") return "'s";
  if (rest == "s") return xpos == "VBZ" ? "be" : std::string_view{};
  if (rest == "re" || rest == "m") return "be";
  if (rest == "ve") return "have";
  if (rest == "ll") return "will";
  if (rest == "d") return xpos == "MD" ? "would" : "have";
  return {};
}

}  // namespace

LemmaClass LemmaClassOf(std::string_view xpos) {
  // Proper nouns and addresses (ADD: e-mail, URLs) are their own lemma.
  if (xpos == "NNP" || xpos == "ADD") return LemmaClass::kProper;
  if (xpos == "NNPS") return LemmaClass::kProperPlural;
  if (xpos == "NNS" || xpos == "VBZ") return LemmaClass::kPlural;
  if (xpos == "VBD" || xpos == "VBN") return LemmaClass::kPast;
  if (xpos == "VBG") return LemmaClass::kGerund;
  if (xpos == "JJR" || xpos == "RBR") return LemmaClass::kComparative;
  if (xpos == "JJS" || xpos == "RBS") return LemmaClass::kSuperlative;
  return LemmaClass::kOther;
}

char VocabClassOf(std::string_view xpos) {
  if (xpos.starts_with("VB")) return 'V';
  if (xpos.starts_with("NN")) return 'N';
  if (xpos.starts_with("JJ")) return 'J';
  if (xpos.starts_with("RB")) return 'R';
  return 0;
}

void AppendLower(std::string_view s, std::string* out) {
  for (char c : s) out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
}

void RuleCandidates(std::string_view base, std::string_view xpos, LemmaClass cls,
                    LemmaCandidates* out) {
  out->size = 0;
  size_t n = base.size();
  if (std::string_view c = Contraction(base, xpos); !c.empty()) return out->Add(0, c);
  switch (cls) {
    case LemmaClass::kPlural: return PluralCandidates(base, out);
    case LemmaClass::kProperPlural:
      if (n > 3 && base.back() == 's' && !EndsWith(base, "ss")) out->Add(n - 1);
      return out->Add(n);
    case LemmaClass::kPast:
      if (std::string_view v = IrregularVerbLemma(base); !v.empty()) return out->Add(0, v);
      if (EndsWith(base, "ied")) {
        if (n > 4) out->Add(n - 3, "y");  // studied; tied keeps its ie
        return out->Add(n - 1);
      }
      if (n > 3 && EndsWith(base, "ed")) return StemCandidates(base, 2, out);
      return out->Add(n);
    case LemmaClass::kGerund:
      if (n > 4 && EndsWith(base, "ing")) return StemCandidates(base, 3, out);
      return out->Add(n);
    case LemmaClass::kComparative:
    case LemmaClass::kSuperlative: {
      size_t k = cls == LemmaClass::kComparative ? 2 : 3;
      std::string_view suffix = cls == LemmaClass::kComparative ? "er" : "est";
      if (n > k + 2 && EndsWith(base, suffix)) {
        if (base[n - k - 1] == 'i')
          out->Add(n - k - 1, "y");  // happier
        else
          StemCandidates(base, k, out);
      }
      return out->Add(n);  // more, less: no suffix to undo
    }
    case LemmaClass::kProper:
    case LemmaClass::kOther: return out->Add(n);
  }
}

}  // namespace parley::tag
