// `{% apply f %}body{% end %}`: the body is Python's nested function with its own locals;
// here it is a C++ block writing into its own buffer (an OutBuffer over a string). `f` is
// evaluated before the body, as Python evaluates a callee before its arguments.
#include "codegen/emitter.hpp"
#include "sema/pasted_text.hpp"

namespace squall::cg {

void Emitter::emit_apply(const front::ApplyNode& node, const front::Template& file) {
  at(file, node.range);
  if (node.pasted_body) return emit_pasted_apply(node, file);
  const std::string fn = temp("apply");
  const std::string buffer = temp("buf");
  w().open("{");
  w().line("const squall::Value " + fn + " = " + emit_expr(*node.func) + ";");
  w().line("std::string " + buffer + ";");
  emit_apply_body(node, file, buffer);
  at(file, node.range);
  w().line("squall::render::append_apply(" + out_buffer() + ", " + fn + ", std::move(" + buffer +
           "));");
  w().close();
}

// Tornado's `_tt_utf8(func(_tt_apply0()))` where the call wraps only part of `func`
// (sema/pasted_text.hpp): the body becomes a function in the local the call reads, run if
// and when the call runs.
void Emitter::emit_pasted_apply(const front::ApplyNode& node, const front::Template& file) {
  const std::string slot = local_name(node.pasted_body->slot);
  const std::string buffer = temp("buf");
  w().open("{");
  w().open(slot + " = squall::Value::function(\"" + front::kApplyBodyFunction +
           "\", [&](squall::Args, squall::KwArgs) -> squall::Value {");
  w().line("std::string " + buffer + ";");
  emit_apply_body(node, file, buffer);
  w().line("return squall::Value(std::move(" + buffer + "));");
  w().close("});");
  at(file, node.range);
  const std::string result = temp("applied");
  w().line("const squall::Value " + result + " = " + emit_expr(*node.func) + ";");
  w().line(slot + ".reset();");
  w().line("squall::render::append_function_result(" + out_buffer() + ".flushed(), " + result +
           ");");
  w().close();
}

// The body is Python's nested function: its own locals, written into `buffer` through its
// own OutBuffer, as the template's output is.
void Emitter::emit_apply_body(const front::ApplyNode& node, const front::Template& file,
                              const std::string& buffer) {
  const auto found = unit().apply_slots.find(&node);
  static const std::vector<int> kNone;
  const std::vector<int>& slots = found == unit().apply_slots.end() ? kNone : found->second;
  w().open("{");
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
}

}  // namespace squall::cg
