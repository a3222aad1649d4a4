// Word lists (see abbreviations.h). Abbreviations are exact-case words
// without the final period. Initialisms with inner periods (U.S., e.g.,
// a.m.) and single-letter initials are recognised by shape in the tokenizer,
// so they are not listed here.
#include "text/abbreviations.h"

#include <array>
#include <string_view>
#include <utility>

#include "core/ascii.h"

namespace parley::text {
namespace {

using Entry = std::pair<std::string_view, AbbrevKind>;
constexpr AbbrevKind T = AbbrevKind::kTitle;
constexpr AbbrevKind G = AbbrevKind::kGeneral;
constexpr AbbrevKind N = AbbrevKind::kBeforeNumber;
constexpr AbbrevKind F = AbbrevKind::kFinal;

// clang-format off
constexpr Entry kAbbreviations[] = {
  // Titles and ranks (from EWT train and AP style).
  {"Mr", T}, {"Mrs", T}, {"Ms", T}, {"Dr", T}, {"Drs", T}, {"Prof", T}, {"Rev", T}, {"Fr", T},
  {"Sen", T}, {"Sens", T}, {"Rep", T}, {"Reps", T}, {"Gov", T}, {"Govs", T}, {"Pres", T},
  {"Gen", T}, {"Lt", T}, {"Col", T}, {"Capt", T}, {"Cmdr", T}, {"Maj", T}, {"Sgt", T},
  {"Cpl", T}, {"Pvt", T}, {"PVT", T}, {"Adm", T}, {"Brig", T}, {"Spec", T}, {"Supt", T},
  {"Atty", T}, {"Hon", T}, {"Msgr", T}, {"Sec", T}, {"Amb", T}, {"Ald", T}, {"Insp", T},
  {"Det", T}, {"Mt", T}, {"Ft", T}, {"St", T}, {"Sts", T}, {"Mme", T}, {"Mlle", T},
  // A postscript opens what follows: "P.S. I am moving".
  {"P.S", T}, {"PS", T}, {"P.P.S", T},
  // Corporate and name suffixes: often sentence-final.
  {"Inc", F}, {"Corp", F}, {"Co", F}, {"co", G}, {"Ltd", F}, {"LTD", F}, {"Bros", F},
  {"Jr", F}, {"Sr", F}, {"Esq", F}, {"Cos", F}, {"Assn", G}, {"Dept", G}, {"Univ", G},
  {"LLC", F}, {"L.L.C", F}, {"a.m", F}, {"p.m", F}, {"A.M", F}, {"P.M", F},
  {"Ave", G}, {"Blvd", G}, {"Rd", G}, {"Hwy", G}, {"Pl", G}, {"Sq", G}, {"Ct", G},
  // Months and days.
  {"Jan", G}, {"Feb", G}, {"Mar", G}, {"Apr", G}, {"Jun", G}, {"Jul", G}, {"Aug", G},
  {"Sep", G}, {"Sept", G}, {"Oct", G}, {"Nov", G}, {"Dec", G},
  {"Mon", G}, {"Tue", G}, {"Tues", G}, {"Wed", G}, {"Thu", G}, {"Thur", G}, {"Thurs", G},
  {"Fri", G}, {"Sat", G}, {"Sun", G},
  // US states (AP style).
  {"Ala", G}, {"Ariz", G}, {"Ark", G}, {"Calif", G}, {"Colo", G}, {"Conn", G}, {"Del", G},
  {"Fla", G}, {"Ga", G}, {"Ill", G}, {"Ind", G}, {"Kan", G}, {"Kans", G}, {"Ky", G},
  {"La", G}, {"LA", G}, {"Md", G}, {"Mass", G}, {"Mich", G}, {"Minn", G}, {"Mo", G},
  {"Mont", G}, {"Neb", G}, {"Nev", G}, {"Okla", G}, {"Ore", G}, {"Pa", G},
  {"Tenn", G}, {"Tex", G}, {"Va", G}, {"Vt", G}, {"Wash", G}, {"Wis", G}, {"Wyo", G},
  {"WA", G}, {"Que", G}, {"Ont", G},
  // Latin and general abbreviations.
  {"etc", F}, {"Etc", F}, {"ect", F}, {"vs", G}, {"Vs", G}, {"v", G}, {"al", F}, {"et", G},
  {"cf", G}, {"viz", G}, {"approx", G}, {"Approx", G}, {"est", G}, {"Est", G}, {"min", G},
  {"mins", G}, {"hrs", G}, {"yrs", G}, {"yr", G}, {"lb", G}, {"lbs", G}, {"oz", G},
  {"ft", G}, {"sq", G}, {"mi", G}, {"cal", G}, {"tel", G}, {"Tel", G}, {"Fax", G},
  {"Mob", G}, {"Attn", G}, {"attn", G}, {"Ph", G}, {"Arrv", G}, {"arrv", G}, {"lv", G},
  {"Conf", G}, {"Aplo", G}, {"Esp", G}, {"esp", G}, {"Para", G}, {"rep", G}, {"rec", G},
  {"dom", G}, {"eg", G}, {"ie", G}, {"ps", G}, {"info", G}, {"Intl", G},
  {"Govt", G}, {"govt", G}, {"Natl", G}, {"Dist", G}, {"Div", G}, {"Sc", G}, {"Ass't", G},
  {"Asst", G}, {"Assoc", G}, {"Mgr", G}, {"Mgmt", G}, {"Jct", G}, {"Ste", G},
  // Abbreviations only before a number.
  {"No", N}, {"Nos", N}, {"no", N}, {"Vol", N}, {"vol", N}, {"p", N}, {"pp", N}, {"Fig", N},
  {"fig", N}, {"Art", N}, {"art", N}, {"ch", N}, {"Ch", N}, {"ext", N}, {"Ext", N},
  {"sec", N}, {"Rt", N}, {"Rte", N}, {"Ex", N}, {"Op", N}, {"Nr", N},
};

constexpr std::string_view kStarters[] = {
  "A", "After", "Also", "An", "And", "Another", "Are", "As", "At", "But", "By", "Can", "Could",
  "Did", "Do", "Does", "During", "Each", "Even", "Every", "For", "From", "He", "Her", "Here",
  "His", "How", "However", "I", "If", "In", "Is", "It", "Its", "Just", "Many", "Meanwhile",
  "More", "Most", "Much", "My", "No", "Not", "Now", "Of", "On", "One", "Only", "Or", "Our",
  "Please", "She", "Since", "So", "Some", "Still", "That", "The", "Their", "Then", "There",
  "These", "They", "This", "Those", "Thus", "To", "Under", "We", "What", "When", "Where",
  "Which", "While", "Who", "Why", "With", "Would", "Yet", "You", "Your",
};

// Lowercase prefixes EWT keeps whole before a hyphen (counted on train:
// e-mail 38, non- 28, pre- 15, anti- 14, mid- 13, re- 13, ...). "self-",
// "well-" and "al-" are split there, so they are absent.
constexpr std::string_view kHyphenPrefixes[] = {
  "anti", "bi", "co", "counter", "cross", "e", "ex", "hyper", "inter", "intra", "macro", "micro",
  "mid", "mini", "multi", "neo", "non", "over", "post", "pre", "pro", "pseudo", "psycho", "quasi",
  "re", "semi", "socio", "sub", "trans", "tri", "ultra", "un",
};

// Lowercase units split from digits in EWT (5 pm, 35 mm, 65 k).
constexpr std::string_view kUnits[] = {
  "am", "bn", "cm", "ft", "gb", "hrs", "k", "kb", "kg", "km", "lb", "lbs", "m", "mb", "mi",
  "min", "mins", "mm", "mph", "pm", "x", "yrs",
};

struct Fused {
  std::string_view word;
  size_t cut;
};
// Lowercase forms EWT annotates as two words without an apostrophe.
constexpr Fused kFused[] = {
  {"aint", 2}, {"arent", 3}, {"cannot", 3}, {"cant", 2}, {"couldnt", 5}, {"didnt", 3},
  {"doesnt", 4}, {"dont", 2}, {"gonna", 3}, {"gotta", 3}, {"hadnt", 3}, {"hasnt", 3},
  {"havent", 4}, {"im", 1}, {"isnt", 2}, {"shouldnt", 6}, {"wanna", 3}, {"wasnt", 3},
  {"werent", 4}, {"wont", 2}, {"wouldnt", 5},
};

constexpr std::string_view kEmoticons[] = {
  ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", ":'(", "^_^", "-_-", ":)", ":(", ":D",
  ":P", ":p", ":/", ":O", ":o", ":]", ":[", ":|", ":*", ";)", ";D", "=)", "=(", "=D", "(:",
  "):", "<3", "^^",
};
// clang-format on

// Lowercases `s` into `buf` (capacity `cap`); false when it does not fit.
bool LowerInto(std::string_view s, char* buf, size_t cap) {
  if (s.size() > cap) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  return true;
}

// An open-addressing hash map from words to a small value. The tokenizer
// and splitter ask for every sentence-final word and every capitalised
// candidate, so a miss must cost one hash and (usually) no string compare.
template <size_t kSlots>
class WordMap {
 public:
  // Inserts `w` unless present (the first entry of a duplicate wins).
  void Insert(std::string_view w, uint8_t value) {
    size_t k = Hash(w) & (kSlots - 1);
    while (!slots_[k].empty()) {
      if (slots_[k] == w) return;
      k = (k + 1) & (kSlots - 1);
    }
    slots_[k] = w;
    values_[k] = value;
  }
  // The value of `w`, or 0 when absent.
  uint8_t Find(std::string_view w) const {
    for (size_t k = Hash(w) & (kSlots - 1); !slots_[k].empty(); k = (k + 1) & (kSlots - 1)) {
      if (slots_[k] == w) return values_[k];
    }
    return 0;
  }

 private:
  static_assert((kSlots & (kSlots - 1)) == 0, "power of two");
  static size_t Hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h ^ (h >> 13);
  }
  std::array<std::string_view, kSlots> slots_{};
  std::array<uint8_t, kSlots> values_{};
};

}  // namespace

AbbrevKind LookupAbbreviation(std::string_view word) {
  static const WordMap<512> map = [] {
    WordMap<512> m;
    for (const Entry& e : kAbbreviations) m.Insert(e.first, static_cast<uint8_t>(e.second));
    return m;
  }();
  if (word.empty() || word.size() > 6) return AbbrevKind::kNone;
  return static_cast<AbbrevKind>(map.Find(word));
}

bool IsSentenceStarter(std::string_view word) {
  static const WordMap<256> set = [] {
    WordMap<256> m;
    for (std::string_view w : kStarters) m.Insert(w, 1);
    return m;
  }();
  if (word.empty() || word.size() > 9 || word[0] < 'A' || word[0] > 'Z') return false;
  return set.Find(word) != 0;
}

bool IsHyphenPrefix(std::string_view prefix) {
  char buf[8];
  if (prefix.empty() || !LowerInto(prefix, buf, sizeof buf)) return false;
  return InList(kHyphenPrefixes, std::string_view(buf, prefix.size()));
}

bool IsUnit(std::string_view letters) {
  char buf[4];
  if (letters.empty() || !LowerInto(letters, buf, sizeof buf)) return false;
  return InList(kUnits, std::string_view(buf, letters.size()));
}

size_t FusedCut(std::string_view word) {
  char buf[8];
  if (word.size() < 2 || word.size() > sizeof buf) return 0;
  // Cheap filter on the last two letters: ...nt, ...ot, ...na, ...ta, im.
  char a = static_cast<char>(word[word.size() - 2] | 0x20);
  char b = static_cast<char>(word[word.size() - 1] | 0x20);
  if (!((b == 't' && (a == 'n' || a == 'o')) || (b == 'a' && (a == 'n' || a == 't')) ||
        (b == 'm' && a == 'i'))) {
    return 0;
  }
  LowerInto(word, buf, sizeof buf);
  std::string_view lower(buf, word.size());
  for (const Fused& f : kFused) {
    if (f.word == lower) return f.cut;
  }
  return 0;
}

size_t MatchEmoticon(std::string_view text, size_t i, size_t end, bool space_before) {
  char c = text[i];
  if (c != ':' && c != ';' && c != '^' && c != '-' && c != '=' && c != '(' && c != ')' &&
      c != '<') {
    return 0;
  }
  if (i + 1 >= end) return 0;
  std::string_view rest = text.substr(i, end - i);
  for (std::string_view e : kEmoticons) {
    if (e[0] != c || e[1] != rest[1] || rest.substr(0, e.size()) != e) continue;
    if ((e[0] == '(' || e[0] == ')') && !space_before) continue;
    if (e.size() < rest.size()) {
      char next = rest[e.size()];
      bool alnum = (next >= '0' && next <= '9') || ((next | 0x20) >= 'a' && (next | 0x20) <= 'z');
      if (alnum) continue;
    }
    return e.size();
  }
  return 0;
}

}  // namespace parley::text
