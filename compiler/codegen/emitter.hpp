// Emitter: lowers one resolved Unit to the body of a C++ render function.
//
// Internal to the code generator. One `emit_<construct>` member per template directive
// (emit_<construct>.cpp) and per expression kind (emit_expr*.cpp). Emission helpers write
// statements through the CppWriter and return C++ expressions as strings. Every operation
// with Python or Tornado semantics is a call into the runtime (<squall/abi.hpp>); the
// emitter only decides what to call and in which order.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "codegen/compile_unit.hpp"
#include "codegen/cpp_writer.hpp"
#include "sema/loop_borrow.hpp"
#include "sema/unit.hpp"

namespace squall::cg {

/// kMaxEmitDepth bounds nesting of emitted blocks and expressions.
inline constexpr int kMaxEmitDepth = 400;

class Emitter {
 public:
  Emitter(const front::Unit& unit, const CompileOptions& options, front::DiagnosticEngine& diags,
          CppWriter& out);

  /// emit_unit writes the whole render function. Returns false after reporting a diagnostic
  /// (a construct the code generator cannot lower).
  bool emit_unit();
  /// emit_piece writes `nodes` of `file` as a function with the locals `slots`: the unit's
  /// whole code, or one function of a split unit (sema/layout_sharing.hpp). With
  /// `own_numbering` its C++ locals are numbered from 0 in first-use order, so a page's
  /// block function does not change when its layout's body gains a local. Returns false
  /// after reporting a diagnostic.
  bool emit_piece(const front::NodeList& nodes, const front::Template& file,
                  const std::vector<int>& slots, bool own_numbering);
  /// call_blocks makes emit_block call block `index` through the table `squall_blocks`
  /// (falling back to the file's own mangle_block function) at each site in `sites`.
  void call_blocks(const std::vector<const front::BlockNode*>& sites,
                   const std::vector<int>& indexes, const std::vector<std::string>& names);

  // -- Directives (emit_<construct>.cpp)
  void emit_nodes(const front::NodeList& nodes, const front::Template& file);
  void emit_node(const front::Node& node, const front::Template& file);
  void emit_text(const front::TextNode& node, const front::Template& file);
  void emit_expression(const front::ExpressionNode& node, const front::Template& file);
  void emit_raw(const front::RawNode& node, const front::Template& file);
  void emit_module(const front::ModuleNode& node, const front::Template& file);
  void emit_set(const front::SetNode& node, const front::Template& file);
  void emit_import(const front::ImportNode& node, const front::Template& file);
  void emit_if(const front::IfNode& node, const front::Template& file);
  void emit_for(const front::ForNode& node, const front::Template& file);
  void emit_while(const front::WhileNode& node, const front::Template& file);
  void emit_try(const front::TryNode& node, const front::Template& file);
  void emit_block(const front::BlockNode& node, const front::Template& file);
  void emit_include(const front::IncludeNode& node, const front::Template& file);
  void emit_apply(const front::ApplyNode& node, const front::Template& file);
  void emit_pasted_apply(const front::ApplyNode& node, const front::Template& file);
  void emit_apply_body(const front::ApplyNode& node, const front::Template& file,
                       const std::string& buffer);
  /// emit_loop_else writes a loop's `else` body, run when flag `done` is set ("": none).
  void emit_loop_else(const front::NodeList& orelse, const front::Template& file,
                      const std::string& done);
  /// emit_jump writes `{% break %}` (is_break) or `{% continue %}`: a C++ break/continue, or,
  /// inside a `try` with `finally` nested in the loop, a flag the finally code acts on.
  void emit_jump(bool is_break);
  /// Loop and finally nesting for emit_jump: "" marks a loop body, a name the flag variable
  /// of a try-with-finally body.
  void push_flow(std::string flag) { flow_.push_back(std::move(flag)); }
  void pop_flow() { flow_.pop_back(); }

  // -- Statements of `{% set %}` (emit_set.cpp)
  void emit_stmts(const std::vector<front::StmtPtr>& body, const front::Template& file);
  /// emit_assign stores the C++ expression `value` (a Value lvalue) into `target`.
  void emit_assign(const front::Expr& target, const std::string& value);
  /// emit_del deletes `target` (`del` in a `{% set %}` body).
  void emit_del(const front::Expr& target);

  // -- Expressions (emit_expr*.cpp): each returns a C++ expression of type squall::Value
  // (or a reference to one).
  std::string emit_expr(const front::Expr& e);
  /// emit_full emits a whole expression whose value is consumed at once (`{{ }}`, a
  /// condition, a loop's iterable). Without calls nothing can change a container while
  /// it is evaluated, so attribute reads in it borrow instead of copying.
  std::string emit_full(const front::Expr& e);
  /// emit_condition emits `e` as a C++ bool (Python's truth of `e`), for `if` and `while`.
  std::string emit_condition(const front::Expr& e);
  std::string emit_name(const front::NameExpr& e);
  std::string emit_constant(const front::ConstantExpr& e);
  std::string emit_attribute(const front::AttributeExpr& e);
  std::string emit_subscript(const front::SubscriptExpr& e);
  /// emit_slice_args is a braced squall::rt::SliceArgs `{value, lower, upper, step}`, whose
  /// parts C++ evaluates in source order.
  std::string emit_slice_args(const std::string& value, const front::SliceExpr& s);
  std::string emit_call(const front::CallExpr& e);
  std::string emit_unary(const front::UnaryExpr& e);
  std::string emit_binary(const front::BinaryExpr& e);
  std::string emit_boolop(const front::BoolOpExpr& e);
  std::string emit_compare(const front::CompareExpr& e);
  std::string emit_ifexp(const front::IfExpExpr& e);
  std::string emit_sequence(const front::SequenceExpr& e);
  std::string emit_dict(const front::DictExpr& e);
  std::string emit_comprehension(const front::ComprehensionExpr& e);
  std::string emit_generator(const front::ComprehensionExpr& e);
  std::string emit_lambda(const front::LambdaExpr& e);
  /// emit_arguments returns `Args, KwArgs` call arguments (empty when there are none).
  std::string emit_arguments(const std::vector<front::Argument>& args);
  // -- Typed templates (emit_typed.cpp; docs/typed-templates.md). Only when
  // CompileOptions::typed: typed values are C++ expressions of the declared arguments' types.
  /// typed is the C++ expression of `e` when it has a static C++ type (a declared argument,
  /// a field of one, a typed loop's variable, `%` of those), else nullopt.
  std::optional<std::string> typed(const front::Expr& e);
  /// member_access is `.attr` of a typed attribute read, mapped to the attribute's template
  /// line and column.
  std::string member_access(const front::AttributeExpr& a) const;
  /// typed_value is `e` as a Value when it is typed (the fallback of dynamic code).
  std::optional<std::string> typed_value(const front::Expr& e);
  /// typed_condition is `e` as a C++ bool when it is typed or compares typed operands.
  std::optional<std::string> typed_condition(const front::Expr& e);
  /// typed_call lowers `len(x)` of a typed `x`.
  std::optional<std::string> typed_call(const front::CallExpr& e);
  /// emit_typed_for writes a loop over a typed iterable; false when the loop is not one.
  bool emit_typed_for(const front::ForNode& node, const front::Template& file);
  bool typed_mode() const { return options_.typed && unit_.typed.declared; }
  /// typed_params is the typed render function's parameters after the RenderState.
  static std::string typed_params(const front::TypedArgs& args);
  /// typed_param_name is the C++ parameter of declared argument `name`.
  static std::string typed_param_name(const std::string& name);

  /// emit_module_expr lowers a `{% module %}` expression whose leading name is a UI module.
  std::string emit_module_expr(const front::Expr& e);

  // -- Emission helpers (emitter.cpp)
  /// at records that the code that follows runs for `range` of `file`: writes the position
  /// store used for run-time errors and the `#line` mapping.
  void at(const front::Template& file, front::SourceRange range);
  /// position_of is the position-table row of `range` in `file` under the current include
  /// stack (what at() stores).
  int position_of(const front::Template& file, front::SourceRange range);
  /// line_at is the template line of `range` in `file` (Tornado's line: the opening
  /// delimiter's).
  int line_at(const front::Template& file, front::SourceRange range) const;
  /// flush_text writes pending static text as one append.
  void flush_text();
  /// global returns the per-render lookup variable of global `name`.
  const std::string& global(const std::string& name);
  /// attr returns the expression reading the static rt::Attr of attribute `name`.
  std::string attr(const std::string& name);
  /// attrs lists the attributes attr() was asked for: name, member of kAttrsObject.
  const std::vector<std::pair<std::string, std::string>>& attrs() const { return attrs_.entries; }
  /// escaper returns the per-render render::Escaper variable of escape function `name`.
  const std::string& escaper(const std::string& name);
  const std::vector<std::pair<std::string, std::string>>& escapers() const { return escapers_; }
  /// temp returns a fresh temporary name of `kind`.
  std::string temp(std::string_view kind);
  /// unsupported reports a construct the generator cannot lower.
  void unsupported(const front::Template& file, front::SourceRange range, const std::string& what);
  /// unsupported_expr is unsupported() for the expression being emitted; returns a
  /// placeholder expression so emission can continue.
  std::string unsupported_expr(const front::Expr& e, const std::string& what);
  /// declare_locals declares the slots in `slots` (all unbound).
  void declare_locals(const std::vector<int>& slots);
  /// enter_function / leave_function scope slot_of() to an apply body.
  void enter_function(const std::vector<int>& slots);
  void leave_function() { functions_.pop_back(); }
  /// slot_of is the local slot `name` has in the innermost function (the unit, or the
  /// apply body being emitted); the resolver bound it there.
  int slot_of(const std::string& name) const;
  /// visible_slot is the local slot `name` reads from here (innermost function first, as
  /// an apply body sees its enclosing function's locals), or -1 for a global.
  int visible_slot(const std::string& name) const;
  /// local_name is the C++ variable of local slot `slot`.
  std::string local_name(int slot) const;
  /// read_local is a C++ expression reading local `slot` (named `name` in errors): the
  /// loop's item in place inside a loop that borrows it (sema/loop_borrow.hpp), else the
  /// slot's variable; when unset, UnboundLocalError, or NameError for a `free` read (from a
  /// lambda, comprehension or apply body: front::NameExpr::free).
  std::string read_local(int slot, const std::string& name, bool free = false) const;
  /// bind_inner introduces names of a lambda or comprehension scope; returns their C++ names.
  void push_inner(std::unordered_map<std::string, std::string> names) {
    inner_.push_back(std::move(names));
  }
  void pop_inner() { inner_.pop_back(); }
  /// escape_name is the autoescape function name of `file` ("" = no escaping).
  std::string escape_name(const front::Template& file) const;
  /// file_path is how `#line` names `file`.
  std::string file_path(const front::Template& file) const;

  CppWriter& w() { return *out_; }
  /// redirect makes w() write into `writer` (expression-local code) until restored.
  CppWriter* redirect(CppWriter* writer) {
    CppWriter* old = out_;
    out_ = writer;
    return old;
  }
  const front::Unit& unit() const { return unit_; }
  const std::string& out_buffer() const { return buffer_; }
  void set_out_buffer(std::string b) { buffer_ = std::move(b); }

  /// PosEntry is one row of the generated position table.
  struct PosEntry {
    std::string template_name;
    int line;
    int via;
  };
  const std::vector<PosEntry>& positions() const { return positions_; }
  const std::vector<std::pair<std::string, std::string>>& globals() const {
    return globals_.entries;
  }

  /// Via scoping for includes and blocks: push_via records that code from another file is
  /// being inlined at `file`:`range` (Tornado's include stack).
  void push_via(const front::Template& file, front::SourceRange range);
  void pop_via();

  /// Depth guard for recursion over nodes and expressions.
  struct DepthGuard {
    explicit DepthGuard(Emitter& e) : e_(e) { ++e_.depth_; }
    ~DepthGuard() { --e_.depth_; }
    bool too_deep() const { return e_.depth_ > kMaxEmitDepth; }
    Emitter& e_;
  };

 private:
  int intern_position(const std::string& name, int line, int via);

  const front::Unit& unit_;
  const CompileOptions& options_;
  front::DiagnosticEngine& diags_;
  CppWriter* out_;
  std::string buffer_ = "squall_out";
  std::string pending_text_;
  std::string pending_file_;
  int pending_line_ = 0;
  // NameTable numbers names in first-use order, each with its C++ variable.
  struct NameTable {
    std::vector<std::pair<std::string, std::string>> entries;  // name, C++ variable
    std::unordered_map<std::string, std::size_t> index;
    const std::string& intern(const std::string& name,
                              std::string (*mangle)(int, std::string_view));
  };
  NameTable globals_;
  std::vector<std::pair<std::string, std::string>> escapers_;  // name, C++ variable
  NameTable attrs_;
  bool borrow_attrs_ = false;       // inside emit_full of an expression without calls
  front::LoopBorrowing borrowing_;  // which loops read their items in place
  int try_depth_ = 0;               // enclosing `try` nodes: their handlers may read loop items
  std::unordered_map<int, std::string> borrowed_;  // slot -> pointer to the loop's item
  std::vector<std::unordered_map<std::string, std::string>> inner_;
  std::vector<PosEntry> positions_;
  std::map<std::tuple<std::string, int, int>, int> position_index_;
  std::vector<std::unordered_map<std::string, int>> functions_;  // name -> slot, per function
  std::vector<std::string> flow_;
  std::vector<int> via_;  // position-table rows of the include stack, innermost last
  const front::Template* current_file_ = nullptr;
  std::unordered_map<const front::BlockNode*, std::string> call_sites_;  // site -> call
  bool own_numbering_ = false;                                           // see emit_piece
  mutable std::unordered_map<int, int> local_numbers_;                   // slot -> C++ number
  std::unordered_map<int, std::string> typed_locals_;  // slot -> C++ variable (typed loops)
  std::unordered_map<const front::ForNode*, bool> untyped_loops_;  // emit these untyped
  int temp_counter_ = 0;
  int depth_ = 0;
  bool ok_ = true;

  friend class ExprScope;

 public:
  /// lookup_inner finds a lambda parameter or comprehension variable.
  const std::string* lookup_inner(const std::string& name) const;
  bool ok() const { return ok_; }
};

}  // namespace squall::cg
