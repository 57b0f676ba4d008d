// `squall lint`: one row per context, the codes it reports in order ("" for none).
#include "sema/lint.hpp"

#include <gtest/gtest.h>

#include "parse/parser.hpp"

namespace squall::front::testing {
namespace {

std::string codes(const std::string& text) {
  DiagnosticEngine diags;
  auto t = parse_template(std::make_shared<const SourceFile>("t.html", text), {}, diags);
  if (!t) return "parse error";
  lint_template(*t, diags);
  std::string out;
  for (const Diagnostic& d : diags.diagnostics()) {
    out += (out.empty() ? "" : " ") + d.message.substr(1, d.message.find(']') - 1);
  }
  return out;
}

struct LintCase {
  const char* name;
  const char* input;
  const char* want;
};

const LintCase kLintCases[] = {
    {"text is safe", "<p>{{ x }}</p>", ""},
    {"quoted attribute is safe", "<a title=\"{{ x }}\" class='{{ y }}'>", ""},
    {"script content", "<script>var x = {{ x }};</script>", "script"},
    {"script with attributes", "<script type=\"text/javascript\">f('{{ x }}')</SCRIPT>{{ y }}",
     "script"},
    {"after script closes", "<script></script><p>{{ x }}</p>", ""},
    {"style content", "<style>.a { color: {{ c }} }</style>", "style"},
    {"event attribute", "<a onclick=\"go('{{ x }}')\">", "event-attribute"},
    {"event attribute uppercase", "<body ONLOAD='{{ x }}'>", "event-attribute"},
    {"unquoted value", "<a title={{ x }}>", "unquoted-attribute"},
    {"unquoted after text", "<a title=t{{ x }}>", "unquoted-attribute"},
    {"href starts with value", "<a href=\"{{ url }}\">", "url-start"},
    {"src starts with value", "<img src='{{ u }}'>", "url-start"},
    {"action starts with value", "<form action=\"{{ u }}\">", "url-start"},
    {"href with fixed start", "<a href=\"/user/{{ name }}\">", ""},
    {"href from static_url", "<a href=\"{{ static_url('a.css') }}\">", ""},
    {"href from reverse_url", "<a href=\"{{ reverse_url('home') }}\">", ""},
    {"href from literal concatenation", "<a href=\"{{ '/entry/' + slug }}\">", ""},
    {"href from request path", "<form action=\"{{ request.path }}\">", ""},
    {"href conditional of safe arms", "<a href=\"{{ '/a' if x else static_url('b') }}\">", ""},
    {"href conditional with data", "<a href=\"{{ x.url if x else '/' }}\">", "url-start"},
    {"unquoted href", "<a href={{ u }}>", "unquoted-attribute url-start"},
    {"style attribute", "<p style=\"color: {{ c }}\">", "style-attribute"},
    {"raw listed", "{% raw html %}", "raw"},
    {"autoescape off listed", "{% autoescape None %}{{ x }}", "autoescape-off"},
    {"autoescape on is quiet", "{% autoescape xhtml_escape %}{{ x }}", ""},
    {"comment is text", "<!-- <script> -->{{ x }}", ""},
    {"less-than in text is not a tag", "a < b {{ x }} <p title=\"{{ y }}\">", ""},
    {"inside if branch", "<script>{% if a %}{{ x }}{% end %}</script>", "script"},
    {"expression as attribute name is quiet", "<p {{ attrs }}>", ""},
    // Fixed bugs.
    {"value after expression is not at the start", "<a href=\"{{ base }}/x\">", "url-start"},
};

TEST(Lint, Contexts) {
  for (const LintCase& c : kLintCases) {
    EXPECT_EQ(codes(c.input), c.want) << c.name;
  }
}

TEST(Lint, MessagesNameTheFix) {
  DiagnosticEngine diags;
  auto t = parse_template(
      std::make_shared<const SourceFile>("t.html", "<script>\nvar a = {{ x }};\n</script>"), {},
      diags);
  ASSERT_TRUE(t);
  EXPECT_EQ(lint_template(*t, diags), 1);
  const std::string text = format_diagnostic(diags.diagnostics().front());
  EXPECT_NE(text.find("t.html:2:9: warning: [script]"), std::string::npos) << text;
  EXPECT_NE(text.find("json_encode"), std::string::npos) << text;
}

}  // namespace
}  // namespace squall::front::testing
