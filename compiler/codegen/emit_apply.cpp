// `{% apply f %}body{% end %}`: the body is Python's nested function with its own locals;
// here it is a C++ block writing into its own buffer (an OutBuffer over a string). `f` is
// evaluated before the body, as Python evaluates a callee before its arguments.
#include "codegen/emitter.hpp"

namespace squall::cg {

void Emitter::emit_apply(const front::ApplyNode& node, const front::Template& file) {
  at(file, node.range);
  const std::string fn = temp("apply");
  const std::string buffer = temp("buf");
  w().open("{");
  w().line("const squall::Value " + fn + " = " + emit_expr(*node.func) + ";");
  w().line("std::string " + buffer + ";");
  const auto found = unit().apply_slots.find(&node);
  static const std::vector<int> kNone;
  const std::vector<int>& slots = found == unit().apply_slots.end() ? kNone : found->second;
  w().open("{");
  // The body writes through its own OutBuffer, as the template's output does.
  const std::string body_out = buffer + "_out";
  w().line("squall::render::OutBuffer " + body_out + "(" + buffer + ");");
  declare_locals(slots);
  enter_function(slots);
  const std::string outer = out_buffer();
  set_out_buffer(body_out);
  emit_nodes(node.body, file);
  flush_text();
  w().line(body_out + ".finish();");
  set_out_buffer(outer);
  leave_function();
  w().close();
  at(file, node.range);
  w().line("squall::render::append_apply(" + outer + ", " + fn + ", std::move(" + buffer + "));");
  w().close();
}

}  // namespace squall::cg
