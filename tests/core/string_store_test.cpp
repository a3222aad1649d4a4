#include "parley/string_store.h"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

TEST(StringStore, InternsToStableDenseIds) {
  StringStore s;
  EXPECT_EQ(s.Get(0), "");
  uint32_t a = s.Intern("NOUN");
  uint32_t b = s.Intern("VERB");
  EXPECT_NE(a, b);
  EXPECT_EQ(s.Intern("NOUN"), a);
  EXPECT_EQ(s.Get(b), "VERB");
  EXPECT_EQ(s.Find("ADJ"), StringStore::kMissing);
  // Views stay valid as the store grows.
  std::string_view v = s.Get(a);
  for (int i = 0; i < 10000; ++i) s.Intern("x" + std::to_string(i));
  EXPECT_EQ(v, "NOUN");
  EXPECT_EQ(s.size(), 10003u);
}

}  // namespace
}  // namespace parley
