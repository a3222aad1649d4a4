// The example article through `parley extract --format json`: the document
// facts of ../shared/golden/anchorage.expected.json (date, paragraphs, the
// repair) and the offset invariant, checked on the record a user sees.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "cli/cli_runner.h"

namespace parley {
namespace {

using testing::RunParley;
using testing::SourcePath;

class GoldenDocument : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = RunParley("extract -q --format json " + SourcePath("examples/anchorage.txt"));
    ASSERT_EQ(result_.exit_code, 0) << result_.err;
    ASSERT_FALSE(parser_.parse(result_.out).get(rec_));
  }
  testing::CliResult result_;
  simdjson::dom::parser parser_;
  simdjson::dom::element rec_;
};

TEST_F(GoldenDocument, DateAndParagraphs) {
  EXPECT_EQ(std::string_view(rec_["meta"]["date"]), "2025-08-16");
  EXPECT_EQ(simdjson::dom::array(rec_["paragraphs"]).size(), 11u);
  EXPECT_EQ(std::string_view(rec_["meta"]["language"]), "en");
}

TEST_F(GoldenDocument, KeyboardLayoutRepairKeepsOriginalOffsets) {
  std::string_view text = rec_["text"];
  simdjson::dom::array repairs = rec_["repairs"];
  ASSERT_EQ(repairs.size(), 1u);
  auto r = repairs.at(0);
  uint64_t b = r["begin"], e = r["end"];
  EXPECT_EQ(text.substr(b, e - b), "\xD0\xA8t");  // "Шt"
  EXPECT_EQ(std::string_view(r["original"]), "\xD0\xA8t");
  EXPECT_EQ(std::string_view(r["replacement"]), "It");
  EXPECT_EQ(std::string_view(r["reason"]), "keyboard_layout");
}

TEST_F(GoldenDocument, OffsetsRoundTrip) {
  std::string_view text = rec_["text"];
  simdjson::dom::array begins = rec_["tokens"]["begin"];
  simdjson::dom::array ends = rec_["tokens"]["end"];
  ASSERT_EQ(begins.size(), ends.size());
  ASSERT_GT(begins.size(), 300u);
  uint64_t prev = 0;
  auto e = ends.begin();
  for (auto bv : begins) {
    uint64_t b = bv, en = *e;
    ++e;
    ASSERT_LT(b, en);
    ASSERT_LE(en, text.size());
    ASSERT_GE(b, prev);
    std::string_view surface = text.substr(b, en - b);
    EXPECT_EQ(surface.find_first_of(" \n\t"), std::string_view::npos) << surface;
    prev = en;
  }
  // Sentences and paragraphs slice to text without leading/trailing space.
  for (auto s : simdjson::dom::array(rec_["sentences"])) {
    simdjson::dom::array a = s;
    uint64_t b = a.at(0), en = a.at(1);
    std::string_view st = text.substr(b, en - b);
    ASSERT_FALSE(st.empty());
    EXPECT_NE(st.front(), ' ');
    EXPECT_NE(st.back(), ' ');
  }
  // The first paragraph starts at the closing-quote-less opening of the
  // article: "“No deal” – Trump’s ..." (the date header is not text).
  simdjson::dom::array p0 = rec_["paragraphs"].at(0);
  uint64_t pb = p0.at(0);
  EXPECT_EQ(text.substr(pb, 10), "\xE2\x80\x9CNo deal");
}

}  // namespace
}  // namespace parley
