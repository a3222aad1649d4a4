// ContextLexicon (see context_lexicon.h): storage.
#include "tag/context_lexicon.h"

#include "learn/model_io.h"

namespace parley::tag {

void ContextLexicon::Save(learn::ModelWriter& w) const {
  index_.Save(w);
  w.Array(profiles_);
}

Status ContextLexicon::Load(learn::ModelReader& r) {
  PARLEY_RETURN_IF_ERROR(index_.Load(r));
  PARLEY_RETURN_IF_ERROR(r.Array(&profiles_));
  for (uint64_t i : index_.values()) {
    if (i >= profiles_.size()) return r.Corrupt("context lexicon index out of range");
  }
  return Status::Ok();
}

}  // namespace parley::tag
