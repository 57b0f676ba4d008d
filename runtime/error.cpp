#include "squall/error.hpp"

#include <new>

namespace squall {

Error::Error(std::string type, std::string message)
    : type_(std::move(type)), message_(std::move(message)) {
  what_ = message_.empty() ? type_ : type_ + ": " + message_;
}

std::string Error::format() const {
  if (template_name.empty()) return what_;
  std::string out = template_name + ":" + std::to_string(line) + ": " + what_;
  if (chain.empty()) return out;
  out += " (via ";
  for (std::size_t i = 0; i < chain.size(); ++i) {
    if (i) out += ", ";
    out += chain[i].template_name + ":" + std::to_string(chain[i].line);
  }
  return out + ")";
}

void throw_error(std::string_view type, std::string message) {
  throw Error(std::string(type), std::move(message));
}

void rethrow_as_error() {
  try {
    throw;
  } catch (const Error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw Error("MemoryError", "out of memory");
  } catch (const std::exception& e) {
    throw Error("SystemError", e.what());
  } catch (...) {
    throw Error("SystemError", "unknown C++ exception");
  }
}

}  // namespace squall
