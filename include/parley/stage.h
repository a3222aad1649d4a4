// Stage: one step of the pipeline. A stage declares what it needs and what it
// adds (Annotation bits); the Pipeline checks the chain when it is built.
// Stages are immutable after construction and shared by all threads.
#pragma once

#include <cstdint>
#include <string_view>

#include "parley/document.h"
#include "parley/status.h"

namespace parley {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual uint32_t requires_annotations() const = 0;
  virtual uint32_t provides_annotations() const = 0;
  // Annotates `doc`. Bad input is reported through the Status and the
  // document stays valid (whatever was set before the call is kept).
  virtual Status Process(Document& doc) const = 0;
};

}  // namespace parley
