#include "parley/string_store.h"

namespace parley {

StringStore::StringStore() {
  Intern("");
}

uint32_t StringStore::Intern(std::string_view s) {
  if (auto it = ids_.find(s); it != ids_.end()) return it->second;
  const std::string& stored = storage_.emplace_back(s);
  auto id = static_cast<uint32_t>(views_.size());
  views_.emplace_back(stored);
  ids_.emplace(views_.back(), id);
  return id;
}

uint32_t StringStore::Find(std::string_view s) const {
  auto it = ids_.find(s);
  return it == ids_.end() ? kMissing : it->second;
}

}  // namespace parley
