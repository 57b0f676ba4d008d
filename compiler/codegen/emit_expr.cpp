// Expressions, part 1: names, constants, access, operators. Python evaluates operands
// left to right; C++ function arguments are unordered, so every operation with two or
// more operands passes them in a braced initializer (which C++ evaluates in order) to a
// runtime helper.
#include <cmath>
#include <cstdio>

#include "codegen/emitter.hpp"
#include "sema/operators.hpp"
#include "sema/without_calls.hpp"

namespace squall::cg {

std::string Emitter::emit_expr(const front::Expr& e) {
  DepthGuard guard(*this);
  if (guard.too_deep()) return unsupported_expr(e, "expression nesting too deep");
  switch (e.kind) {
    case front::ExprKind::Name:
      return emit_name(static_cast<const front::NameExpr&>(e));
    case front::ExprKind::Constant:
      return emit_constant(static_cast<const front::ConstantExpr&>(e));
    case front::ExprKind::Attribute:
      return emit_attribute(static_cast<const front::AttributeExpr&>(e));
    case front::ExprKind::Subscript:
      return emit_subscript(static_cast<const front::SubscriptExpr&>(e));
    case front::ExprKind::Call:
      return emit_call(static_cast<const front::CallExpr&>(e));
    case front::ExprKind::Unary:
      return emit_unary(static_cast<const front::UnaryExpr&>(e));
    case front::ExprKind::Binary:
      return emit_binary(static_cast<const front::BinaryExpr&>(e));
    case front::ExprKind::BoolOp:
      return emit_boolop(static_cast<const front::BoolOpExpr&>(e));
    case front::ExprKind::Compare:
      return emit_compare(static_cast<const front::CompareExpr&>(e));
    case front::ExprKind::IfExp:
      return emit_ifexp(static_cast<const front::IfExpExpr&>(e));
    case front::ExprKind::Tuple:
    case front::ExprKind::List:
    case front::ExprKind::Set:
      return emit_sequence(static_cast<const front::SequenceExpr&>(e));
    case front::ExprKind::Dict:
      return emit_dict(static_cast<const front::DictExpr&>(e));
    case front::ExprKind::Comprehension:
      return emit_comprehension(static_cast<const front::ComprehensionExpr&>(e));
    case front::ExprKind::Lambda:
      return emit_lambda(static_cast<const front::LambdaExpr&>(e));
    case front::ExprKind::Slice:
      return unsupported_expr(e, "a slice outside a subscript");
    case front::ExprKind::Starred:
      return unsupported_expr(e, "'*' here");
  }
  return unsupported_expr(e, "this expression");
}

std::string Emitter::emit_name(const front::NameExpr& e) {
  if (auto t = typed_value(e)) return *t;
  switch (e.scope) {
    case front::NameScope::Local:
      return read_local(e.slot, e.name, e.free);
    case front::NameScope::Lambda:
      if (const std::string* inner = lookup_inner(e.name)) return *inner;
      return unsupported_expr(e, "unbound inner name '" + e.name + "'");
    case front::NameScope::Global:
      return "squall::rt::global(" + global(e.name) + ", " + cpp_quoted(e.name) + ")";
    case front::NameScope::Unresolved:
      // Only the leading name of a `{% module %}` expression stays unresolved: Tornado
      // reads it from the UI-module namespace (`_tt_modules.Name`).
      return "squall::py::getattr(squall::rt::global(" + global("_tt_modules") +
             ", \"_tt_modules\"), " + cpp_quoted(e.name) + ")";
  }
  return unsupported_expr(e, "this name");
}

std::string Emitter::emit_module_expr(const front::Expr& e) {
  return emit_expr(e);
}

namespace {

std::string float_literal(double d) {
  if (std::isinf(d)) {
    return d > 0 ? "std::numeric_limits<double>::infinity()"
                 : "-std::numeric_limits<double>::infinity()";
  }
  if (std::isnan(d)) return "std::numeric_limits<double>::quiet_NaN()";
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string text = buf;
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

}  // namespace

std::string Emitter::emit_constant(const front::ConstantExpr& e) {
  switch (e.constant) {
    case front::ConstantKind::None:
      return "squall::Value()";
    case front::ConstantKind::Bool:
      return e.bool_value ? "squall::Value(true)" : "squall::Value(false)";
    case front::ConstantKind::Int:
      if (e.int_value == INT64_MIN) return "squall::Value(std::int64_t{-9223372036854775807} - 1)";
      return "squall::Value(std::int64_t{" + std::to_string(e.int_value) + "})";
    case front::ConstantKind::Float:
      return "squall::Value(" + float_literal(e.float_value) + ")";
    case front::ConstantKind::Str:
      return "squall::Value::from_static(std::string_view(" + cpp_quoted(e.str_value) + ", " +
             std::to_string(e.str_value.size()) + "))";
  }
  return "squall::Value()";
}

std::string Emitter::emit_attribute(const front::AttributeExpr& e) {
  if (auto t = typed_value(e)) return *t;
  // The object first: emitting it may intern more names, which moves attrs_.
  const std::string value = emit_expr(*e.value);
  const char* fn = borrow_attrs_ ? "squall::rt::getattr_ref(" : "squall::rt::getattr(";
  return fn + value + ", " + attr(e.attr) + ")";
}

std::string Emitter::emit_full(const front::Expr& e) {
  const bool saved = borrow_attrs_;
  borrow_attrs_ = front::without_calls(e);
  std::string code = emit_expr(e);
  borrow_attrs_ = saved;
  return code;
}

namespace {

std::string optional_part(Emitter& em, const front::ExprPtr& part) {
  return part ? "std::optional<squall::Value>(" + em.emit_expr(*part) + ")" : "std::nullopt";
}

}  // namespace

std::string Emitter::emit_slice_args(const std::string& value, const front::SliceExpr& s) {
  return "{" + value + ", " + optional_part(*this, s.lower) + ", " + optional_part(*this, s.upper) +
         ", " + optional_part(*this, s.step) + "}";
}

std::string Emitter::emit_subscript(const front::SubscriptExpr& e) {
  const std::string value = emit_expr(*e.value);
  if (e.index->kind == front::ExprKind::Slice) {
    return "squall::rt::slice(" +
           emit_slice_args(value, static_cast<const front::SliceExpr&>(*e.index)) + ")";
  }
  return "squall::rt::op(squall::py::getitem, {" + value + ", " + emit_expr(*e.index) + "})";
}

std::string Emitter::emit_unary(const front::UnaryExpr& e) {
  const std::string operand = emit_expr(*e.operand);
  switch (e.op) {
    case front::UnaryOp::Neg:
      return "squall::py::neg(" + operand + ")";
    case front::UnaryOp::Pos:
      return "squall::py::pos(" + operand + ")";
    case front::UnaryOp::Invert:
      return "squall::py::invert(" + operand + ")";
    case front::UnaryOp::Not:
      return "squall::py::not_(" + operand + ")";
  }
  return operand;
}

std::string Emitter::emit_binary(const front::BinaryExpr& e) {
  if (auto t = typed_value(e)) return *t;
  const std::string left = emit_expr(*e.left);
  return "squall::rt::op(" + std::string(front::binary_function(e.op).cpp_name) + ", {" + left +
         ", " + emit_expr(*e.right) + "})";
}

// `a or b` returns an operand: a C++ lambda keeps the first operand's value and
// short-circuits.
std::string Emitter::emit_boolop(const front::BoolOpExpr& e) {
  const bool is_or = e.op == front::BoolOpKind::Or;
  const std::string v = temp("v");
  std::string code =
      "[&]() -> squall::Value { squall::Value " + v + " = " + emit_expr(*e.values.front()) + "; ";
  for (std::size_t i = 1; i < e.values.size(); ++i) {
    code += std::string("if (") + (is_or ? "" : "!") + "squall::py::truthy(" + v + ")) return " +
            v + "; " + v + " = " + emit_expr(*e.values[i]) + "; ";
  }
  return code + "return " + v + "; }()";
}

std::string Emitter::emit_compare(const front::CompareExpr& e) {
  if (e.ops.size() == 1) {
    const std::string left = emit_expr(*e.left);
    return "squall::Value(squall::rt::test(" +
           std::string(front::compare_function(e.ops[0]).cpp_name) + ", {" + left + ", " +
           emit_expr(*e.comparators[0]) + "}))";
  }
  // A chain evaluates each middle operand once and stops at the first false link.
  const std::string l = temp("l");
  const std::string r = temp("r");
  std::string code = "[&]() -> squall::Value { squall::Value " + l + " = " + emit_expr(*e.left) +
                     "; squall::Value " + r + "; ";
  for (std::size_t i = 0; i < e.ops.size(); ++i) {
    code += r + " = " + emit_expr(*e.comparators[i]) + "; ";
    const std::string link =
        std::string(front::compare_function(e.ops[i]).cpp_name) + "(" + l + ", " + r + ")";
    if (i + 1 == e.ops.size()) {
      code += "return squall::Value(" + link + "); }()";
    } else {
      code += "if (!" + link + ") return squall::Value(false); " + l + " = std::move(" + r + "); ";
    }
  }
  return code;
}

std::string Emitter::emit_condition(const front::Expr& e) {
  if (auto t = typed_condition(e)) return *t;
  // A single comparison or a `not` is already a bool: no Value and no truthy() call.
  if (e.kind == front::ExprKind::Compare) {
    const auto& c = static_cast<const front::CompareExpr&>(e);
    if (c.ops.size() == 1) {
      const bool saved = borrow_attrs_;
      borrow_attrs_ = front::without_calls(e);
      const std::string left = emit_expr(*c.left);
      std::string code = "squall::rt::test(" +
                         std::string(front::compare_function(c.ops[0]).cpp_name) + ", {" + left +
                         ", " + emit_expr(*c.comparators[0]) + "})";
      borrow_attrs_ = saved;
      return code;
    }
  }
  if (e.kind == front::ExprKind::Unary) {
    const auto& u = static_cast<const front::UnaryExpr&>(e);
    if (u.op == front::UnaryOp::Not) return "!(" + emit_condition(*u.operand) + ")";
  }
  return "squall::py::truthy(" + emit_full(e) + ")";
}

std::string Emitter::emit_ifexp(const front::IfExpExpr& e) {
  const std::string test = emit_expr(*e.test);
  const std::string body = emit_expr(*e.body);
  return "(squall::py::truthy(" + test + ") ? squall::Value(" + body + ") : squall::Value(" +
         emit_expr(*e.orelse) + "))";
}

}  // namespace squall::cg
