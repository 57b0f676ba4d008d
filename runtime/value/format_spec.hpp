// The format-spec mini-language, shared by format(), str.format and %-formatting. Internal.
#pragma once

#include "value/internal.hpp"

namespace squall::rt {

/// FormatSpec is a parsed `[[fill]align][sign][#][0][width][grouping][.precision][type]`.
struct FormatSpec {
  char32_t fill = U' ';
  char align = 0;  // 0 (default), '<', '>', '=', '^'
  char sign = 0;   // 0, '+', '-', ' '
  bool alternate = false;
  bool zero = false;  // the '0' flag before width
  std::int64_t width = -1;
  char grouping = 0;  // 0, ',', '_'
  std::int64_t precision = -1;
  char type = 0;
};

/// parse_format_spec parses `spec` or raises ValueError like CPython.
FormatSpec parse_format_spec(std::string_view spec);

/// format_int / format_float / format_text format one value by a parsed spec.
std::string format_int(std::int64_t v, const FormatSpec& s);
std::string format_float(double v, const FormatSpec& s);
std::string format_text(std::string_view v, const FormatSpec& s);

/// c_float formats `v` with printf conversion `conv` (e f g E F G) and precision, handling
/// inf/nan as Python does; `alternate` is the '#' flag.
std::string c_float(double v, char conv, int precision, bool alternate);

/// pad aligns `body` (already signed) to the spec width with its fill character.
std::string pad(std::string body, const FormatSpec& s, char default_align, std::size_t sign_len);

}  // namespace squall::rt
