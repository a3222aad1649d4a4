// Text repair: builds a document's processing view and records repairs.
//
//  * invalid UTF-8 bytes -> U+FFFD (repair kInvalidUtf8)
//  * C0 control characters other than \t \n \r -> removed (kControl); C1
//    controls read as the Windows-1252 character they almost always stand
//    for (U+0092 -> ’), or are removed where Windows-1252 has none (kControl)
//  * Unicode NFC (kNfc)
//  * mixed-script words: Cyrillic/Greek letters inside a Latin word become the
//    Latin letter they look like (kHomoglyph) or the one on the same key of a
//    QWERTY keyboard (kKeyboardLayout, "Шt" -> "It"); real Cyrillic or Greek
//    words are never touched
//  * typographic variants made canonical in the view only (not recorded as
//    repairs): curly quotes -> ' ", primes -> ' ", en/em dashes -> "--",
//    ellipsis -> "...", no-break and other spaces -> " ", zero-width
//    characters and soft hyphens removed.
#pragma once

#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/stage.h"
#include "parley/text_view.h"

namespace parley {

struct RepairOptions {
  bool nfc = true;
  bool mixed_script = true;
  bool canonical_typography = true;
  bool boilerplate = true;  // remove web hover cards ("… Donald John TrumpGOP … MORE")
};

struct RepairResult {
  TextView view;
  std::vector<Repair> repairs;  // sorted by span.begin
};

// Pure: computes the view and repairs for `original`. The returned view may
// refer to `original` (identity view), so keep `original` alive.
RepairResult RepairText(std::string_view original, const RepairOptions& options = {});

// A guess at the language of a processing view: "en" or "und".
std::string_view GuessLanguage(std::string_view view_text);

// Stage wrapper: sets the document's view, repairs and meta.language.
class RepairStage : public Stage {
 public:
  explicit RepairStage(RepairOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "repair"; }
  uint32_t requires_annotations() const override { return 0; }
  uint32_t provides_annotations() const override { return kAnnView; }
  Status Process(Document& doc) const override;

 private:
  RepairOptions options_;
};

}  // namespace parley
