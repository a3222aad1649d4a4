// CoNLL-U reader (see conllu.h). Follows the UD format spec: ten tab-separated
// columns, sentences separated by blank lines, comments starting with '#'.
#include "eval/conllu.h"

#include <charconv>

namespace parley::conllu {
namespace {

// Parses a non-negative decimal integer that fills `s` completely.
bool ParseUint(std::string_view s, uint32_t* out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// "key = value" comments; returns the value of `key` or false.
bool CommentValue(std::string_view comment, std::string_view key, std::string* value) {
  while (!comment.empty() && comment.front() == ' ') comment.remove_prefix(1);
  if (comment.substr(0, key.size()) != key) return false;
  std::string_view rest = comment.substr(key.size());
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '=') return false;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == '=') {
    rest.remove_prefix(1);
    if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  }
  value->assign(rest);
  return true;
}

}  // namespace

bool Line::space_after() const {
  // MISC is a '|' list; SpaceAfter=No must be a whole item.
  std::string_view m = misc;
  size_t pos = 0;
  while (pos <= m.size()) {
    size_t bar = m.find('|', pos);
    if (bar == std::string_view::npos) bar = m.size();
    if (m.substr(pos, bar - pos) == "SpaceAfter=No") return false;
    pos = bar + 1;
  }
  return true;
}

std::vector<size_t> Sentence::SurfaceTokens() const {
  std::vector<size_t> out;
  uint32_t covered_until = 0;  // last word id inside the current range
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.is_empty_node()) continue;
    if (l.is_range()) {
      out.push_back(i);
      covered_until = l.last;
    } else if (l.first > covered_until) {
      out.push_back(i);
    }
  }
  return out;
}

std::vector<size_t> Sentence::Words() const {
  std::vector<size_t> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].is_word()) out.push_back(i);
  }
  return out;
}

std::vector<uint8_t> Sentence::WordSpaceAfter() const {
  std::vector<uint8_t> out;
  uint32_t range_last = 0;  // last word id of the current range
  bool range_space = true;  // its SpaceAfter
  for (const Line& l : lines) {
    if (l.is_empty_node()) continue;
    if (l.is_range()) {
      range_last = l.last;
      range_space = l.space_after();
      continue;
    }
    if (l.first < range_last) {
      out.push_back(0);
    } else if (l.first == range_last) {
      out.push_back(range_space ? 1 : 0);
    } else {
      out.push_back(l.space_after() ? 1 : 0);
    }
  }
  return out;
}

std::string Sentence::Text() const {
  if (!text.empty()) return text;
  std::string out;
  for (size_t i : SurfaceTokens()) {
    out += lines[i].form;
    if (lines[i].space_after()) out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

StatusOr<std::unique_ptr<Reader>> Reader::Open(const std::string& path) {
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!file->is_open()) return NotFound("cannot open CoNLL-U file '" + path + "'");
  auto reader = std::make_unique<Reader>(*file, path);
  reader->owned_ = std::move(file);
  return reader;
}

Status Reader::Error(uint64_t line, std::string_view what) const {
  return InvalidArgument(name_ + ":" + std::to_string(line) + ": " + std::string(what));
}

Status Reader::ParseTokenLine(std::string_view text, uint64_t line, Line* out) const {
  std::string_view cols[10];
  size_t n = 0, pos = 0;
  while (true) {
    size_t tab = text.find('\t', pos);
    if (n == 10) return Error(line, "more than 10 tab-separated columns");
    cols[n++] =
        text.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  if (n != 10) {
    return Error(line, "expected 10 tab-separated columns, found " + std::to_string(n));
  }
  std::string_view id = cols[0];
  size_t dash = id.find('-'), dot = id.find('.');
  out->first = out->last = out->sub = 0;  // the strings are all assigned below
  if (dash != std::string_view::npos) {
    if (!ParseUint(id.substr(0, dash), &out->first) ||
        !ParseUint(id.substr(dash + 1), &out->last) || out->first == 0 || out->last <= out->first) {
      return Error(line, "bad multi-word token range '" + std::string(id) + "'");
    }
  } else if (dot != std::string_view::npos) {
    if (!ParseUint(id.substr(0, dot), &out->first) || !ParseUint(id.substr(dot + 1), &out->sub) ||
        out->sub == 0) {
      return Error(line, "bad empty node id '" + std::string(id) + "'");
    }
    out->last = out->first;
  } else {
    if (!ParseUint(id, &out->first) || out->first == 0) {
      return Error(line, "bad word id '" + std::string(id) + "'");
    }
    out->last = out->first;
  }
  if (cols[1].empty()) return Error(line, "empty FORM column");
  out->form.assign(cols[1]);
  out->lemma.assign(cols[2]);
  out->upos.assign(cols[3]);
  out->xpos.assign(cols[4]);
  out->feats.assign(cols[5]);
  out->head.assign(cols[6]);
  out->deprel.assign(cols[7]);
  out->deps.assign(cols[8]);
  out->misc.assign(cols[9]);
  return Status::Ok();
}

// Word ids run 1..n; a range starts at the next word and stays inside the
// sentence; an empty node follows the word it is numbered after.
Status Reader::Validate(const Sentence& s) const {
  uint32_t next_word = 1, range_end = 0;
  uint64_t line = s.line_number + s.comments.size() - 1;  // ++ before use
  uint64_t range_line = 0;
  for (const Line& l : s.lines) {
    ++line;
    if (l.is_range()) {
      if (l.first != next_word || l.first <= range_end) {
        return Error(line,
                     "multi-word token range does not start at word " + std::to_string(next_word));
      }
      range_end = l.last;
      range_line = line;
    } else if (l.is_empty_node()) {
      if (l.first != next_word - 1) {
        return Error(line, "empty node is not numbered after the preceding word");
      }
    } else {
      if (l.first != next_word) {
        return Error(line, "word id " + std::to_string(l.first) + " out of sequence (expected " +
                               std::to_string(next_word) + ")");
      }
      ++next_word;
    }
  }
  if (next_word == 1) return Error(s.line_number, "sentence has no words");
  if (range_end >= next_word) {
    return Error(range_line, "multi-word token range runs past the sentence");
  }
  return Status::Ok();
}

namespace {

// Empties *s but keeps its buffers: a pass over a treebank then allocates
// only while sentences grow.
void ResetSentence(Sentence* s) {
  s->id.clear();
  s->text.clear();
  s->new_document = s->new_paragraph = false;
  s->document_id.clear();
  s->paragraph_id.clear();
  s->comments.clear();
  s->line_number = 0;
}

}  // namespace

StatusOr<bool> Reader::Next(Sentence* out) {
  ResetSentence(out);
  size_t used = 0;  // token lines read; out->lines is reused in place
  auto finish = [&]() -> Status {
    out->lines.resize(used);
    if (used == 0) return Error(line_, "sentence has comments but no token lines");
    return Validate(*out);
  };
  bool started = false;
  while (std::getline(*in_, buffer_)) {
    ++line_;
    std::string_view text = buffer_;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) {
      if (!started) continue;  // tolerate extra blank lines
      PARLEY_RETURN_IF_ERROR(finish());
      return true;
    }
    if (!started) {
      started = true;
      out->line_number = line_;
    }
    if (text.front() == '#') {
      if (used != 0) return Error(line_, "comment line inside a sentence's token lines");
      std::string_view c = text.substr(1);
      out->comments.emplace_back(c);
      std::string value;
      if (CommentValue(c, "sent_id", &value)) {
        out->id = value;
      } else if (CommentValue(c, "text", &value)) {
        out->text = value;
      } else if (CommentValue(c, "newdoc id", &value)) {
        out->new_document = true;
        out->document_id = value;
      } else if (CommentValue(c, "newdoc", &value)) {
        out->new_document = true;
      } else if (CommentValue(c, "newpar id", &value)) {
        out->new_paragraph = true;
        out->paragraph_id = value;
      } else if (CommentValue(c, "newpar", &value)) {
        out->new_paragraph = true;
      }
      continue;
    }
    if (used == out->lines.size()) out->lines.emplace_back();
    PARLEY_RETURN_IF_ERROR(ParseTokenLine(text, line_, &out->lines[used]));
    ++used;
  }
  if (in_->bad()) return IoError(name_ + ":" + std::to_string(line_) + ": read error");
  out->lines.resize(used);
  if (!started) return false;
  // The file ended without the final blank line: accept the last sentence.
  PARLEY_RETURN_IF_ERROR(finish());
  return true;
}

}  // namespace parley::conllu
