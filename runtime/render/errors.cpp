// Template-level errors and how they are annotated with their template location.
#include <utility>

#include "squall/detail/render.hpp"
#include "squall/limits.hpp"

namespace squall::render {

void raise_unbound_local(std::string_view name) {
  throw_error("UnboundLocalError", "cannot access local variable '" + std::string(name) +
                                       "' where it is not associated with a value");
}

void raise_free_variable(std::string_view name) {
  throw_error("NameError", "cannot access free variable '" + std::string(name) +
                               "' where it is not associated with a value in enclosing scope");
}

void raise_name_error(std::string_view name) {
  throw_error("NameError", "name '" + std::string(name) + "' is not defined");
}

void annotate_error(Error& e, std::string_view template_name, int line,
                    std::span<const ErrorFrame> via) {
  if (e.template_name.empty()) {
    e.template_name = std::string(template_name);
    e.line = line;
  } else {
    e.chain.push_back(ErrorFrame{std::string(template_name), line});
  }
  e.chain.insert(e.chain.end(), via.begin(), via.end());
}

Error error_from_current_exception() {
  // One mapping of C++ exceptions to Python ones: rethrow_as_error's.
  try {
    rethrow_as_error();
  } catch (Error& e) {
    return std::move(e);
  }
}

namespace {
thread_local int call_depth = 0;
}  // namespace

CallDepthGuard::CallDepthGuard() {
  if (++call_depth > limits::current().max_call_depth) {
    --call_depth;
    throw_error("RecursionError", "maximum recursion depth exceeded");
  }
}

CallDepthGuard::~CallDepthGuard() {
  --call_depth;
}

}  // namespace squall::render
