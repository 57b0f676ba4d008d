#include "sema/escape_choice.hpp"

namespace squall::front {

std::string_view escape_function(const Template& file, std::optional<std::string_view> fallback) {
  // The parser stores `{% autoescape None %}` as "".
  if (file.autoescape) return *file.autoescape;
  return fallback.value_or(std::string_view());
}

std::optional<std::string> autoescape_option(std::string_view value) {
  if (value.empty() || value == "none" || value == "None") return std::nullopt;
  return std::string(value);
}

}  // namespace squall::front
