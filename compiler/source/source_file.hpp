// One loaded template: its name, its bytes, and lazy offset-to-line mapping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/source_loc.hpp"

namespace squall::front {

/// LineColumn is a 1-based line and a 1-based column counted in code points.
struct LineColumn {
  int line = 1;
  int column = 1;
};

/// SourceFile owns a template's text. `name` is the template name as the loader resolved it
/// (e.g. "blog/entry.html"); `path` is where it was read from, for messages ("" for
/// in-memory templates). Line breaks are `\n` only, as in Tornado.
class SourceFile {
 public:
  SourceFile(std::string name, std::string text, std::string path = {});

  const std::string& name() const { return name_; }
  const std::string& path() const { return path_; }
  /// display_name is the path when the file came from disk, else the template name.
  const std::string& display_name() const { return path_.empty() ? name_ : path_; }
  std::string_view text() const { return text_; }
  std::string_view slice(SourceRange r) const {
    return std::string_view(text_).substr(r.begin, r.end - r.begin);
  }

  /// line_of returns the 1-based line holding byte `offset` (offset == size is allowed).
  int line_of(std::uint32_t offset) const;
  /// locate returns line and code-point column of byte `offset`.
  LineColumn locate(std::uint32_t offset) const;
  /// line_text returns line `line` (1-based) without its `\n`.
  std::string_view line_text(int line) const;

 private:
  std::string name_;
  std::string text_;
  std::string path_;
  std::vector<std::uint32_t> line_starts_;
};

}  // namespace squall::front
