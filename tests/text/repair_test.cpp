// Tests for RepairText: each repair kind, the view/alignment invariants, and
// differential tests of the fast scanner against slow references.
#include "parley/repair.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "text/typography.h"

namespace parley {
namespace {

std::string Slice(std::string_view s, uint32_t b, uint32_t e) {
  return std::string(s.substr(b, e - b));
}

// The invariants every view must keep, whatever the input.
void ExpectWellFormed(std::string_view original, const RepairResult& r) {
  const TextView& v = r.view;
  std::string_view text = v.text();
  ASSERT_TRUE(utf8::IsValid(text));
  // The view is the original with each block swapped in, nothing else.
  std::string rebuilt;
  uint32_t o = 0;
  for (const TextView::Block& b : v.blocks()) {
    ASSERT_LE(o, b.orig_begin);
    ASSERT_LT(b.orig_begin, b.orig_end);  // repair never inserts from nothing
    ASSERT_LE(b.orig_end, original.size());
    rebuilt.append(original.substr(o, b.orig_begin - o));
    ASSERT_EQ(rebuilt.size(), b.view_begin);
    rebuilt.append(text.substr(b.view_begin, b.view_end - b.view_begin));
    o = b.orig_end;
  }
  rebuilt.append(original.substr(o));
  ASSERT_EQ(rebuilt, text);
  // Edges map monotonically into the original, and no view character maps
  // to an empty original span.
  uint32_t prev_begin = 0, prev_end = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    uint32_t ob = v.ToOriginalBegin(i), oe = v.ToOriginalEnd(i);
    ASSERT_LE(ob, original.size());
    ASSERT_LE(oe, original.size());
    ASSERT_GE(ob, prev_begin);
    ASSERT_GE(oe, prev_end);
    prev_begin = ob;
    prev_end = oe;
  }
  char32_t cp;
  for (size_t i = 0; i < text.size();) {
    auto len = static_cast<uint32_t>(utf8::Decode(text, i, &cp));
    auto a = static_cast<uint32_t>(i);
    ASSERT_LT(v.ToOriginalBegin(a), v.ToOriginalEnd(a + len)) << "view offset " << i;
    i += len;
  }
  uint32_t last = 0;
  for (const Repair& rep : r.repairs) {
    ASSERT_LE(last, rep.span.begin);
    ASSERT_LT(rep.span.begin, rep.span.end);
    ASSERT_LE(rep.span.end, original.size());
    ASSERT_TRUE(utf8::IsValid(rep.replacement));
    last = rep.span.end;
  }
}

RepairResult Check(std::string_view original, const RepairOptions& options = {}) {
  RepairResult r = RepairText(original, options);
  ExpectWellFormed(original, r);
  return r;
}

TEST(Repair, AsciiIsIdentityWithoutCopy) {
  std::string s = "The Kremlin said on Friday.\r\n\tNothing else\n";
  RepairResult r = Check(s);
  EXPECT_TRUE(r.view.identity());
  EXPECT_EQ(r.view.text().data(), s.data());
  EXPECT_TRUE(r.repairs.empty());
  EXPECT_TRUE(Check("").view.identity());
}

TEST(Repair, AHoverCardIsRemoved) {
  // A scraped page's hover card inside the sentence: the full name glued
  // to related headlines, closed by "MORE" (made-up names and headlines).
  std::string s =
      "Senator Dana Whitfield Dana Marie WhitfieldCouncil votes on budget Mayor opens "
      "\u2018new\u2019 library MORE on Monday said no. Then Ann Lee Ann Rose LeeMORE "
      "agreed.\nREAD MORE about it.";
  RepairResult r = Check(s);
  EXPECT_EQ(r.view.text(),
            "Senator Dana Whitfield on Monday said no. Then Ann Lee agreed.\nREAD MORE about it.");
  ASSERT_EQ(r.repairs.size(), 2u);
  EXPECT_EQ(r.repairs[0].reason, RepairReason::kBoilerplate);
  EXPECT_EQ(Slice(s, r.repairs[0].span.begin, r.repairs[0].span.end).substr(0, 18),
            " Dana Marie Whitfi");
  EXPECT_EQ(r.repairs[1].reason, RepairReason::kBoilerplate);
  EXPECT_EQ(std::string(RepairReasonName(r.repairs[1].reason)), "boilerplate");
  // Off when asked, and never without the glued name repeated.
  RepairOptions off;
  off.boilerplate = false;
  EXPECT_TRUE(RepairText(s, off).repairs.size() < 2);
  EXPECT_TRUE(Check("Shares rose. READ MORE at the site. LEARN MORE").repairs.empty());
  EXPECT_TRUE(Check("Dana Whitfield met JavaScript users MORE").repairs.empty());
}

TEST(Repair, PhotoCreditLinesAreRemoved) {
  // Caption lines a scraper kept (made-up photographers): whole lines go,
  // their line breaks stay; a caption word inside a sentence stays.
  std::string s =
      "Title\n\nEnlarge this image toggle caption Ana Ruiz/AP Ana Ruiz/AP\n\nThe mayor spoke.\n"
      "Image copyright Reuters Image caption The mayor at the opening\nThe image caption "
      "was wrong, she said.";
  RepairResult r = Check(s);
  EXPECT_EQ(r.view.text(),
            "Title\n\n\n\nThe mayor spoke.\n\nThe image caption was wrong, she said.");
  ASSERT_EQ(r.repairs.size(), 2u);
  EXPECT_EQ(r.repairs[0].reason, RepairReason::kBoilerplate);
  EXPECT_EQ(r.repairs[1].reason, RepairReason::kBoilerplate);
  // A line that is too long to be a credit is text.
  EXPECT_TRUE(Check("Image caption " + std::string(500, 'x')).repairs.empty());
}

TEST(Repair, CleanNonAsciiIsIdentity) {
  std::string s = "Café Zürich 5 € and Москва, Αθήνα 😀";
  RepairResult r = Check(s);
  EXPECT_TRUE(r.view.identity());
  EXPECT_TRUE(r.repairs.empty());
}

TEST(Repair, TypographyIsCanonicalInViewOnly) {
  std::string s = "“No deal” – Trump’s quote… a\u00A0b\u200Bc — «d» 5−3 ‘x’ z\u00ADy";
  RepairResult r = Check(s);
  EXPECT_EQ(r.view.text(), "\"No deal\" -- Trump's quote... a bc -- \"d\" 5-3 'x' zy");
  EXPECT_TRUE(r.repairs.empty());
  // One block per character: the block's original is exactly that character.
  for (const TextView::Block& b : r.view.blocks()) {
    std::string orig = Slice(s, b.orig_begin, b.orig_end);
    char32_t cp;
    ASSERT_EQ(utf8::Decode(orig, 0, &cp), static_cast<int>(orig.size()));
    EXPECT_EQ(text::CanonicalTypography(cp), Slice(r.view.text(), b.view_begin, b.view_end));
  }
  RepairOptions off;
  off.canonical_typography = false;
  EXPECT_TRUE(Check(s, off).view.identity());
}

TEST(Repair, KeyboardLayoutWordIsOneRepair) {
  std::string s = "Шt suggests";
  RepairResult r = Check(s);
  EXPECT_EQ(r.view.text(), "It suggests");
  ASSERT_EQ(r.repairs.size(), 1u);
  const Repair& rep = r.repairs[0];
  EXPECT_EQ(rep.span, (Span{0, 3}));
  EXPECT_EQ(s.substr(rep.span.begin, rep.span.size()), "Шt");
  EXPECT_EQ(rep.replacement, "It");
  EXPECT_EQ(rep.reason, RepairReason::kKeyboardLayout);
  // The view block covers only Ш, so "t" keeps its own alignment.
  ASSERT_EQ(r.view.blocks().size(), 1u);
  EXPECT_EQ(r.view.blocks()[0].orig_end, 2u);
  EXPECT_EQ(r.view.ToOriginalBegin(1), 2u);
}

TEST(Repair, HomoglyphWord) {
  RepairResult r = Check("Mr Рutin met");  // Cyrillic Р
  EXPECT_EQ(r.view.text(), "Mr Putin met");
  ASSERT_EQ(r.repairs.size(), 1u);
  EXPECT_EQ(r.repairs[0].span, (Span{3, 9}));
  EXPECT_EQ(r.repairs[0].replacement, "Putin");
  EXPECT_EQ(r.repairs[0].reason, RepairReason::kHomoglyph);
}

TEST(Repair, LatinLookAlikeComposesWithItsMark) {
  RepairResult r = Check("caf\u0435\u0301 au lait");  // Cyrillic е + combining acute
  EXPECT_EQ(r.view.text(), "café au lait");
  ASSERT_EQ(r.repairs.size(), 1u);
  EXPECT_EQ(r.repairs[0].replacement, "café");
  EXPECT_EQ(r.repairs[0].reason, RepairReason::kHomoglyph);
}

TEST(Repair, HyphenSplitsWords) {
  RepairResult r = Check("Мoscow-bаsed");  // Cyrillic М and а
  EXPECT_EQ(r.view.text(), "Moscow-based");
  ASSERT_EQ(r.repairs.size(), 2u);
  EXPECT_EQ(r.repairs[0].replacement, "Moscow");
  EXPECT_EQ(r.repairs[1].replacement, "based");
}

TEST(Repair, RealCyrillicAndGreekWordsAreUntouched) {
  for (std::string s : {"Москва", "Αθήνα", "Mосква", "в Anchorage", "Путин and Trump"}) {
    RepairResult r = Check(s);
    EXPECT_TRUE(r.view.identity()) << s;
    EXPECT_TRUE(r.repairs.empty()) << s;
  }
}

TEST(Repair, InvalidUtf8BecomesReplacementCharacter) {
  RepairResult r = Check(
      "a\xFF"
      "b");
  EXPECT_EQ(r.view.text(), "a\uFFFDb");
  ASSERT_EQ(r.repairs.size(), 1u);
  EXPECT_EQ(r.repairs[0].span, (Span{1, 2}));
  EXPECT_EQ(r.repairs[0].replacement, "\uFFFD");
  EXPECT_EQ(r.repairs[0].reason, RepairReason::kInvalidUtf8);

  r = Check("x\xE2\x80");  // truncated: one maximal subpart
  EXPECT_EQ(r.view.text(), "x\uFFFD");
  ASSERT_EQ(r.repairs.size(), 1u);
  EXPECT_EQ(r.repairs[0].span, (Span{1, 3}));

  r = Check("\xED\xA0\x80");  // a surrogate: three subparts
  EXPECT_EQ(r.view.text(), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(r.repairs.size(), 3u);
}

TEST(Repair, NfcComposesAndIsRecordedPerWord) {
  RepairResult r = Check("a cafe\u0301 here");
  EXPECT_EQ(r.view.text(), "a café here");
  ASSERT_EQ(r.repairs.size(), 1u);
  EXPECT_EQ(r.repairs[0].span, (Span{2, 8}));
  EXPECT_EQ(r.repairs[0].replacement, "café");
  EXPECT_EQ(r.repairs[0].reason, RepairReason::kNfc);

  EXPECT_EQ(Check("e\u0301").view.text(), "é");
  EXPECT_EQ(Check("5 \u212B").view.text(), "5 Å");           // Angstrom sign singleton
  EXPECT_EQ(Check("\u1100\u1161\u11A8").view.text(), "각");  // Hangul jamo
  EXPECT_EQ(Check("x =\u0338 y").view.text(), "x ≠ y");      // mark after a symbol
  EXPECT_EQ(Check("a\u037E").view.text(), "a;");             // Greek question mark
  RepairOptions off;
  off.nfc = false;
  EXPECT_TRUE(Check("cafe\u0301", off).view.identity());
}

TEST(Repair, ControlCharactersAreRemoved) {
  const char raw[] =
      "a\x01\x02"
      "b\x7F"
      "c\0d\u0081e\tf\r\n";
  std::string s(raw, sizeof(raw) - 1);
  RepairResult r = Check(s);
  EXPECT_EQ(r.view.text(), "abcde\tf\r\n");
  ASSERT_EQ(r.repairs.size(), 4u);
  EXPECT_EQ(r.repairs[0].span, (Span{1, 3}));  // a run is one repair
  for (const Repair& rep : r.repairs) {
    EXPECT_EQ(rep.reason, RepairReason::kControl);
    EXPECT_EQ(rep.replacement, "");
  }
}

TEST(Repair, C1ControlsReadAsWindows1252) {
  // Seen in the AllSides corpus: Windows-1252 text decoded as Latin-1.
  std::string s = "campaign\u0092s \u0093I took\u0094 it \u0096 Ko\u009Aice";
  RepairResult r = Check(s);
  EXPECT_EQ(r.view.text(), "campaign's \"I took\" it -- Košice");
  ASSERT_EQ(r.repairs.size(), 5u);
  EXPECT_EQ(r.repairs[0].span, (Span{8, 10}));
  EXPECT_EQ(r.repairs[0].replacement, "’");  // the repair names the character meant
  EXPECT_EQ(r.repairs[0].reason, RepairReason::kControl);
  EXPECT_EQ(r.repairs[4].replacement, "š");
}

TEST(Repair, AnchorageExampleHasOnlyTheKeyboardRepair) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/examples/anchorage.txt", std::ios::binary);
  ASSERT_TRUE(in) << "examples/anchorage.txt";
  std::string s{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  RepairResult r = Check(s);
  ASSERT_EQ(r.repairs.size(), 1u);
  EXPECT_EQ(Slice(s, r.repairs[0].span.begin, r.repairs[0].span.end), "Шt");
  EXPECT_EQ(r.repairs[0].replacement, "It");
  EXPECT_EQ(r.repairs[0].reason, RepairReason::kKeyboardLayout);
  EXPECT_NE(r.view.text().find("It suggests that"), std::string_view::npos);
  EXPECT_EQ(r.view.text().find("\xE2\x80\x9C"), std::string_view::npos);  // no “ left
  EXPECT_EQ(GuessLanguage(r.view.text()), "en");
}

TEST(Repair, GuessLanguage) {
  EXPECT_EQ(GuessLanguage("The president said on Friday that the talks in Alaska had been "
                          "useful, but that no deal was reached."),
            "en");
  EXPECT_EQ(GuessLanguage("Der Präsident sagte am Freitag, die Gespräche in Alaska seien "
                          "nützlich gewesen, aber es gebe keine Einigung."),
            "und");
  EXPECT_EQ(GuessLanguage("El presidente dijo el viernes que las conversaciones en Alaska "
                          "fueron útiles, pero que no hubo acuerdo a la vista."),
            "und");
  // Dutch and Portuguese share "in", "is", "a", "as" with English.
  EXPECT_EQ(GuessLanguage("De president zei vrijdag dat de gesprekken in Alaska nuttig waren, "
                          "maar dat er nog geen akkoord is. Het is een moeilijke tijd."),
            "und");
  EXPECT_EQ(GuessLanguage("O presidente disse que as conversas foram úteis, mas que ainda não "
                          "há acordo. A paz é possível, disse ele a jornalistas."),
            "und");
  EXPECT_EQ(GuessLanguage("Президент заявил в пятницу, что переговоры на Аляске были "
                          "полезными, но соглашения нет. The end."),
            "und");
  EXPECT_EQ(GuessLanguage(""), "und");
  EXPECT_EQ(GuessLanguage(std::string(10'000'000, 'x')), "und");  // bounded prefix
}

TEST(Repair, StageSetsViewRepairsAndLanguage) {
  Document doc("Шt is what the analyst said of the talks.");
  ASSERT_TRUE(RepairStage().Process(doc).ok());
  EXPECT_EQ(doc.view().text(), "It is what the analyst said of the talks.");
  EXPECT_EQ(doc.repairs().size(), 1u);
  EXPECT_EQ(doc.meta().language, "en");

  Document ascii("plain text");
  ASSERT_TRUE(RepairStage().Process(ascii).ok());
  EXPECT_EQ(ascii.view().text().data(), ascii.text().data());
}

// ---- Differential tests -------------------------------------------------

// Slow reference for everything but NFC and mixed-script repair: decode with
// Unicode's table of well-formed sequences (Table 3-7), one code point at a
// time, appending to a string.
std::string ReferenceView(std::string_view s, std::vector<Repair>* repairs) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = byte(i);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        size_t j = i;
        while (j < s.size() &&
               ((byte(j) < 0x20 && byte(j) != '\t' && byte(j) != '\n' && byte(j) != '\r') ||
                byte(j) == 0x7F)) {
          ++j;
        }
        repairs->push_back({{uint32_t(i), uint32_t(j)}, "", RepairReason::kControl});
        i = j;
      } else {
        out += static_cast<char>(c);
        ++i;
      }
      continue;
    }
    // Allowed ranges of bytes 2..4 for each lead byte.
    int len = c >= 0xC2 && c <= 0xDF   ? 2
              : c >= 0xE0 && c <= 0xEF ? 3
              : c >= 0xF0 && c <= 0xF4 ? 4
                                       : 1;
    unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    int ok = 1;  // bytes of a well-formed prefix
    while (len > 1 && ok < len && i + size_t(ok) < s.size()) {
      unsigned char b = byte(i + size_t(ok));
      if (b < (ok == 1 ? lo : 0x80) || b > (ok == 1 ? hi : 0xBF)) break;
      ++ok;
    }
    std::string_view ch = s.substr(i, size_t(ok));
    if (len == 1 || ok < len) {
      out += "\uFFFD";
      repairs->push_back(
          {{uint32_t(i), uint32_t(i + size_t(ok))}, "\uFFFD", RepairReason::kInvalidUtf8});
    } else {
      char32_t cp = byte(i) & (0x7Fu >> len);
      for (size_t k = 1; k < ch.size(); ++k) cp = (cp << 6) | (byte(i + k) & 0x3Fu);
      if (cp <= 0x9F) {
        std::string meant;
        if (char32_t m = text::Windows1252ForC1(cp)) utf8::Append(&meant, m);
        auto t = text::CanonicalTypography(text::Windows1252ForC1(cp));
        out += t ? std::string(*t) : meant;
        repairs->push_back({{uint32_t(i), uint32_t(i + ch.size())}, meant, RepairReason::kControl});
      } else if (auto t = text::CanonicalTypography(cp)) {
        out += *t;
      } else {
        out += ch;
      }
    }
    i += size_t(ok);
  }
  return out;
}

// Random strings built from pieces that exercise every path, plus raw bytes.
std::string RandomText(std::mt19937& rng, const std::vector<std::string>& pieces) {
  std::string s;
  int n = int(rng() % 40);
  for (int k = 0; k < n; ++k) {
    if (rng() % 8 == 0) {
      s += static_cast<char>(rng() % 256);
    } else {
      s += pieces[rng() % pieces.size()];
    }
  }
  return s;
}

TEST(Repair, MatchesSlowReferenceOnRandomBytes) {
  const std::vector<std::string> pieces = {"a",
                                           "Zq",
                                           " ",
                                           "the ",
                                           "\n",
                                           "\t",
                                           "\r\n",
                                           std::string(1, '\0'),
                                           "\x01",
                                           "\x7F",
                                           "\xFF",
                                           "\xC2",
                                           "\x80",
                                           "\xE2\x80",
                                           "\xED\xA0\x80",
                                           "\xF4\x90\x80\x80",
                                           "\xC2\x85",
                                           "\xC2\x81",
                                           "’",
                                           "“",
                                           "—",
                                           "…",
                                           "\u00A0",
                                           "\u200B",
                                           "\uFEFF",
                                           "é",
                                           "Ш",
                                           "€",
                                           "😀",
                                           "0123456789abcdefghij"};
  RepairOptions opts;
  opts.nfc = false;
  opts.mixed_script = false;
  std::mt19937 rng(20250816);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s = RandomText(rng, pieces);
    std::vector<Repair> want;
    std::string want_view = ReferenceView(s, &want);
    RepairResult r = Check(s, opts);
    ASSERT_EQ(r.view.text(), want_view) << testing::PrintToString(s);
    ASSERT_EQ(r.repairs.size(), want.size()) << testing::PrintToString(s);
    for (size_t k = 0; k < want.size(); ++k) {
      EXPECT_EQ(r.repairs[k].span, want[k].span);
      EXPECT_EQ(r.repairs[k].reason, want[k].reason);
      EXPECT_EQ(r.repairs[k].replacement, want[k].replacement);
    }
    // With every repair on, the invariants still hold.
    Check(s);
  }
}

TEST(Repair, NfcMatchesWholeTextNormalisation) {
  const std::vector<std::string> pieces = {
      "a",      "e",      "Z",      " ",      "=",      ";",      "-",      "é",
      "\u0301", "\u0323", "\u0338", "\u0344", "\u212B", "\u2126", "\u1100", "\u1161",
      "\u11A8", "가",     "\u037E", "©",      "Ш",      "ά",      "\u0306", "и"};
  RepairOptions opts;
  opts.mixed_script = false;
  opts.canonical_typography = false;
  std::mt19937 rng(7);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    for (int k = int(rng() % 12); k > 0; --k) s += pieces[rng() % pieces.size()];
    utf8proc_uint8_t* dst = nullptr;
    auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                            static_cast<utf8proc_ssize_t>(s.size()), &dst,
                            static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    ASSERT_GE(len, 0);
    std::string want(reinterpret_cast<char*>(dst), static_cast<size_t>(len));
    std::free(dst);
    RepairResult r = Check(s, opts);
    ASSERT_EQ(r.view.text(), want) << testing::PrintToString(s);
    for (const Repair& rep : r.repairs) EXPECT_EQ(rep.reason, RepairReason::kNfc);
  }
}

TEST(Repair, RepairingTheViewAgainChangesNothing) {
  // Holds for text without controls or zero-width characters; removing those
  // can join two words, which a second pass then judges as one.
  const std::vector<std::string> pieces = {
      "a", "t",      "Ab",     " ",      "-",        "Ш",      "Р",      "е",      "α",
      "Ω", "\u0301", "\u0340", "\u0308", "\u212B",   "\u1100", "\u1161", "\u11A8", "’",
      "—", "…",      "\u00A0", "\xFF",   "\xE2\x80", "é",      "中"};
  std::mt19937 rng(99);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    for (int k = int(rng() % 16); k > 0; --k) s += pieces[rng() % pieces.size()];
    RepairResult r = Check(s);
    std::string view(r.view.text());
    RepairResult again = RepairText(view);
    ASSERT_EQ(again.view.text(), view) << testing::PrintToString(s);
  }
}

}  // namespace
}  // namespace parley
