// The "parse" stage (see parse_stage.h) and MakeParseStage.
#include "parse/parse_stage.h"

#include "parley/parser.h"

namespace parley {
namespace parse {

Status ParseStage::Predict(const Document& doc, ParseResult* out) const {
  const TokenColumns& tokens = doc.tokens();
  const size_t n = tokens.size();
  if (tokens.upos.size() != n || tokens.xpos.size() != n) {
    return FailedPrecondition("tokens have no tags; run the 'tag' stage first");
  }
  // Tokens outside every sentence (none in a well-formed document) stay
  // roots labelled "root" rather than holding garbage.
  out->head.assign(n, -1);
  out->label.assign(n, model_->root_label());
  // One scratch per thread: the model is shared, the buffers are not, and
  // after the longest sentence seen nothing is allocated per token.
  thread_local ParseScratch scratch;
  const StringStore& strings = doc.strings();
  for (const Sentence& s : doc.sentences()) {
    if (s.token_end > n || s.token_begin >= s.token_end) continue;
    const uint32_t len = s.token_end - s.token_begin;
    scratch.tokens.resize(len);
    for (uint32_t i = 0; i < len; ++i) {
      const uint32_t t = s.token_begin + i;
      scratch.tokens[i] =
          model_->Attrs(doc.TokenForm(t), strings.Get(tokens.upos[t]), strings.Get(tokens.xpos[t]));
    }
    int32_t* head = out->head.data() + s.token_begin;
    model_->Parse(len, scratch, head, out->label.data() + s.token_begin);
    for (uint32_t i = 0; i < len; ++i) {
      if (head[i] >= 0) head[i] += static_cast<int32_t>(s.token_begin);
    }
  }
  return Status::Ok();
}

void ParseStage::Apply(const ParseResult& result, Document& doc) const {
  // Intern only the labels this document uses, once each.
  const std::vector<std::string>& labels = model_->labels();
  std::vector<uint32_t> ids(labels.size(), StringStore::kMissing);
  TokenColumns& tokens = doc.mutable_tokens();
  tokens.head = result.head;
  tokens.deprel.resize(result.label.size());
  for (size_t i = 0; i < result.label.size(); ++i) {
    uint32_t& id = ids[result.label[i]];
    if (id == StringStore::kMissing) id = doc.mutable_strings().Intern(labels[result.label[i]]);
    tokens.deprel[i] = id;
  }
  doc.Mark(kAnnParse);
}

Status ParseStage::Process(Document& doc) const {
  ParseResult result;
  PARLEY_RETURN_IF_ERROR(Predict(doc, &result));
  Apply(result, doc);
  return Status::Ok();
}

}  // namespace parse

StatusOr<std::unique_ptr<Stage>> MakeParseStage(const std::string& models_dir, uint32_t beam_width,
                                                double beam_prune) {
  const std::string path = models_dir + "/parse.model";
  StatusOr<parse::ParseModel> model = parse::ParseModel::Load(path);
  if (!model.ok()) return model.status();
  if (beam_width > 0 || beam_prune > 0) {
    const uint32_t width = beam_width > 0 ? beam_width : model->beam_width();
    *model = std::move(*model).WithBeam(width, beam_prune > 0 ? beam_prune : learn::kNoPruning);
  }
  auto shared = std::make_shared<const parse::ParseModel>(std::move(*model));
  return std::unique_ptr<Stage>(std::make_unique<parse::ParseStage>(std::move(shared)));
}

}  // namespace parley
