// The compile-time check of `{% module Name(...) %}` calls against a known module set. A
// call's binding is checked by the runtime's own binder (bind_module_arguments) on
// placeholder values, so the diagnostic carries the TypeError the render would raise.
#include "ast/node_visit.hpp"
#include "sema/module_folders.hpp"
#include "sema/pasted_text.hpp"
#include "squall/error.hpp"

namespace squall::front {
namespace {

class CallChecker {
 public:
  CallChecker(const Template& t, const KnownModules& known, DiagnosticEngine& diags)
      : t_(t), known_(known), diags_(diags) {}

  void check_nodes(const NodeList& nodes) {
    for (const NodePtr& node : nodes) check_node(*node);
  }

 private:
  void check_node(const Node& node) {
    if (node.kind == NodeKind::Module)
      return check_call(*static_cast<const ModuleNode&>(node).expr);
    // The parser bounds nesting (kMaxBlockDepth), so this recursion is bounded too.
    for_each_body(node, [&](const NodeList& body) { check_nodes(body); });
  }

  void check_call(const Expr& e) {
    // The module is the expression's first name (sema/pasted_text.hpp); its arguments are
    // checked when the whole expression is `Name(...)`.
    const NameExpr* head = module_lead(e);
    if (!head) return;  // the scope resolver reports it
    const CallExpr* call = nullptr;
    if (e.kind == ExprKind::Call && static_cast<const CallExpr&>(e).func.get() == head)
      call = &static_cast<const CallExpr&>(e);
    const std::string& name = head->name;
    const auto found = known_.modules.find(name);
    if (found == known_.modules.end()) {
      diags_.error(t_.file, head->range, "unknown UI module '" + name + "'");
      return;
    }
    if (call && found->second) check_binding(*call, name, *found->second);
  }

  void check_binding(const CallExpr& call, const std::string& name, const ModuleSignature& sig) {
    std::vector<Value> args;
    std::vector<KwArg> kwargs;
    for (const auto& a : call.args) {
      if (a.kind == ArgKind::Star || a.kind == ArgKind::DoubleStar) return;  // unknown counts
      if (a.kind == ArgKind::Positional) {
        args.emplace_back();
      } else {
        kwargs.push_back(KwArg{a.name, Value()});
      }
    }
    const auto cls = known_.class_names.find(name);
    try {
      bind_module_arguments(cls == known_.class_names.end() ? name : cls->second, sig, args,
                            kwargs);
    } catch (const Error& e) {
      diags_.error(t_.file, call.range,
                   "module call cannot bind its arguments: " + e.type() + ": " + e.message());
    }
  }

  const Template& t_;
  const KnownModules& known_;
  DiagnosticEngine& diags_;
};

}  // namespace

KnownModules known_modules(const std::vector<ModuleFolder>& folders,
                           const std::vector<std::string>& declared) {
  KnownModules k;
  for (const char* name : {"Template", "linkify", "xsrf_form_html"}) {
    const BuiltinModule* builtin = find_builtin_module(name);
    k.modules[name] = builtin->signature;
    k.class_names[name] = std::string(builtin->class_name);
  }
  for (const auto& f : folders) {
    k.modules[f.name] = f.signature;
    k.class_names.erase(f.name);
  }
  for (const auto& name : declared) {
    k.modules[name] = std::nullopt;
    k.class_names.erase(name);
  }
  return k;
}

void check_module_calls(const Template& t, const KnownModules& known, DiagnosticEngine& diags) {
  CallChecker(t, known, diags).check_nodes(t.body);
}

void check_module_calls(const Unit& unit, const KnownModules& known, DiagnosticEngine& diags) {
  for (const auto& file : unit.files) check_module_calls(*file, known, diags);
}

}  // namespace squall::front
