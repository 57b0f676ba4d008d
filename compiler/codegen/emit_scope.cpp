// Expressions, part 3: comprehensions and lambdas, which bind their own names. Both
// become C++ lambdas; template locals are captured by reference, as Python closures see
// the current value of an enclosing variable.
#include <algorithm>
#include <set>

#include "codegen/emitter.hpp"

#include "codegen/mangle.hpp"

namespace squall::cg {

namespace {

void target_names(const front::Expr& target, std::vector<std::string>& out) {
  if (target.kind == front::ExprKind::Name) {
    out.push_back(static_cast<const front::NameExpr&>(target).name);
  } else if (target.kind == front::ExprKind::Tuple || target.kind == front::ExprKind::List) {
    for (const auto& e : static_cast<const front::SequenceExpr&>(target).elements) {
      target_names(*e, out);
    }
  } else if (target.kind == front::ExprKind::Starred) {
    target_names(*static_cast<const front::StarredExpr&>(target).value, out);
  }
}

}  // namespace

// [elem for t in it if c ...]: nested C++ loops inside an immediately invoked lambda. The
// first iterable is evaluated outside the comprehension's scope, as in Python 3.
std::string Emitter::emit_comprehension(const front::ComprehensionExpr& e) {
  if (e.comprehension == front::ComprehensionKind::Generator) return emit_generator(e);
  const std::string first_iter = emit_expr(*e.clauses.front().iter);
  std::vector<std::string> names;
  for (const auto& c : e.clauses) target_names(*c.target, names);
  std::unordered_map<std::string, std::string> bound;
  for (const auto& n : names) bound.emplace(n, mangle_bound(temp_counter_++, n));

  CppWriter body("", false);
  CppWriter* outer = redirect(&body);
  push_inner(bound);
  const std::string result = temp("result");
  const char* make = e.comprehension == front::ComprehensionKind::Set    ? "set"
                     : e.comprehension == front::ComprehensionKind::Dict ? "dict"
                                                                         : "list";
  body.line("squall::Value " + result + " = squall::Value::" + make + "();");
  for (std::size_t i = 0; i < names.size(); ++i) {
    const bool first = std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i),
                                 names[i]) == names.begin() + static_cast<std::ptrdiff_t>(i);
    if (first) body.line("squall::Value " + bound[names[i]] + ";");
  }
  const std::string it0 = temp("it");
  body.line("squall::py::Iterator " + it0 + " = squall::py::iter(" + first_iter + ");");
  for (std::size_t i = 0; i < e.clauses.size(); ++i) {
    const auto& clause = e.clauses[i];
    const std::string it = i == 0 ? it0 : temp("it");
    if (i > 0)
      body.line("squall::py::Iterator " + it + " = squall::py::iter(" + emit_expr(*clause.iter) +
                ");");
    const std::string item = temp("item");
    body.open("for (std::optional<squall::Value> " + item + "; (" + item + " = " + it +
              ".next());) {");
    emit_assign(*clause.target, "std::move(*" + item + ")");
    for (const auto& cond : clause.conditions) {
      body.line("if (!squall::py::truthy(" + emit_expr(*cond) + ")) continue;");
    }
  }
  if (e.comprehension == front::ComprehensionKind::Dict) {
    // Braced: the key is evaluated before the value (Python 3.8+).
    const std::string key = emit_expr(*e.key);
    body.line("squall::rt::add_entry(" + result + ", {" + key + ", " + emit_expr(*e.element) +
              "});");
  } else {
    body.line("squall::rt::add_item(" + result + ", " + emit_expr(*e.element) + ");");
  }
  for (std::size_t i = 0; i < e.clauses.size(); ++i) body.close();
  pop_inner();
  redirect(outer);
  return "[&]() -> squall::Value {\n" + body.text() + "return " + result + "; }()";
}

// (elem for t in it if c ...): a lazy single-pass iterator, so `any(...)` stops early as in
// Python. The closure keeps one iterator per clause and the bound names; each call
// advances the innermost clause until a combination passes every condition.
std::string Emitter::emit_generator(const front::ComprehensionExpr& e) {
  const std::string first_iter = emit_expr(*e.clauses.front().iter);
  std::vector<std::string> names;
  for (const auto& c : e.clauses) target_names(*c.target, names);
  std::unordered_map<std::string, std::string> bound;
  std::string captures;
  for (const auto& n : names) {
    if (bound.count(n)) continue;
    bound.emplace(n, mangle_bound(temp_counter_++, n));
    captures += ", " + bound[n] + " = squall::Value()";
  }
  const std::string its = temp("its");
  CppWriter body("", false);
  CppWriter* outer = redirect(&body);
  push_inner(bound);
  body.open("while (!" + its + ".empty()) {");
  body.line("const std::size_t squall_level = " + its + ".size() - 1;");
  body.line("std::optional<squall::Value> squall_next = " + its + ".back().next();");
  body.open("if (!squall_next) {");
  body.line(its + ".pop_back();");
  body.line("continue;");
  body.close();
  for (std::size_t i = 0; i < e.clauses.size(); ++i) {
    const auto& clause = e.clauses[i];
    body.open("if (squall_level == " + std::to_string(i) + ") {");
    emit_assign(*clause.target, "std::move(*squall_next)");
    for (const auto& cond : clause.conditions) {
      body.line("if (!squall::py::truthy(" + emit_expr(*cond) + ")) continue;");
    }
    if (i + 1 < e.clauses.size()) {
      body.line(its + ".push_back(squall::py::iter(" + emit_expr(*e.clauses[i + 1].iter) + "));");
      body.line("continue;");
    } else {
      body.line("return std::optional<squall::Value>(" + emit_expr(*e.element) + ");");
    }
    body.close();
  }
  body.close();
  body.line("return std::nullopt;");
  pop_inner();
  redirect(outer);
  return "squall::Value::generator([&, " + its +
         " = std::vector<squall::py::Iterator>{squall::py::iter(" + first_iter + ")}" + captures +
         "]() mutable -> std::optional<squall::Value> {\n" + body.text() + "})";
}

// lambda a, b=1, *rest, **kw: body. Defaults are evaluated when the lambda is created
// and captured by value; the runtime binds arguments by Python's rules.
std::string Emitter::emit_lambda(const front::LambdaExpr& e) {
  std::string defaults;
  std::size_t n_defaults = 0;
  std::string params;
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    const auto& p = e.params[i];
    if (p.default_value) defaults += (n_defaults++ ? ", " : "") + emit_expr(*p.default_value);
    params += std::string(i ? ", " : "") + "squall::render::LambdaParam{" + cpp_quoted(p.name) +
              ", " + (p.default_value ? "true" : "false") + ", " + (p.star ? "true" : "false") +
              ", " + (p.double_star ? "true" : "false") + "}";
  }
  const std::string values = temp("params");
  const std::string defs = temp("defaults");
  // Names bound by enclosing lambdas and comprehensions live in their C++ frames, which
  // can end before this lambda is called (`lambda n: lambda: n`): copy them into the
  // closure. Template-level names stay captured by reference (Python's late binding).
  std::set<std::string> enclosing;
  for (const auto& scope : inner_) {
    for (const auto& [name, cpp] : scope) enclosing.insert(cpp.substr(0, cpp.find('[')));
  }
  std::string copies;
  for (const auto& root : enclosing) copies += ", " + root + " = " + root;
  std::unordered_map<std::string, std::string> bound;
  for (std::size_t i = 0; i < e.params.size(); ++i) {
    bound[e.params[i].name] = values + "[" + std::to_string(i) + "]";
  }
  push_inner(bound);
  const std::string body = emit_expr(*e.body);
  pop_inner();
  const std::string n = std::to_string(e.params.size());
  return "squall::Value::function(\"<lambda>\", [&, " + defs + " = std::vector<squall::Value>{" +
         defaults + "}" + copies +
         "](squall::Args squall_args, squall::KwArgs squall_kwargs) -> squall::Value {\n"
         "static constexpr std::array<squall::render::LambdaParam, " +
         n + "> squall_spec{{" + params +
         "}};\n"
         "squall::render::CallDepthGuard squall_depth;\n"
         "const std::vector<squall::Value> " +
         values + " = squall::render::bind_lambda_args(squall_spec, " + defs +
         ", squall_args, squall_kwargs);\n"
         "return " +
         body + "; })";
}

}  // namespace squall::cg
