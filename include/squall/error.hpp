// squall::Error: the one exception type the runtime throws, carrying a Python exception class.
#pragma once

#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace squall {

/// ErrorFrame is one step of the include/extends/module chain an error passed through.
struct ErrorFrame {
  std::string template_name;  ///< the template the error passed through
  int line = 0;               ///< the line of the include, extends or module call
};

/// Error is a Python exception raised while evaluating template code.
///
/// `type()` is the Python class name (`KeyError`, `TypeError`, ...); `message()` is what
/// Python's `str(e)` gives (for KeyError that is `repr(key)`, e.g. `'x'`). The back ends fill
/// `template_name`, `line` and `chain` (innermost first) as the error propagates; the runtime
/// itself leaves them empty.
///
/// **Example**: `throw Error("KeyError", "'x'")`; `what()` is `KeyError: 'x'`.
class Error : public std::exception {
 public:
  Error(std::string type, std::string message);  ///< an error of class `type`

  /// type is the Python exception class name.
  const std::string& type() const noexcept { return type_; }
  /// message is `str(e)` of the Python exception.
  const std::string& message() const noexcept { return message_; }
  /// what returns `Class: message` (or just `Class` when the message is empty).
  const char* what() const noexcept override { return what_.c_str(); }

  /// format returns `NAME:LINE: Class: message`, then ` (via a.html:1, b.html:3)` when the
  /// chain is not empty. Without a template name it is just `what()`.
  std::string format() const;

  std::string template_name;      ///< the template the error was raised in ("" if none)
  int line = 0;                   ///< the line in that template (0 if unknown)
  std::vector<ErrorFrame> chain;  ///< the templates it passed through, innermost first

 private:
  std::string type_;
  std::string message_;
  std::string what_;
};

/// throw_error throws `Error(type, message)`; a non-inline helper keeps throw sites small.
[[noreturn]] void throw_error(std::string_view type, std::string message);

/// rethrow_as_error, called inside a `catch`, rethrows the exception in flight as a
/// squall::Error: a C++ exception from a registered function becomes `SystemError` with
/// its `what()` (`SystemError: unknown C++ exception` for non-std exceptions), so both
/// back ends report it with the template and line of the call, and `{% try %}` catches
/// it; std::bad_alloc becomes `MemoryError: out of memory`. squall::Error is rethrown
/// unchanged.
[[noreturn]] void rethrow_as_error();

}  // namespace squall
