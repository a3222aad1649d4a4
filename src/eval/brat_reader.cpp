// Brat standoff reading for the PolNeAR scorer.
//
// A text-bound line is `T<n>\t<Type> <b> <e>[;<b> <e>...]\t<text>`; an event
// line `E<n>\t<Trigger>:T<a> <Role>:T<b> ...`. A span that crosses a line
// break carries its text over the following lines, so a line that does not
// start with an annotation id continues the record before it. Offsets are
// code points; a span's text is its pieces joined by one space.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/utf8.h"
#include "parley/quote_eval.h"

namespace parley {
namespace {

struct TextBound {
  std::string type;
  std::vector<Span> pieces;
  bool ok = false;
};

struct RawLine {
  std::string_view text;
  uint64_t number = 0;
};

// Byte offset of every code point of `text`, plus text.size() at the end. An
// invalid byte counts as one code point.
std::vector<uint32_t> CodePointOffsets(std::string_view text) {
  std::vector<uint32_t> out;
  out.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    out.push_back(static_cast<uint32_t>(i));
    char32_t cp = 0;
    int n = utf8::Decode(text, i, &cp);
    i += n > 0 ? static_cast<size_t>(n) : 1;
  }
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

// "T12\t", "E3\t", "#1\t", "*\t": the start of a brat annotation record.
bool StartsRecord(std::string_view line) {
  if (line.empty() || std::string_view("TEARMN*#").find(line[0]) == std::string_view::npos)
    return false;
  size_t i = 1;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  return i < line.size() && line[i] == '\t';
}

bool ParseUint(std::string_view s, uint64_t* v) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string Shorten(std::string_view s, size_t max = 60) {
  std::string out(s.substr(0, max));
  if (s.size() > max) {
    // Do not cut a UTF-8 sequence in half.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out += "...";
  }
  for (char& c : out) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  return out;
}

std::string_view TrimTrailingSpace(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<Span> Normalize(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](Span a, Span b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
  std::vector<Span> out;
  for (Span s : spans) {
    if (!out.empty() && s.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

class BratParser {
 public:
  BratParser(std::string_view text, const std::string& name, std::vector<RecordError>* errors)
      : text_(text), name_(name), errors_(errors), offsets_(CodePointOffsets(text)) {}

  std::vector<GoldAttribution> Parse(std::string_view ann) {
    std::vector<RawLine> lines;
    uint64_t number = 0;
    size_t pos = 0;
    while (pos < ann.size()) {
      size_t nl = ann.find('\n', pos);
      if (nl == std::string_view::npos) nl = ann.size();
      std::string_view line = ann.substr(pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines.push_back({line, ++number});
      pos = nl + 1;
    }
    // Group continuation lines with the record they belong to.
    std::vector<std::pair<RawLine, std::string>> grouped;
    for (const RawLine& l : lines) {
      if (StartsRecord(l.text)) {
        grouped.push_back({l, std::string(l.text)});
      } else if (!grouped.empty()) {
        grouped.back().second += '\n';
        grouped.back().second += l.text;
      } else if (!l.text.empty()) {
        Error(l.number, "not a brat annotation line: '" + Shorten(l.text) + "'");
      }
    }
    std::vector<std::pair<uint64_t, std::string>> events;
    for (auto& [l, full] : grouped) {
      if (full[0] == 'T') {
        ParseTextBound(l.number, full);
      } else if (full[0] == 'E') {
        events.push_back({l.number, std::move(full)});
      }
      // Notes (#), attributes (A, M), relations (R), normalisations (N) and
      // equivalences (*) are not part of the score.
    }
    std::vector<GoldAttribution> out;
    for (const auto& [line, full] : events) ParseEvent(line, full, &out);
    return out;
  }

 private:
  void Error(uint64_t line, std::string message) {
    if (errors_) errors_->push_back({{name_, line}, InvalidArgument(std::move(message))});
  }

  void ParseTextBound(uint64_t line, std::string_view full) {
    size_t tab1 = full.find('\t');
    size_t tab2 = full.find('\t', tab1 + 1);
    std::string id(full.substr(0, tab1));
    TextBound& tb = bounds_[id];
    if (tb.ok || !tb.type.empty()) {
      Error(line, id + ": duplicate id");
      return;
    }
    if (tab2 == std::string_view::npos) {
      tb.type = "?";
      Error(line, id + ": expected 'ID<tab>TYPE BEGIN END<tab>TEXT'");
      return;
    }
    std::string_view middle = full.substr(tab1 + 1, tab2 - tab1 - 1);
    std::string_view span_text = full.substr(tab2 + 1);
    size_t sp = middle.find(' ');
    tb.type = std::string(middle.substr(0, sp));
    if (sp == std::string_view::npos || tb.type.empty()) {
      Error(line, id + ": expected 'TYPE BEGIN END', got '" + Shorten(middle) + "'");
      return;
    }
    std::string_view offsets = middle.substr(sp + 1);
    std::string expected;
    while (true) {
      size_t semi = offsets.find(';');
      std::string_view piece = offsets.substr(0, semi);
      size_t psp = piece.find(' ');
      uint64_t b = 0, e = 0;
      if (psp == std::string_view::npos || !ParseUint(piece.substr(0, psp), &b) ||
          !ParseUint(piece.substr(psp + 1), &e)) {
        Error(line, id + ": bad offsets '" + Shorten(piece) + "' (expected 'BEGIN END')");
        return;
      }
      uint64_t limit = offsets_.size() - 1;
      if (b > e || e > limit) {
        Error(line, id + ": span " + std::to_string(b) + "-" + std::to_string(e) +
                        (b > e ? " ends before it begins"
                               : " runs past the end of the text (" + std::to_string(limit) +
                                     " characters)"));
        return;
      }
      Span s{offsets_[b], offsets_[e]};
      if (!expected.empty()) expected += ' ';
      expected += text_.substr(s.begin, s.size());
      tb.pieces.push_back(s);
      if (semi == std::string_view::npos) break;
      offsets = offsets.substr(semi + 1);
    }
    if (span_text != expected && TrimTrailingSpace(span_text) != TrimTrailingSpace(expected)) {
      Error(line, id + ": text '" + Shorten(span_text) +
                      "' does not match the text at its offsets '" + Shorten(expected) +
                      "' (offsets are read as code points)");
    }
    tb.ok = true;
  }

  void ParseEvent(uint64_t line, std::string_view full, std::vector<GoldAttribution>* out) {
    size_t tab = full.find('\t');
    GoldAttribution a;
    a.id = std::string(full.substr(0, tab));
    a.line = line;
    std::string_view args = full.substr(tab + 1);
    if (size_t t2 = args.find_first_of("\t\n"); t2 != std::string_view::npos) {
      args = args.substr(0, t2);  // brat puts nothing after the arguments
    }
    bool first = true, bad = false;
    size_t pos = 0;
    while (pos < args.size()) {
      size_t sp = args.find(' ', pos);
      if (sp == std::string_view::npos) sp = args.size();
      std::string_view arg = args.substr(pos, sp - pos);
      pos = sp + 1;
      if (arg.empty()) continue;
      size_t colon = arg.find(':');
      if (colon == std::string_view::npos || colon == 0 || colon + 1 == arg.size()) {
        Error(line, a.id + ": expected ROLE:ID, got '" + Shorten(arg) + "'");
        bad = true;
        continue;
      }
      std::string_view role = arg.substr(0, colon);
      std::string target(arg.substr(colon + 1));
      auto it = bounds_.find(target);
      if (it == bounds_.end() || !it->second.ok) {
        Error(line, a.id + ": " + std::string(role) + " refers to " +
                        (it == bounds_.end() ? "unknown id " : "malformed ") + target);
        bad = true;
        first = false;
        continue;
      }
      bool trigger = first;
      first = false;
      if (trigger) continue;  // the attribution's own span (the cue again)
      while (!role.empty() && role.back() >= '0' && role.back() <= '9') role.remove_suffix(1);
      std::vector<Span>* dest = role == "Content"  ? &a.content
                                : role == "Source" ? &a.source
                                : role == "Cue"    ? &a.cue
                                                   : nullptr;
      if (!dest) {
        Error(line, a.id + ": unknown role '" + std::string(arg.substr(0, colon)) +
                        "' (expected Content, Source or Cue)");
        continue;
      }
      dest->insert(dest->end(), it->second.pieces.begin(), it->second.pieces.end());
    }
    if (first && !bad) {
      Error(line, a.id + ": no arguments");
      return;
    }
    a.content = Normalize(std::move(a.content));
    a.source = Normalize(std::move(a.source));
    a.cue = Normalize(std::move(a.cue));
    out->push_back(std::move(a));
  }

  std::string_view text_;
  const std::string& name_;
  std::vector<RecordError>* errors_;
  std::vector<uint32_t> offsets_;
  std::map<std::string, TextBound> bounds_;
};

bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return !in.bad();
}

}  // namespace

std::vector<GoldAttribution> ParseBratAttributions(std::string_view ann, std::string_view text,
                                                   const std::string& ann_name,
                                                   std::vector<RecordError>* errors) {
  return BratParser(text, ann_name, errors).Parse(ann);
}

StatusOr<std::vector<BratDocument>> ReadBratFolder(const std::string& dir,
                                                   std::vector<RecordError>* errors) {
  namespace fs = std::filesystem;
  fs::path ann_dir = fs::path(dir) / "attributions", text_dir = fs::path(dir) / "text";
  std::error_code ec;
  if (!fs::is_directory(ann_dir, ec) || !fs::is_directory(text_dir, ec)) {
    return NotFound(dir + ": not a PolNeAR split folder (expected text/ and attributions/)");
  }
  std::vector<fs::path> anns;
  for (fs::directory_iterator it(ann_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".ann") anns.push_back(it->path());
  }
  if (ec) return IoError(ann_dir.string() + ": " + ec.message());
  std::sort(anns.begin(), anns.end());
  std::vector<RecordError> ignored;
  if (!errors) errors = &ignored;
  std::vector<BratDocument> docs;
  std::map<std::string, std::string> texts;  // name -> text, read once
  for (const fs::path& p : anns) {
    std::string stem = p.stem().string();
    size_t us = stem.rfind('_');
    if (us == std::string::npos || us == 0 || us + 1 == stem.size()) {
      errors->push_back(
          {{p.string(), 0}, InvalidArgument("expected NAME_ANNOTATOR.ann (no '_' suffix)")});
      continue;
    }
    BratDocument d;
    d.name = stem.substr(0, us);
    d.annotator = stem.substr(us + 1);
    d.ann_path = p.string();
    d.text_path = (text_dir / (d.name + ".txt")).string();
    auto cached = texts.find(d.name);
    if (cached == texts.end()) {
      std::string t;
      if (!ReadWholeFile(d.text_path, &t)) {
        errors->push_back({{d.ann_path, 0}, NotFound("no readable text file " + d.text_path)});
        continue;
      }
      cached = texts.emplace(d.name, std::move(t)).first;
    }
    d.text = cached->second;
    std::string ann;
    if (!ReadWholeFile(d.ann_path, &ann)) {
      errors->push_back({{d.ann_path, 0}, IoError("cannot read")});
      continue;
    }
    d.attributions = ParseBratAttributions(ann, d.text, d.ann_path, errors);
    docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace parley
