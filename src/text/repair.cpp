#include "parley/repair.h"

namespace parley {

RepairResult RepairText(std::string_view original, const RepairOptions&) {
  return {TextView::Identity(original), {}};
}

std::string_view GuessLanguage(std::string_view) { return "und"; }

Status RepairStage::Process(Document& doc) const {
  RepairResult r = RepairText(doc.text(), options_);
  doc.SetView(std::move(r.view), std::move(r.repairs));
  doc.mutable_meta().language = std::string(GuessLanguage(doc.view().text()));
  return Status::Ok();
}

}  // namespace parley
