#include "quotes/quote_marks.h"

#include <algorithm>
#include <string_view>

namespace parley::quotes {
namespace {

enum class Role : uint8_t { kOpen, kClose, kEither };

struct Mark {
  uint32_t begin = 0, end = 0;
  Role role = Role::kOpen;
  bool single = false;
  bool straight = false;
  bool low = false;  // „ or ‚ (German-style opening, closed by “ or ‘)
};

bool IsSpaceOrOpenPunct(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '[' || c == '{' ||
         c == '-' || c == '/';
}
bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
// A byte that starts or continues a letter: ASCII alphanumerics and any
// non-ASCII byte except the punctuation marks handled here (close enough
// for deciding apostrophes).
bool IsWordByte(unsigned char c) {
  return IsAsciiAlnum(c) || c >= 0xC3;
}

// Quotation marks of the paragraph [begin, end), classified.
std::vector<Mark> ScanMarks(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Mark> marks;
  for (uint32_t i = begin; i < end; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const unsigned char prev = i > begin ? static_cast<unsigned char>(text[i - 1]) : ' ';
    // Markup left in the text ("<tweet author=\"…\">"): its attribute
    // quotes are no quotation marks; the tag is skipped whole.
    const unsigned char after = i + 1 < end ? static_cast<unsigned char>(text[i + 1]) : ' ';
    if (c == '<' && (after == '/' || ((after | 0x20) >= 'a' && (after | 0x20) <= 'z'))) {
      const size_t close = text.find('>', i + 1);
      if (close != std::string_view::npos && close < end) {
        i = static_cast<uint32_t>(close);
        continue;
      }
    }
    Mark m;
    m.begin = i;
    if (c == '"') {
      m.end = i + 1;
      m.straight = true;
      const unsigned char next = i + 1 < end ? static_cast<unsigned char>(text[i + 1]) : ' ';
      if (IsSpaceOrOpenPunct(prev) && !(next == ' ' || next == '\n' || next == '\r'))
        m.role = Role::kOpen;
      else if (!IsSpaceOrOpenPunct(prev))
        m.role = Role::kClose;
      else
        m.role = Role::kEither;
      marks.push_back(m);
      continue;
    }
    if ((c == '\'' || c == '`') && i + 1 < end && text[i + 1] == static_cast<char>(c)) {
      // '' and `` as double marks (typewriter style: ``…'' or ''…'').
      m.end = i + 2;
      m.straight = c == '\'';
      const unsigned char next = i + 2 < end ? static_cast<unsigned char>(text[i + 2]) : ' ';
      if (c == '`' || (IsSpaceOrOpenPunct(prev) && !(next == ' ' || next == '\n')))
        m.role = Role::kOpen;
      else if (!IsSpaceOrOpenPunct(prev))
        m.role = Role::kClose;
      else
        m.role = Role::kEither;
      marks.push_back(m);
      ++i;
      continue;
    }
    if (c == '\'') {
      // Straight single marks count only where they cannot be apostrophes.
      const unsigned char next = i + 1 < end ? static_cast<unsigned char>(text[i + 1]) : ' ';
      if (IsWordByte(prev) && IsWordByte(next)) continue;
      m.end = i + 1;
      m.single = m.straight = true;
      if (IsSpaceOrOpenPunct(prev) && IsWordByte(next))
        m.role = Role::kOpen;
      else if (!IsSpaceOrOpenPunct(prev) && !IsWordByte(next))
        m.role = Role::kClose;
      else
        continue;
      marks.push_back(m);
      continue;
    }
    if (c == 0xC2 && i + 1 < end) {
      const unsigned char d = static_cast<unsigned char>(text[i + 1]);
      if (d == 0xAB || d == 0xBB) {  // « »
        m.end = i + 2;
        m.role = d == 0xAB ? Role::kOpen : Role::kClose;
        marks.push_back(m);
        i += 1;
      }
      continue;
    }
    if (c == 0xE2 && i + 2 < end && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(text[i + 2]);
      m.end = i + 3;
      switch (d) {
        case 0x9C: m.role = Role::kOpen; break;  // “
        case 0x9D: {  // ”, or an opening mark typed the wrong way round:
                      // "a focus group—”I’m working …”" (after a space or a
                      // dash and right before a word)
          const unsigned char next = i + 3 < end ? static_cast<unsigned char>(text[i + 3]) : ' ';
          const bool after_dash =
              i >= begin + 3 && static_cast<unsigned char>(text[i - 3]) == 0xE2 &&
              static_cast<unsigned char>(text[i - 2]) == 0x80 && (prev == 0x93 || prev == 0x94);
          const bool opens = IsWordByte(next) && (IsSpaceOrOpenPunct(prev) || after_dash);
          m.role = opens ? Role::kOpen : Role::kClose;
          break;
        }
        case 0x9E:
          m.role = Role::kOpen;
          m.low = true;
          break;                                 // „
        case 0x9F: m.role = Role::kOpen; break;  // ‟
        case 0x98:
          m.role = Role::kOpen;
          m.single = true;
          break;  // ‘
        case 0x9A:
          m.role = Role::kOpen;
          m.single = m.low = true;
          break;  // ‚
        case 0xB9:
          m.role = Role::kOpen;
          m.single = true;
          break;  // ‹
        case 0xBA:
          m.role = Role::kClose;
          m.single = true;
          break;      // ›
        case 0x99: {  // ’: a closing single mark only where it is no apostrophe
          const unsigned char next = i + 3 < end ? static_cast<unsigned char>(text[i + 3]) : ' ';
          if (IsWordByte(next)) {
            i += 2;
            continue;
          }
          m.role = Role::kClose;
          m.single = true;
          break;
        }
        default: continue;
      }
      marks.push_back(m);
      i += 2;
    }
  }
  return marks;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

Span TrimSpan(std::string_view text, Span s) {
  while (s.begin < s.end && IsSpace(text[s.begin])) ++s.begin;
  while (s.end > s.begin && IsSpace(text[s.end - 1])) --s.end;
  return s;
}

}  // namespace

std::vector<MarkedQuote> FindMarkedQuotes(const Document& doc) {
  const std::string_view text = doc.text();
  std::vector<MarkedQuote> out;
  const auto& paragraphs = doc.paragraphs();
  // An opening double mark left open at the end of a paragraph whose next
  // paragraph reopens the quote: the quote continues there.
  bool carry = false;
  Span carry_open;
  uint32_t carry_begin = 0;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    const Span para = paragraphs[p].span;
    std::vector<Mark> marks = ScanMarks(text, para.begin, para.end);
    struct Open {
      Mark mark;
      uint32_t content_begin;
      Span open_span;
    };
    std::vector<Open> stack;
    size_t k = 0;
    if (carry) {
      // The continuation paragraph starts with an opening mark (consumed),
      // or the quote simply goes on.
      Open o;
      o.mark.role = Role::kOpen;
      o.content_begin = carry_begin;
      o.open_span = carry_open;
      if (!marks.empty() && marks[0].role != Role::kClose && !marks[0].single &&
          TrimSpan(text, {para.begin, marks[0].begin}).empty()) {
        k = 1;
      }
      stack.push_back(o);
      carry = false;
    }
    for (; k < marks.size(); ++k) {
      const Mark& m = marks[k];
      Role role = m.role;
      if (role == Role::kEither) {
        const bool open_straight =
            !stack.empty() && stack.back().mark.straight && stack.back().mark.single == m.single;
        role = open_straight ? Role::kClose : Role::kOpen;
      }
      // “ closes a quote opened by „ (German style).
      if (role == Role::kOpen && !stack.empty() && stack.back().mark.low &&
          stack.back().mark.single == m.single && !m.low && !m.straight) {
        role = Role::kClose;
      }
      if (role == Role::kOpen && m.single && stack.empty() && m.straight) continue;
      if (role == Role::kOpen) {
        stack.push_back({m, m.end, {m.begin, m.end}});
        continue;
      }
      // A closing mark: find the open mark of the same kind.
      int match = -1;
      for (int j = static_cast<int>(stack.size()) - 1; j >= 0; --j) {
        if (stack[j].mark.single == m.single) {
          match = j;
          break;
        }
      }
      if (match < 0) {
        if (m.single) continue;  // an apostrophe after all
        // A closing mark with no opening one: the quote runs from the
        // paragraph start (the opening mark is missing).
        MarkedQuote q;
        q.content = TrimSpan(text, {para.begin, m.begin});
        q.close_mark = {m.begin, m.end};
        if (!q.content.empty()) out.push_back(q);
        continue;
      }
      MarkedQuote q;
      q.content = TrimSpan(text, {stack[match].content_begin, m.begin});
      q.open_mark = stack[match].open_span;
      q.close_mark = {m.begin, m.end};
      q.single = m.single;
      stack.resize(match);
      if (!q.content.empty()) out.push_back(q);
    }
    // Marks left open at the paragraph end.
    if (!stack.empty()) {
      const Open& outer = stack.front();
      if (!outer.mark.single) {
        // Does the next paragraph reopen the quote?
        bool reopened = false;
        if (p + 1 < paragraphs.size()) {
          const Span next = paragraphs[p + 1].span;
          std::vector<Mark> nm = ScanMarks(text, next.begin, std::min(next.end, next.begin + 8));
          // Only a mark of the same style reopens: a straight mark left open
          // (a pasted block quote's paragraph marker) followed by a curly
          // one is a new quote, not its continuation.
          reopened = !nm.empty() && nm[0].role != Role::kClose && !nm[0].single &&
                     nm[0].straight == outer.mark.straight &&
                     TrimSpan(text, {next.begin, nm[0].begin}).empty();
        }
        if (reopened) {
          carry = true;
          carry_begin = outer.content_begin;
          carry_open = outer.open_span;
        } else {
          // The closing mark is missing: the quote runs to the paragraph end.
          MarkedQuote q;
          q.content = TrimSpan(text, {outer.content_begin, para.end});
          q.open_mark = outer.open_span;
          if (!q.content.empty()) out.push_back(q);
        }
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const MarkedQuote& a, const MarkedQuote& b) {
    if (a.content.begin != b.content.begin) return a.content.begin < b.content.begin;
    return a.content.end > b.content.end;
  });
  // Nesting: the smallest earlier quote that encloses this one.
  for (size_t i = 0; i < out.size(); ++i) {
    for (size_t j = i; j-- > 0;) {
      if (out[j].content.begin <= out[i].content.begin &&
          out[i].content.end <= out[j].content.end) {
        out[i].nested_in = static_cast<int32_t>(j);
        break;
      }
    }
  }
  return out;
}

}  // namespace parley::quotes
