// FindHoverCards, FindCaptionLines (see boilerplate.h).
#include "text/boilerplate.h"

#include <algorithm>
#include <iterator>

namespace parley::text {
namespace {

bool IsLower(char c) {
  return c >= 'a' && c <= 'z';
}
bool IsUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool IsSpace(char c) {
  return c == ' ' || c == '\t';
}

struct Word {
  size_t begin, end;
};

// Words (runs of non-space bytes) of text[from, to), no newline inside.
std::vector<Word> Words(std::string_view text, size_t from, size_t to) {
  std::vector<Word> out;
  size_t i = from;
  while (i < to) {
    while (i < to && IsSpace(text[i])) ++i;
    const size_t b = i;
    while (i < to && !IsSpace(text[i])) ++i;
    if (i > b) out.push_back({b, i});
  }
  return out;
}

constexpr size_t kMaxCard = 700;     // bytes from the glued name to "MORE"
constexpr size_t kMaxNameWords = 6;  // words between the name as written and the glued one

}  // namespace

std::vector<std::pair<size_t, size_t>> FindHoverCards(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t done = 0;  // cards never overlap: search on after the last one
  for (size_t at = text.find("MORE"); at != std::string_view::npos;
       at = text.find("MORE", at + 1)) {
    const size_t more_end = at + 4;
    // "MORE" ends a word, after a space or glued to the name itself when
    // the card has no headlines ("John Francis KellyMORE").
    if (more_end < text.size() && (IsUpper(text[more_end]) || IsLower(text[more_end]))) continue;
    if (at == 0 || !(IsSpace(text[at - 1]) || IsLower(text[at - 1]))) continue;
    // The line's words before it, within reach.
    size_t from = at > kMaxCard ? at - kMaxCard : 0;
    from = std::max(from, done);
    const size_t nl = text.rfind('\n', at);
    if (nl != std::string_view::npos && nl + 1 > from) from = nl + 1;
    if (from >= at) continue;
    const std::vector<Word> words = Words(text, from, more_end);
    // The first word glued to the next ("TrumpGOP", "NewmanAuthor") whose
    // first part stands alone a few words before: the name as written.
    bool found = false;
    for (size_t k = 1; k < words.size() && !found; ++k) {
      const std::string_view w = text.substr(words[k].begin, words[k].end - words[k].begin);
      for (size_t g = 2; g < w.size() && !found; ++g) {
        const char next = w[g];
        if (!IsLower(w[g - 1]) ||
            !(IsUpper(next) || (next >= '0' && next <= '9') || next == '\'')) {
          continue;
        }
        const std::string_view name = w.substr(0, g);
        if (!IsUpper(name[0])) break;
        // The same word alone among the few words before (the nearest).
        for (size_t j = k; j-- > 0 && j + kMaxNameWords + 1 > k;) {
          const std::string_view v = text.substr(words[j].begin, words[j].end - words[j].begin);
          if (v != name) continue;
          out.emplace_back(words[j].end, more_end);
          done = more_end;
          found = true;
          break;
        }
      }
    }
  }
  return out;
}

std::vector<std::pair<size_t, size_t>> FindCaptionLines(std::string_view text) {
  static constexpr std::string_view kOpenings[] = {"Enlarge this image", "toggle caption",
                                                   "Image copyright", "Image caption"};
  constexpr size_t kMaxLine = 400;
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    size_t b = begin;
    while (b < end && IsSpace(text[b])) ++b;
    size_t e = end;
    while (e > b && (IsSpace(text[e - 1]) || text[e - 1] == '\r')) --e;
    if (e > b && e - b <= kMaxLine) {
      const std::string_view line = text.substr(b, e - b);
      if (std::any_of(std::begin(kOpenings), std::end(kOpenings),
                      [line](std::string_view o) { return line.starts_with(o); })) {
        out.emplace_back(b, e);
      }
    }
    begin = end + 1;
  }
  return out;
}

std::vector<std::pair<size_t, size_t>> MergeRanges(
    std::vector<std::pair<size_t, size_t>> a, const std::vector<std::pair<size_t, size_t>>& b) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end());
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& r : a) {
    if (!out.empty() && r.first < out.back().second) {
      out.back().second = std::max(out.back().second, r.second);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace parley::text
