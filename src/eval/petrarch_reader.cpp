// PETRARCH validation files for the event scorer.
//
// Why a hand-written scanner and not an XML library: the shipped files are
// not well-formed. PETR2_GSR_validation.xml writes each record as a
// self-closed <Sentence .../> followed by its <EventCoding>, <Text> and
// <Parse> siblings and then a </Sentence> that closes nothing, so a
// conforming parser (pugixml, libxml2) stops at the first record; the files
// also carry '#' banner lines and `<!---` comments. The scanner knows the
// few tags that matter: a <Sentence> opens a record (closed by </Sentence>,
// the next <Sentence> or the end), <EventCoding> adds gold to it, <Text> and
// <Parse> are read raw up to their end tags, everything else is skipped.
#include <fstream>
#include <sstream>

#include "core/ascii.h"
#include "parley/event_eval.h"

namespace parley {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == ':' || c == '.';
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// XML character references and the five predefined entities; anything else
// that starts with '&' is kept as written (the files use a bare '&' in
// comments and PETRARCH's own "&SYNSET" notation).
std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    static constexpr std::pair<std::string_view, char> kNamed[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    bool done = false;
    for (const auto& [n, c] : kNamed) {
      if (ent == n) {
        out.push_back(c);
        done = true;
      }
    }
    if (!done && ent.size() >= 2 && ent[0] == '#') {
      bool hex = ent[1] == 'x' || ent[1] == 'X';
      std::string_view digits = ent.substr(hex ? 2 : 1);
      char32_t cp = 0;
      bool ok = !digits.empty();
      for (char c : digits) {
        int v = c >= '0' && c <= '9'          ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
        if (v < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (ok && cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
        AppendUtf8(cp, &out);
        done = true;
      }
    }
    if (done) {
      i = semi;
    } else {
      out.push_back('&');
    }
  }
  return out;
}

// Whitespace runs (line breaks included) as one space, trimmed: the texts
// are wrapped at ~80 columns.
std::string CollapseSpace(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsSpace(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string NormalizeCode(std::string_view s) {
  std::string out = CollapseSpace(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
  }
  return out;
}

// YYYYMMDD -> YYYY-MM-DD; empty when it is not a plausible date.
std::string IsoDate(std::string_view d) {
  if (d.size() != 8) return {};
  for (char c : d) {
    if (c < '0' || c > '9') return {};
  }
  int month = (d[4] - '0') * 10 + (d[5] - '0');
  int day = (d[6] - '0') * 10 + (d[7] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  std::string out(d.substr(0, 4));
  out += '-';
  out += d.substr(4, 2);
  out += '-';
  out += d.substr(6, 2);
  return out;
}

struct Tag {
  std::string name;  // without the '/' of an end tag
  bool end = false, self_closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // values decoded
  std::string error;                                            // a malformed attribute list

  const std::string* Find(std::string_view key) const {
    for (const auto& [k, v] : attributes) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

// Parses the inside of `<...>` (without the brackets).
Tag ParseTag(std::string_view in) {
  Tag t;
  size_t i = 0;
  if (i < in.size() && in[i] == '/') {
    t.end = true;
    ++i;
  }
  size_t b = i;
  while (i < in.size() && IsNameChar(in[i])) ++i;
  t.name.assign(in.substr(b, i - b));
  while (!in.empty() && IsSpace(in.back())) in.remove_suffix(1);
  if (!in.empty() && in.back() == '/') {
    t.self_closing = true;
    in.remove_suffix(1);
  }
  for (;;) {
    while (i < in.size() && IsSpace(in[i])) ++i;
    if (i >= in.size()) break;
    b = i;
    while (i < in.size() && IsNameChar(in[i])) ++i;
    std::string key(in.substr(b, i - b));
    if (key.empty()) {
      t.error = "unexpected '" + std::string(1, in[i]) + "'";
      break;
    }
    while (i < in.size() && IsSpace(in[i])) ++i;
    if (i >= in.size() || in[i] != '=') {
      t.error = "attribute '" + key + "' has no value";
      break;
    }
    ++i;
    while (i < in.size() && IsSpace(in[i])) ++i;
    if (i >= in.size() || (in[i] != '"' && in[i] != '\'')) {
      t.error = "attribute '" + key + "' is not quoted";
      break;
    }
    char q = in[i++];
    size_t close = in.find(q, i);
    if (close == std::string_view::npos) {
      t.error = "attribute '" + key + "' has no closing quote";
      break;
    }
    if (t.Find(key)) {
      t.error = "attribute '" + key + "' given twice";
      break;
    }
    t.attributes.emplace_back(std::move(key), DecodeEntities(in.substr(i, close - i)));
    i = close + 1;
  }
  return t;
}

class Scanner {
 public:
  Scanner(std::string_view xml, const std::string& name, std::vector<RecordError>* errors)
      : xml_(xml), name_(name), errors_(errors) {}

  std::vector<PetrarchSentence> Run() {
    while (pos_ < xml_.size()) {
      size_t lt = xml_.find('<', pos_);
      if (lt == std::string_view::npos) break;
      MoveTo(lt);
      if (Starts("<!--")) {
        if (!SkipPast("-->")) Error(line_, "unterminated comment");
      } else if (Starts("<?")) {
        if (!SkipPast("?>")) Error(line_, "unterminated processing instruction");
      } else if (Starts("<!")) {
        if (!SkipPast(">")) Error(line_, "unterminated declaration");
      } else {
        ReadTag();
      }
    }
    Finish();
    return std::move(out_);
  }

 private:
  bool Starts(std::string_view s) const { return xml_.substr(pos_, s.size()) == s; }

  // Moves to `to`, counting lines.
  void MoveTo(size_t to) {
    for (size_t i = pos_; i < to && i < xml_.size(); ++i) line_ += xml_[i] == '\n';
    pos_ = std::min(to, xml_.size());
  }

  bool SkipPast(std::string_view end) {
    size_t at = xml_.find(end, pos_);
    if (at == std::string_view::npos) {
      MoveTo(xml_.size());
      return false;
    }
    MoveTo(at + end.size());
    return true;
  }

  void Error(uint64_t line, std::string what) {
    errors_->push_back({{name_, line}, InvalidArgument(std::move(what))});
  }

  // A problem with the open record: reported once, the record is dropped.
  void RecordProblem(uint64_t line, std::string what) {
    if (bad_) return;
    bad_ = true;
    Error(line, cur_.id.empty() ? what : "sentence '" + cur_.id + "': " + what);
  }

  void ReadTag() {
    const uint64_t line = line_;
    // The tag ends at the first '>' outside quotes; a '<' before it means
    // the tag was never closed.
    size_t i = pos_ + 1;
    char quote = 0;
    for (; i < xml_.size(); ++i) {
      char c = xml_[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>' || c == '<') {
        break;
      }
    }
    if (i >= xml_.size() || xml_[i] == '<') {
      std::string_view head = xml_.substr(pos_, std::min<size_t>(20, i - pos_));
      size_t nl = head.find('\n');
      if (nl != std::string_view::npos) head = head.substr(0, nl);
      if (open_) {
        RecordProblem(line, "unterminated tag '" + std::string(head) + "'");
      } else {
        Error(line, "unterminated tag '" + std::string(head) + "'");
      }
      MoveTo(i);
      return;
    }
    Tag tag = ParseTag(xml_.substr(pos_ + 1, i - pos_ - 1));
    MoveTo(i + 1);
    if (tag.name.empty()) return;  // a stray '<' in text outside a record
    if (tag.name == "Sentence") {
      // A self-closed <Sentence/> stays open too: in these files its
      // children follow it.
      Finish();
      if (!tag.end) OpenSentence(tag, line);
    } else if (tag.name == "Sentences" || tag.name == "Validation") {
      if (tag.end) Finish();
    } else if (tag.name == "EventCoding") {
      if (!tag.end) AddCoding(tag, line);
    } else if (tag.name == "Text" && !tag.end) {
      ReadText(tag, line);
    } else if (tag.name == "Parse" && !tag.end && !tag.self_closing) {
      if (!SkipPast("</Parse>")) {
        if (open_) {
          RecordProblem(line, "<Parse> without </Parse>");
        } else {
          Error(line, "<Parse> without </Parse>");
        }
      }
    }
  }

  void OpenSentence(const Tag& tag, uint64_t line) {
    open_ = true;
    bad_ = false;
    cur_ = PetrarchSentence();
    cur_.line = line;
    if (const std::string* id = tag.Find("id")) cur_.id = CollapseSpace(*id);
    if (!tag.error.empty()) {
      RecordProblem(line, "<Sentence>: " + tag.error);
      return;
    }
    if (const std::string* c = tag.Find("category")) cur_.category = CollapseSpace(*c);
    for (const char* key : {"evaluate", "sentence"}) {
      if (const std::string* v = tag.Find(key); v && AsciiLower(CollapseSpace(*v)) == "false")
        cur_.evaluate = false;
    }
    if (cur_.id.empty()) {
      RecordProblem(line, "<Sentence> without an id");
      return;
    }
    const std::string* date = tag.Find("date");
    if (!date) {
      RecordProblem(line, "no date");
      return;
    }
    cur_.date = IsoDate(CollapseSpace(*date));
    if (cur_.date.empty()) RecordProblem(line, "date '" + *date + "' is not YYYYMMDD");
  }

  void AddCoding(const Tag& tag, uint64_t line) {
    if (!open_) {
      Error(line, "<EventCoding> outside a <Sentence>");
      return;
    }
    if (!tag.error.empty()) {
      RecordProblem(line, "<EventCoding>: " + tag.error);
      return;
    }
    if (const std::string* none = tag.Find("noevents")) {
      if (AsciiLower(CollapseSpace(*none)) == "true") return;
    }
    EventTriple t;
    const char* keys[] = {"sourcecode", "targetcode", "eventcode"};
    std::string* fields[] = {&t.source, &t.target, &t.code};
    for (int k = 0; k < 3; ++k) {
      const std::string* v = tag.Find(keys[k]);
      if (!v || NormalizeCode(*v).empty()) {
        RecordProblem(line, std::string("<EventCoding> without ") + keys[k]);
        return;
      }
      *fields[k] = NormalizeCode(*v);
    }
    if (t.code.size() < 2 || t.code[0] < '0' || t.code[0] > '9' || t.code[1] < '0' ||
        t.code[1] > '9') {
      RecordProblem(line, "eventcode '" + t.code + "' is not a CAMEO code");
      return;
    }
    cur_.gold.push_back(std::move(t));
  }

  void ReadText(const Tag& tag, uint64_t line) {
    if (tag.self_closing) {
      if (!open_) Error(line, "<Text> outside a <Sentence>");
      return;
    }
    size_t end = xml_.find("</Text>", pos_);
    if (end == std::string_view::npos) {
      MoveTo(xml_.size());
      if (open_) {
        RecordProblem(line, "<Text> without </Text>");
      } else {
        Error(line, "<Text> without </Text>");
      }
      return;
    }
    std::string_view raw = xml_.substr(pos_, end - pos_);
    MoveTo(end + 7);
    if (!open_) {
      Error(line, "<Text> outside a <Sentence>");
      return;
    }
    if (saw_text_) {
      RecordProblem(line, "a second <Text>");
      return;
    }
    saw_text_ = true;
    cur_.text = CollapseSpace(DecodeEntities(raw));
  }

  void Finish() {
    if (!open_) return;
    if (!bad_ && cur_.text.empty())
      RecordProblem(cur_.line, saw_text_ ? "empty <Text>" : "no <Text>");
    if (!bad_) out_.push_back(std::move(cur_));
    open_ = bad_ = saw_text_ = false;
    cur_ = PetrarchSentence();
  }

  std::string_view xml_;
  const std::string& name_;
  std::vector<RecordError>* errors_;
  size_t pos_ = 0;
  uint64_t line_ = 1;
  bool open_ = false, bad_ = false, saw_text_ = false;
  PetrarchSentence cur_;
  std::vector<PetrarchSentence> out_;
};

}  // namespace

std::vector<PetrarchSentence> ParsePetrarchXml(std::string_view xml, const std::string& name,
                                               std::vector<RecordError>* errors) {
  return Scanner(xml, name, errors).Run();
}

StatusOr<std::vector<PetrarchSentence>> ReadPetrarchXml(const std::string& path,
                                                        std::vector<RecordError>* errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  return ParsePetrarchXml(ss.str(), path, errors);
}

}  // namespace parley
