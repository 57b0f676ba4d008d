// Module folders in the front end: signatures, module.json errors (each with a location),
// and the compile-time check of `{% module %}` calls against a known module set.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "parse/parser.hpp"
#include "sema/module_folders.hpp"
#include "squall/py.hpp"
#include "support/write_text.hpp"

namespace squall::front {
namespace {

namespace fs = std::filesystem;

std::string describe(const ModuleSignature& s) {
  std::string out;
  for (const auto& p : s.params) {
    if (!out.empty()) out += ", ";
    switch (p.kind) {
      case ModuleParam::Kind::Positional:
        break;
      case ModuleParam::Kind::KeywordOnly:
        out += "kw:";
        break;
      case ModuleParam::Kind::VarArgs:
        out += "*";
        break;
      case ModuleParam::Kind::VarKwargs:
        out += "**";
        break;
    }
    out += p.name;
    if (p.default_value) out += "=" + py::repr(*p.default_value);
  }
  return out;
}

TEST(ModuleSignature, ParsesPythonParameterLists) {
  const struct {
    const char* text;
    const char* expected;  // describe(), or "!" + the error
  } cases[] = {
      {"", ""},
      {"entry, show_comments=False", "entry, show_comments=False"},
      {"a, *rest, sep=', ', **opts", "a, *rest, kw:sep=', ', **opts"},
      {"i, *, prefix='#'", "i, kw:prefix='#'"},
      {"a, *, b", "a, kw:b"},
      {"d={'k': (1, -2.5)}, s={1}", "d={'k': (1, -2.5)}, s={1}"},
      {"x='*, y'", "x='*, y'"},
      {"x=len",
       "!the default of 'x' must be a Python literal (a number, string, None, True, "
       "False, or a tuple, list, set or dict of literals)"},
      {"self", "!duplicate argument 'self' (render's first parameter)"},
      {"**kw, a", "!a parameter follows '**kw'"},
      {"a=1, b", "!parameter without a default follows parameter with a default"},
      {"a, a", "!duplicate argument 'a' in lambda"},
      {"a, /, b", "!unsupported Python syntax: positional-only parameter marker '/'"},
      // Fixed bugs
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    std::string error;
    const auto sig = parse_module_signature(c.text, error);
    if (sig) {
      EXPECT_TRUE(sig->declared);
      EXPECT_EQ(describe(*sig), c.expected);
    } else {
      EXPECT_EQ("!" + error, c.expected);
    }
  }
}

class ModuleFolders : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("squall_modules_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    squall::testing_support::write_text(dir_ / name, text);
  }
  // errors loads the folders and returns the formatted diagnostics.
  std::string errors() {
    DiagnosticEngine diags;
    load_module_folders(dir_.string(), diags);
    std::string out;
    for (const auto& d : diags.diagnostics()) {
      std::string text = format_diagnostic(d);
      out += text.substr(0, text.find('\n')) + "\n";
    }
    // Paths are the temporary folder's.
    for (std::size_t at; (at = out.find(dir_.string())) != std::string::npos;)
      out.replace(at, dir_.string().size(), "D");
    return out;
  }
  fs::path dir_;
};

TEST_F(ModuleFolders, LoadsResourcesVerbatim) {
  write("Entry/template.html", "{{ entry }}");
  write("Entry/embedded.css", ".e{}\n");
  write("Entry/module.json",
        R"({"signature": "entry", "css_files": ["a.css"], "javascript_files": "a.js",
            "html_head": "<m>", "html_body": "<b>"})");
  write(".hidden/template.html", "");
  write("README", "not a folder");
  DiagnosticEngine diags;
  const auto folders = load_module_folders(dir_.string(), diags);
  ASSERT_TRUE(folders) << errors();
  ASSERT_EQ(folders->size(), 1u);
  const ModuleFolder& f = (*folders)[0];
  EXPECT_EQ(f.name, "Entry");
  EXPECT_EQ(f.template_name, "Entry/template.html");
  EXPECT_EQ(py::repr(f.embedded_css), "'.e{}\\n'");
  EXPECT_TRUE(f.embedded_javascript.is_none());
  EXPECT_EQ(py::repr(f.css_files), "['a.css']");
  EXPECT_EQ(py::repr(f.javascript_files), "'a.js'");
  EXPECT_EQ(f.inputs.size(), 2u);  // embedded.css and module.json
}

TEST_F(ModuleFolders, ErrorsNameTheFileAndKey) {
  const struct {
    const char* name;
    std::vector<std::pair<std::string, std::string>> files;
    const char* expected;
  } cases[] = {
      {"no template",
       {{"A/embedded.css", ""}},
       "D/A:1:1: error: module folder 'A' has no template.html\n"},
      {"not an identifier",
       {{"a-b/template.html", ""}},
       "D/a-b:1:1: error: module folder name 'a-b' is not a Python identifier (templates call "
       "it as Name(...))\n"},
      {"bad json",
       {{"A/template.html", ""}, {"A/module.json", "{"}},
       "D/A/module.json:1:1: error: invalid JSON: "},
      {"not an object",
       {{"A/template.html", ""}, {"A/module.json", "[]"}},
       "D/A/module.json:1:1: error: module.json must hold a JSON object\n"},
      {"unknown key",
       {{"A/template.html", ""}, {"A/module.json", "{\"css\": \"a\"}"}},
       "D/A/module.json:1:2: error: unknown key 'css' in module.json (expected signature, "
       "css_files, javascript_files, html_head or html_body)\n"},
      {"bad files",
       {{"A/template.html", ""}, {"A/module.json", "{\"css_files\": [1]}"}},
       "D/A/module.json:1:2: error: 'css_files' must be a string or a list of strings\n"},
      {"bad head",
       {{"A/template.html", ""}, {"A/module.json", "{\"html_head\": 1}"}},
       "D/A/module.json:1:2: error: 'html_head' must be a string\n"},
      {"bad signature",
       {{"A/template.html", ""}, {"A/module.json", "{\"signature\": \"a=b\"}"}},
       "D/A/module.json:1:2: error: invalid signature 'a=b': the default of 'a' must be a "
       "Python literal (a number, string, None, True, False, or a tuple, list, set or dict of "
       "literals)\n"},
      // Fixed bugs
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    fs::remove_all(dir_);
    for (const auto& [name, text] : c.files) write(name, text);
    const std::string got = errors();
    EXPECT_EQ(got.substr(0, std::string(c.expected).size()), c.expected) << got;
  }
}

TEST(ModuleCalls, CheckedAgainstTheKnownSet) {
  ModuleFolder entry;
  entry.name = "Entry";
  std::string error;
  entry.signature = *parse_module_signature("entry, show=False", error);
  ModuleFolder card;
  card.name = "Card";  // no signature: keyword arguments only
  const KnownModules known = known_modules({entry, card}, {"Hand"});
  const struct {
    const char* name;
    const char* text;
    const char* expected;  // first line of the diagnostic, or ""
  } cases[] = {
      {"fits", "{% module Entry(1, show=True) %}", ""},
      {"unknown", "x\n  {% module Entyr(1) %}", "t.html:2:13: error: unknown UI module 'Entyr'"},
      {"missing", "{% module Entry() %}",
       "t.html:1:11: error: module call cannot bind its arguments: TypeError: Entry.render() "
       "missing 1 required positional argument: 'entry'"},
      {"keywords only", "{% module Card('x') %}",
       "t.html:1:11: error: module call cannot bind its arguments: TypeError: Card.render() "
       "takes 1 positional argument but 2 were given"},
      {"star arguments not counted", "{% module Entry(*xs) %}{% module Card(**kw) %}", ""},
      {"declared hand-written", "{% module Hand(1, 2, x=3) %}", ""},
      {"built-in Template", "{% module Template() %}",
       "t.html:1:11: error: module call cannot bind its arguments: TypeError: "
       "TemplateModule.render() missing 1 required positional argument: 'path'"},
      {"built-in linkify", "{% module linkify('x', shorten=True) %}", ""},
      {"nested in blocks", "{% for x in y %}{% if x %}{% module Nope() %}{% end %}{% end %}",
       "t.html:1:37: error: unknown UI module 'Nope'"},
      {"attribute of a module", "{% module Nope.x() %}",
       "t.html:1:11: error: unknown UI module 'Nope'"},
      // Fixed bugs
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    DiagnosticEngine diags;
    auto file = std::make_shared<const SourceFile>("t.html", c.text);
    auto t = parse_template(file, {}, diags);
    ASSERT_TRUE(t);
    check_module_calls(*t, known, diags);
    std::string got;
    if (!diags.diagnostics().empty()) {
      got = format_diagnostic(diags.diagnostics()[0]);
      got = got.substr(0, got.find('\n'));
    }
    EXPECT_EQ(got, c.expected);
  }
}

}  // namespace
}  // namespace squall::front
