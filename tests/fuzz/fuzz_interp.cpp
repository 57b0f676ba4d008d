// Fuzzes the interpreter: the input is a template, optionally followed by a NUL byte and
// JSON data for its arguments. Renders under small limits, so a slow or huge render is a
// Python-style error (MemoryError, TimeoutError), never an abort.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "interp/interpreter.hpp"
#include "sema/template_loader.hpp"
#include "squall/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace squall;
  if (size > 1 << 16) return 0;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  const std::string text = input.substr(0, nul);
  Value args = Value::dict();
  if (nul != std::string::npos) {
    try {
      Value parsed = parse_json(input.substr(nul + 1));
      if (parsed.is_dict()) args = parsed;
    } catch (const Error&) {
    }
  }
  interp::Options options;
  options.limits.max_iterations = 100000;
  options.limits.max_string_bytes = 1 << 20;
  options.limits.max_items = 1 << 16;
  options.limits.max_output_bytes = 1 << 22;
  options.limits.max_call_depth = 50;
  options.modules = std::make_shared<squall::ModuleRegistry>();
  std::map<std::string, std::string> templates = {{"main.html", text}, {"other.html", text}};
  interp::TemplateSet set(std::make_unique<front::DictLoader>(std::move(templates)),
                          std::move(options));
  try {
    (void)set.render("main.html", args);
  } catch (const Error& e) {
    (void)e.format();
  } catch (const interp::CompileError&) {
  }
  return 0;
}
