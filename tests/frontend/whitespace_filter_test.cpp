#include "parse/whitespace_filter.hpp"

#include <gtest/gtest.h>

#include "diag/python_repr.hpp"

namespace squall::front {
namespace {

struct FilterCase {
  const char* name;
  WhitespaceMode mode;
  std::string input;
  std::string want;
};

// Expected values follow tornado.template.filter_whitespace (spec 4.1).
const FilterCase kFilterCases[] = {
    {"all keeps everything", WhitespaceMode::All, " a \n\n b\t", " a \n\n b\t"},
    {"single collapses blanks", WhitespaceMode::Single, "a  \t b", "a b"},
    {"single collapses newline runs", WhitespaceMode::Single, "a \n\n  b", "a\nb"},
    {"single crlf", WhitespaceMode::Single, "a\r\nb", "a\nb"},
    {"single keeps runs without newline", WhitespaceMode::Single, "a\r\rb", "a\r\rb"},
    {"single keeps nbsp runs", WhitespaceMode::Single,
     "a\xc2\xa0\xc2\xa0"
     "b",
     "a\xc2\xa0\xc2\xa0"
     "b"},
    {"single unicode space around newline", WhitespaceMode::Single,
     "a\xe3\x80\x80\n\xc2\x85"
     "b",
     "a\nb"},
    {"single leading and trailing", WhitespaceMode::Single, "\n  x  \n", "\nx\n"},
    {"oneline", WhitespaceMode::Oneline, " a \n\n b\t\xe3\x80\x80", " a b "},
    {"oneline without whitespace", WhitespaceMode::Oneline, "abc", "abc"},
};

TEST(WhitespaceFilter, Table) {
  for (const FilterCase& c : kFilterCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(filter_whitespace(c.mode, c.input), c.want);
  }
}

TEST(WhitespaceFilter, PreChunksAreKept) {
  EXPECT_EQ(filter_text_chunk(WhitespaceMode::Oneline, "<pre>\n  x\n</pre>"), "<pre>\n  x\n</pre>");
  EXPECT_EQ(filter_text_chunk(WhitespaceMode::Oneline, "<pre class=a>\n  x"), "<pre class=a> x");
}

struct ReprCase {
  std::string input;
  std::string want;
};

// Expected values are CPython's repr().
const ReprCase kReprCases[] = {
    {"endif", "'endif'"},
    {"if\tx", "'if\\tx'"},
    {"comment\n", "'comment\\n'"},
    {"it's", "\"it's\""},
    {"'\"", "'\\'\"'"},
    {"a\\b", "'a\\\\b'"},
    {"\x01\x7f", "'\\x01\\x7f'"},
    {"\xc2\xa0\xc3\xa9", "'\\xa0\xc3\xa9'"},
    {"\xe3\x80\x80\xe2\x80\x8b", "'\\u3000\\u200b'"},
};

TEST(PythonStrRepr, Table) {
  for (const ReprCase& c : kReprCases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(python_str_repr(c.input), c.want);
  }
}

}  // namespace
}  // namespace squall::front
