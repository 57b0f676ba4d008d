#include "diag/diagnostics.hpp"

#include <algorithm>

#include "squall/detail/unicode.hpp"

namespace squall::front {

Diagnostic& DiagnosticEngine::report(Diagnostic d) {
  if (d.severity == Severity::Error) ++error_count_;
  diagnostics_.push_back(std::move(d));
  return diagnostics_.back();
}

Diagnostic& DiagnosticEngine::error(std::shared_ptr<const SourceFile> file, SourceRange range,
                                    std::string message) {
  return report({Severity::Error, std::move(file), range, 0, std::move(message), {}});
}

Diagnostic& DiagnosticEngine::warning(std::shared_ptr<const SourceFile> file, SourceRange range,
                                      std::string message) {
  return report({Severity::Warning, std::move(file), range, 0, std::move(message), {}});
}

void DiagnosticEngine::clear() {
  diagnostics_.clear();
  error_count_ = 0;
}

namespace {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

// DisplayLine is one source line made printable: invalid UTF-8 bytes and control
// characters become U+FFFD so the terminal shows something (and obeys nothing), and `pads` gives,
// per code point, what the caret line needs under it (a tab stays a tab so the caret lines up
// whatever the tab width).
struct DisplayLine {
  std::string text;
  std::vector<char> pads;             // one per code point: '\t' or ' '
  std::vector<std::uint32_t> starts;  // byte offset (in the source line) of each code point
};

DisplayLine make_display_line(std::string_view line) {
  DisplayLine out;
  std::size_t pos = 0;
  while (pos < line.size()) {
    out.starts.push_back(static_cast<std::uint32_t>(pos));
    const auto c = detail::decode_utf8(line, pos);
    // A control character (ESC, CR, a C1 code...) would reach the terminal as a command.
    const bool control = c && c->code_point != U'\t' &&
                         (c->code_point < 0x20 || (c->code_point >= 0x7F && c->code_point < 0xA0));
    if (!c || control) {
      detail::append_utf8(out.text, 0xFFFD);
      out.pads.push_back(' ');
      pos += c ? c->length : 1;
      continue;
    }
    out.text.append(line.substr(pos, c->length));
    out.pads.push_back(line[pos] == '\t' ? '\t' : ' ');
    pos += c->length;
  }
  return out;
}

// column_index returns the index of the code point holding byte `offset` of the line
// (the line length when the offset is at or past its end).
std::size_t column_index(const DisplayLine& line, std::uint32_t offset) {
  const auto it = std::upper_bound(line.starts.begin(), line.starts.end(), offset);
  if (it == line.starts.begin()) return 0;
  const auto index = static_cast<std::size_t>(it - line.starts.begin()) - 1;
  return line.starts[index] == offset ? index : index + 1;
}

// append_excerpt writes the source line holding the range start and a caret line under it:
// `^` at the start, `~` across the rest of the range on that line (Clang's style).
void append_excerpt(std::string& out, const SourceFile& file, SourceRange range) {
  const LineColumn begin = file.locate(range.begin);
  std::string_view text = file.line_text(begin.line);
  std::uint32_t start_offset =
      static_cast<std::uint32_t>(file.text().substr(0, range.begin).rfind('\n') + 1);
  // A very long line (a minified page, a generated chain) is shown around the caret only.
  constexpr std::uint32_t kWindow = 160;
  const char* front = "";
  const char* back = "";
  if (text.size() > 2 * kWindow) {
    const std::uint32_t caret = range.begin - start_offset;
    std::uint32_t a = caret > kWindow / 2 ? caret - kWindow / 2 : 0;
    while (a > 0 && (static_cast<unsigned char>(text[a]) & 0xC0) == 0x80) --a;
    std::uint32_t b = std::min<std::uint32_t>(static_cast<std::uint32_t>(text.size()), a + kWindow);
    while (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
    front = a > 0 ? "..." : "";
    back = b < text.size() ? "..." : "";
    text = text.substr(a, b - a);
    start_offset += a;
  }
  const DisplayLine line = make_display_line(text);
  const std::string number = std::to_string(begin.line);
  const std::string gutter(std::max<std::size_t>(number.size(), 4), ' ');
  out += gutter.substr(number.size()) + number + " | " + front + line.text + back + "\n";
  out += gutter + " | " + std::string(std::string_view(front).size(), ' ');
  const std::size_t first = column_index(line, range.begin - start_offset);
  const std::uint32_t end_in_line =
      std::min<std::uint32_t>(range.end - start_offset, static_cast<std::uint32_t>(text.size()));
  const std::size_t last = std::max(first + 1, column_index(line, end_in_line));
  for (std::size_t i = 0; i < first; ++i) out += i < line.pads.size() ? line.pads[i] : ' ';
  out += '^';
  out.append(last - first - 1, '~');
  out += '\n';
}

// printable_message shows control bytes a message quotes from a template as `\xNN`.
std::string printable_message(std::string_view message) {
  std::string out;
  for (const char c : message) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\t') || b == 0x7F) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 15];
    } else {
      out += c;
    }
  }
  return out;
}

void append_one(std::string& out, const Diagnostic& d) {
  if (!d.file) {
    out += std::string(severity_name(d.severity)) + ": " + printable_message(d.message) + "\n";
    return;
  }
  const LineColumn at = d.file->locate(d.range.begin);
  // When Tornado's line differs from the caret's, the header carries Tornado's line; the
  // column then has no meaning on that line, so it is 1.
  const int line = d.line > 0 ? d.line : at.line;
  const int column = line == at.line ? at.column : 1;
  out += printable_message(d.file->display_name()) + ":" + std::to_string(line) + ":" +
         std::to_string(column) + ": " + severity_name(d.severity) + ": " +
         printable_message(d.message) + "\n";
  append_excerpt(out, *d.file, d.range);
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  append_one(out, d);
  for (const Diagnostic& note : d.notes) append_one(out, note);
  return out;
}

}  // namespace squall::front
