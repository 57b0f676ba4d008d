// Expression, set-body, for/except header and import parsing: trees compared with
// dumps that tests/tools/gen_expr_cases.py computed from CPython's ast module, and
// rejected inputs compared with exact diagnostics.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "expr_test_support.hpp"

namespace squall::front::testing {
namespace {

struct ValidCase {
  std::string mode;
  std::string text;
  std::string dump;
};

std::vector<ValidCase> load_valid_cases() {
  std::ifstream in(std::string(SQUALL_SOURCE_DIR) + "/tests/frontend/data/expr_valid_cases.json");
  std::vector<ValidCase> cases;
  if (!in) return cases;
  for (const auto& c : nlohmann::json::parse(in)) {
    cases.push_back({c["mode"], c["text"], c["dump"]});
  }
  return cases;
}

class ValidExprTest : public ::testing::TestWithParam<ValidCase> {};

TEST_P(ValidExprTest, MatchesCPythonAst) {
  const ValidCase& c = GetParam();
  EXPECT_EQ(parse_to_string(expr_mode_from_name(c.mode), c.text), c.dump)
      << c.mode << ": " << c.text;
}

INSTANTIATE_TEST_SUITE_P(CPython, ValidExprTest, ::testing::ValuesIn(load_valid_cases()));

TEST(ValidExprCases, FileIsPresent) {
  EXPECT_GE(load_valid_cases().size(), 250u);
}

struct Case {
  ExprMode mode;
  const char* text;
  const char* expected;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.text;
}

class ExprCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(ExprCaseTest, ParsesAsExpected) {
  const Case& c = GetParam();
  EXPECT_EQ(parse_to_string(c.mode, c.text), c.expected) << c.text;
}

constexpr ExprMode E = ExprMode::Expr;
constexpr ExprMode T = ExprMode::Tuple;
constexpr ExprMode H = ExprMode::Header;
constexpr ExprMode S = ExprMode::Set;
constexpr ExprMode F = ExprMode::For;
constexpr ExprMode X = ExprMode::Except;
constexpr ExprMode I = ExprMode::Import;
constexpr ExprMode FI = ExprMode::From;

const Case kCases[] = {
    // -- Unsupported Python: each names the construct.
    {E, "f'{x}'", "error 1:1: unsupported Python syntax: f-string"},
    {E, "x + rf'a'", "error 1:5: unsupported Python syntax: f-string"},
    {E, "b'bytes'", "error 1:1: unsupported Python syntax: bytes literal"},
    {E, "'a' b'b'", "error 1:5: unsupported Python syntax: bytes literal"},
    {E, "(y := 1)", "error 1:4: unsupported Python syntax: assignment expression ':='"},
    {E, "await x", "error 1:1: unsupported Python syntax: await"},
    {E, "(yield x)", "error 1:2: unsupported Python syntax: yield"},
    {E, "a @ b", "error 1:3: unsupported Python syntax: '@' operator"},
    {E, "...", "error 1:1: unsupported Python syntax: Ellipsis '...'"},
    {E, "1j", "error 1:1: unsupported Python syntax: complex number literal"},
    {E, "'\\N{DASH}'", "error 1:2: unsupported Python syntax: \\N{...} escape"},
    {E, "'\\ud800'",
     "error 1:2: unsupported Python syntax: surrogate code point in string literal"},
    {E, "a[*b]", "error 1:3: unsupported Python syntax: starred subscript"},
    {E, "lambda *, a: a",
     "error 1:8: unsupported Python syntax: keyword-only parameter marker '*'"},
    {E, "lambda a, /: a",
     "error 1:11: unsupported Python syntax: positional-only parameter marker '/'"},
    {E, "[x async for x in y]", "error 1:4: unsupported Python syntax: async comprehension"},
    {S, "global x", "error 1:1: unsupported Python syntax: 'global' statement"},
    {S, "def f(): pass", "error 1:1: unsupported Python syntax: 'def' statement"},
    {S, "class C: pass", "error 1:1: unsupported Python syntax: 'class' statement"},
    {S, "return 1", "error 1:1: unsupported Python syntax: 'return' statement"},
    {S, "import os", "error 1:1: unsupported Python syntax: 'import' statement"},
    {S, "from os import path", "error 1:1: unsupported Python syntax: 'from' statement"},
    {S, "x = 1; for y in z: pass", "error 1:8: unsupported Python syntax: 'for' statement"},
    {S, "while x: pass", "error 1:1: unsupported Python syntax: 'while' statement"},
    {S, "x: int = 1", "error 1:2: unsupported Python syntax: variable annotation"},
    {S, "x = yield", "error 1:5: unsupported Python syntax: yield"},
    {S, "x @= y", "error 1:3: unsupported Python syntax: '@=' operator"},
    {FI, ". import x", "error 1:1: unsupported Python syntax: relative import"},
    {FI, "os import *", "error 1:11: unsupported Python syntax: 'from ... import *'"},

    // -- Syntax errors say what was expected and what was found, at the offending token.
    {E, "", "error 1:1: expected an expression but found end of input"},
    {E, "f(x", "error 1:4: expected ',' or ')' but found end of input"},
    {E, "f(x in)", "error 1:7: expected an expression but found ')'"},
    {E, "(a in)", "error 1:6: expected an expression but found ')'"},
    {E, "(a b)", "error 1:4: expected ')' but found 'b'"},
    {E, "[a b]", "error 1:4: expected ',' or ']' but found 'b'"},
    {E, "{a: b c}", "error 1:7: expected ',' or '}' but found 'c'"},
    {E, "{a: b, c}", "error 1:9: expected ':' in dict display but found '}'"},
    {E, "a b", "error 1:3: expected end of expression but found 'b'"},
    {E, "a, b", "error 1:2: expected end of expression but found ','"},
    {E, "a if b", "error 1:7: expected 'else' in conditional expression but found end of input"},
    {E, "a.", "error 1:3: expected an attribute name after '.' but found end of input"},
    {E, "a.if", "error 1:3: expected an attribute name after '.' but found 'if'"},
    {E, "a.1", "error 1:2: expected end of expression but found number '.1'"},
    {E, "a +", "error 1:4: expected an expression but found end of input"},
    {E, "a not b", "error 1:3: expected end of expression but found 'not'"},
    {E, "a is not", "error 1:9: expected an expression but found end of input"},
    {E, "not", "error 1:4: expected an expression but found end of input"},
    {E, "a[1", "error 1:4: expected ']' but found end of input"},
    {E, "a[]", "error 1:3: expected an expression but found ']'"},
    {E, "a]", "error 1:2: expected end of expression but found ']'"},
    {E, ")", "error 1:1: expected an expression but found ')'"},
    {E, "[x for x in]", "error 1:12: expected an expression but found ']'"},
    {E, "[x for x]", "error 1:9: expected 'in' but found ']'"},
    {E, "[x for x in lambda: y]", "error 1:13: expected an expression but found 'lambda'"},
    {E, "[x for 1 in y]", "error 1:8: cannot assign to literal"},
    {E, "[x for f() in y]", "error 1:8: cannot assign to function call"},
    {E, "[*x for x in y]", "error 1:2: iterable unpacking cannot be used in comprehension"},
    {E, "(*a)", "error 1:2: cannot use starred expression here"},
    {E, "f(x for x in y, 1)", "error 1:3: generator expression must be parenthesized"},
    {E, "f(1, x for x in y)", "error 1:6: generator expression must be parenthesized"},
    {E, "f(a=1, b)", "error 1:8: positional argument follows keyword argument"},
    {E, "f(**a, b)", "error 1:8: positional argument follows keyword argument unpacking"},
    {E, "f(**a, *b)", "error 1:8: iterable argument unpacking follows keyword argument unpacking"},
    {E, "f(a=1, a=2)", "error 1:8: keyword argument repeated: a"},
    {E, "f(a.b=1)",
     "error 1:3: expression cannot contain assignment (a keyword argument name must be a plain "
     "name)"},
    {E, "f(1=2)",
     "error 1:3: expression cannot contain assignment (a keyword argument name must be a plain "
     "name)"},
    {E, "lambda a, a: 1", "error 1:11: duplicate argument 'a' in lambda"},
    {E, "lambda a=1, b: 1",
     "error 1:13: parameter without a default follows parameter with a default"},
    {E, "lambda (a): 1", "error 1:8: expected a parameter name but found '('"},
    {E, "lambda a", "error 1:9: expected ':' after lambda parameters but found end of input"},
    {E, "if", "error 1:1: expected an expression but found 'if'"},
    {E, "None = 1", "error 1:6: expected end of expression but found '='"},
    {E, "class", "error 1:1: expected an expression but found 'class'"},
    {E, "a = 1", "error 1:3: expected end of expression but found '='"},
    {E, "a ! b", "error 1:3: invalid character '!' in expression"},
    {E, "a $ b", "error 1:3: invalid character '$' in expression"},
    {E, "a ? b", "error 1:3: invalid character '?' in expression"},
    {E, "a \xe2\x82\xac", "error 1:3: invalid character U+20AC in expression"},
    {E, "x\xc2\xa0y", "error 1:2: invalid character U+00A0 in expression"},
    {E, "a \\ b", "error 1:3: unexpected character after line continuation character"},

    // -- Line breaks: fine inside brackets, an error outside them.
    {E, "a\nb", "error 1:2: line break outside brackets: Python ends the statement here"},
    {E, "a +\nb", "error 1:4: line break outside brackets: Python ends the statement here"},
    {T, "a,\nb", "error 1:3: line break outside brackets: Python ends the statement here"},
    {E, "f(a,\nb)", "(call (name f) (name a) (name b))"},
    {E, "a + \\\nb", "(+ (name a) (name b))"},
    {E, "a # c\n# d", "(name a)"},
    {E, "a\n\n  \n", "(name a)"},

    // -- Literals.
    {E, "'abc", "error 1:1: unterminated string literal"},
    {E, "'ab\nc'", "error 1:1: unterminated string literal"},
    {E, "'''abc", "error 1:1: unterminated triple-quoted string literal"},
    {E, "'\\x4'", "error 1:2: truncated \\x escape in string literal"},
    {E, "'\\u12'", "error 1:2: truncated \\u escape in string literal"},
    {E, "'\\U00110000'", "error 1:2: illegal Unicode character in string literal"},
    {E, "9223372036854775808", "error 1:1: integer literal too large (Squall integers are 64-bit)"},
    {E, "0x10000000000000000", "error 1:1: integer literal too large (Squall integers are 64-bit)"},
    {E, "0x", "error 1:1: invalid hexadecimal literal"},
    {E, "0b2", "error 1:1: invalid binary literal"},
    {E, "0o8", "error 1:1: invalid octal literal"},
    {E, "1__0", "error 1:1: invalid decimal literal"},
    {E, "1_", "error 1:1: invalid decimal literal"},
    {E, "1abc", "error 1:1: invalid decimal literal"},
    {E, "1e", "error 1:1: invalid decimal literal"},
    {E, "012",
     "error 1:1: leading zeros in decimal integer literals are not permitted; use an 0o prefix "
     "for octal integers"},
    {E, "ub'x'", "error 1:3: expected end of expression but found string literal"},
    {E, "-9223372036854775807", "(neg (const 9223372036854775807))"},
    {E, "-9223372036854775808", "(const -9223372036854775808)"},
    {E, "- 0x8000000000000000", "(const -9223372036854775808)"},
    {E, "1 - 9223372036854775808",
     "error 1:5: integer literal too large (Squall integers are 64-bit)"},
    {E, "-9223372036854775808 ** 2",
     "error 1:2: integer literal too large (Squall integers are 64-bit)"},
    {E, "-9223372036854775808 .real",
     "error 1:2: integer literal too large (Squall integers are 64-bit)"},
    {E, "-9223372036854775809",
     "error 1:2: integer literal too large (Squall integers are 64-bit)"},
    {E, "'\\777'", "(const \"\xc7\xbf\")"},
    {E, "'\\x00'", "(const \"\\u0000\")"},

    // -- For and except headers.
    {F, "x", "error 1:2: expected 'in' but found end of input"},
    {F, "x in", "error 1:5: expected an expression but found end of input"},
    {F, "f() in y", "error 1:1: cannot assign to function call"},
    {F, "*a, b in c", "(for-header (tuple (starred (name a)) (name b)) (name c))"},
    {F, "*a in c", "error 1:1: starred assignment target must be in a list or tuple"},
    {F, "a, *b, *c in d", "error 1:8: multiple starred expressions in assignment"},
    {F, "x in y # c",
     "error 1:8: a comment is not allowed here: Tornado appends code after this text on the same "
     "line"},
    {F, "a + b in c", "error 1:1: cannot assign to expression"},
    {F, "x in (y # c\n)", "(for-header (name x) (name y))"},
    {H, "x # c",
     "error 1:3: a comment is not allowed here: Tornado appends code after this text on the "
     "same line"},
    {H, "f(x, # c\ny)", "(call (name f) (name x) (name y))"},
    {H, "a and not b", "(and (name a) (not (name b)))"},
    {H, "a, b", "error 1:2: expected end of expression but found ','"},
    {E, "x # c", "(name x)"},
    {S, "x = 1 # c", "(assign (name x) (const 1))"},
    {X, "", "(except _ \"\")"},
    {X, "A, B", "error 1:2: multiple exception types must be parenthesized"},
    {X, "E as", "error 1:5: expected a name after 'as' but found end of input"},
    {X, "E as e.f", "error 1:7: expected end of expression but found '.'"},

    // -- Imports.
    {I, "os", "(import os)"},
    {I, "os.path as p, json", "(import os.path (as p) json)"},
    {I, "a.b.c", "(import a.b.c)"},
    {I, "", "error 1:1: expected a module name but found end of input"},
    {I, "os.", "error 1:4: expected a name after '.' but found end of input"},
    {I, "os as", "error 1:6: expected a name after 'as' but found end of input"},
    {I, "os,", "error 1:4: expected a module name but found end of input"},
    {I, "os path", "error 1:4: expected end of expression but found 'path'"},
    {FI, "tornado.options import options", "(import (from tornado.options) options)"},
    {FI, "a import b as c, d", "(import (from a) b (as c) d)"},
    {FI, "a import (b, c,)", "(import (from a) b c)"},
    {FI, "a import (b", "error 1:12: expected ',' or ')' but found end of input"},
    {FI, "a", "error 1:2: expected 'import' but found end of input"},
    {FI, "a import", "error 1:9: expected a name to import but found end of input"},
    {FI, "a import b.c", "error 1:11: expected end of expression but found '.'"},

    // -- Set bodies.
    {S, "", "error 1:1: expected a statement but found end of input"},
    {S, "x =", "error 1:4: expected an expression but found end of input"},
    {S, "1 = x", "error 1:1: cannot assign to literal"},
    {S, "f() = x", "error 1:1: cannot assign to function call"},
    {S, "a + 1 = x", "error 1:1: cannot assign to expression"},
    {S, "x = 1 = y", "error 1:5: cannot assign to literal"},
    {S, "a, b += 1", "error 1:1: 'tuple' is an illegal target for augmented assignment"},
    {S, "[a] += 1", "error 1:1: 'list' is an illegal target for augmented assignment"},
    {S, "x = 1 2", "error 1:7: expected end of statement but found number '2'"},
    {S, "*a", "error 1:1: cannot use starred expression here"},
    {S, "x = *a", "error 1:5: cannot use starred expression here"},
    {S, "del x", "(del (name x))"},
    {S, "del x, (y)", "(del (tuple (name x) (name y)))"},
    {S, "del", "error 1:4: expected a target to delete but found end of input"},
    {S, "del 1", "error 1:5: cannot delete literal"},
    {S, "del f()", "error 1:5: cannot delete function call"},
    {S, "del x, *y", "error 1:8: cannot delete starred expression"},
    {S, "a, *b = c", "(assign (tuple (name a) (starred (name b))) (name c))"},
    {S, "[a, *(b, c)] = d",
     "(assign (list (name a) (starred (tuple (name b) (name c)))) (name d))"},
    {S, "*a = c", "error 1:1: starred assignment target must be in a list or tuple"},
    {S, "a, *b, *c = d", "error 1:8: multiple starred expressions in assignment"},
    {S, "a, *(b, *c), *d = e", "error 1:14: multiple starred expressions in assignment"},
    {S, "a, *(*b) = c", "error 1:6: cannot use starred expression here"},
    {S, "a, *1 = c", "error 1:5: cannot assign to literal"},
    {S, "*a += c", "error 1:1: 'starred expression' is an illegal target for augmented assignment"},
    {S, "if x: y = 1 else: y = 2", "error 1:13: expected end of statement but found 'else'"},
    {S, "if x", "error 1:5: expected ':' but found end of input"},
    {S, "if x:", "error 1:6: expected an indented block"},
    {S, "else: x = 1", "error 1:1: expected an expression but found 'else'"},
    {S, "x = 1;; y = 2", "error 1:7: expected an expression but found ';'"},
    {S, "a = 1\nb = 2",
     "error 2:1: this line is indented less than the first line of the statement, which "
     "Tornado's generated code places at column 5"},
    {S, "a = 1\n        b = 2", "error 2:9: unexpected indent"},
    {S, "a = 1\n\tb = 2", "error 2:1: inconsistent use of tabs and spaces in indentation"},
    {S, "if a:\n    b = 1", "error 2:5: expected an indented block"},
    {S, "if a:\n        b = 1\n      c = 2",
     "error 3:1: unindent does not match any outer indentation level"},
    {S, "if a:\n        b = 1\n          c = 2", "error 3:11: unexpected indent"},
    {S, "x = (1 +\n2)\n    y = x",
     "(assign (name x) (+ (const 1) (const 2))) (assign (name y) (name x))"},
    {S, "x = 1\n", "(assign (name x) (const 1))"},
    {S, "x = 1;\n    y = 2;", "(assign (name x) (const 1)) (assign (name y) (const 2))"},
    {S, "if a:\n        if b:\n            x = 1\n    else:\n        x = 2",
     "(if-stmt (branch (name a) (if-stmt (branch (name b) (assign (name x) (const 1))))) "
     "(else (assign (name x) (const 2))))"},
};

INSTANTIATE_TEST_SUITE_P(Table, ExprCaseTest, ::testing::ValuesIn(kCases));

// The indentation check follows where Tornado generates the tag: inside one enclosing
// block the first line is at column 8.
TEST(SetBodyIndent, ContinuationLinesFollowTheGeneratedColumn) {
  EXPECT_EQ(parse_to_string(S, "x = 1\n        y = 2", 8),
            "(assign (name x) (const 1)) (assign (name y) (const 2))");
  EXPECT_EQ(parse_to_string(S, "x = 1\n    y = 2", 8),
            "error 2:1: this line is indented less than the first line of the statement, which "
            "Tornado's generated code places at column 9");
  EXPECT_EQ(parse_to_string(S, "x = 1\n        \ty = 2", 8), "error 2:10: unexpected indent");
  EXPECT_EQ(parse_to_string(S, "x = 1\n\ty = 2", 8),
            "error 2:1: inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(parse_to_string(S, "if x:\n        \ty = 2", 8),
            "(if-stmt (branch (name x) (assign (name y) (const 2))))");
}

// A real TorCMS body whose suite is not indented: Tornado rejects it too.
TEST(SetBodyIndent, UnindentedSuiteIsRejected) {
  EXPECT_EQ(parse_to_string(S, "cur_num = page_current\n    if cur_num > 5:\n    cur_num = 1"),
            "error 3:5: expected an indented block");
}

TEST(ExprDepth, DeepParenthesesAreADiagnostic) {
  const std::string text(100000, '(');
  EXPECT_EQ(parse_to_string(E, text),
            "error 1:201: expression nested too deeply (more than 200 levels)");
}

TEST(ExprDepth, LongNotChainIsADiagnostic) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "not ";
  text += "x";
  EXPECT_EQ(parse_to_string(E, text),
            "error 1:797: expression nested too deeply (more than 200 levels)");
}

TEST(ExprDepth, OtherChainsAreDiagnostics) {
  const std::string minus(100000, '-');
  EXPECT_NE(parse_to_string(E, minus + "x").find("nested too deeply"), std::string::npos);
  std::string power = "x";
  for (int i = 0; i < 50000; ++i) power += "**x";
  EXPECT_NE(parse_to_string(E, power).find("nested too deeply"), std::string::npos);
  std::string brackets(50000, '[');
  EXPECT_NE(parse_to_string(E, brackets).find("nested too deeply"), std::string::npos);
  std::string lambdas;
  for (int i = 0; i < 50000; ++i) lambdas += "lambda: ";
  EXPECT_NE(parse_to_string(E, lambdas + "1").find("nested too deeply"), std::string::npos);
  std::string ifs = "x = 1";
  for (int i = 0; i < 300; ++i) ifs = "if a: " + ifs;
  std::string nested;
  for (int i = 0; i < 300; ++i) {
    nested += "if a:\n" + std::string(static_cast<std::size_t>(4 * (i + 2)), ' ');
  }
  EXPECT_NE(parse_to_string(S, nested + "x = 1").find("nested too deeply"), std::string::npos);
}

TEST(ExprDepth, NestingUnderTheLimitParses) {
  const std::string text = std::string(60, '(') + "x" + std::string(60, ')');
  EXPECT_EQ(parse_to_string(E, text), "(name x)");
}

}  // namespace
}  // namespace squall::front::testing
