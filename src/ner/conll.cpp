#include "ner/conll.h"

#include <fstream>
#include <sstream>

namespace parley::ner {

std::vector<EntitySpan> SpansFromIob(const std::vector<std::string_view>& tags) {
  std::vector<EntitySpan> out;
  bool open = false;
  EntitySpan cur;
  for (uint32_t i = 0; i < tags.size(); ++i) {
    std::string_view tag = tags[i];
    char prefix = tag.size() >= 2 && tag[1] == '-' ? tag[0] : 'O';
    int type = prefix == 'O' ? -1 : TypeId(tag.substr(2));
    bool starts = prefix == 'B' || prefix == 'S' ||
                  ((prefix == 'I' || prefix == 'E') && (!open || cur.type != type));
    if (open && (prefix == 'O' || starts || type < 0)) {
      cur.end = i;
      out.push_back(cur);
      open = false;
    }
    if (type < 0) continue;
    if (starts) {
      cur = {i, 0, type};
      open = true;
    }
    if (prefix == 'E' || prefix == 'S') {  // IOBES ends, read for free
      cur.end = i + 1;
      out.push_back(cur);
      open = false;
    }
  }
  if (open) {
    cur.end = static_cast<uint32_t>(tags.size());
    out.push_back(cur);
  }
  return out;
}

StatusOr<std::vector<NerDocument>> ParseConll(std::string_view text, const std::string& name) {
  std::vector<NerDocument> docs(1);
  NerSentence sent;
  std::vector<std::string> tags;
  auto end_sentence = [&] {
    if (sent.words.empty()) return;
    std::vector<std::string_view> views(tags.begin(), tags.end());
    sent.gold = SpansFromIob(views);
    docs.back().sentences.push_back(std::move(sent));
    sent = {};
    tags.clear();
  };
  size_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
      end_sentence();
      continue;
    }
    line = line.substr(first);
    size_t word_end = line.find_first_of(" \t");
    std::string_view word = line.substr(0, word_end);
    if (word == "-DOCSTART-") {
      end_sentence();
      if (!docs.back().sentences.empty()) docs.emplace_back();
      continue;
    }
    size_t tag_begin = line.find_last_of(" \t");
    if (word_end == std::string_view::npos || tag_begin == std::string_view::npos) {
      return InvalidArgument(name + ":" + std::to_string(line_no) +
                             ": expected 'word ... tag' columns");
    }
    sent.words.emplace_back(word);
    tags.emplace_back(line.substr(tag_begin + 1));
  }
  end_sentence();
  if (docs.back().sentences.empty()) docs.pop_back();
  return docs;
}

StatusOr<std::vector<NerDocument>> ReadConll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParseConll(ss.str(), path);
}

}  // namespace parley::ner
