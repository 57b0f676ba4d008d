#include "parse/parser.hpp"

#include <gtest/gtest.h>

#include "ast/ast_dump.hpp"
#include "check_test_support.hpp"

namespace squall::front::testing {
namespace {

// outcome parses `text` as template `name` and returns "ok" or "L: message" for the first
// error (L is the line the diagnostic reports).
std::string outcome(const std::string& text, const std::string& name = "t.html") {
  DiagnosticEngine diags;
  auto t = parse_template(std::make_shared<const SourceFile>(name, text), {}, diags);
  if (t) return diags.has_errors() ? "accepted with errors" : "ok";
  const Diagnostic* d = first_error(diags);
  if (!d) return "rejected without an error";
  return std::to_string(reported_line(*d)) + ": " + d->message;
}

struct ParseCase {
  const char* name;
  std::string input;
  const char* want;
};

const ParseCase kParseCases[] = {
    // Tornado's structural checks, with its lines (spec 1.4).
    {"directive error line is where %} ends", "{% foo\n\n %}", "3: unknown operator: 'foo'"},
    {"missing end at last consumed tag", "{% if 1 %}\nabc\n\n",
     "1: Missing {% end %} block for if"},
    {"missing end innermost", "{% if 1 %}\n\n{% for i in x %}\nt\n",
     "3: Missing {% end %} block for for"},
    {"missing end after a comment tag", "{% if 1 %}\n{# c\n #}\n",
     "3: Missing {% end %} block for if"},
    {"missing end after bang escape", "{% while 1 %}\n{{!\nx",
     "2: Missing {% end %} block for while"},
    {"lone brace at end is text", "{% if 1 %}\n{", "1: Missing {% end %} block for if"},
    {"empty expression line is its end", "\n{{\n \n}}", "4: Empty expression"},
    {"unclosed at opener line", "a\n\n{{ x\n\n", "3: Missing end expression }}"},
    {"extra end", "{% if 1 %}{% end %}\n{% end %}", "2: Extra {% end %} block"},
    {"end suffix ignored", "{% if 1 %}{% end if %}", "ok"},
    {"else directly in for", "{% for x in y %}{% else %}{% end %}", "ok"},
    {"else in while", "{% while x %}{% else %}{% end %}", "ok"},
    {"else in try", "{% try %}{% except %}{% else %}{% end %}", "ok"},
    {"elif in try", "{% try %}{% elif x %}{% end %}",
     "1: elif block cannot be attached to try block"},
    {"else binds to the innermost block",
     "{% if a %}{% for x in y %}{% else %}{% end %}{% else %}{% end %}", "ok"},
    {"finally in apply", "{% apply f %}{% finally %}{% end %}",
     "1: finally block cannot be attached to apply block"},
    {"break through if, try and block",
     "{% for x in y %}{% if 1 %}{% try %}{% block b %}{% break %}{% end %}"
     "{% except %}{% end %}{% end %}{% end %}",
     "ok"},
    {"continue in while", "{% while 1 %}{% continue %}{% end %}", "ok"},
    {"loop inside apply allows break", "{% apply f %}{% for x in y %}{% break %}{% end %}{% end %}",
     "ok"},
    {"break in apply in loop", "{% for x in y %}{% apply f %}{% break %}{% end %}{% end %}",
     "1: break outside {'for', 'while'} block"},
    {"comment has no end", "{% comment x %}{% end %}", "1: Extra {% end %} block"},
    {"comment ignores content", "{% comment {{ %}", "ok"},
    {"apply name checked after body", "{% apply %}\n\n{% end %}", "3: apply missing method name"},
    {"block name checked after body", "{% block %}\n{% end %}", "2: block missing name"},
    {"body error before missing name", "{% block %}\n{% foo %}\n{% end %}",
     "2: unknown operator: 'foo'"},
    {"unquoted extends path", "{% extends base.html %}", "ok"},
    {"quotes only path", "{% include \"'\" %}", "1: include missing file path"},
    {"whitespace mode checked", "{% whitespace none %}", "1: invalid whitespace mode none"},
    {"whitespace needs space", "{% whitespace\n single %}", "2: unknown operator: 'whitespace\\n'"},
    {"autoescape needs nothing", "{% autoescape %}", "ok"},
    {"module and raw", "{% module Template('x.html') %}{% raw x %}", "ok"},
    // Python-level problems: reported only when Tornado's parser accepts the whole file.
    {"python error waits for structural ones", "{% if %}\n{% end %}{% end %}",
     "2: Extra {% end %} block"},
    {"elif after else", "{% if x %}{% else %}{% elif y %}{% end %}",
     "1: 'elif' cannot follow 'else'"},
    {"empty elif", "{% if x %}{% elif %}{% end %}", "1: 'elif' needs a condition"},
    {"empty while", "{% while %}{% end %}", "1: 'while' needs a condition"},
    {"try with finally only", "{% try %}{% finally %}{% end %}", "ok"},
    {"finally twice", "{% try %}{% finally %}{% finally %}{% end %}",
     "1: 'finally' cannot follow 'finally'"},
    {"else after finally", "{% try %}{% except %}{% finally %}{% else %}{% end %}",
     "1: 'else' cannot follow 'finally'"},
    {"text after try", "{% try x %}{% except %}{% end %}", "1: unexpected text after 'try'"},
    {"text after break", "{% for x in y %}{% break 2 %}{% end %}",
     "1: unexpected text after 'break'"},
    {"20 nested loops are fine",
     [] {
       std::string s;
       for (int i = 0; i < 20; ++i) s += "{% for x in y %}";
       for (int i = 0; i < 20; ++i) s += "{% end %}";
       return s;
     }(),
     "ok"},
    {"98 nested ifs are fine",
     [] {
       std::string s;
       for (int i = 0; i < 98; ++i) s += "{% if x %}";
       for (int i = 0; i < 98; ++i) s += "{% end %}";
       return s;
     }(),
     "ok"},
    {"named blocks do not indent",
     [] {
       std::string s;
       for (int i = 0; i < 200; ++i) s += "{% block b %}";
       for (int i = 0; i < 200; ++i) s += "{% end %}";
       return s;
     }(),
     "ok"},
    {"invalid utf-8", "ok\n\xe2\x82", "2: invalid UTF-8 at byte 3: templates must be UTF-8 text"},
    // Fixed bugs
    {"bom is text", "\xef\xbb\xbf{{ x }}", "ok"},
};

TEST(Parser, Table) {
  for (const ParseCase& c : kParseCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(outcome(c.input), c.want);
  }
}

std::string dump(const std::string& text, const std::string& name, ParseOptions options = {}) {
  DiagnosticEngine diags;
  auto t = parse_template(std::make_shared<const SourceFile>(name, text), options, diags);
  return t ? dump_template(*t) : format_all(diags);
}

TEST(Parser, WhitespaceDefaultFollowsTheName) {
  EXPECT_EQ(default_whitespace_mode("a.html"), WhitespaceMode::Single);
  EXPECT_EQ(default_whitespace_mode("a.js"), WhitespaceMode::Single);
  EXPECT_EQ(default_whitespace_mode("a.HTML"), WhitespaceMode::All);
  EXPECT_EQ(default_whitespace_mode("a.htm"), WhitespaceMode::All);
  EXPECT_EQ(default_whitespace_mode("<string>"), WhitespaceMode::All);
  EXPECT_EQ(dump("a  b", "x.txt"),
            "(template \"x.txt\" autoescape=default\n  (text@1 \"a  b\" all))\n");
  EXPECT_EQ(dump("a  b", "x.txt", {WhitespaceMode::Oneline, {}}),
            "(template \"x.txt\" autoescape=default\n  (text@1 \"a b\" oneline))\n");
}

TEST(Parser, AutoescapeDefaultAndLastDirectiveWins) {
  EXPECT_EQ(dump("x", "a.txt", {{}, std::string("")}),
            "(template \"a.txt\" autoescape=\"\"\n  (text@1 \"x\" all))\n");
  const std::string two =
      dump("{% autoescape None %}{% autoescape url_escape %}", "a.txt", {{}, std::string("")});
  EXPECT_EQ(two.substr(0, two.find('\n')), "(template \"a.txt\" autoescape=\"url_escape\"");
}

TEST(Parser, NotesPointAtTheOpeningTag) {
  DiagnosticEngine diags;
  const auto file =
      std::make_shared<const SourceFile>("t.html", "{% for x in y %}\n{% set a = 1 %}\n");
  EXPECT_FALSE(parse_template(file, {}, diags));
  ASSERT_EQ(diags.diagnostics().size(), 1u);
  const Diagnostic& d = diags.diagnostics()[0];
  EXPECT_EQ(d.range, (SourceRange{17, 32}));
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].range, (SourceRange{0, 16}));
  EXPECT_EQ(d.notes[0].message, "'for' block opened here");
}

TEST(Parser, AllPythonErrorsOfAFileAreReported) {
  DiagnosticEngine diags;
  const auto file =
      std::make_shared<const SourceFile>("t.html", "{{ a b }}{% if %}{% end %}{{ f'' }}");
  EXPECT_FALSE(parse_template(file, {}, diags));
  EXPECT_EQ(diags.error_count(), 3) << format_all(diags);
}

}  // namespace
}  // namespace squall::front::testing
