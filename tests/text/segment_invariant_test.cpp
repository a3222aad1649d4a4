// Invariants of SegmentText on fixed, repaired and random inputs:
//  * tokens are non-empty, sorted, non-overlapping, inside the text, and
//    never contain whitespace; view offsets map back to original offsets;
//    space_after says whether whitespace follows in the original
//  * sentences cover their tokens exactly and, in order, all tokens
//  * paragraphs cover their sentences and, in order, all sentences
// Random bytes go through RepairText + SegmentText and must never crash.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "text/segment_test_util.h"

namespace parley {
namespace {

// Reference whitespace test, independent of the tokenizer's byte tables:
// Unicode White_Space by code point.
bool IsWhitespaceCodePoint(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool ContainsWhitespace(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c;
    int n = utf8::Decode(s, i, &c);
    if (n == 0) {
      ++i;
      continue;
    }
    if (IsWhitespaceCodePoint(c)) return true;
    i += static_cast<size_t>(n);
  }
  return false;
}

bool WhitespaceAt(std::string_view s, size_t i) {
  char32_t c;
  return i < s.size() && utf8::Decode(s, i, &c) != 0 && IsWhitespaceCodePoint(c);
}

bool NearBlock(const TextView& view, uint32_t b, uint32_t e) {
  for (const TextView::Block& blk : view.blocks()) {
    if (blk.orig_begin <= e && blk.orig_end >= b) return true;
  }
  return false;
}

void CheckInvariants(std::string_view original, const TextView& view, const Segmentation& seg) {
  const TokenColumns& t = seg.tokens;
  ASSERT_EQ(t.end.size(), t.size());
  ASSERT_EQ(t.vbegin.size(), t.size());
  ASSERT_EQ(t.vend.size(), t.size());
  ASSERT_EQ(t.space_after.size(), t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    ASSERT_LT(t.begin[i], t.end[i]) << "empty token " << i;
    ASSERT_LE(t.end[i], original.size());
    if (i > 0) {
      ASSERT_LE(t.end[i - 1], t.begin[i]) << "overlap at token " << i;
    }
    std::string_view surface = original.substr(t.begin[i], t.end[i] - t.begin[i]);
    ASSERT_FALSE(ContainsWhitespace(surface)) << "token " << i << " '" << surface << "'";
    ASSERT_LT(t.vbegin[i], t.vend[i]);
    ASSERT_LE(t.vend[i], view.text().size());
    ASSERT_EQ(t.space_after[i], WhitespaceAt(original, t.end[i]) ? 1 : 0) << "token " << i;
    // Offsets are the view's alignment of the view token (a differential
    // test of the segmenter's forward mapper against TextView), except next
    // to a replaced block: two view tokens it straddles become one, and an
    // original span holding whitespace the view dropped is cut there.
    if (t.begin[i] != view.ToOriginalBegin(t.vbegin[i]) ||
        t.end[i] != view.ToOriginalEnd(t.vend[i])) {
      EXPECT_TRUE(NearBlock(view, t.begin[i], t.end[i])) << "token " << i;
    }
  }
  uint32_t next_token = 0;
  for (const Sentence& s : seg.sentences) {
    ASSERT_EQ(s.token_begin, next_token) << "sentences must cover all tokens in order";
    ASSERT_LT(s.token_begin, s.token_end);
    ASSERT_LE(s.token_end, t.size());
    EXPECT_EQ(s.span.begin, t.begin[s.token_begin]);
    EXPECT_EQ(s.span.end, t.end[s.token_end - 1]);
    next_token = s.token_end;
  }
  ASSERT_EQ(next_token, t.size());
  uint32_t next_sentence = 0, last_end = 0;
  for (const Paragraph& p : seg.paragraphs) {
    ASSERT_EQ(p.sentence_begin, next_sentence) << "paragraphs must cover all sentences";
    ASSERT_LT(p.sentence_begin, p.sentence_end);
    ASSERT_LE(p.sentence_end, seg.sentences.size());
    EXPECT_LE(last_end, p.span.begin);
    EXPECT_LE(p.span.begin, seg.sentences[p.sentence_begin].span.begin);
    EXPECT_GE(p.span.end, seg.sentences[p.sentence_end - 1].span.end);
    std::string_view text = original.substr(p.span.begin, p.span.size());
    EXPECT_FALSE(text.empty() || WhitespaceAt(text, 0)) << "paragraph starts with whitespace";
    next_sentence = p.sentence_end;
    last_end = p.span.end;
  }
  ASSERT_EQ(next_sentence, seg.sentences.size());
}

void CheckText(const std::string& text) {
  SCOPED_TRACE(::testing::Message() << "text: '" << text << "'");
  Segmentation raw = testing::SegmentRaw(text);
  CheckInvariants(text, TextView::Identity(text), raw);
  auto r = testing::SegmentRepaired(text);
  CheckInvariants(text, r.repair.view, r.seg);
}

TEST(SegmentInvariants, HoldOnFixedTexts) {
  const char* texts[] = {
      "",
      "   ",
      "Hello.",
      "\u201cNo deal\u201d \u2013 Trump\u2019s key quote\u2026 It failed.\n\nNext.",
      "Mr. Smith paid $20 (3.5%) at 10:30 a.m. on 9/11. See https://x.org/a?b=c.",
      "a\u200bb \u00a0 c\u00ad d\r\ne\n\n\n f",
      "\xff\xfe bad \xc3 bytes \xe2\x80",
      "Ok :) \U0001F44D\U0001F3FD emoji \u2764\ufe0f fine!!!",
      "\u0428t suggests \u0441\u0430t on the m\u0430t.",
  };
  for (const char* t : texts) CheckText(t);
}

TEST(SegmentInvariants, HoldOnAViewWithReplacedBlocks) {
  // A hand-built view: curly quotes become ASCII, a zero-width space is
  // deleted, an ellipsis becomes three dots, "\u2014" becomes "--".
  std::string text = "\u201cYes\u201d\u2014he said\u2026 so\u200b-called";
  TextView::Builder b(text);
  b.Replace(0, 3, "\"");
  b.Replace(6, 9, "\"");
  b.Replace(9, 12, "--");
  b.Replace(19, 22, "...");
  b.Replace(25, 28, "");
  TextView view = std::move(b).Finish();
  ASSERT_EQ(view.text(), "\"Yes\"--he said... so-called");
  Segmentation seg = SegmentText(text, view);
  CheckInvariants(text, view, seg);
  EXPECT_EQ(testing::JoinTokens(text, seg.tokens, 0, seg.tokens.size()),
            "\u201c Yes \u201d \u2014 he said \u2026 so - called");
}

// Random strings over an alphabet that stresses the scanner: ASCII words,
// punctuation, whitespace, multi-byte letters and symbols, broken UTF-8.
std::string RandomText(std::mt19937& rng) {
  static const char* const kPieces[] = {
      "a",          "Z",          "the",    "U.S.",   "n't",      "'s",      "'",      "\"",
      ".",          "..",         "!",      "?",      ",",        ":",       ";",      "-",
      "--",         "(",          ")",      "@",      "#",        "$",       "%",      "&",
      "/",          "_",          "1",      "10",     "3.5",      "1,000",   " ",      " ",
      " ",          "\n",         "\n\n",   "\t",     "\r\n",     "\u00a0",  "\u200b", "\u00ad",
      "\u201c",     "\u201d",     "\u2019", "\u2013", "\u2026",   "\u00e9",  "\u0428", "\u6771",
      "\U0001F44D", "\U0001F3FD", "\ufe0f", "\u200d", "\u0301",   "http://", "www.",   "Mr.",
      "e.g.",       ":)",         "\xff",   "\xc3",   "\xe2\x80", "\x01",    "\x7f",
  };
  std::uniform_int_distribution<size_t> len(0, 60), piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> byte(0, 255), coin(0, 9);
  std::string s;
  size_t n = len(rng);
  for (size_t i = 0; i < n; ++i) {
    if (coin(rng) == 0) {
      s += static_cast<char>(byte(rng));
    } else {
      s += kPieces[piece(rng)];
    }
  }
  return s;
}

TEST(SegmentInvariants, HoldOnRandomInputs) {
  std::mt19937 rng(20250816);
  for (int i = 0; i < 3000; ++i) {
    CheckText(RandomText(rng));
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(SegmentInvariants, HoldOnRandomBytes) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<size_t> len(0, 200);
  for (int i = 0; i < 2000; ++i) {
    std::string s(len(rng), '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    CheckText(s);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace parley
