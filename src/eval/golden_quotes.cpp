// The golden-file quote scorer: expected quotes are identified by how their
// content starts and ends (or a phrase it contains), never by offsets, so
// the file stays valid whatever the tokenizer does.
#include <simdjson.h>

#include <fstream>
#include <sstream>

#include "core/ascii.h"
#include "eval/quote_text.h"
#include "parley/quote_eval.h"

namespace parley {
namespace {

// "Unlisted quotes are not penalised" and its paraphrases.
bool SaysExtraIgnored(std::string_view about) {
  std::string a = AsciiLower(about);
  auto has = [&](const char* w) { return a.find(w) != std::string::npos; };
  bool subject = has("unlisted") || has("other quotes") || has("extra") || has("not listed");
  bool verdict = has("not penali") || has("ignored") || has("not counted") || has("no penalty");
  return subject && verdict;
}

bool StringField(simdjson::dom::object obj, const char* key, std::string* out, std::string* error) {
  simdjson::dom::element e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS) return true;  // absent: empty
  std::string_view sv;
  if (e.get_string().get(sv) != simdjson::SUCCESS) {
    *error = std::string("'") + key + "' is not a string";
    return false;
  }
  out->assign(sv);
  return true;
}

bool IntField(simdjson::dom::object obj, const char* key, int64_t* out, std::string* error) {
  simdjson::dom::element e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS) return true;
  if (e.get_int64().get(*out) != simdjson::SUCCESS) {
    *error = std::string("'") + key + "' is not an integer";
    return false;
  }
  return true;
}

bool ContentMatches(const std::string& predicted, const GoldenQuote& q, const std::string& start,
                    const std::string& end, const std::string& contains) {
  if (!q.content_start.empty() || !q.content_end.empty()) {
    bool ok = predicted.size() >= start.size() && predicted.compare(0, start.size(), start) == 0 &&
              predicted.size() >= end.size() &&
              predicted.compare(predicted.size() - end.size(), end.size(), end) == 0;
    if (ok) return true;
  }
  return !q.content_contains.empty() && predicted.find(contains) != std::string::npos;
}

// A predicted span's text; empty when the span lies outside the text.
std::string_view At(const Document& doc, Span s) {
  if (s.begin > s.end || s.end > doc.text().size()) return {};
  return doc.SpanText(s);
}

}  // namespace

StatusOr<GoldenQuotes> ParseGoldenQuotes(std::string_view json, const std::string& name) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (auto err = parser.parse(padded).get(root); err != simdjson::SUCCESS) {
    return InvalidArgument(name + ": malformed JSON: " + simdjson::error_message(err));
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) {
    return InvalidArgument(name + ": not a JSON object");
  }
  GoldenQuotes out;
  std::string error;
  if (!StringField(obj, "about", &out.about, &error)) return InvalidArgument(name + ": " + error);
  out.extra_ignored = SaysExtraIgnored(out.about);
  simdjson::dom::array quotes;
  if (obj["quotes"].get_array().get(quotes) != simdjson::SUCCESS) {
    return InvalidArgument(name + ": no 'quotes' array");
  }
  size_t index = 0;
  for (simdjson::dom::element e : quotes) {
    ++index;
    std::string where = name + ": quotes[" + std::to_string(index - 1) + "]: ";
    simdjson::dom::object qo;
    if (e.get_object().get(qo) != simdjson::SUCCESS)
      return InvalidArgument(where + "not an object");
    GoldenQuote q;
    q.id = static_cast<int64_t>(index);
    bool ok =
        IntField(qo, "id", &q.id, &error) && IntField(qo, "nested_in", &q.nested_in, &error) &&
        StringField(qo, "kind", &q.kind, &error) &&
        StringField(qo, "content_start", &q.content_start, &error) &&
        StringField(qo, "content_end", &q.content_end, &error) &&
        StringField(qo, "content_contains", &q.content_contains, &error) &&
        StringField(qo, "speaker", &q.speaker, &error) &&
        StringField(qo, "mention", &q.mention, &error) && StringField(qo, "cue", &q.cue, &error);
    if (!ok) return InvalidArgument(where + error);
    if (q.content_start.empty() && q.content_end.empty() && q.content_contains.empty()) {
      return InvalidArgument(where + "needs content_start and content_end, or content_contains");
    }
    out.quotes.push_back(std::move(q));
  }
  return out;
}

StatusOr<GoldenQuotes> ReadGoldenQuotes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  return ParseGoldenQuotes(ss.str(), path);
}

GoldenScores ScoreGoldenQuotes(const GoldenQuotes& expected, const Document& doc) {
  const std::vector<Quote>& pred = doc.quotes();
  const size_t ne = expected.quotes.size(), np = pred.size();
  std::vector<std::string> pred_text(np), pred_name(np);
  for (size_t p = 0; p < np; ++p) {
    pred_text[p] = QuoteComparisonText(At(doc, pred[p].content));
    pred_name[p] = eval::FoldName(pred[p].speaker_name);
  }
  // Candidate predictions per expected quote, right speaker first.
  std::vector<std::vector<uint32_t>> cand(ne);
  std::vector<std::vector<uint8_t>> speaker_ok(ne, std::vector<uint8_t>(np, 0));
  for (size_t e = 0; e < ne; ++e) {
    const GoldenQuote& q = expected.quotes[e];
    std::string start = QuoteComparisonText(q.content_start);
    std::string end = QuoteComparisonText(q.content_end);
    std::string contains = QuoteComparisonText(q.content_contains);
    std::string name = eval::FoldName(q.speaker);
    for (size_t p = 0; p < np; ++p) {
      if (!ContentMatches(pred_text[p], q, start, end, contains)) continue;
      cand[e].push_back(static_cast<uint32_t>(p));
      speaker_ok[e][p] = pred_name[p] == name;
    }
    std::stable_sort(cand[e].begin(), cand[e].end(),
                     [&](uint32_t a, uint32_t b) { return speaker_ok[e][a] > speaker_ok[e][b]; });
  }
  // Maximum bipartite matching (augmenting paths; both sides are small).
  std::vector<int32_t> owner(np, -1), found(ne, -1);
  std::vector<uint8_t> seen;
  auto augment = [&](auto&& self, size_t e) -> bool {
    for (uint32_t p : cand[e]) {
      if (seen[p]) continue;
      seen[p] = 1;
      if (owner[p] < 0 || self(self, static_cast<size_t>(owner[p]))) {
        owner[p] = static_cast<int32_t>(e);
        found[e] = static_cast<int32_t>(p);
        return true;
      }
    }
    return false;
  };
  for (size_t e = 0; e < ne; ++e) {
    seen.assign(np, 0);
    augment(augment, e);
  }

  GoldenScores s;
  s.extra_ignored = expected.extra_ignored;
  s.quotes_expected = ne;
  s.found_by = found;
  s.speaker_ok.assign(ne, 0);
  for (size_t e = 0; e < ne; ++e) {
    if (found[e] < 0) continue;
    auto p = static_cast<size_t>(found[e]);
    const GoldenQuote& q = expected.quotes[e];
    ++s.quotes_found;
    s.speaker_ok[e] = speaker_ok[e][p];
    s.speakers_correct += speaker_ok[e][p];
    if (!q.kind.empty() && q.kind == QuoteKindName(pred[p].kind)) ++s.kinds_correct;
    if (!q.cue.empty() && eval::FoldName(At(doc, pred[p].cue)) == eval::FoldName(q.cue))
      ++s.cues_correct;
  }
  for (size_t p = 0; p < np; ++p) {
    if (owner[p] < 0) s.extra_quotes.push_back(static_cast<uint32_t>(p));
  }
  s.extra = s.extra_quotes.size();
  return s;
}

}  // namespace parley
