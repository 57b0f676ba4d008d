#include "source/source_file.hpp"

#include <algorithm>

#include "squall/detail/unicode.hpp"

namespace squall::front {

SourceFile::SourceFile(std::string name, std::string text, std::string path)
    : name_(std::move(name)), text_(std::move(text)), path_(std::move(path)) {
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

int SourceFile::line_of(std::uint32_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(it - line_starts_.begin());
}

LineColumn SourceFile::locate(std::uint32_t offset) const {
  const int line = line_of(offset);
  const std::uint32_t start = line_starts_[line - 1];
  const auto prefix = std::string_view(text_).substr(start, offset - start);
  return {line, static_cast<int>(detail::code_point_count(prefix)) + 1};
}

std::string_view SourceFile::line_text(int line) const {
  if (line < 1 || line > static_cast<int>(line_starts_.size())) return {};
  const std::uint32_t start = line_starts_[line - 1];
  std::uint32_t end = line < static_cast<int>(line_starts_.size())
                          ? line_starts_[line] - 1
                          : static_cast<std::uint32_t>(text_.size());
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace squall::front
