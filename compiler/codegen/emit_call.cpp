// Expressions, part 2: calls and displays. The callee (or method receiver) and the
// arguments go into one braced initializer so they are evaluated in Python's order.
#include "codegen/emitter.hpp"
#include "sema/constant_set.hpp"
#include "sema/display_order.hpp"

namespace squall::cg {

namespace {

bool has_unpacking(const std::vector<front::Argument>& args) {
  for (const auto& a : args) {
    if (a.kind == front::ArgKind::Star || a.kind == front::ArgKind::DoubleStar) return true;
  }
  return false;
}

}  // namespace

// Fixed arguments: `squall::rt::Call<N, M>{f, {{a, b}}, {{{"k", v}}}}`.
std::string Emitter::emit_arguments(const std::vector<front::Argument>& args) {
  std::string pos, kw;
  std::size_t n = 0, m = 0;
  for (const auto& a : args) {
    if (a.kind == front::ArgKind::Positional) {
      pos += (n++ ? ", " : "") + emit_expr(*a.value);
    } else {
      kw += std::string(m++ ? ", " : "") + "{" + cpp_quoted(a.name) + ", " + emit_expr(*a.value) +
            "}";
    }
  }
  const std::string pos_init = n ? "{{" + pos + "}}" : "{}";
  const std::string kw_init = m ? "{{" + kw + "}}" : "{}";
  return std::to_string(n) + ", " + std::to_string(m) + ">|" + pos_init + ", " + kw_init;
}

namespace {

// `f(a, *b, k=1, **d)`: a runtime builder, chained so its steps run in order.
std::string dynamic_arguments(Emitter& em, const std::vector<front::Argument>& args) {
  std::string code = "squall::rt::CallArgs()";
  for (const auto& a : args) {
    const std::string v = em.emit_expr(*a.value);
    switch (a.kind) {
      case front::ArgKind::Positional:
        code += ".pos(" + v + ")";
        break;
      case front::ArgKind::Star:
        code += ".star(" + v + ")";
        break;
      case front::ArgKind::Keyword:
        code += ".kw(" + cpp_quoted(a.name) + ", " + v + ")";
        break;
      case front::ArgKind::DoubleStar:
        code += ".double_star(" + v + ")";
        break;
    }
  }
  return code;
}

}  // namespace

std::string Emitter::emit_call(const front::CallExpr& e) {
  if (auto t = typed_call(e)) return *t;
  const bool method = e.func->kind == front::ExprKind::Attribute;
  std::string receiver;
  std::string name_arg;
  if (method) {
    const auto& attr = static_cast<const front::AttributeExpr&>(*e.func);
    receiver = emit_expr(*attr.value);
    name_arg = cpp_quoted(attr.attr) + ", ";
  } else {
    receiver = emit_expr(*e.func);
  }
  const std::string fn = method ? "squall::rt::call_method" : "squall::rt::call";
  if (has_unpacking(e.args)) {
    return fn + "(" + name_arg + "{" + receiver + ", " + dynamic_arguments(*this, e.args) + "})";
  }
  const std::string args = emit_arguments(e.args);
  const auto bar = args.find('|');
  return fn + "<" + args.substr(0, bar) + "(" + name_arg + "{" + receiver + ", " +
         args.substr(bar + 1) + "})";
}

std::string Emitter::emit_sequence(const front::SequenceExpr& e) {
  bool starred = false;
  for (const auto& el : e.elements) starred = starred || el->kind == front::ExprKind::Starred;
  const char* kind = e.kind == front::ExprKind::List    ? "list"
                     : e.kind == front::ExprKind::Tuple ? "tuple"
                                                        : "set";
  if (starred) {
    std::string code = "squall::rt::Items()";
    for (const auto& el : e.elements) {
      if (el->kind == front::ExprKind::Starred) {
        code += ".extend(" + emit_expr(*static_cast<const front::StarredExpr&>(*el).value) + ")";
      } else {
        code += ".add(" + emit_expr(*el) + ")";
      }
    }
    return code + "." + kind + "()";
  }
  std::string items;
  for (const auto& el : e.elements) items += (items.empty() ? "" : ", ") + emit_expr(*el);
  if (e.kind == front::ExprKind::Set && front::is_constant_set_display(e))
    return "squall::py::set_of_constants(std::vector<squall::Value>{" + items + "})";
  if (e.kind == front::ExprKind::Set)
    return "squall::Value::set(std::vector<squall::Value>{" + items + "})";
  if (items.empty()) return std::string("squall::Value::") + kind + "()";
  return std::string("squall::Value::") + kind + "({" + items + "})";
}

// `{k: v, **m}`: in front::dict_steps' steps. Keys and values alternate in braced
// initializers, so each key is evaluated before its value.
std::string Emitter::emit_dict(const front::DictExpr& e) {
  const auto steps = front::dict_steps(e);
  const auto pairs = [&](const front::DictStep& step) {
    std::string items;
    for (std::size_t i = step.begin; i < step.end; ++i) {
      const std::string key = emit_expr(*e.keys[i]);
      items += (i > step.begin ? ", " : "") + key + ", " + emit_expr(*e.values[i]);
    }
    return items;
  };
  if (steps.empty()) return "squall::Value::dict()";
  if (steps.size() == 1 && steps[0].kind == front::DictStep::Kind::Pairs)
    return "squall::rt::make_dict({" + pairs(steps[0]) + "})";
  std::string code = "squall::rt::Items()";
  for (const auto& step : steps) {
    if (step.kind == front::DictStep::Kind::Merge) {
      code += ".merge(" + emit_expr(*e.values[step.begin]) + ")";
    } else {
      code += ".pairs({" + pairs(step) + "})";
    }
  }
  return code + ".dict()";
}

}  // namespace squall::cg
