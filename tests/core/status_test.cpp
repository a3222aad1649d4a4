#include "parley/status.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

StatusOr<int> Half(int x) {
  if (x % 2) return InvalidArgument("odd: " + std::to_string(x));
  return x / 2;
}

Status Chain(int x, int* out) {
  auto r = Half(x);
  PARLEY_RETURN_IF_ERROR(r.status());
  *out = *r;
  return Status::Ok();
}

TEST(Status, CarriesCodeAndMessage) {
  Status s = NotFound("no such file: x.txt");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.ToString(), "not_found: no such file: x.txt");
  EXPECT_TRUE(Status::Ok().ok());
}

TEST(Status, StatusOrHoldsValueOrError) {
  int out = 0;
  EXPECT_TRUE(Chain(8, &out).ok());
  EXPECT_EQ(out, 4);
  Status s = Chain(3, &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "odd: 3");
}

}  // namespace
}  // namespace parley
