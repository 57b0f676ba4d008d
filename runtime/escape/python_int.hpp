// Python's int(str, base) for the digit strings xhtml_unescape hands it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace squall::detail {

/// kPythonIntSaturated is what parse_python_int returns for values that do not fit: every
/// caller only needs to know "2**31 or more".
inline constexpr std::uint64_t kPythonIntSaturated = UINT64_C(1) << 40;

/// parse_python_int parses UTF-8 `text` as Python's `int(text, base)` (base 10 or 16) does
/// for text without whitespace or sign: Unicode decimal digits count as digits, single `_`
/// may separate digits, and base 16 accepts a `0x`/`0X` prefix (optionally followed by one
/// `_`). Returns nullopt where Python raises ValueError; values of kPythonIntSaturated or
/// more are returned as kPythonIntSaturated.
std::optional<std::uint64_t> parse_python_int(std::string_view text, int base);

}  // namespace squall::detail
