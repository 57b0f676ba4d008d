// CppWriter: builds the text of a generated C++ file line by line, with indentation and
// the `#line` directives that map generated lines back to template lines.
#pragma once

#include <string>
#include <string_view>

namespace squall::cg {

/// CppWriter accumulates C++ source. Lines written after map_source() are attributed to the
/// template file and line given (a `#line` directive is written only when the attribution
/// the compiler would assume differs); map_generated() attributes the following lines to
/// the generated file itself again. With line directives off, the map calls do nothing.
class CppWriter {
 public:
  /// `output_name` is the generated file's name as `#line` should spell it.
  CppWriter(std::string output_name, bool line_directives);

  /// line writes `text` indented, plus a newline.
  void line(std::string_view text);
  /// open writes `text` (ending in `{`) and indents the lines after it.
  void open(std::string_view text);
  /// close dedents and writes `text` (default `}`).
  void close(std::string_view text = "}");
  /// raw appends `text` verbatim (it must end in a newline); used to splice bodies.
  void raw(std::string_view text);

  /// map_source attributes the next line to `file`:`line`.
  void map_source(const std::string& file, int line);
  /// map_generated attributes the next line to the generated file.
  void map_generated();

  const std::string& text() const { return text_; }
  int indent_level() const { return indent_; }
  void set_indent_level(int level) { indent_ = level; }

 private:
  void directive(int line, const std::string& file);

  std::string output_name_;
  bool line_directives_;
  std::string text_;
  int indent_ = 0;
  int physical_line_ = 1;  // line number of the next line written
  // What the compiler will attribute the next line to.
  std::string mapped_file_;
  int mapped_line_ = 1;
};

/// cpp_string_literal writes `bytes` as one or more adjacent C++ string literals: printable
/// ASCII and valid UTF-8 as is, `"` `\` and control bytes escaped, other bytes as 3-digit
/// octal escapes; a new literal starts on a new line (at `indent` + 1 levels) after every
/// `\n` so text blocks stay readable.
std::string cpp_string_literal(std::string_view bytes, int indent = 0);

/// cpp_quoted is a one-line C++ string literal (file names in `#line`, identifiers).
std::string cpp_quoted(std::string_view bytes);

}  // namespace squall::cg
