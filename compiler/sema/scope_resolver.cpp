#include "sema/scope_resolver.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "ast/expr_visit.hpp"
#include "sema/pasted_text.hpp"

namespace squall::front {

std::vector<std::string> bound_names_of_import(const ImportNode& node) {
  std::vector<std::string> names;
  for (const auto& n : node.names) {
    if (!n.alias.empty()) {
      names.push_back(n.alias);
    } else if (node.from_module.empty()) {
      names.push_back(n.name.substr(0, n.name.find('.')));
    } else {
      names.push_back(n.name);
    }
  }
  return names;
}

namespace {

// One Python function: the unit itself, or an apply body nested in it.
struct FunctionScope {
  std::unordered_map<std::string, int> locals;
  const FunctionScope* parent = nullptr;
  int id = 0;  // unique within one resolver run
};

class ScopeResolver {
 public:
  ScopeResolver(Unit& unit, DiagnosticEngine& diags) : unit_(unit), diags_(diags) {}

  bool run() {
    FunctionScope top;
    collect_nodes(unit_.root->body, top, *unit_.root);
    if (!ok_) return false;
    resolve_nodes(unit_.root->body, top, *unit_.root);
    return ok_;
  }

 private:
  enum class Pass { Collect, Resolve };

  void bind(const std::string& name, FunctionScope& scope) {
    if (scope.locals.count(name)) return;
    scope.locals.emplace(name, static_cast<int>(unit_.slot_names.size()));
    unit_.slot_names.push_back(name);
  }

  void bind_target(Expr& target, FunctionScope& scope) {
    switch (target.kind) {
      case ExprKind::Name:
        return bind(static_cast<NameExpr&>(target).name, scope);
      case ExprKind::Tuple:
      case ExprKind::List:
        for (auto& e : static_cast<SequenceExpr&>(target).elements) bind_target(*e, scope);
        return;
      case ExprKind::Starred:
        return bind_target(*static_cast<StarredExpr&>(target).value, scope);
      default:
        return;  // attribute and subscript targets bind nothing
    }
  }

  void collect_stmts(std::vector<StmtPtr>& body, FunctionScope& scope) {
    for (auto& stmt : body) {
      switch (stmt->kind) {
        case StmtKind::Assign:
          for (auto& t : static_cast<AssignStmt&>(*stmt).targets) bind_target(*t, scope);
          break;
        case StmtKind::AugAssign:
          bind_target(*static_cast<AugAssignStmt&>(*stmt).target, scope);
          break;
        case StmtKind::Del:  // `del x` makes x local, as an assignment does
          bind_target(*static_cast<DelStmt&>(*stmt).target, scope);
          break;
        case StmtKind::If:
          for (auto& b : static_cast<IfStmt&>(*stmt).branches) collect_stmts(b.body, scope);
          break;
        default:
          break;
      }
    }
  }

  // -- Walking the unit's code: the same shape both back ends walk.

  void collect_nodes(NodeList& nodes, FunctionScope& scope, const Template& file) {
    walk(nodes, scope, file, Pass::Collect);
  }
  void resolve_nodes(NodeList& nodes, FunctionScope& scope, const Template& file) {
    walk(nodes, scope, file, Pass::Resolve);
  }

  void walk(NodeList& nodes, FunctionScope& scope, const Template& file, Pass pass) {
    if (nodes.empty()) return;
    if (++depth_ > kMaxTemplateDepth * 4) {
      fail(file, *nodes.front(), "template nesting too deep");
    } else {
      for (auto& node : nodes) walk_node(*node, scope, file, pass);
    }
    --depth_;
  }

  void fail(const Template& file, const Node& node, const std::string& message) {
    if (ok_) diags_.error(file.file, node.range, message);
    ok_ = false;
  }

  void walk_node(Node& node, FunctionScope& scope, const Template& file, Pass pass) {
    if (!ok_) return;
    // Where the names met below are written (restored after an include or block).
    struct FileGuard {
      const Template*& current;
      const Template* saved;
      ~FileGuard() { current = saved; }
    } guard{file_, file_};
    file_ = &file;
    const bool resolve = pass == Pass::Resolve;
    switch (node.kind) {
      case NodeKind::Expression:
        if (resolve) expr(*static_cast<ExpressionNode&>(node).expr, scope);
        return;
      case NodeKind::Raw:
        if (resolve) expr(*static_cast<RawNode&>(node).expr, scope);
        return;
      case NodeKind::Module:
        if (resolve) module_expr(static_cast<ModuleNode&>(node), scope, file);
        return;
      case NodeKind::Set:
        return walk_set(static_cast<SetNode&>(node), scope, pass);
      case NodeKind::Import:
        if (!resolve) {
          for (const auto& n : bound_names_of_import(static_cast<ImportNode&>(node)))
            bind(n, scope);
        }
        return;
      case NodeKind::If:
        for (auto& b : static_cast<IfNode&>(node).branches) {
          if (resolve && b.condition) expr(*b.condition, scope);
          walk(b.body, scope, file, pass);
        }
        return;
      case NodeKind::For:
        return walk_for(static_cast<ForNode&>(node), scope, file, pass);
      case NodeKind::While: {
        auto& n = static_cast<WhileNode&>(node);
        if (resolve) expr(*n.condition, scope);
        walk(n.body, scope, file, pass);
        return walk(n.orelse, scope, file, pass);
      }
      case NodeKind::Try:
        return walk_try(static_cast<TryNode&>(node), scope, file, pass);
      case NodeKind::Block: {
        const auto& def = unit_.block_for(static_cast<BlockNode&>(node));
        return walk(def.node->body, scope, *def.file, pass);
      }
      case NodeKind::Include: {
        // A file included again in the same scope is shared (build_unit): it binds and
        // resolves the same names the same way, so one walk per pass and scope suffices.
        auto& included = unit_.included(static_cast<IncludeNode&>(node));
        if (!walked_.insert({&included, scope.id, pass}).second) return;
        return walk(included.body, scope, included, pass);
      }
      case NodeKind::Apply:
        return walk_apply(static_cast<ApplyNode&>(node), scope, file, pass);
      case NodeKind::Extends:
        // Only top-level extends of the loaded chain are followed; one met while
        // generating code is an error in Tornado too.
        return fail(file, node,
                    "NotImplementedError: '{% extends %}' is only allowed at the top level of a "
                    "template, and an extending template cannot be included");
      case NodeKind::Text:
      case NodeKind::Break:
      case NodeKind::Continue:
      case NodeKind::Autoescape:
      case NodeKind::Whitespace:
        return;
    }
  }

  void walk_set(SetNode& node, FunctionScope& scope, Pass pass) {
    if (pass == Pass::Collect) return collect_stmts(node.body, scope);
    resolve_stmts(node.body, scope);
  }

  void resolve_stmts(std::vector<StmtPtr>& body, FunctionScope& scope) {
    for (auto& stmt : body) {
      switch (stmt->kind) {
        case StmtKind::Assign: {
          auto& s = static_cast<AssignStmt&>(*stmt);
          expr(*s.value, scope);
          for (auto& t : s.targets) expr(*t, scope);
          break;
        }
        case StmtKind::AugAssign: {
          auto& s = static_cast<AugAssignStmt&>(*stmt);
          expr(*s.target, scope);
          expr(*s.value, scope);
          break;
        }
        case StmtKind::Del:
          expr(*static_cast<DelStmt&>(*stmt).target, scope);
          break;
        case StmtKind::Expr:
          expr(*static_cast<ExprStmt&>(*stmt).value, scope);
          break;
        case StmtKind::If:
          for (auto& b : static_cast<IfStmt&>(*stmt).branches) {
            if (b.condition) expr(*b.condition, scope);
            resolve_stmts(b.body, scope);
          }
          break;
        case StmtKind::Pass:
          break;
      }
    }
  }

  void walk_for(ForNode& n, FunctionScope& scope, const Template& file, Pass pass) {
    if (pass == Pass::Collect) {
      bind_target(*n.target, scope);
    } else {
      expr(*n.iter, scope);
      expr(*n.target, scope);
    }
    walk(n.body, scope, file, pass);
    walk(n.orelse, scope, file, pass);
  }

  void walk_try(TryNode& n, FunctionScope& scope, const Template& file, Pass pass) {
    walk(n.body, scope, file, pass);
    for (auto& h : n.handlers) {
      if (pass == Pass::Collect && !h.name.empty()) bind(h.name, scope);
      if (pass == Pass::Resolve && h.type) expr(*h.type, scope);
      walk(h.body, scope, file, pass);
    }
    walk(n.orelse, scope, file, pass);
    walk(n.finalbody, scope, file, pass);
  }

  // An apply body is a nested function: collected and resolved on its own when the
  // enclosing function is resolved; its function expression belongs to the outer scope.
  void walk_apply(ApplyNode& n, FunctionScope& scope, const Template& file, Pass pass) {
    if (pass == Pass::Collect) {
      // Rewritten once: a template's tree is shared by the units that include it.
      if (!n.pasted_body) n.pasted_body = paste_apply_call(n.func);
      if (n.pasted_body) bind(n.pasted_body->name, scope);
      return;
    }
    expr(*n.func, scope);
    FunctionScope inner;
    inner.parent = &scope;
    inner.id = ++scopes_;
    const std::size_t first = unit_.slot_names.size();
    collect_nodes(n.body, inner, file);
    auto& slots = unit_.apply_slots[&n];
    for (std::size_t i = first; i < unit_.slot_names.size(); ++i)
      slots.push_back(static_cast<int>(i));
    resolve_nodes(n.body, inner, file);
  }

  // -- Expressions

  using NameSet = std::unordered_set<std::string>;

  void expr(Expr& e, const FunctionScope& scope) { expr_in(e, scope); }

  void expr_in(Expr& e, const FunctionScope& scope) {
    switch (e.kind) {
      case ExprKind::Name:
        return name(static_cast<NameExpr&>(e), scope);
      case ExprKind::Lambda:
        return lambda(static_cast<LambdaExpr&>(e), scope);
      case ExprKind::Comprehension:
        return comprehension(static_cast<ComprehensionExpr&>(e), scope);
      default:
        for_each_child(e, [&](Expr& child) { expr_in(child, scope); });
    }
  }

  void name(NameExpr& n, const FunctionScope& scope) {
    for (auto it = inner_names_.rbegin(); it != inner_names_.rend(); ++it) {
      if (it->count(n.name)) {
        n.scope = NameScope::Lambda;
        return;
      }
    }
    for (const FunctionScope* s = &scope; s; s = s->parent) {
      const auto found = s->locals.find(n.name);
      if (found != s->locals.end()) {
        n.scope = NameScope::Local;
        n.slot = found->second;
        n.free = !inner_names_.empty() || s != &scope;
        return;
      }
    }
    n.scope = NameScope::Global;
    if (file_) unit_.global_reads.push_back({n.name, file_->file, n.range});
  }

  void lambda(LambdaExpr& l, const FunctionScope& scope) {
    for (auto& p : l.params) {
      if (p.default_value) expr_in(*p.default_value, scope);
    }
    NameSet params;
    for (const auto& p : l.params) params.insert(p.name);
    inner_names_.push_back(std::move(params));
    expr_in(*l.body, scope);
    inner_names_.pop_back();
  }

  static void target_names(const Expr& target, NameSet& out) {
    if (target.kind == ExprKind::Name) {
      out.insert(static_cast<const NameExpr&>(target).name);
    } else if (target.kind == ExprKind::Tuple || target.kind == ExprKind::List) {
      for (const auto& e : static_cast<const SequenceExpr&>(target).elements) target_names(*e, out);
    } else if (target.kind == ExprKind::Starred) {
      target_names(*static_cast<const StarredExpr&>(target).value, out);
    }
  }

  // Python 3: the first iterable is evaluated in the enclosing scope; everything else in
  // the comprehension's own scope, where all its targets are bound.
  void comprehension(ComprehensionExpr& c, const FunctionScope& scope) {
    if (!c.clauses.empty()) expr_in(*c.clauses.front().iter, scope);
    NameSet bound;
    for (const auto& clause : c.clauses) target_names(*clause.target, bound);
    inner_names_.push_back(std::move(bound));
    for (std::size_t i = 0; i < c.clauses.size(); ++i) {
      auto& clause = c.clauses[i];
      if (i > 0) expr_in(*clause.iter, scope);
      expr_in(*clause.target, scope);
      for (auto& cond : clause.conditions) expr_in(*cond, scope);
    }
    if (c.key) expr_in(*c.key, scope);
    expr_in(*c.element, scope);
    inner_names_.pop_back();
  }

  // `{% module EXPR %}`: EXPR's first token, a name, is read from the UI modules
  // (sema/pasted_text.hpp) and stays Unresolved; everything else is an ordinary expression.
  void module_expr(ModuleNode& n, const FunctionScope& scope, const Template& file) {
    NameExpr* lead = module_lead(*n.expr);
    if (!lead) {
      return fail(file, n,
                  "a {% module %} expression must start with a name: Tornado compiles "
                  "`_tt_modules.` followed by it, a SyntaxError otherwise");
    }
    expr_in(*n.expr, scope);
    lead->scope = NameScope::Unresolved;
    lead->slot = -1;
    lead->free = false;
  }

  Unit& unit_;
  DiagnosticEngine& diags_;
  std::vector<NameSet> inner_names_;  // lambda parameters and comprehension variables
  std::set<std::tuple<const Template*, int, Pass>> walked_;  // included files per scope
  int scopes_ = 0;
  int depth_ = 0;
  bool ok_ = true;
  const Template* file_ = nullptr;  // the file of the node being walked
};

}  // namespace

bool resolve_scopes(Unit& unit, DiagnosticEngine& diags) {
  return ScopeResolver(unit, diags).run();
}

}  // namespace squall::front
