// Byte ranges into one template's text: what every token and AST node carries.
#pragma once

#include <cstdint>

namespace squall::front {

/// SourceRange is a half-open byte range [begin, end) into a SourceFile's text. Line and
/// column are computed from it only when a message is printed.
struct SourceRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

}  // namespace squall::front
