// `{% try %}`: Python's try/except/else/finally on top of C++ exceptions. Only
// squall::Error is a Python exception; `except` clauses match it through the runtime's
// exception hierarchy, and a clause that does not match rethrows.
#include "codegen/emitter.hpp"

namespace squall::cg {

namespace {

// Python unbinds `except E as name` at the end of the clause.
void emit_handler(Emitter& e, const front::ExceptClause& h, const front::Template& file,
                  const std::string& error) {
  if (!h.name.empty()) {
    const auto slot = e.slot_of(h.name);
    e.w().line(e.local_name(slot) + " = squall::py::exception_value(" + error + ");");
    e.emit_nodes(h.body, file);
    e.flush_text();
    e.w().line(e.local_name(slot) + ".reset();");
  } else {
    e.emit_nodes(h.body, file);
    e.flush_text();
  }
}

}  // namespace

void Emitter::emit_try(const front::TryNode& node, const front::Template& file) {
  ++try_depth_;  // loops inside copy their items (LoopBorrowing)
  flush_text();
  const std::string ok = node.has_else ? temp("ok") : std::string();
  const std::string pending = node.has_finally ? temp("pending") : std::string();
  const std::string pending_pos = node.has_finally ? temp("raised") : std::string();
  w().open("{");
  if (!ok.empty()) w().line("bool " + ok + " = false;");
  // Inside a loop, the protected code is a one-shot C++ loop: `break`/`continue` leave it
  // with a flag set, and the jump is repeated after the finally code, as Python runs it.
  const std::string flow = node.has_finally && !flow_.empty() ? temp("flow") : std::string();
  if (!pending.empty()) {
    w().line("std::exception_ptr " + pending + ";");
    w().line("int " + pending_pos + " = 0;");  // where the pending error was raised
    if (!flow.empty()) w().line("int " + flow + " = 0;");
    w().open("try {");
    if (!flow.empty()) {
      w().open("do {");
      push_flow(flow);
    }
  }
  w().open("try {");
  emit_nodes(node.body, file);
  flush_text();
  if (!ok.empty()) w().line(ok + " = true;");
  if (!node.handlers.empty()) {
    const std::string error = temp("error");
    w().close("} catch (const squall::Error& " + error + ") {");
    w().set_indent_level(w().indent_level() + 1);
    // An error no clause matches keeps the position it was raised at.
    const std::string raised = temp("raised");
    const bool can_rethrow = node.handlers.back().type != nullptr;
    if (can_rethrow) w().line("const int " + raised + " = squall_pos;");
    bool first = true;
    for (const auto& h : node.handlers) {
      // The position store must not split the if/else chain: after the first clause it
      // goes inside the condition (or the bare clause's block).
      const std::string pos = "squall_pos = " + std::to_string(position_of(file, h.range));
      w().map_source(file_path(file), line_at(file, h.range));
      if (first) w().line(pos + ";");
      if (!h.type) {
        w().open(first ? "{" : "else {");
        if (!first) w().line(pos + ";");
      } else {
        const std::string match =
            "squall::py::exception_matches(" + error + ", " + emit_expr(*h.type) + ")";
        w().open(first ? "if (" + match + ") {" : "else if ((" + pos + ", " + match + ")) {");
      }
      emit_handler(*this, h, file, error);
      w().close();
      first = false;
    }
    if (can_rethrow) {
      w().open("else {");
      w().line("squall_pos = " + raised + ";");
      w().line("throw;");
      w().close();
    }
  } else {
    // A try with only `finally`: the C++ try needs a handler; rethrowing changes nothing.
    w().close("} catch (...) {");
    w().set_indent_level(w().indent_level() + 1);
    w().line("throw;");
  }
  w().close();
  if (!ok.empty()) {
    w().open("if (" + ok + ") {");
    emit_nodes(node.orelse, file);
    flush_text();
    w().close();
  }
  if (!pending.empty()) {
    if (!flow.empty()) {
      pop_flow();
      w().close("} while (false);");
    }
    w().close("} catch (...) {");
    w().set_indent_level(w().indent_level() + 1);
    w().line(pending + " = std::current_exception();");
    w().line(pending_pos + " = squall_pos;");
    w().close();
    emit_nodes(node.finalbody, file);
    flush_text();
    w().open("if (" + pending + ") {");
    w().line("squall_pos = " + pending_pos + ";");
    w().line("std::rethrow_exception(" + pending + ");");
    w().close();
    if (!flow.empty()) {
      w().open("if (" + flow + " == 1) {");
      emit_jump(true);
      w().close();
      w().open("if (" + flow + " == 2) {");
      emit_jump(false);
      w().close();
    }
  }
  w().close();
  --try_depth_;
}

}  // namespace squall::cg
