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
  flush_text();
  const std::string ok = node.has_else ? temp("ok") : std::string();
  const std::string pending = node.has_finally ? temp("pending") : std::string();
  w().open("{");
  if (!ok.empty()) w().line("bool " + ok + " = false;");
  if (!pending.empty()) {
    w().line("std::exception_ptr " + pending + ";");
    w().open("try {");
  }
  w().open("try {");
  emit_nodes(node.body, file);
  flush_text();
  if (!ok.empty()) w().line(ok + " = true;");
  if (!node.handlers.empty()) {
    const std::string error = temp("error");
    w().close("} catch (const squall::Error& " + error + ") {");
    w().set_indent_level(w().indent_level() + 1);
    bool first = true;
    for (const auto& h : node.handlers) {
      at(file, h.range);
      if (!h.type) {
        w().open(first ? "{" : "else {");
      } else {
        w().open(std::string(first ? "" : "else ") + "if (squall::py::exception_matches(" + error +
                 ", " + emit_expr(*h.type) + ")) {");
      }
      emit_handler(*this, h, file, error);
      w().close();
      first = false;
    }
    if (node.handlers.back().type) w().line("else throw;");
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
    w().close("} catch (...) {");
    w().set_indent_level(w().indent_level() + 1);
    w().line(pending + " = std::current_exception();");
    w().close();
    emit_nodes(node.finalbody, file);
    flush_text();
    w().line("if (" + pending + ") std::rethrow_exception(" + pending + ");");
  }
  w().close();
}

}  // namespace squall::cg
