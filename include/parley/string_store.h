// StringStore: interns strings to dense 32-bit ids. Id 0 is the empty string.
// Models own one (immutable after load, so shared across threads); columns in
// a Document hold ids into the store of the model that assigned them.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley {

class StringStore {
 public:
  StringStore();
  StringStore(const StringStore&) = delete;
  StringStore& operator=(const StringStore&) = delete;
  StringStore(StringStore&&) = default;
  StringStore& operator=(StringStore&&) = default;

  // The id of `s`, adding it if new.
  uint32_t Intern(std::string_view s);
  // The id of `s`, or kMissing if it was never interned.
  uint32_t Find(std::string_view s) const;
  std::string_view Get(uint32_t id) const { return views_[id]; }
  size_t size() const { return views_.size(); }

  static constexpr uint32_t kMissing = 0xffffffffu;

 private:
  std::deque<std::string> storage_;  // deque: stable addresses for views_
  std::vector<std::string_view> views_;
  std::unordered_map<std::string_view, uint32_t> ids_;
};

}  // namespace parley
