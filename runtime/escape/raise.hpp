// The one place the escape functions raise a Python exception.
#pragma once

#include <string>
#include <string_view>

namespace squall::detail {

/// raise_python_error throws the runtime's error type for Python class `type`.
[[noreturn]] void raise_python_error(std::string_view type, std::string message);

}  // namespace squall::detail
