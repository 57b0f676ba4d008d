// Python's repr() of a str, for messages that quote template text the way Tornado does
// (`unknown operator: 'if\tx'`).
#pragma once

#include <string>
#include <string_view>

namespace squall::front {

/// python_str_repr returns CPython's `repr(text)` for valid UTF-8 `text`: single quotes
/// unless the text holds `'` and no `"`; `\\`, `\n`, `\r`, `\t` and the quote escaped;
/// non-printable code points as `\xNN`, `\uNNNN` or `\UNNNNNNNN`. Printability follows
/// `str.isprintable()` for controls, separators and format characters; unassigned code
/// points are treated as printable (CPython escapes them).
std::string python_str_repr(std::string_view text);

}  // namespace squall::front
