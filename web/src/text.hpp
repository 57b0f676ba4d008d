// Internal: small text and file helpers the parts of squall::web share.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace squall::web::detail {

/// strip removes ASCII whitespace from both ends (Python's str.strip() on ASCII text).
std::string_view strip(std::string_view s);
/// hex_value is the value of a hex digit, or -1.
int hex_value(char c);
/// read_file returns the bytes of a regular file, or nullopt when it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& file);

}  // namespace squall::web::detail
