// CoNLL-U reader: sentences, comments, multi-word tokens, empty nodes, and
// "name:line:" errors on malformed input.
#include "eval/conllu.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace parley::conllu {
namespace {

// Reads every sentence of `text`; the first error ends the read.
StatusOr<std::vector<Sentence>> ReadAll(const std::string& text) {
  std::istringstream in(text);
  Reader reader(in, "test.conllu");
  std::vector<Sentence> out;
  Sentence s;
  while (true) {
    StatusOr<bool> more = reader.Next(&s);
    if (!more.ok()) return more.status();
    if (!*more) return out;
    out.push_back(s);
  }
}

std::string Row(const std::string& id, const std::string& form, const std::string& misc = "_") {
  return id + "\t" + form + "\t_\tX\t_\t_\t0\troot\t_\t" + misc + "\n";
}

TEST(Conllu, ReadsSentencesWithCommentsAndMultiWordTokens) {
  std::string text = "# newdoc id = d1\n# newpar id = p1\n# sent_id = s1\n# text = Don't go.\n" +
                     Row("1-2", "Don't") + Row("1", "Do") + Row("2", "n't") +
                     Row("3", "go", "SpaceAfter=No") + Row("4", ".") + "\n" + "# sent_id = s2\n" +
                     Row("1", "Yes") + Row("1.1", "said") + Row("2", "!", "Foo=Bar|SpaceAfter=No") +
                     "\n";
  auto r = ReadAll(text);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  const Sentence& a = (*r)[0];
  EXPECT_TRUE(a.new_document);
  EXPECT_TRUE(a.new_paragraph);
  EXPECT_EQ(a.document_id, "d1");
  EXPECT_EQ(a.paragraph_id, "p1");
  EXPECT_EQ(a.id, "s1");
  EXPECT_EQ(a.text, "Don't go.");
  EXPECT_EQ(a.line_number, 1u);
  ASSERT_EQ(a.lines.size(), 5u);
  EXPECT_TRUE(a.lines[0].is_range());
  EXPECT_EQ(a.lines[0].first, 1u);
  EXPECT_EQ(a.lines[0].last, 2u);
  EXPECT_EQ(a.SurfaceTokens(), (std::vector<size_t>{0, 3, 4}));
  EXPECT_EQ(a.Words(), (std::vector<size_t>{1, 2, 3, 4}));
  EXPECT_FALSE(a.lines[3].space_after());
  EXPECT_TRUE(a.lines[4].space_after());
  // Words: "Do" glued to "n't" inside the range, "n't" takes the range's
  // space, "go" none.
  EXPECT_EQ(a.WordSpaceAfter(), (std::vector<uint8_t>{0, 1, 0, 1}));

  const Sentence& b = (*r)[1];
  EXPECT_FALSE(b.new_document);
  EXPECT_TRUE(b.text.empty());
  EXPECT_TRUE(b.lines[1].is_empty_node());
  EXPECT_EQ(b.lines[1].sub, 1u);
  EXPECT_EQ(b.SurfaceTokens(), (std::vector<size_t>{0, 2}));
  // Without "# text" the text is rebuilt from forms and SpaceAfter.
  EXPECT_EQ(b.Text(), "Yes !");
  EXPECT_FALSE(b.lines[2].space_after());
  EXPECT_EQ(b.WordSpaceAfter(), (std::vector<uint8_t>{1, 0}));  // the empty node skipped
}

TEST(Conllu, KeepsEveryColumn) {
  auto r = ReadAll("1\tran\trun\tVERB\tVBD\tTense=Past\t0\troot\t0:root\tSpaceAfter=No\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();  // no final blank line: accepted
  const Line& l = (*r)[0].lines[0];
  EXPECT_EQ(l.form, "ran");
  EXPECT_EQ(l.lemma, "run");
  EXPECT_EQ(l.upos, "VERB");
  EXPECT_EQ(l.xpos, "VBD");
  EXPECT_EQ(l.feats, "Tense=Past");
  EXPECT_EQ(l.head, "0");
  EXPECT_EQ(l.deprel, "root");
  EXPECT_EQ(l.deps, "0:root");
  EXPECT_EQ(l.misc, "SpaceAfter=No");
}

TEST(Conllu, ToleratesBlankLinesAndCrlf) {
  auto r = ReadAll("\n\n" + Row("1", "a") + "\r\n\n\n" + Row("1", "b"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->size(), 2u);
}

struct BadCase {
  const char* name;
  std::string text;
  const char* where;  // expected "test.conllu:LINE:" prefix
};

class ConlluErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(ConlluErrors, ReportFileAndLine) {
  auto r = ReadAll(GetParam().text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message().rfind(GetParam().where, 0), 0u) << r.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ConlluErrors,
    ::testing::Values(
        BadCase{"NineColumns", Row("1", "a") + "2\tb\t_\t_\t_\t_\t_\t_\t_\n", "test.conllu:2:"},
        BadCase{"ElevenColumns", "1\ta\t_\t_\t_\t_\t_\t_\t_\t_\t_\n", "test.conllu:1:"},
        BadCase{"BadId", "# c\nx\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", "test.conllu:2:"},
        BadCase{"ZeroId", Row("0", "a"), "test.conllu:1:"},
        BadCase{"OutOfSequence", Row("1", "a") + Row("3", "b"), "test.conllu:2:"},
        BadCase{"BackwardRange", Row("2-1", "ab") + Row("1", "a"), "test.conllu:1:"},
        BadCase{"RangeNotAtNextWord", Row("1", "a") + Row("3-4", "cd") + Row("2", "b"),
                "test.conllu:2:"},
        BadCase{"RangePastSentence", Row("1-2", "ab") + Row("1", "a"), "test.conllu:1:"},
        BadCase{"EmptyNodeMisplaced", Row("1", "a") + Row("2.1", "x"), "test.conllu:2:"},
        BadCase{"EmptyForm", "1\t\t_\t_\t_\t_\t_\t_\t_\t_\n", "test.conllu:1:"},
        BadCase{"CommentAmongTokens", Row("1", "a") + "# late\n", "test.conllu:2:"},
        BadCase{"OnlyComments", "# text = a\n\n", "test.conllu:2:"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(Conllu, OpenMissingFileIsNotFound) {
  auto r = Reader::Open("/nonexistent/x.conllu");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace parley::conllu
