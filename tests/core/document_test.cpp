#include "parley/document.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

Document MakeDoc() {
  // Tokens: "Mr." "Putin" "’s" "visit" "."
  Document d("Mr. Putin\xE2\x80\x99s visit.");
  auto& t = d.mutable_tokens();
  t.push_back(0, 3, 0, 3, true);
  t.push_back(4, 9, 4, 9, false);
  t.push_back(9, 13, 9, 13, true);
  t.push_back(14, 19, 14, 19, false);
  t.push_back(19, 20, 19, 20, false);
  return d;
}

TEST(Document, TokenTextSlicesTheOriginal) {
  Document d = MakeDoc();
  EXPECT_EQ(d.TokenText(0), "Mr.");
  EXPECT_EQ(d.TokenText(2), "\xE2\x80\x99s");
  EXPECT_EQ(d.TokenText(4), ".");
}

TEST(Document, TokenRangeStrict) {
  Document d = MakeDoc();
  auto r = d.TokenRange({4, 13}, Alignment::kStrict);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, 1u);
  EXPECT_EQ(r->second, 3u);
  EXPECT_FALSE(d.TokenRange({5, 13}, Alignment::kStrict));
  EXPECT_FALSE(d.TokenRange({4, 12}, Alignment::kStrict));
}

TEST(Document, TokenRangeContractAndExpand) {
  Document d = MakeDoc();
  // "utin’s vis": contract keeps only "’s"; expand takes Putin ’s visit.
  auto c = d.TokenRange({5, 17}, Alignment::kContract);
  ASSERT_TRUE(c);
  EXPECT_EQ(*c, std::make_pair(2u, 3u));
  auto e = d.TokenRange({5, 17}, Alignment::kExpand);
  ASSERT_TRUE(e);
  EXPECT_EQ(*e, std::make_pair(1u, 4u));
  EXPECT_FALSE(d.TokenRange({5, 7}, Alignment::kContract));
}

TEST(Document, MoveKeepsIdentityViewValid) {
  Document a("short");
  Document b(std::move(a));
  EXPECT_EQ(b.view().text(), "short");
  EXPECT_EQ(b.view().text().data(), b.text().data());
  Document c;
  c = std::move(b);
  EXPECT_EQ(c.view().text().data(), c.text().data());
}

}  // namespace
}  // namespace parley
