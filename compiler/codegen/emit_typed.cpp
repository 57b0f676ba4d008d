// Typed templates (docs/typed-templates.md): expressions over declared arguments as plain
// C++. Attribute reads are member accesses under the template's `#line`, so a misspelled
// field is the C++ compiler's error at the template line; everything the typed path does
// not lower becomes a borrowed Value (squall::typed::value) and continues dynamically.
#include <algorithm>

#include "codegen/emitter.hpp"
#include "codegen/mangle.hpp"
#include "sema/for_shape.hpp"

namespace squall::cg {

using namespace squall::front;  // NOLINT: internal file, the AST names are long enough

namespace {

// A Python attribute name generated code can write as a C++ member name.
bool is_member_name(const std::string& name) {
  if (name.empty() || name.starts_with("__")) return false;
  for (const char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return !std::isdigit(static_cast<unsigned char>(name[0]));
}

const char* compare_helper(CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return "squall::typed::eq";
    case CompareOp::NotEq:
      return "squall::typed::ne";
    case CompareOp::Lt:
      return "squall::typed::lt";
    case CompareOp::LtE:
      return "squall::typed::le";
    case CompareOp::Gt:
      return "squall::typed::gt";
    case CompareOp::GtE:
      return "squall::typed::ge";
    default:
      return nullptr;
  }
}

// The local slot a loop target names, or -1.
int target_slot(const Expr& e) {
  if (e.kind != ExprKind::Name) return -1;
  const auto& n = static_cast<const NameExpr&>(e);
  return n.scope == NameScope::Local && !n.free ? n.slot : -1;
}

}  // namespace

std::string Emitter::typed_param_name(const std::string& name) {
  return "squall_arg_" + name;
}

std::string Emitter::typed_params(const TypedArgs& args) {
  std::string out;
  for (const auto& a : args.args) {
    out += ", const " + a.type + "& " + typed_param_name(a.name);
  }
  return out;
}

std::string Emitter::member_access(const AttributeExpr& a) const {
  // The member name on a line of its own, under the `#line` of the template line it is
  // on and indented to its template column: the C++ compiler's error about a misspelled
  // field points at the field in the template (g++ quotes the template line).
  const std::string plain = "." + a.attr;
  if (!options_.line_directives || !current_file_) return plain;
  const SourceFile& file = *current_file_->file;
  const auto size = static_cast<std::uint32_t>(a.attr.size());
  if (a.range.end < size || file.slice({a.range.end - size, a.range.end}) != a.attr) return plain;
  const LineColumn at = file.locate(a.range.end - size);
  return "\n#line " + std::to_string(at.line) + " " + cpp_quoted(file_path(*current_file_)) + "\n" +
         std::string(static_cast<std::size_t>(std::max(at.column - 2, 0)), ' ') + plain;
}

std::optional<std::string> Emitter::typed(const Expr& e) {
  if (!typed_mode()) return std::nullopt;
  switch (e.kind) {
    case ExprKind::Name: {
      const auto& n = static_cast<const NameExpr&>(e);
      if (n.scope == NameScope::Global) {
        const TypedArg* arg = unit_.typed.find(n.name);
        if (arg && !arg->dynamic) return typed_param_name(n.name);
      } else if (n.scope == NameScope::Local && !n.free) {
        const auto found = typed_locals_.find(n.slot);
        if (found != typed_locals_.end()) return found->second;
      }
      return std::nullopt;
    }
    case ExprKind::Attribute: {
      const auto& a = static_cast<const AttributeExpr&>(e);
      if (!is_member_name(a.attr)) return std::nullopt;
      const auto base = typed(*a.value);
      if (!base) return std::nullopt;
      return "squall::typed::deref(" + *base + ", " + cpp_quoted(a.attr) + ")" + member_access(a);
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      if (b.op != BinaryOp::Mod) return std::nullopt;
      const auto left = typed(*b.left);
      const auto right = typed(*b.right);
      if (!left && !right) return std::nullopt;
      // A constant operand is a C++ literal; any other untyped operand makes it dynamic.
      const auto operand = [&](const Expr& x, const std::optional<std::string>& t) {
        if (t) return t;
        if (x.kind == ExprKind::Constant &&
            static_cast<const ConstantExpr&>(x).constant == ConstantKind::Int)
          return std::optional<std::string>(
              "std::int64_t{" + std::to_string(static_cast<const ConstantExpr&>(x).int_value) +
              "}");
        return std::optional<std::string>();
      };
      const auto l = operand(*b.left, left);
      const auto r = operand(*b.right, right);
      if (!l || !r) return std::nullopt;
      return "squall::typed::mod(" + *l + ", " + *r + ")";
    }
    default:
      return std::nullopt;
  }
}

std::optional<std::string> Emitter::typed_value(const Expr& e) {
  if (!typed_mode()) return std::nullopt;
  if (e.kind == ExprKind::Name) {
    const auto& n = static_cast<const NameExpr&>(e);
    const TypedArg* arg = n.scope == NameScope::Global ? unit_.typed.find(n.name) : nullptr;
    if (arg && arg->dynamic) return typed_param_name(n.name);
  }
  if (const auto t = typed(e)) return "squall::typed::value(" + *t + ")";
  return std::nullopt;
}

namespace {

// A constant as a C++ literal for a typed comparison, or nullopt.
std::optional<std::string> constant_literal(const Expr& e) {
  if (e.kind != ExprKind::Constant) return std::nullopt;
  const auto& c = static_cast<const ConstantExpr&>(e);
  switch (c.constant) {
    case ConstantKind::Int:
      if (c.int_value == INT64_MIN) return std::nullopt;
      return "std::int64_t{" + std::to_string(c.int_value) + "}";
    case ConstantKind::Bool:
      return c.bool_value ? "true" : "false";
    case ConstantKind::Str:
      return "std::string_view(" + cpp_quoted(c.str_value) + ", " +
             std::to_string(c.str_value.size()) + ")";
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> Emitter::typed_condition(const Expr& e) {
  if (!typed_mode()) return std::nullopt;
  if (e.kind == ExprKind::Compare) {
    const auto& c = static_cast<const CompareExpr&>(e);
    const char* helper = c.ops.size() == 1 ? compare_helper(c.ops[0]) : nullptr;
    if (!helper) return std::nullopt;
    const auto left = typed(*c.left);
    const auto right = typed(*c.comparators[0]);
    if (!left && !right) return std::nullopt;
    const auto l = left ? left : constant_literal(*c.left);
    const auto r = right ? right : constant_literal(*c.comparators[0]);
    if (!l || !r) return std::nullopt;
    return std::string(helper) + "(" + *l + ", " + *r + ")";
  }
  if (const auto t = typed(e)) return "squall::typed::truthy(" + *t + ")";
  return std::nullopt;
}

std::optional<std::string> Emitter::typed_call(const CallExpr& e) {
  if (!typed_mode() || e.func->kind != ExprKind::Name || e.args.size() != 1 ||
      e.args[0].kind != ArgKind::Positional)
    return std::nullopt;
  const auto& fn = static_cast<const NameExpr&>(*e.func);
  if (fn.scope != NameScope::Global || fn.name != "len" || unit_.typed.find(fn.name))
    return std::nullopt;
  const auto arg = typed(*e.args[0].value);
  if (!arg) return std::nullopt;
  return "squall::typed::len(" + emit_name(fn) + ", " + *arg + ")";
}

bool Emitter::emit_typed_for(const ForNode& node, const Template& file) {
  if (!typed_mode() || untyped_loops_.count(&node) || try_depth_ > 0 || !borrowing_.allowed())
    return false;
  const ForShape shape = for_shape(node);
  const Expr& iterable = shape.enumerate_fn ? *shape.enumerate_arg : *node.iter;
  const auto source = typed(iterable);
  if (!source) return false;
  // The targets: the item's local, and the index's for `for i, x in enumerate(...)`.
  int item_slot = -1, index_slot = -1;
  const Expr* item_target = node.target.get();
  const Expr* index_target = nullptr;
  if (shape.enumerate_fn) {
    if (shape.unpack_count != 2) return false;
    const auto& seq = static_cast<const SequenceExpr&>(*node.target);
    index_target = seq.elements[0].get();
    item_target = seq.elements[1].get();
    index_slot = target_slot(*index_target);
    if (index_slot < 0) return false;
  }
  item_slot = target_slot(*item_target);
  if (item_slot < 0 || index_slot == item_slot) return false;
  for (const int slot : {item_slot, index_slot}) {
    if (slot >= 0 && borrowing_.assigns(node.body, unit_.slot_names[slot])) return false;
  }

  at(file, node.range);
  if (shape.enumerate_fn) {
    // Only Python's enumerate has a typed form; a replaced one runs the dynamic loop.
    w().open("if (squall::typed::is_builtin_enumerate(" + emit_expr(*shape.enumerate_fn) + ")) {");
  }
  const std::string range = temp("range");
  const std::string it = temp("it");
  const std::string item = temp("item");
  const std::string count = temp("count");
  const std::string index = temp("index");
  const std::string done = node.orelse.empty() ? std::string() : temp("done");
  w().open("{");
  if (!done.empty()) w().line("bool " + done + " = false;");
  // The iterable's C++ errors (a number is not iterable) belong to the loop's line.
  w().map_source(file_path(file), line_at(file, node.range));
  w().line("const auto& " + range + " = squall::typed::items(" + *source + ");");
  if (index_slot >= 0) w().line("std::int64_t " + count + " = 0;");
  w().open("for (auto " + it + " = std::begin(" + range + ");; ++" + it + ") {");
  w().line("squall_pos = " + std::to_string(position_of(file, node.range)) + ";");
  if (done.empty()) {
    w().line("if (" + it + " == std::end(" + range + ")) break;");
  } else {
    w().open("if (" + it + " == std::end(" + range + ")) {");
    w().line(done + " = true;");
    w().line("break;");
    w().close();
  }
  w().line("[[maybe_unused]] const auto& " + item + " = *" + it + ";");
  if (index_slot >= 0)
    w().line("[[maybe_unused]] const std::int64_t " + index + " = " + count + "++;");
  // Python keeps the last item in the variable after the loop: stored only when read there.
  const std::pair<int, std::string> vars[] = {{item_slot, item}, {index_slot, index}};
  for (const auto& [slot, var] : vars) {
    if (slot < 0) continue;
    const auto& target =
        static_cast<const NameExpr&>(slot == item_slot ? *item_target : *index_target);
    if (borrowing_.read_outside(node, target))
      w().line(local_name(slot) + " = squall::typed::value(" + var + ");");
    typed_locals_[slot] = var;
  }
  push_flow("");
  emit_nodes(node.body, file);
  pop_flow();
  typed_locals_.erase(item_slot);
  typed_locals_.erase(index_slot);
  flush_text();
  w().close();
  emit_loop_else(node.orelse, file, done);
  w().close();
  if (shape.enumerate_fn) {
    w().close("} else {");
    w().set_indent_level(w().indent_level() + 1);
    untyped_loops_[&node] = true;
    emit_for(node, file);
    w().close();
  }
  return true;
}

}  // namespace squall::cg
