// Request parameters and JSON pieces shared by the API's handlers (api.cpp,
// api_aggregate.cpp). Every parameter is checked against the limits in api.h.
#pragma once

#include <string>

#include "output/json_writer.h"
#include "serve/api.h"

namespace parley::serve {

// The error answer for `s` (400, 404 or 500 by its code).
ApiResponse FromStatus(const Status& s);

// The value of `name` ("" when absent), refused when over kMaxParamBytes.
StatusOr<std::string> Text(const Params& params, const char* name);
// An integer in [lo, hi], `fallback` when absent or empty.
StatusOr<int64_t> Int(const Params& params, const char* name, int64_t fallback, int64_t lo,
                      int64_t hi);
// 1/true or 0/false; false when absent.
StatusOr<bool> Flag(const Params& params, const char* name);

struct Page {
  int64_t limit = 20, offset = 0;
};
// `limit` (1..max, default fallback) and `offset` (0..kMaxOffset).
StatusOr<Page> GetPage(const Params& params, int64_t fallback = 20, int64_t max = kMaxLimit);
// "limit", "offset" and "more" fields.
void PageFields(JsonWriter& w, const Page& p, bool more);

// Handlers of the cross-article aggregates (api_aggregate.cpp).
ApiResponse Speakers(Connection& c, const Params& params);
ApiResponse Cooccurrence(Connection& c, const Params& params);
ApiResponse QuoteGroups(Connection& c, const Params& params);
ApiResponse QuoteGroupMembers(Connection& c, std::string_view id);
ApiResponse Events(Connection& c, const Params& params);
ApiResponse EventGroupMembers(Connection& c, std::string_view id);
ApiResponse Dyads(Connection& c, const Params& params);
ApiResponse Dyad(Connection& c, const Params& params);

}  // namespace parley::serve
