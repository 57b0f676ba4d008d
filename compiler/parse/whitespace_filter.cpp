#include "parse/whitespace_filter.hpp"

#include "squall/detail/unicode.hpp"

namespace squall::front {
namespace {

// collapse_runs replaces each maximal run of Python whitespace in `text` with what
// `replace(run)` returns (Python's `re.sub(r"\s+", ...)` with a function).
template <typename Replace>
std::string collapse_runs(std::string_view text, Replace replace) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = pos;
    while (const std::size_t n = detail::python_space_length(text, end)) end += n;
    if (end == pos) {
      out += text[pos++];
      continue;
    }
    out += replace(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

// collapse_blanks is `re.sub(r"([\t ]+)", " ", text)`.
std::string collapse_blanks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool blank = text[i] == ' ' || text[i] == '\t';
    if (blank && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) continue;
    out += blank ? ' ' : text[i];
  }
  return out;
}

}  // namespace

std::string filter_whitespace(WhitespaceMode mode, std::string_view text) {
  switch (mode) {
    case WhitespaceMode::All:
      return std::string(text);
    case WhitespaceMode::Single:
      // `\s*\n\s*` matches a whole whitespace run as soon as the run holds a newline.
      return collapse_runs(collapse_blanks(text), [](std::string_view run) {
        return run.find('\n') == std::string_view::npos ? std::string(run) : std::string("\n");
      });
    case WhitespaceMode::Oneline:
      return collapse_runs(text, [](std::string_view) { return std::string(" "); });
  }
  return std::string(text);
}

std::string filter_text_chunk(WhitespaceMode mode, std::string_view text) {
  // Tornado's heuristic: the exact substring `<pre>` protects the whole chunk.
  if (text.find("<pre>") != std::string_view::npos) return std::string(text);
  return filter_whitespace(mode, text);
}

}  // namespace squall::front
