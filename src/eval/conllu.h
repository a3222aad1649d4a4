// CoNLL-U reader: streams sentences from a UD treebank file.
//
// General on purpose: the tokenization scorer reads only forms, `# text` and
// paragraph/document marks, but POS and parser training reuse the same reader
// for every column. Malformed lines are reported as Status errors naming
// "file:line", never as crashes.
#pragma once

#include <cstdint>
#include <fstream>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::conllu {

// One token line. The ID column is a word ("3"), a multi-word token range
// ("3-4": first=3, last=4) or an empty node ("3.1": first=3, sub=1).
struct Line {
  uint32_t first = 0, last = 0, sub = 0;
  std::string form, lemma, upos, xpos, feats, head, deprel, deps, misc;

  bool is_range() const { return last != first; }
  bool is_empty_node() const { return sub != 0; }
  bool is_word() const { return !is_range() && !is_empty_node(); }
  // False when MISC holds SpaceAfter=No.
  bool space_after() const;
};

struct Sentence {
  std::string id;              // # sent_id
  std::string text;            // # text (empty when absent)
  bool new_document = false;   // # newdoc
  bool new_paragraph = false;  // # newpar
  std::string document_id, paragraph_id;
  std::vector<std::string> comments;  // every comment line, without "#"
  std::vector<Line> lines;            // token lines in file order
  uint64_t line_number = 0;           // first line of the sentence in the file

  // Indices into `lines` of the surface tokens: ranges and the words no
  // range covers (empty nodes excluded). What the tokenizer should produce.
  std::vector<size_t> SurfaceTokens() const;
  // Indices of the syntactic words (no ranges, no empty nodes).
  std::vector<size_t> Words() const;
  // For each word of Words(): 1 when a space follows it in the text (the
  // words inside a multi-word token are glued; its last word takes the
  // token's SpaceAfter).
  std::vector<uint8_t> WordSpaceAfter() const;
  // The sentence text: `# text`, or the surface forms joined by SpaceAfter.
  std::string Text() const;
};

class Reader {
 public:
  // Reads from `in`, naming it `name` in error messages. `in` must outlive
  // the reader.
  Reader(std::istream& in, std::string name) : in_(&in), name_(std::move(name)) {}
  // Opens a file; NotFound when it cannot be opened.
  static StatusOr<std::unique_ptr<Reader>> Open(const std::string& path);

  // Reads the next sentence into *out. Returns false at the end of input, or
  // an InvalidArgument error "name:line: what" on a malformed line.
  StatusOr<bool> Next(Sentence* out);

 private:
  Status Error(uint64_t line, std::string_view what) const;
  Status ParseTokenLine(std::string_view text, uint64_t line, Line* out) const;
  Status Validate(const Sentence& s) const;

  std::unique_ptr<std::ifstream> owned_;
  std::istream* in_;
  std::string name_;
  uint64_t line_ = 0;
  std::string buffer_;
};

}  // namespace parley::conllu
