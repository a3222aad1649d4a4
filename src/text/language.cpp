// GuessLanguage: a cheap "is this English?" check for the repair stage.
//
// The pipeline only models English, so the question that matters is whether
// to trust the English models on a document, not which language it is. A
// share of English function words answers that robustly and in microseconds;
// looking at a bounded prefix keeps it cheap on huge inputs.
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "core/utf8.h"
#include "parley/repair.h"
#include "text/mixed_script.h"

namespace parley {
namespace {

// 4 KB is several hundred words: plenty to tell English from other text.
constexpr size_t kMaxBytes = 4 * 1024;
constexpr uint32_t kMaxWords = 600;

// Frequent English words that are not also frequent words of another
// Latin-script language. Short ones like "a", "in", "is", "to", "on", "was"
// are left out on purpose: they are Romance, German, Dutch or Slavic words
// too, and with them Dutch or Portuguese news scores over 10%.
constexpr auto kFunctionWords = std::to_array<std::string_view>({
    "about", "after", "also",  "and",  "are",  "been",  "but",   "can",  "could", "from",
    "had",   "has",   "he",    "his",  "into", "it",    "its",   "more", "not",   "of",
    "said",  "she",   "than",  "that", "the",  "their", "there", "they", "this",  "were",
    "what",  "when",  "which", "who",  "with", "would", "you",
});

// A lowercase ASCII word of up to 5 letters packed into an integer, looked
// up in a small open-addressing table: a binary search would mispredict a
// branch at nearly every step, and this runs once per word.
constexpr uint64_t Pack(std::string_view w) {
  uint64_t k = 0;
  for (char c : w) k = (k << 8) | static_cast<unsigned char>(c);
  return k;
}
constexpr size_t Slot(uint64_t packed) {
  return (packed * 0x9E3779B97F4A7C15ull) >> 56;
}

constexpr auto kFunctionWordTable = [] {
  std::array<uint64_t, 256> t{};  // 0: empty (no word packs to 0)
  for (std::string_view w : kFunctionWords) {
    size_t h = Slot(Pack(w));
    while (t[h] != 0) h = (h + 1) & 255;
    t[h] = Pack(w);
  }
  return t;
}();

bool IsFunctionWord(uint64_t packed) {
  for (size_t h = Slot(packed);; h = (h + 1) & 255) {
    if (kFunctionWordTable[h] == packed) return true;
    if (kFunctionWordTable[h] == 0) return false;
  }
}

bool IsAsciiLetter(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

bool IsLetter(char32_t cp) {
  auto cat = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->category;
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

}  // namespace

std::string_view GuessLanguage(std::string_view text) {
  text = text.substr(0, std::min(text.size(), kMaxBytes));
  uint32_t latin_letters = 0, other_letters = 0, words = 0, function_words = 0;
  // The word being read: its length and, while it is ASCII, its lowercase
  // letters packed (only words of up to 5 letters are looked up).
  uint64_t packed = 0;
  size_t word_len = 0;
  bool word_ascii = true;
  auto end_word = [&] {
    if (word_len == 0) return;
    ++words;
    if (word_ascii && word_len <= 5 && IsFunctionWord(packed)) ++function_words;
    word_len = 0;
    word_ascii = true;
    packed = 0;
  };
  for (size_t i = 0; i < text.size() && words < kMaxWords;) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      if (IsAsciiLetter(c)) {
        ++latin_letters;
        packed = (packed << 8) | (c | 0x20u);
        ++word_len;
      } else {
        end_word();
      }
      continue;
    }
    char32_t cp = utf8::kReplacement;
    int len = utf8::Decode(text, i, &cp);
    i += len > 0 ? static_cast<size_t>(len) : 1;
    if (IsLetter(cp)) {
      ++(text::ScriptOf(cp) == text::Script::kLatin ? latin_letters : other_letters);
      ++word_len;
      word_ascii = false;
    } else {
      end_word();
    }
  }
  end_word();
  // Mostly Latin letters, and at least 5% of the words from the list. On
  // the first 50 MB of the AllSides corpus the lowest English article (a
  // bare list of names) scores 6.3% and the median 22.5%; German, French,
  // Spanish, Italian, Dutch and Portuguese news score about 0%.
  if (latin_letters == 0 || latin_letters < 3 * other_letters) return "und";
  if (function_words * 100 < words * 5) return "und";
  return "en";
}

}  // namespace parley
