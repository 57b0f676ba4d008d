// Internal: the Interpreter walks one Unit for one render. Its member functions are defined
// in files named after the construct they run (exec_for.cpp, eval_call.cpp, ...).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interp/interpreter.hpp"
#include "interp/plan.hpp"
#include "sema/unit.hpp"
#include "sema/without_calls.hpp"
#include "squall/detail/render.hpp"
#include "squall/value.hpp"

namespace squall::interp {

/// Env is the variables of a lambda call or a comprehension (Python's nested scopes),
/// looked up by name, innermost first. Closures keep their Env alive and read it late.
struct Env {
  std::vector<std::pair<std::string_view, std::optional<Value>>> vars;
  std::shared_ptr<Env> parent;

  std::optional<Value>* find_local(std::string_view name);
};
using EnvPtr = std::shared_ptr<Env>;
/// kNoEnv is the Env of template-level code (no enclosing lambda or comprehension).
inline const EnvPtr kNoEnv;

/// Flow is how a run of nodes ended: normally or by `{% break %}` / `{% continue %}`.
enum class Flow { Normal, Break, Continue };

/// without_calls (sema) tells whether evaluating an expression cannot rebind or mutate
/// what an eval_ref result refers into.
using front::without_calls;

/// kMaxEvalDepth bounds nested expression evaluation across lambda calls (RecursionError).
inline constexpr int kMaxEvalDepth = 1500;

class Interpreter {
 public:
  /// `plan` is plan_unit(unit); `frame` is working memory this render uses (emptied when
  /// the interpreter is destroyed). `import_modules` (may be null) must outlive the
  /// interpreter.
  Interpreter(const front::Unit& unit, const UnitPlan& plan, Frame& frame, render::Globals& globals,
              std::optional<std::string_view> default_escape,
              const squall::Namespace* import_modules = nullptr);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  /// run renders the unit into `out`.
  void run(std::string& out);

  // -- Statements (exec_*.cpp)
  Flow exec_nodes(const front::NodeList& nodes, const front::Template& file);
  Flow exec_node(const front::Node& node, const front::Template& file);
  void exec_expression(const front::ExpressionNode& n, const front::Template& file);
  void exec_raw(const front::RawNode& n, const front::Template& file);
  void exec_module(const front::ModuleNode& n, const front::Template& file);
  Flow exec_if(const front::IfNode& n, const front::Template& file);
  Flow exec_for(const front::ForNode& n, const front::Template& file);
  Flow exec_while(const front::WhileNode& n, const front::Template& file);
  Flow exec_try(const front::TryNode& n, const front::Template& file);
  Flow exec_try_handlers(const front::TryNode& n, const front::Template& file);
  void exec_set(const front::SetNode& n, const front::Template& file);
  void exec_stmts(const std::vector<front::StmtPtr>& body);
  void exec_aug_assign(const front::AugAssignStmt& s);
  void exec_import(const front::ImportNode& n, const front::Template& file);
  void exec_apply(const front::ApplyNode& n, const front::Template& file);
  /// run_apply_body runs an apply body as its nested function and returns its output.
  std::string run_apply_body(const front::ApplyNode& n, const front::Template& file);
  Flow exec_block(const front::BlockNode& n, const front::Template& file);
  Flow exec_include(const front::IncludeNode& n, const front::Template& file);

  // -- Assignment targets (exec_set.cpp)
  void assign(const front::Expr& target, Value value, const EnvPtr& env);
  void store_name(const front::NameExpr& n, Value value, const EnvPtr& env);
  void del(const front::Expr& target);
  /// slot_of finds the local slot a name bound by import / except-as lives in.
  int slot_of(std::string_view name) const;

  // -- Expressions (eval_*.cpp)
  Value eval(const front::Expr& e, const EnvPtr& env);
  /// eval_ref is eval without a copy where it can: the result refers into a local, a
  /// global, a constant, a dict entry of an object so reached, or else `scratch`. Valid
  /// until `scratch` changes or template code runs (which could rebind or mutate what it
  /// refers into): use it where the value is consumed right away.
  const Value& eval_ref(const front::Expr& e, const EnvPtr& env, Value& scratch);
  /// global reads a global name through the render's cache (NameError if undefined).
  const Value& global(const front::NameExpr& n);
  Value eval_name(const front::NameExpr& n, const EnvPtr& env);
  Value eval_constant(const front::ConstantExpr& c);
  Value eval_subscript(const front::SubscriptExpr& s, const EnvPtr& env);
  /// SliceParts are the evaluated `lower:upper:step` of a slice (nullopt where absent).
  struct SliceParts {
    std::optional<Value> lower, upper, step;
  };
  SliceParts eval_slice(const front::SliceExpr& s, const EnvPtr& env);
  Value eval_call(const front::CallExpr& c, const EnvPtr& env);
  Value eval_unary(const front::UnaryExpr& u, const EnvPtr& env);
  Value eval_binary(const front::BinaryExpr& b, const EnvPtr& env);
  Value eval_bool_op(const front::BoolOpExpr& b, const EnvPtr& env);
  Value eval_compare(const front::CompareExpr& c, const EnvPtr& env);
  /// compare_chain is eval_compare's truth value, without making a bool Value.
  bool compare_chain(const front::CompareExpr& c, const EnvPtr& env);
  /// test is `bool(e)`: py::truthy of the value, with comparisons, `not` and `and`/`or`
  /// decided without building intermediate Values.
  bool test(const front::Expr& e, const EnvPtr& env);
  Value eval_sequence(const front::SequenceExpr& s, const EnvPtr& env);
  Value eval_dict(const front::DictExpr& d, const EnvPtr& env);
  Value eval_comprehension(const front::ComprehensionExpr& c, const EnvPtr& env);
  Value eval_lambda(const front::LambdaExpr& l, const EnvPtr& env);

  /// at runs `f`, annotating a squall::Error it throws with `range`'s line in `file`.
  template <class F>
  auto at(const front::Template& file, front::SourceRange range, F&& f) -> decltype(f()) {
    try {
      return f();
    } catch (Error& e) {
      annotate(e, file, range);
      throw;
    } catch (const CompileError&) {
      throw;
    } catch (const std::exception&) {
      Error e = render::error_from_current_exception();
      annotate(e, file, range);
      throw e;
    }
  }

  /// binary_op applies a BinaryOp through squall::py (augmented: `+=` extends lists).
  static Value binary_op(front::BinaryOp op, const Value& a, const Value& b, bool augmented);

  /// alive is true until the render ends (lambdas and generators check it); made on first use.
  const std::shared_ptr<bool>& alive() {
    if (!alive_) alive_ = std::make_shared<bool>(true);
    return alive_;
  }

 private:
  void annotate(Error& e, const front::Template& file, front::SourceRange range) const;
  /// escaper_for returns the escaper of `file` and sets `slot` to the local that shadows its
  /// function at the top level (-1 if none).
  render::Escaper& escaper_for(const front::Template& file, int& slot);

  const front::Unit& unit_;
  const UnitPlan& plan_;
  Frame& frame_;
  render::Globals& globals_;
  std::optional<std::string_view> default_escape_;
  const squall::Namespace* import_modules_;
  std::vector<std::optional<Value>>& locals_;
  std::vector<const Value*>& global_cache_;  // per UnitPlan::globals: found on first use
  render::OutBuffer* out_ = nullptr;
  std::vector<ErrorFrame>& via_;  // include/block tags being walked, outermost first
  std::vector<const front::ApplyNode*>& applies_;  // apply bodies being run, outermost first
  const front::Template* last_file_ = nullptr;     // escaper_for's last answer
  render::Escaper* last_escaper_ = nullptr;
  int last_escaper_slot_ = -1;
  std::shared_ptr<bool> alive_;
  int depth_ = 0;

  friend class EvalDepthGuard;
};

/// EvalDepthGuard counts one nested evaluation (RecursionError beyond kMaxEvalDepth).
class EvalDepthGuard {
 public:
  explicit EvalDepthGuard(Interpreter& in) : in_(in) {
    if (++in_.depth_ > kMaxEvalDepth) {
      --in_.depth_;
      throw_error("RecursionError", "maximum recursion depth exceeded");
    }
  }
  ~EvalDepthGuard() { --in_.depth_; }
  EvalDepthGuard(const EvalDepthGuard&) = delete;
  EvalDepthGuard& operator=(const EvalDepthGuard&) = delete;

 private:
  Interpreter& in_;
};

}  // namespace squall::interp
