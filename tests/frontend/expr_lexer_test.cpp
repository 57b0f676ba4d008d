// The Python tokenizer behind the expression parser: token kinds, decoded values and
// absolute ranges, line structure (Newline/Indent/Dedent in statement mode), and errors.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "ast/expr_dump.hpp"
#include "expr/expr_lexer.hpp"
#include "expr_test_support.hpp"

namespace squall::front::testing {
namespace {

// Renders tokens compactly: names as `x`, numbers as `int:1` / `float:1.5`, strings as
// JSON, structure as NL INDENT DEDENT, operators and keywords by their spelling.
std::string render(const std::vector<ExprToken>& tokens) {
  std::string out;
  for (const ExprToken& t : tokens) {
    if (t.kind == Tok::End) break;
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case Tok::Name:
        out += t.text;
        break;
      case Tok::Int:
        out += "int:" + std::to_string(t.int_value);
        break;
      case Tok::Float:
        out += "float:" + fmt::format("{}", t.float_value);
        break;
      case Tok::String:
        append_json_string(t.text, out);
        break;
      case Tok::Newline:
        out += "NL";
        break;
      case Tok::Indent:
        out += "INDENT";
        break;
      case Tok::Dedent:
        out += "DEDENT";
        break;
      default: {
        const std::string d = describe_token(t);
        out += d.substr(1, d.size() - 2);
      }
    }
  }
  return out;
}

std::string lex(std::string_view text, bool statements = false, int indent = 4) {
  auto file =
      std::make_shared<const SourceFile>("t.html", std::string(kPrefix) + std::string(text));
  DiagnosticEngine diags;
  const auto begin = static_cast<std::uint32_t>(kPrefix.size());
  ExprParseInput in{file, {begin, begin + static_cast<std::uint32_t>(text.size())}, diags};
  ExprLexOptions options;
  options.statements = statements;
  options.base_indent = indent;
  std::vector<ExprToken> tokens;
  if (lex_python(in, options, tokens)) return render(tokens);
  const Diagnostic& d = diags.diagnostics().at(0);
  const LineColumn lc = file->locate(d.range.begin);
  const int col = lc.line == 1 ? lc.column - static_cast<int>(kPrefix.size()) : lc.column;
  return "error " + std::to_string(lc.line) + ":" + std::to_string(col) + ": " + d.message;
}

struct LexCase {
  const char* text;
  const char* expected;
};

void PrintTo(const LexCase& c, std::ostream* os) {
  *os << c.text;
}

class ExprLexerTest : public ::testing::TestWithParam<LexCase> {};

TEST_P(ExprLexerTest, Tokens) {
  EXPECT_EQ(lex(GetParam().text), GetParam().expected);
}

const LexCase kLexCases[] = {
    {"", ""},
    {"x", "x"},
    {"  x  ", "x"},
    {"_a1 b_2", "_a1 b_2"},
    {"名前 café ñ", "名前 café ñ"},
    {"if else not in is and or lambda None True False",
     "if else not in is and or lambda None True False"},
    {"match case type _", "match case type _"},
    {"0 7 1_000 0x1f 0X1F 0o17 0O17 0b101 0B1 0x_f",
     "int:0 int:7 int:1000 int:31 int:31 int:15 int:15 int:5 int:1 int:15"},
    {"9223372036854775807", "int:9223372036854775807"},
    {"000 0_0", "int:0 int:0"},
    {"1.5 .5 5. 1e3 1E-3 1.5e+2 1_0.0_1",
     "float:1.5 float:0.5 float:5 float:1000 float:0.001 float:150 float:10.01"},
    {"1e400", "float:inf"},
    {"1if", "int:1 if"},
    {"'a' \"b\" '''c''' \"\"\"d\"\"\"", "\"a\" \"b\" \"c\" \"d\""},
    {"'it''s'", "\"it\" \"s\""},
    {"r'\\n' R'\\'' u'x' U'y'", "\"\\\\n\" \"\\\\'\" \"x\" \"y\""},
    {"'\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v'", "\"\\n\\t\\r\\\\'\\\"\\u0007\\b\\f\\u000b\""},
    {"'\\x41\\u00e9\\U0001F600\\101\\0'", "\"Aé😀A\\u0000\""},
    {"'\\d\\w'", "\"\\\\d\\\\w\""},
    {"'a\\\nb'", "\"ab\""},
    {"'''a\nb'''", "\"a\\nb\""},
    {"'é中'", "\"é中\""},
    {"+ - * ** / // % @ ~ & | ^ << >> < > <= >= == != = := ->",
     "+ - * ** / // % @ ~ & | ^ << >> < > <= >= == != = := ->"},
    {"+= -= *= **= /= //= %= @= &= |= ^= <<= >>=", "+= -= *= **= /= //= %= @= &= |= ^= <<= >>="},
    {"( ) [ ] { } , : ; . ...", "( ) [ ] { } , : ; . ..."},
    {"a.b", "a . b"},
    {"1 .real", "int:1 . real"},
    {"x # comment", "x"},
    {"(a\n b)", "( a b )"},
    {"[a,\n\n  b]", "[ a , b ]"},
    {"a\nb", "a NL b"},
    {"a \\\n b", "a b"},
    {"a\n  # c\n\n", "a"},
    {"a\r\nb", "a NL b"},
    {"'abc", "error 1:1: unterminated string literal"},
    {"'''abc'", "error 1:1: unterminated triple-quoted string literal"},
    {"x'", "error 1:2: unterminated string literal"},
    {"'\\x'", "error 1:2: truncated \\x escape in string literal"},
    {"'\\U0011ffff'", "error 1:2: illegal Unicode character in string literal"},
    {"f'x' ", "error 1:1: unsupported Python syntax: f-string"},
    {"Rb'x'", "error 1:1: unsupported Python syntax: bytes literal"},
    {"9223372036854775808", "int:-9223372036854775808"},  // 2**63: the parser decides
    {"9223372036854775809", "error 1:1: integer literal too large (Squall integers are 64-bit)"},
    {"0b", "error 1:1: invalid binary literal"},
    {"0o", "error 1:1: invalid octal literal"},
    {"1_000_", "error 1:1: invalid decimal literal"},
    {"1.5x", "error 1:1: invalid decimal literal"},
    {"07",
     "error 1:1: leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
     "octal integers"},
    {"5j", "error 1:1: unsupported Python syntax: complex number literal"},
    {"a $", "error 1:3: invalid character '$' in expression"},
    {"a `b`", "error 1:3: invalid character '`' in expression"},
    {"a \x01", "error 1:3: invalid character U+0001 in expression"},
    {"\xe2\x80\x9cquoted\xe2\x80\x9d", "error 1:1: invalid character U+201C in expression"},
    {"a\xff", "error 1:2: invalid UTF-8 in expression"},
    {"a \\ b", "error 1:3: unexpected character after line continuation character"},
};

INSTANTIATE_TEST_SUITE_P(Table, ExprLexerTest, ::testing::ValuesIn(kLexCases));

TEST(ExprLexerStatements, IndentationAgainstTheGeneratedColumn) {
  EXPECT_EQ(lex("a = 1\n    b = 2", true), "a = int:1 NL b = int:2 NL");
  EXPECT_EQ(lex("if a:\n        b\n    c", true), "if a : NL INDENT b NL DEDENT c NL");
  EXPECT_EQ(lex("if a:\n        if b:\n            c", true),
            "if a : NL INDENT if b : NL INDENT c NL DEDENT DEDENT");
  EXPECT_EQ(lex("if a:\n      b\n    c", true), "if a : NL INDENT b NL DEDENT c NL");
  EXPECT_EQ(lex("a\n  b", true, 2), "a NL b NL");
  EXPECT_EQ(lex("a = (1,\n2)\n    b", true), "a = ( int:1 , int:2 ) NL b NL");
  EXPECT_EQ(lex("a = '''x\ny'''\n    b", true), "a = \"x\\ny\" NL b NL");
  EXPECT_EQ(lex("a\n\n    # c\n    b\n", true), "a NL b NL");
  EXPECT_EQ(lex("a\n\f    b", true, 4), "a NL b NL");
}

TEST(ExprLexerStatements, IndentationErrors) {
  EXPECT_EQ(lex("a\nb", true),
            "error 2:1: this line is indented less than the first line of the statement, which "
            "Tornado's generated code places at column 5");
  EXPECT_EQ(lex("if a:\n        b\n      c", true),
            "error 3:1: unindent does not match any outer indentation level");
  EXPECT_EQ(lex("a\n\tb", true), "error 2:1: inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(lex("if a:\n        b\n\tc", true),
            "error 3:1: inconsistent use of tabs and spaces in indentation");
  // A tab after the generated spaces goes further right with both tab sizes: consistent.
  EXPECT_EQ(lex("if a:\n    \tb\n    c", true), "if a : NL INDENT b NL DEDENT c NL");
}

TEST(ExprLexerRanges, TokensCarryAbsoluteOffsets) {
  auto file = std::make_shared<const SourceFile>("t.html", "{{ ab + 'c' }}");
  DiagnosticEngine diags;
  std::vector<ExprToken> tokens;
  ASSERT_TRUE(lex_python({file, {3, 11}, diags}, {}, tokens));
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].range, (SourceRange{3, 5}));
  EXPECT_EQ(tokens[1].range, (SourceRange{6, 7}));
  EXPECT_EQ(tokens[2].range, (SourceRange{8, 11}));
  EXPECT_EQ(tokens[3].kind, Tok::End);
  EXPECT_EQ(tokens[3].range, (SourceRange{11, 11}));
}

TEST(ExprLexerRanges, LexingStopsAtTheRangeEnd) {
  auto file = std::make_shared<const SourceFile>("t.html", "{{ 'abc' }}");
  DiagnosticEngine diags;
  std::vector<ExprToken> tokens;
  EXPECT_FALSE(lex_python({file, {3, 6}, diags}, {}, tokens));
  ASSERT_EQ(diags.diagnostics().size(), 1u);
  EXPECT_EQ(diags.diagnostics()[0].message, "unterminated string literal");
}

TEST(ExprLexerKeywords, KeywordTable) {
  EXPECT_EQ(keyword_token("lambda"), Tok::KwLambda);
  EXPECT_EQ(keyword_token("None"), Tok::KwNone);
  EXPECT_EQ(keyword_token("none"), Tok::Name);
  EXPECT_EQ(keyword_token("print"), Tok::Name);
}

}  // namespace
}  // namespace squall::front::testing
