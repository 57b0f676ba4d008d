// Fuzzes the code generator: every template the front end accepts is compiled to C++.
// With SQUALL_FUZZ_CODEGEN_SAMPLES=DIR, one accepted input in 64 is written there as
// NAME.cpp, and scripts/fuzz.sh compiles the samples with the C++ compiler afterwards
// (generated C++ must compile for every template `check` accepts).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "codegen/compile_unit.hpp"
#include "sema/template_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace squall;
  if (size > 1 << 16) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  front::DictLoader loader({{"main.html", text}, {"part.html", "{{ x }}"}});
  front::DiagnosticEngine diags;
  auto unit = front::build_unit(loader, "main.html", diags);
  if (!unit || diags.has_errors()) return 0;
  cg::CompileOptions options;
  options.ns = "fuzz";
  options.output_name = "main.html.cpp";
  const auto cpp = cg::compile_unit(*unit, options, diags);
  if (!cpp) return 0;
  static const char* samples = std::getenv("SQUALL_FUZZ_CODEGEN_SAMPLES");
  static unsigned accepted = 0;
  if (samples && accepted++ % 64 == 0) {
    const std::string name = std::to_string(std::hash<std::string>{}(text));
    std::ofstream(std::string(samples) + "/" + name + ".cpp", std::ios::binary) << *cpp;
  }
  return 0;
}
