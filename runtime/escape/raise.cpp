#include "escape/raise.hpp"

#include <stdexcept>

namespace squall::detail {

// TODO(escape): throw squall::Error once include/squall/error.hpp is on main.
void raise_python_error(std::string_view type, std::string message) {
  throw std::runtime_error(std::string(type) + ": " + message);
}

}  // namespace squall::detail
