#include "text/typography.h"

namespace parley::text {

std::optional<std::string_view> CanonicalTypography(char32_t cp) {
  // Everything below U+00A0 is ASCII or a control character; controls are
  // the repair loop's business, and ASCII is already canonical.
  if (cp < 0xA0) return std::nullopt;
  switch (cp) {
    // Single quotes and primes. The prime is mostly a mistyped apostrophe in
    // news copy ("the 1990′s"); feet/minutes read the same with '.
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
    case 0x201B:  // ‛
    case 0x2032:  // ′
    case 0x2039:  // ‹
    case 0x203A:  // ›
      return "'";
    // Double quotes, double prime and guillemets: the quote stage looks for
    // one quotation mark instead of nine.
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
    case 0x2033:  // ″
    case 0x00AB:  // «
    case 0x00BB:  // »
      return "\"";
    // Dashes become the typewriter "--", so a dash never reads as the
    // word-internal hyphen of "Moscow-based".
    case 0x2012:  // ‒ figure dash
    case 0x2013:  // – en dash
    case 0x2014:  // — em dash
    case 0x2015:  // ― horizontal bar
      return "--";
    // Hyphens and the minus sign do join words or signs to numbers.
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2212:  // − minus sign
      return "-";
    case 0x2026:  // …
      return "...";
    // Spaces of every width are one space to the segmenter.
    case 0x00A0:  // no-break space
    case 0x202F:  // narrow no-break space
    case 0x205F:  // medium mathematical space
    case 0x3000:  // ideographic space
      return " ";
    // Invisible characters that only steer rendering or line breaking; left
    // in the view they would split or glue words unpredictably.
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // byte order mark / zero-width no-break space
      return "";
    default: break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return " ";  // en quad .. hair space
  return std::nullopt;
}

char32_t Windows1252ForC1(char32_t cp) {
  static constexpr char32_t kTable[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
  };
  return cp >= 0x80 && cp <= 0x9F ? kTable[cp - 0x80] : 0;
}

}  // namespace parley::text
