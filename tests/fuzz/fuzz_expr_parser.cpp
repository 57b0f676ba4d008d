// Fuzzes the Python-subset parsers behind every tag: expressions, `set` bodies, `for`
// headers, `except` headers and imports, on the same bytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "expr/expr_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace squall::front;
  if (size > 1 << 16) return 0;
  auto file = std::make_shared<const SourceFile>(
      "fuzz.html", std::string(reinterpret_cast<const char*>(data), size));
  const SourceRange all{0, static_cast<std::uint32_t>(size)};
  auto with = [&](auto&& parse) {
    DiagnosticEngine diags;
    const ExprParseInput in{file, all, diags};
    parse(in);
  };
  with([](const ExprParseInput& in) { (void)parse_expression(in, true); });
  with([](const ExprParseInput& in) { (void)parse_header_expression(in); });
  with([](const ExprParseInput& in) { (void)parse_set_body(in, 8); });
  with([](const ExprParseInput& in) { (void)parse_for_header(in); });
  with([](const ExprParseInput& in) { (void)parse_except_header(in); });
  with([](const ExprParseInput& in) {
    ImportNode node(in.range);
    (void)parse_import(in, node);
    ImportNode from(in.range);
    (void)parse_from_import(in, from);
  });
  return 0;
}
