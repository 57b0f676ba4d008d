// `{{ expr }}`, `{% raw expr %}` and `{% module expr %}`: Tornado's three output forms.
#include "codegen/emitter.hpp"

namespace squall::cg {

// The escape function is looked up by name in the namespace (a render argument named
// `xhtml_escape` replaces it) by a render::Escaper, one per escape name and render, or
// read from a template local of that name.
void Emitter::emit_expression(const front::ExpressionNode& node, const front::Template& file) {
  at(file, node.range);
  const std::string value = emit_full(*node.expr);
  const std::string escape = escape_name(file);
  if (escape.empty()) {
    w().line("squall::render::append_value(" + out_buffer() + ", " + value + ");");
    return;
  }
  // A template that assigns the escape function's name reads the local, as Python does;
  // the value is evaluated first, as Tornado's generated code does.
  if (const int slot = visible_slot(escape); slot >= 0) {
    const std::string v = temp("v");
    w().open("{");
    w().line("const squall::Value " + v + " = " + value + ";");
    w().line("squall::render::append_escaped(" + out_buffer() + ", " + v + ", " +
             read_local(slot, escape) + ", squall_ctx.globals());");
    w().close();
    return;
  }
  w().line(escaper(escape) + ".append(" + out_buffer() + ", " + value + ");");
}

void Emitter::emit_raw(const front::RawNode& node, const front::Template& file) {
  at(file, node.range);
  w().line("squall::render::append_value(" + out_buffer() + ", " + emit_full(*node.expr) + ");");
}

void Emitter::emit_module(const front::ModuleNode& node, const front::Template& file) {
  at(file, node.range);
  w().line("squall::render::append_value(" + out_buffer() + ", " + emit_module_expr(*node.expr) +
           ");");
}

}  // namespace squall::cg
