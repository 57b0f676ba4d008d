#include "codegen/cpp_writer.hpp"

#include <cstdio>

namespace squall::cg {

CppWriter::CppWriter(std::string output_name, bool line_directives)
    : output_name_(std::move(output_name)), line_directives_(line_directives) {
  mapped_file_ = output_name_;
}

void CppWriter::line(std::string_view text) {
  text_.append(static_cast<std::size_t>(indent_) * 2, ' ');
  text_ += text;
  text_ += '\n';
  for (const char c : text) {
    if (c == '\n') {
      ++physical_line_;
      ++mapped_line_;
    }
  }
  ++physical_line_;
  ++mapped_line_;
  // Text with directives of its own (typed member reads): after it, nothing is assumed.
  if (text.find("\n#line ") != std::string_view::npos) {
    mapped_file_.clear();
    mapped_line_ = 0;
  }
}

void CppWriter::open(std::string_view text) {
  line(text);
  ++indent_;
}

void CppWriter::close(std::string_view text) {
  if (indent_ > 0) --indent_;
  line(text);
}

void CppWriter::raw(std::string_view text) {
  text_ += text;
  for (const char c : text) {
    if (c == '\n') ++physical_line_;
  }
  // The spliced text carries its own directives; after it, nothing is assumed.
  mapped_file_.clear();
  mapped_line_ = 0;
}

void CppWriter::directive(int line, const std::string& file) {
  text_ += "#line " + std::to_string(line) + ' ' + cpp_quoted(file) + '\n';
  ++physical_line_;
  mapped_file_ = file;
  mapped_line_ = line;
}

void CppWriter::map_source(const std::string& file, int line) {
  if (!line_directives_) return;
  if (file != mapped_file_ || line != mapped_line_) directive(line, file);
}

void CppWriter::map_generated() {
  if (!line_directives_) return;
  // The directive names the line after itself.
  if (mapped_file_ != output_name_ || mapped_line_ != physical_line_) {
    directive(physical_line_ + 1, output_name_);
  }
}

namespace {

// Length of the valid UTF-8 sequence starting at `s[i]`, or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (b >= 0xC2 && b <= 0xDF)
    n = 2;
  else if (b >= 0xE0 && b <= 0xEF)
    n = 3;
  else if (b >= 0xF0 && b <= 0xF4)
    n = 4;
  else
    return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) || (b == 0xF0 && b1 < 0x90) ||
      (b == 0xF4 && b1 >= 0x90)) {
    return 0;  // overlong, surrogate or beyond U+10FFFF
  }
  return n;
}

void append_escaped(std::string& out, std::string_view bytes, std::size_t& i) {
  const char c = bytes[i];
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\r':
      out += "\\r";
      return;
    default:
      break;
  }
  // `??x` is a trigraph before C++17 and a -Wtrigraphs warning after: no two `?` in a row.
  if (c == '?' &&
      ((i + 1 < bytes.size() && bytes[i + 1] == '?') || (i > 0 && bytes[i - 1] == '?'))) {
    out += "\\?";
    return;
  }
  const auto b = static_cast<unsigned char>(c);
  if (b >= 0x20 && b < 0x7F) {
    out += c;
    return;
  }
  if (const std::size_t n = utf8_length(bytes, i); n > 0) {
    out.append(bytes.substr(i, n));
    i += n - 1;
    return;
  }
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\%03o", b);
  out += buf;
}

}  // namespace

std::string cpp_string_literal(std::string_view bytes, int indent) {
  std::string out = "\"";
  const std::string break_line =
      "\"\n" + std::string(static_cast<std::size_t>(indent + 1) * 2, ' ') + "\"";
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    append_escaped(out, bytes, i);
    if (bytes[i] == '\n' && i + 1 < bytes.size()) out += break_line;
  }
  out += '"';
  return out;
}

std::string cpp_quoted(std::string_view bytes) {
  std::string out = "\"";
  for (std::size_t i = 0; i < bytes.size(); ++i) append_escaped(out, bytes, i);
  out += '"';
  return out;
}

}  // namespace squall::cg
