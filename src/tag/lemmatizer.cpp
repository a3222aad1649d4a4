// Lemmatizer (see lemmatizer.h): exception table, vocabulary, learning.
#include "tag/lemmatizer.h"

#include <map>
#include <set>

#include "learn/model_io.h"
#include "tag/pos_features.h"
#include "tag/tagged_sentence.h"

namespace parley::tag {
namespace {

// The exception table's key: the lowercased form and the tag, which cannot
// contain the separator.
void ExceptionKey(std::string_view lower_form, std::string_view xpos, std::string* key) {
  key->assign(lower_form);
  key->push_back('\x1f');
  key->append(xpos);
}

}  // namespace

bool Lemmatizer::Known(char vocab_class, std::string_view lemma, std::string* key) const {
  if (vocab_class == 0 || vocabulary_index_.size() == 0) return false;
  key->clear();
  key->push_back(vocab_class);
  AppendLower(lemma, key);
  return vocabulary_index_.Find(*key) != WordTable::kNone;
}

bool Lemmatizer::KnownWord(const KnownWords& words, std::string_view lemma, std::string* key) {
  key->clear();
  AppendNormalForm(lemma, key);
  for (const WordTable* t : words.tables) {
    if (t != nullptr && t->Find(*key) != WordTable::kNone) return true;
  }
  return false;
}

std::string_view Lemmatizer::ByRules(std::string_view form, std::string_view xpos, LemmaClass cls,
                                     LemmaScratch* s, const KnownWords& words) const {
  // Proper nouns keep their case; every other lemma is lowercase.
  bool proper = cls == LemmaClass::kProper || cls == LemmaClass::kProperPlural;
  std::string_view base = proper ? form : std::string_view(s->base);
  RuleCandidates(base, xpos, cls, &s->candidates);
  char vocab_class = VocabClassOf(xpos);
  const LemmaCandidates& c = s->candidates;
  // Candidate k, spelled out in s->out.
  auto spell = [&](int k) -> const std::string& {
    s->out.assign(base.substr(0, c.items[k].keep));
    s->out.append(c.items[k].append);
    return s->out;
  };
  int pick = 0;
  if (c.size > 1) {
    // A known lemma of the tag's class first; then any known word, which
    // rules out the stems that lost a letter ("conced", "continu").
    pick = -1;
    for (int k = 0; k < c.size && pick < 0; ++k) {
      if (Known(vocab_class, spell(k), &s->key)) pick = k;
    }
    for (int k = 0; k < c.size && pick < 0 && !proper; ++k) {
      // The form itself is always a word; only a different one is evidence.
      if (c.items[k].keep == base.size() && c.items[k].append.empty()) continue;
      if (KnownWord(words, spell(k), &s->key)) pick = k;
    }
    if (pick < 0) pick = 0;
  }
  spell(pick);
  return s->out;
}

std::string_view Lemmatizer::Lemmatize(std::string_view form, std::string_view xpos, LemmaClass cls,
                                       LemmaScratch* s, const KnownWords& words) const {
  s->base.clear();
  AppendLower(form, &s->base);
  if (exception_index_.size() > 0) {
    ExceptionKey(s->base, xpos, &s->key);
    uint64_t i = exception_index_.Find(s->key);
    if (i != WordTable::kNone) return exceptions_[i].lemma;
  }
  return ByRules(form, xpos, cls, s, words);
}

void Lemmatizer::Learn(const std::vector<TaggedSentence>& data) {
  exceptions_.clear();
  exception_index_ = WordTable();
  std::set<std::string> vocab;  // ordered, so the model file is reproducible
  for (const TaggedSentence& sent : data) {
    for (size_t i = 0; i < sent.size(); ++i) {
      if (char vc = VocabClassOf(sent.xpos[i]); vc != 0) {
        std::string key(1, vc);
        AppendLower(sent.lemmas[i], &key);
        vocab.insert(std::move(key));
      }
    }
  }
  vocabulary_.clear();
  vocabulary_.assign(vocab.begin(), vocab.end());
  Index();

  // Per (lowercased form, tag): how often each gold lemma occurs, and how
  // often the rules alone already get it right.
  struct Counts {
    std::map<std::string, uint32_t> lemmas;
    uint32_t rules_right = 0;
  };
  std::map<std::pair<std::string, std::string>, Counts> counts;
  LemmaScratch scratch;
  for (const TaggedSentence& sent : data) {
    for (size_t i = 0; i < sent.size(); ++i) {
      std::string lower;
      AppendLower(sent.forms[i], &lower);
      Counts& c = counts[{lower, sent.xpos[i]}];
      ++c.lemmas[sent.lemmas[i]];
      if (Lemmatize(sent.forms[i], sent.xpos[i], &scratch) == sent.lemmas[i]) ++c.rules_right;
    }
  }
  for (auto& [key, c] : counts) {
    const std::string* best = nullptr;
    uint32_t best_count = 0;
    for (const auto& [lemma, n] : c.lemmas) {
      if (n > best_count) best = &lemma, best_count = n;
    }
    // An exception only where it beats the rules on the training tokens.
    if (best_count > c.rules_right) exceptions_.push_back({key.first, key.second, *best});
  }
  Index();
}

void Lemmatizer::Index() {
  std::map<std::string, uint64_t> exceptions, vocabulary;
  std::string key;
  for (uint32_t i = 0; i < exceptions_.size(); ++i) {
    ExceptionKey(exceptions_[i].form, exceptions_[i].xpos, &key);
    exceptions[key] = i;
  }
  for (const std::string& v : vocabulary_) vocabulary[v] = 1;
  exception_index_ = WordTable(exceptions);
  vocabulary_index_ = WordTable(vocabulary);
}

void Lemmatizer::Save(learn::ModelWriter& w) const {
  std::vector<std::string> forms, xpos, lemmas;
  for (const Exception& e : exceptions_) {
    forms.push_back(e.form);
    xpos.push_back(e.xpos);
    lemmas.push_back(e.lemma);
  }
  w.Strings(forms);
  w.Strings(xpos);
  w.Strings(lemmas);
  w.Strings(vocabulary_);
}

Status Lemmatizer::Load(learn::ModelReader& r) {
  std::vector<std::string> forms, xpos, lemmas;
  PARLEY_RETURN_IF_ERROR(r.Strings(&forms));
  PARLEY_RETURN_IF_ERROR(r.Strings(&xpos));
  PARLEY_RETURN_IF_ERROR(r.Strings(&lemmas));
  PARLEY_RETURN_IF_ERROR(r.Strings(&vocabulary_));
  if (xpos.size() != forms.size() || lemmas.size() != forms.size()) {
    return r.Corrupt("lemma exception columns differ in length");
  }
  exceptions_.clear();
  for (size_t i = 0; i < forms.size(); ++i) {
    exceptions_.push_back({std::move(forms[i]), std::move(xpos[i]), std::move(lemmas[i])});
  }
  Index();
  return Status::Ok();
}

}  // namespace parley::tag
