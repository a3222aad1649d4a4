// The "ner" stage: predicts with an immutable NerModel (shared by every
// thread) and applies the result as Document mentions. Predict and apply
// are separate functions so each can be tested alone.
#include "ner/ner_stage.h"

#include <algorithm>
#include <span>

#include "core/ascii.h"
#include "core/person_titles.h"
#include "parley/ner.h"

namespace parley {
namespace ner {

// The tags whose capitalised words a headline always lowers: verbs and
// function words. Nouns and adjectives are lowered away from names only.
constexpr std::string_view kFunctionOrVerb[] = {"VERB", "AUX",   "ADP",   "DET", "PRON",
                                                "ADV",  "CCONJ", "SCONJ", "PART"};

// Honorifics written before a person's name.
constexpr std::string_view kHonorifics[] = {"Mr.", "Mrs.", "Ms.", "Mr",      "Mrs",
                                            "Ms",  "Dr.",  "Dr",  "Messrs.", "Mmes."};

NerInput InputOfDocument(const Document& doc, std::deque<std::string>* storage) {
  NerInput in;
  const size_t n = doc.tokens().size();
  in.forms.reserve(n);
  for (size_t i = 0; i < n; ++i) in.forms.push_back(doc.TokenForm(i));
  for (const Sentence& s : doc.sentences()) in.sentences.emplace_back(s.token_begin, s.token_end);
  // An honorific before a name ("Mr. Rahami", "Ms Park") is read as the
  // title CoNLL-2003's Reuters copy most often puts before a name,
  // "President". That copy writes no honorifics (three "Mr." in its 200,000
  // words), so the model took the capitalised abbreviation for the start of
  // an organisation's name and, by document consistency, typed every "Mr.
  // X" of an article ORG: on the first 1,000 AllSides records, 882 of 1,912
  // names after an honorific were ORG, 948 PER; read so, 9 and 1,878. So is
  // an abbreviated title ("Rep.", "Gov."; none in that copy either) unless a
  // capitalised word comes before it: "Tennessee Sen. Bob Corker" read as
  // "Tennessee President" made a name of the place and the title.
  // Titles in a row ("Maj. Gen. Omar Haddad") are all read so.
  auto capitalised = [&](size_t i) {
    return !in.forms[i].empty() && in.forms[i][0] >= 'A' && in.forms[i][0] <= 'Z';
  };
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!capitalised(i + 1)) continue;
    if (InList(kHonorifics, in.forms[i]) ||
        (IsPersonTitle(in.forms[i]) &&
         (i == 0 || !capitalised(i - 1) || in.forms[i - 1] == "President"))) {
      in.forms[i] = "President";
    }
  }
  // A headline in title case ("Trump Urges Supporters To Watch Polls In
  // Ohio") is read with the words the tagger took for common ones in lower
  // case, as the tagger read it (PosModel::HeadlineForms): otherwise every
  // capital looks like a name and the whole line becomes one entity.
  if (storage == nullptr) return in;
  const TokenColumns& tk = doc.tokens();
  if (!doc.has(kAnnTags | kAnnLemmas) || tk.upos.size() != n || tk.lemma.size() != n) return in;
  std::vector<uint32_t> common;  // capitalised words the tagger read as common ones
  for (const Sentence& s : doc.sentences()) {
    if (s.token_end > n || s.token_begin >= s.token_end) continue;
    const std::span<const std::string_view> forms(in.forms.data() + s.token_begin,
                                                  s.token_end - s.token_begin);
    if (!IsTitleCase(forms)) continue;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const std::string_view f = in.forms[i];
      const std::string_view lemma = doc.strings().Get(tk.lemma[i]);
      if (f.size() < 2 || f[0] < 'A' || f[0] > 'Z' ||
          std::none_of(f.begin() + 1, f.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
          lemma.empty() || lemma[0] < 'a' || lemma[0] > 'z') {
        continue;
      }
      const std::string_view upos = doc.strings().Get(tk.upos[i]);
      if (!InList(kFunctionOrVerb, upos)) {
        // A noun or adjective next to a name may be part of it ("Grant
        // Young", "Bill Clinton").
        if (upos != "NOUN" && upos != "ADJ") continue;
        const auto proper = [&](uint32_t t) {
          return t >= s.token_begin && t < s.token_end && doc.strings().Get(tk.upos[t]) == "PROPN";
        };
        if (proper(i - 1) || proper(i + 1)) continue;
      }
      common.push_back(i);
    }
  }
  for (uint32_t i : common) in.forms[i] = storage->emplace_back(AsciiLower(in.forms[i]));
  return in;
}

namespace {

// A part of a hyphenated name: a capital and at least one more letter
// ("Ross", "CIO"; not the "D" of "D-Fla.", where the state is the name).
bool NamePart(std::string_view f) {
  return f.size() >= 2 && f[0] >= 'A' && f[0] <= 'Z' &&
         ((f[1] >= 'a' && f[1] <= 'z') || (f[1] >= 'A' && f[1] <= 'Z'));
}

}  // namespace

void ViewOfDocument(const Document& doc, NerView* view) {
  view->storage.clear();
  const NerInput words = InputOfDocument(doc, &view->storage);
  const std::vector<std::string_view>& forms = words.forms;
  const TokenColumns& tk = doc.tokens();
  const size_t n = forms.size();
  const bool spacing = tk.space_after.size() == n;
  // Whether token t is a hyphen glued to name parts on both sides inside
  // [begin, end).
  auto glued_hyphen = [&](size_t t, size_t begin, size_t end) {
    return spacing && t > begin && t + 1 < end && forms[t] == "-" && !tk.space_after[t - 1] &&
           !tk.space_after[t] && NamePart(forms[t - 1]) && NamePart(forms[t + 1]);
  };
  NerInput& in = view->input;
  in.forms.clear();
  in.sentences.clear();
  view->first.clear();
  view->end.clear();
  for (auto [begin, end] : words.sentences) {
    end = std::min<uint32_t>(end, static_cast<uint32_t>(n));
    const auto sentence_begin = static_cast<uint32_t>(in.forms.size());
    for (size_t t = begin; t < end;) {
      size_t last = t;  // the run t .. last is one view token
      while (glued_hyphen(last + 1, begin, end)) last += 2;
      view->first.push_back(static_cast<uint32_t>(t));
      bool contiguous = true;
      for (size_t u = t; u < last; ++u)
        contiguous &= forms[u].data() + forms[u].size() == forms[u + 1].data();
      if (contiguous) {
        in.forms.emplace_back(
            forms[t].data(),
            static_cast<size_t>(forms[last].data() + forms[last].size() - forms[t].data()));
      } else {
        std::string joined;
        for (size_t u = t; u <= last; ++u) joined += forms[u];
        in.forms.push_back(view->storage.emplace_back(std::move(joined)));
      }
      view->end.push_back(static_cast<uint32_t>(last + 1));
      t = last + 1;
    }
    in.sentences.emplace_back(sentence_begin, static_cast<uint32_t>(in.forms.size()));
  }
}

std::vector<EntitySpan> ToDocumentTokens(const NerView& view, std::vector<EntitySpan> spans) {
  for (EntitySpan& s : spans) {
    if (s.end > view.first.size() || s.begin >= s.end) {
      s.begin = s.end = 0;  // (ApplyEntities skips empty spans)
      continue;
    }
    s.begin = view.first[s.begin];
    s.end = view.end[s.end - 1];
  }
  return spans;
}

void ApplyEntities(const std::vector<EntitySpan>& spans, Document& doc) {
  std::vector<Mention>& out = doc.mutable_mentions();
  out.clear();
  out.reserve(spans.size());
  const TokenColumns& tk = doc.tokens();
  for (const EntitySpan& s : spans) {
    if (s.begin >= s.end || s.end > tk.size()) continue;
    Mention m;
    m.span = {tk.begin[s.begin], tk.end[s.end - 1]};
    m.token_begin = s.begin;
    m.token_end = s.end;
    m.type = doc.mutable_strings().Intern(TypeName(s.type));
    out.push_back(m);
  }
  doc.Mark(kAnnEntities);
}

namespace {

class NerStage : public Stage {
 public:
  explicit NerStage(NerModel model) : model_(std::move(model)) {}
  std::string_view name() const override { return "ner"; }
  uint32_t requires_annotations() const override { return kAnnTokens | kAnnSentences; }
  uint32_t provides_annotations() const override { return kAnnEntities; }
  Status Process(Document& doc) const override {
    NerView view;
    ViewOfDocument(doc, &view);
    ApplyEntities(ToDocumentTokens(view, model_.Predict(view.input)), doc);
    return Status::Ok();
  }

 private:
  const NerModel model_;
};

}  // namespace
}  // namespace ner

StatusOr<std::unique_ptr<Stage>> MakeNerStage(const std::string& models_dir) {
  auto model = ner::NerModel::Load(models_dir + "/ner.model");
  if (!model.ok()) return model.status();
  return std::unique_ptr<Stage>(std::make_unique<ner::NerStage>(std::move(*model)));
}

}  // namespace parley
