// Control blocks: `if`, `for`, `while`. Loop `else` runs when the loop ends by exhaustion,
// which the generated code records in a flag at the one place that happens, so `break`
// stays a plain C++ `break`.
#include "codegen/emitter.hpp"
#include "sema/for_shape.hpp"

namespace squall::cg {
namespace {

// A render global never changes during the render (generated code keeps pointers to the
// globals it uses), so a loop over one reads it in place.
bool is_global_name(const front::Expr& e) {
  return e.kind == front::ExprKind::Name &&
         static_cast<const front::NameExpr&>(e).scope == front::NameScope::Global;
}

}  // namespace

void Emitter::emit_if(const front::IfNode& node, const front::Template& file) {
  bool first = true;
  for (const auto& branch : node.branches) {
    if (!branch.condition) {
      w().close("} else {");
      w().set_indent_level(w().indent_level() + 1);
    } else if (first) {
      at(file, branch.range);
      w().open("if (" + emit_condition(*branch.condition) + ") {");
    } else {
      flush_text();
      // The elif condition runs only when earlier ones failed: its position is set inside
      // the condition itself.
      w().map_source(file_path(file), line_at(file, branch.range));
      const std::string pos = "squall_pos = " + std::to_string(position_of(file, branch.range));
      w().close("} else if ((" + pos + ", " + emit_condition(*branch.condition) + ")) {");
      w().set_indent_level(w().indent_level() + 1);
    }
    first = false;
    emit_nodes(branch.body, file);
    flush_text();
  }
  w().close();
}

void Emitter::emit_for(const front::ForNode& node, const front::Template& file) {
  if (emit_typed_for(node, file)) return;
  at(file, node.range);
  const std::string it = temp("it");
  const std::string done = node.orelse.empty() ? std::string() : temp("done");
  w().open("{");
  if (!done.empty()) w().line("bool " + done + " = false;");
  const front::ForShape shape = front::for_shape(node);
  // A borrowed item is read through `borrow` in the body and copied into its local once,
  // when the loop ends, if anything reads it there (sema/loop_borrow.hpp says when that is
  // the same).
  const front::NameExpr* borrowed = try_depth_ == 0 ? borrowing_.target(node) : nullptr;
  const std::string borrow = borrowed ? temp("b") : std::string();
  const front::Expr& iterable = shape.enumerate_fn ? *shape.enumerate_arg : *node.iter;
  const std::string source = is_global_name(iterable) && !typed_value(iterable)
                                 ? ", squall::render::ForIter::Source::InPlace"
                                 : "";
  if (shape.enumerate_fn) {
    // Braces: the callee is evaluated before the argument, as in Python.
    const std::string fn = emit_expr(*shape.enumerate_fn);
    w().line("squall::render::ForIter " + it + "{squall::render::ForIter::Enumerate{}, " + fn +
             ", " + emit_full(iterable) + source + "};");
  } else {
    w().line("squall::render::ForIter " + it + "(" + emit_full(iterable) + source + ");");
  }
  // Unused when the body never reads the name.
  if (borrowed) w().line("[[maybe_unused]] const squall::Value* " + borrow + " = nullptr;");
  w().open("for (;;) {");
  const std::string pos = "squall_pos = " + std::to_string(position_of(file, node.range)) + ";";
  w().line(pos);
  if (done.empty()) {
    w().line("if (!" + it + ".next()) break;");
  } else {
    w().open("if (!" + it + ".next()) {");
    w().line(done + " = true;");
    w().line("break;");
    w().close();
  }
  if (borrowed && shape.unpack_count == 2) {
    const auto& first_target = *static_cast<const front::SequenceExpr&>(*node.target).elements[0];
    if (first_target.kind == front::ExprKind::Name &&
        static_cast<const front::NameExpr&>(first_target).scope == front::NameScope::Local) {
      // The index goes straight into its local, as emit_assign would store it.
      const int slot = static_cast<const front::NameExpr&>(first_target).slot;
      w().line(borrow + " = &" + it + ".unpack_pair(" + local_name(slot) + ");");
    } else {
      const std::string first = temp("first");
      w().line("squall::Value " + first + ";");
      w().line(borrow + " = &" + it + ".unpack_pair(" + first + ");");
      emit_assign(first_target, "std::move(" + first + ")");
    }
  } else if (borrowed) {
    w().line(borrow + " = &" + it + ".item();");
  } else if (const std::size_t n = shape.unpack_count) {
    const std::string parts = temp("parts");
    w().line("squall::Value " + parts + "[" + std::to_string(n) + "];");
    w().line(it + ".unpack(" + parts + ");");
    const auto& seq = static_cast<const front::SequenceExpr&>(*node.target);
    for (std::size_t i = 0; i < n; ++i) {
      emit_assign(*seq.elements[i], "std::move(" + parts + "[" + std::to_string(i) + "])");
    }
  } else {
    emit_assign(*node.target, it + ".item()");
  }
  if (borrowed) borrowed_[borrowed->slot] = borrow;
  push_flow("");
  emit_nodes(node.body, file);
  pop_flow();
  if (borrowed) borrowed_.erase(borrowed->slot);
  flush_text();
  w().close();
  if (borrowed && borrowing_.read_outside(node, *borrowed)) {
    w().line("if (" + borrow + ") " + local_name(borrowed->slot) + " = *" + borrow + ";");
  }
  emit_loop_else(node.orelse, file, done);
  w().close();
}

void Emitter::emit_while(const front::WhileNode& node, const front::Template& file) {
  flush_text();
  const std::string done = node.orelse.empty() ? std::string() : temp("done");
  const std::string meter = temp("meter");  // counts iterations against the render limits
  w().open("{");
  if (!done.empty()) w().line("bool " + done + " = false;");
  w().line("squall::limits::IterationMeter " + meter + ";");
  w().open("for (;;) {");
  at(file, node.range);
  w().line(meter + ".tick();");
  const std::string cond = emit_condition(*node.condition);
  if (done.empty()) {
    w().line("if (!" + cond + ") break;");
  } else {
    w().open("if (!" + cond + ") {");
    w().line(done + " = true;");
    w().line("break;");
    w().close();
  }
  push_flow("");
  emit_nodes(node.body, file);
  pop_flow();
  flush_text();
  w().close();
  emit_loop_else(node.orelse, file, done);
  w().close();
}

void Emitter::emit_loop_else(const front::NodeList& orelse, const front::Template& file,
                             const std::string& done) {
  if (done.empty()) return;
  w().open("if (" + done + ") {");
  emit_nodes(orelse, file);
  flush_text();
  w().close();
}

void Emitter::emit_jump(bool is_break) {
  flush_text();
  if (flow_.empty() || flow_.back().empty()) {
    w().line(is_break ? "break;" : "continue;");
    return;
  }
  // Leave the try body's one-shot loop; the code after `finally` repeats the jump.
  w().line(flow_.back() + (is_break ? " = 1;" : " = 2;"));
  w().line("break;");
}

}  // namespace squall::cg
