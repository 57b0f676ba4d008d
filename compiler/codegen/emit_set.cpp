// `{% set %}` statements and `{% import %}`: assignment targets are locals (C++
// variables), attributes and subscripts (runtime setattr/setitem), or unpacking.
#include "codegen/emitter.hpp"

#include "sema/operators.hpp"
#include "sema/scope_resolver.hpp"

namespace squall::cg {

void Emitter::emit_set(const front::SetNode& node, const front::Template& file) {
  at(file, node.range);
  emit_stmts(node.body, file);
}

void Emitter::emit_stmts(const std::vector<front::StmtPtr>& body, const front::Template& file) {
  for (const auto& stmt : body) {
    switch (stmt->kind) {
      case front::StmtKind::Assign: {
        const auto& s = static_cast<const front::AssignStmt&>(*stmt);
        const std::string value = temp("value");
        w().open("{");
        w().line("squall::Value " + value + " = " + emit_expr(*s.value) + ";");
        if (s.targets.size() == 1) {
          emit_assign(*s.targets[0], "std::move(" + value + ")");
        } else {
          for (const auto& t : s.targets) emit_assign(*t, value);
        }
        w().close();
        break;
      }
      case front::StmtKind::AugAssign: {
        const auto& s = static_cast<const front::AugAssignStmt&>(*stmt);
        // Python's in-place operators (render::inplace_add, ...) keep lists, sets and dicts.
        const std::string fn = front::binary_function(s.op, /*augmented=*/true).cpp_name;
        const std::string value = temp("value");
        w().open("{");
        // Python evaluates the target's object and key once, then the value; rt::op's
        // braced operands keep that order in C++.
        const auto* sub_target = s.target->kind == front::ExprKind::Subscript
                                     ? &static_cast<const front::SubscriptExpr&>(*s.target)
                                     : nullptr;
        if (sub_target && sub_target->index->kind == front::ExprKind::Slice) {
          // The object and the slice's parts are evaluated once, for the read and the store.
          const std::string object = temp("object");
          const std::string args = temp("slice");
          w().line("const squall::Value " + object + " = " + emit_expr(*sub_target->value) + ";");
          w().line(
              "const squall::rt::SliceArgs " + args +
              emit_slice_args(object, static_cast<const front::SliceExpr&>(*sub_target->index)) +
              ";");
          w().line("squall::Value " + value + " = squall::rt::op(" + fn + ", {squall::rt::slice(" +
                   args + "), " + emit_expr(*s.value) + "});");
          w().line("squall::rt::setslice(" + args + ", " + value + ");");
        } else if (sub_target) {
          const auto& sub = *sub_target;
          const std::string object = temp("object");
          const std::string key = temp("key");
          w().line("const squall::Value " + object + " = " + emit_expr(*sub.value) + ";");
          w().line("const squall::Value " + key + " = " + emit_expr(*sub.index) + ";");
          w().line("squall::Value " + value + " = squall::rt::op(" + fn +
                   ", {squall::py::getitem(" + object + ", " + key + "), " + emit_expr(*s.value) +
                   "});");
          w().line("squall::py::setitem(" + object + ", " + key + ", std::move(" + value + "));");
        } else if (s.target->kind == front::ExprKind::Attribute) {
          const auto& a = static_cast<const front::AttributeExpr&>(*s.target);
          const std::string object = temp("object");
          w().line("const squall::Value " + object + " = " + emit_expr(*a.value) + ";");
          w().line("squall::Value " + value + " = squall::rt::op(" + fn +
                   ", {squall::py::getattr(" + object + ", " + cpp_quoted(a.attr) + "), " +
                   emit_expr(*s.value) + "});");
          w().line("squall::py::setattr(" + object + ", " + cpp_quoted(a.attr) + ", std::move(" +
                   value + "));");
        } else {
          const std::string target = emit_expr(*s.target);
          w().line("squall::Value " + value + " = squall::rt::op(" + fn + ", {" + target + ", " +
                   emit_expr(*s.value) + "});");
          emit_assign(*s.target, "std::move(" + value + ")");
        }
        w().close();
        break;
      }
      case front::StmtKind::Del:
        emit_del(*static_cast<const front::DelStmt&>(*stmt).target);
        break;
      case front::StmtKind::Expr:
        w().line("static_cast<void>(" +
                 emit_expr(*static_cast<const front::ExprStmt&>(*stmt).value) + ");");
        break;
      case front::StmtKind::If: {
        const auto& s = static_cast<const front::IfStmt&>(*stmt);
        bool first = true;
        for (const auto& b : s.branches) {
          if (!b.condition) {
            w().open("else {");
          } else {
            w().open(std::string(first ? "" : "else ") + "if (squall::py::truthy(" +
                     emit_expr(*b.condition) + ")) {");
          }
          emit_stmts(b.body, file);
          w().close();
          first = false;
        }
        break;
      }
      case front::StmtKind::Pass:
        break;
    }
  }
}

void Emitter::emit_assign(const front::Expr& target, const std::string& value) {
  switch (target.kind) {
    case front::ExprKind::Name: {
      const auto& n = static_cast<const front::NameExpr&>(target);
      if (n.scope == front::NameScope::Local) {
        w().line(local_name(n.slot) + " = " + value + ";");
      } else if (const std::string* inner = lookup_inner(n.name)) {
        w().line(*inner + " = " + value + ";");
      } else {
        unsupported_expr(target, "assignment to '" + n.name + "'");
      }
      return;
    }
    case front::ExprKind::Attribute: {
      const auto& a = static_cast<const front::AttributeExpr&>(target);
      w().line("squall::py::setattr(" + emit_expr(*a.value) + ", " + cpp_quoted(a.attr) + ", " +
               value + ");");
      return;
    }
    case front::ExprKind::Subscript: {
      const auto& s = static_cast<const front::SubscriptExpr&>(target);
      // Braced operands: the object is evaluated before the key, as in Python.
      const std::string object = emit_expr(*s.value);
      if (s.index->kind == front::ExprKind::Slice) {
        w().line("squall::rt::setslice(" +
                 emit_slice_args(object, static_cast<const front::SliceExpr&>(*s.index)) + ", " +
                 value + ");");
        return;
      }
      w().line("squall::rt::setitem({" + object + ", " + emit_expr(*s.index) + "}, " + value +
               ");");
      return;
    }
    case front::ExprKind::Tuple:
    case front::ExprKind::List: {
      const auto& seq = static_cast<const front::SequenceExpr&>(target);
      std::string star = "std::nullopt";
      for (std::size_t i = 0; i < seq.elements.size(); ++i) {
        if (seq.elements[i]->kind == front::ExprKind::Starred) star = std::to_string(i);
      }
      const std::string parts = temp("parts");
      w().line("const std::vector<squall::Value> " + parts + " = squall::render::unpack(" + value +
               ", " + std::to_string(seq.elements.size()) + ", " + star + ");");
      for (std::size_t i = 0; i < seq.elements.size(); ++i) {
        const front::Expr* el = seq.elements[i].get();
        if (el->kind == front::ExprKind::Starred)
          el = static_cast<const front::StarredExpr&>(*el).value.get();
        emit_assign(*el, parts + "[" + std::to_string(i) + "]");
      }
      return;
    }
    default:
      unsupported_expr(target, "this assignment target");
  }
}

void Emitter::emit_del(const front::Expr& target) {
  switch (target.kind) {
    case front::ExprKind::Name: {
      const auto& n = static_cast<const front::NameExpr&>(target);
      if (n.scope != front::NameScope::Local) {
        unsupported_expr(target, "deletion of '" + n.name + "'");
        return;
      }
      w().line("squall::render::unbind_local(" + local_name(n.slot) + ", " + cpp_quoted(n.name) +
               ");");
      return;
    }
    case front::ExprKind::Tuple:
    case front::ExprKind::List:
      for (const auto& e : static_cast<const front::SequenceExpr&>(target).elements) emit_del(*e);
      return;
    case front::ExprKind::Attribute: {
      const auto& a = static_cast<const front::AttributeExpr&>(target);
      w().line("squall::py::delattr(" + emit_expr(*a.value) + ", " + cpp_quoted(a.attr) + ");");
      return;
    }
    case front::ExprKind::Subscript: {
      const auto& s = static_cast<const front::SubscriptExpr&>(target);
      const std::string object = emit_expr(*s.value);
      if (s.index->kind == front::ExprKind::Slice) {
        w().line("squall::rt::delslice(" +
                 emit_slice_args(object, static_cast<const front::SliceExpr&>(*s.index)) + ");");
        return;
      }
      // Braced operands: the object is evaluated before the key, as in Python.
      w().line("squall::rt::delitem({" + object + ", " + emit_expr(*s.index) + "});");
      return;
    }
    default:
      unsupported_expr(target, "this deletion target");
  }
}

void Emitter::emit_import(const front::ImportNode& node, const front::Template& file) {
  at(file, node.range);
  const auto bound = front::bound_names_of_import(node);
  for (std::size_t i = 0; i < node.names.size(); ++i) {
    const auto& n = node.names[i];
    const int slot = slot_of(bound[i]);
    std::string value;
    if (!node.from_module.empty()) {
      value = "squall::render::import_from(" + cpp_quoted(node.from_module) + ", " +
              cpp_quoted(n.name) + ", squall_ctx.import_modules())";
    } else if (n.alias.empty()) {
      // `import a.b` binds `a` (after importing a.b).
      value = "squall::render::import_module(" + cpp_quoted(n.name) +
              ", true, squall_ctx.import_modules())";
    } else {
      value = "squall::render::import_module(" + cpp_quoted(n.name) +
              ", false, squall_ctx.import_modules())";
    }
    w().line(local_name(slot) + " = " + value + ";");
  }
}

}  // namespace squall::cg
