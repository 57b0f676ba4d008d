// Fuzzes the template lexer and parser: any bytes, every whitespace mode; a parsed
// template is also printed (the AST dump walks every node).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "ast/ast_dump.hpp"
#include "parse/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace squall::front;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"fuzz.html", "fuzz.txt"}) {
    auto file = std::make_shared<const SourceFile>(name, text);
    DiagnosticEngine diags;
    auto parsed = parse_template(file, {}, diags);
    if (parsed) (void)dump_template(*parsed);
    for (const auto& d : diags.diagnostics()) (void)format_diagnostic(d);
  }
  return 0;
}
