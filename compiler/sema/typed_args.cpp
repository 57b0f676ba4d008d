#include "sema/typed_args.hpp"

#include <set>
#include <string_view>
#include <utility>

#include "lex/template_lexer.hpp"

namespace squall::front {
namespace {

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ascii_alnum(char c) {
  return is_ascii_alpha(c) || (c >= '0' && c <= '9');
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

bool is_python_keyword(std::string_view s) {
  static const std::set<std::string_view> keywords = {
      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
      "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
      "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
  return keywords.count(s) > 0;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// check_type returns why `type` is not a C++ type Squall accepts ("" when it is), and the
// C++ text with runs of spaces collapsed.
std::string check_type(std::string_view type, std::string& normalized) {
  if (type.empty()) return "missing its C++ type";
  if (!is_ascii_alpha(type.front()) && type.front() != ':')
    return "a C++ type starts with a name or '::'";
  std::string open;
  for (const char c : type) {
    if (is_space(c)) {
      if (!normalized.empty() && normalized.back() != ' ') normalized += ' ';
      continue;
    }
    normalized += c;
    if (is_ascii_alnum(c) || c == ':' || c == ',' || c == '*' || c == '&') continue;
    if (c == '<' || c == '(' || c == '[') {
      open += c;
      continue;
    }
    if (c == '>' || c == ')' || c == ']') {
      const char want = c == '>' ? '<' : c == ')' ? '(' : '[';
      if (open.empty() || open.back() != want)
        return std::string("unbalanced '") + c + "' in the C++ type";
      open.pop_back();
      continue;
    }
    return std::string("'") + c + "' cannot appear in a C++ type";
  }
  if (!open.empty()) return std::string("unclosed '") + open.back() + "' in the C++ type";
  // Python's names for the types a template sees are no C++ types: said here, with a
  // column, rather than by the C++ compiler.
  static constexpr std::pair<std::string_view, std::string_view> kPythonTypes[] = {
      {"str", "std::string"}, {"list", "std::vector<T>"}, {"dict", "std::map<K, V>"},
      {"tuple", "a struct"},  {"set", "std::set<T>"},     {"None", "std::optional<T>"}};
  for (const auto& [python, cpp] : kPythonTypes) {
    if (normalized == python)
      return "'" + normalized + "' is a Python type, not a C++ type (write " + std::string(cpp) +
             ")";
  }
  return "";
}

class Reader {
 public:
  Reader(const Template& file, DiagnosticEngine& diags) : file_(file), diags_(diags) {}

  // read_comment reads one declaration comment whose text (after the marker) starts at
  // byte `begin` of the file.
  void read_comment(std::uint32_t begin, std::uint32_t end) {
    const std::string_view text = file_.file->text();
    std::uint32_t line_begin = begin;
    while (line_begin < end) {
      // A line, or a `;`-separated part of one.
      std::uint32_t line_end = line_begin;
      while (line_end < end && text[line_end] != '\n' && text[line_end] != ';') ++line_end;
      read_line(line_begin, line_end);
      line_begin = line_end + 1;
    }
  }

  bool ok() const { return ok_; }
  TypedArgs& result() { return out_; }

 private:
  Diagnostic& error(std::uint32_t begin, std::uint32_t end, std::string message) {
    ok_ = false;
    return diags_.error(file_.file, {begin, end}, std::move(message));
  }

  void read_line(std::uint32_t begin, std::uint32_t end) {
    const std::string_view text = file_.file->text();
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    if (begin == end) return;
    const std::string_view line = text.substr(begin, end - begin);
    if (line.starts_with("include") && line.size() > 7 &&
        (is_space(line[7]) || line[7] == '"' || line[7] == '<')) {
      read_include(begin + 7, end);
      return;
    }
    std::uint32_t name_end = begin;
    while (name_end < end && text[name_end] != ':') ++name_end;
    const std::string_view name = trim(text.substr(begin, name_end - begin));
    if (name_end == end || name.find_first_of(" \t") != std::string_view::npos) {
      error(begin, end,
            "expected 'name: C++ type' or 'include \"header\"' in the squall: declaration");
      return;
    }
    if (!valid_name(name)) {
      error(begin, name_end,
            "'" + std::string(name) + "' is not a valid argument name (a Python identifier)");
      return;
    }
    std::uint32_t type_begin = name_end + 1;
    while (type_begin < end && is_space(text[type_begin])) ++type_begin;
    std::string type;
    const std::string why = check_type(text.substr(type_begin, end - type_begin), type);
    if (!why.empty()) {
      error(type_begin < end ? type_begin : begin, end,
            "argument '" + std::string(name) + "': " + why);
      return;
    }
    if (const TypedArg* earlier = out_.find(std::string(name))) {
      error(begin, end, "argument '" + std::string(name) + "' is declared twice")
          .add_note("first declared here", file_.file, earlier->range);
      return;
    }
    TypedArg arg;
    arg.name = std::string(name);
    arg.dynamic = type == "squall::Value" || type == "::squall::Value";
    arg.type = std::move(type);
    arg.range = {begin, end};
    out_.args.push_back(std::move(arg));
  }

  void read_include(std::uint32_t begin, std::uint32_t end) {
    const std::string_view text = file_.file->text();
    while (begin < end && is_space(text[begin])) ++begin;
    const std::string_view header = text.substr(begin, end - begin);
    const bool quoted = header.size() >= 3 && header.front() == '"' && header.back() == '"';
    const bool angled = header.size() >= 3 && header.front() == '<' && header.back() == '>';
    const std::string_view inner = header.size() >= 2 ? header.substr(1, header.size() - 2) : "";
    if ((!quoted && !angled) || inner.find_first_of("\"<>") != std::string_view::npos) {
      error(begin, end, "expected a header name in quotes or angle brackets after 'include'");
      return;
    }
    out_.includes.emplace_back(header);
  }

  static bool valid_name(std::string_view name) {
    if (name.empty() || !is_ascii_alpha(name.front()) || is_python_keyword(name)) return false;
    for (const char c : name) {
      if (!is_ascii_alnum(c)) return false;
    }
    return true;
  }

  const Template& file_;
  DiagnosticEngine& diags_;
  TypedArgs out_;
  bool ok_ = true;
};

}  // namespace

std::optional<TypedArgs> read_typed_args(const Template& file, DiagnosticEngine& diags) {
  Reader reader(file, diags);
  const SourceRange* first = nullptr;
  SourceRange first_range;
  for (const Token& token : lex_template(file.file->text())) {
    if (token.kind != TokenKind::Comment) continue;
    const std::string_view content = file.file->slice(token.content);
    if (!content.starts_with(kTypedArgsMarker)) continue;
    if (first) {
      reader.result().declared = true;
      diags.error(file.file, token.range, "a template has one squall: declaration")
          .add_note("the first one is here", file.file, *first);
      return std::nullopt;
    }
    first_range = token.range;
    first = &first_range;
    reader.read_comment(token.content.begin + static_cast<std::uint32_t>(kTypedArgsMarker.size()),
                        token.content.end);
  }
  if (!reader.ok()) return std::nullopt;
  TypedArgs out = std::move(reader.result());
  out.declared = first != nullptr;
  out.file = file.file;
  return out;
}

}  // namespace squall::front
