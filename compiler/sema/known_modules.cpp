#include "sema/known_modules.hpp"

#include "ast/node_visit.hpp"
#include "squall/py.hpp"

namespace squall::front {
namespace {

void check_nodes(const NodeList& nodes, const Template& t, DiagnosticEngine& diags);

void check_node(const Node& node, const Template& t, DiagnosticEngine& diags) {
  if (node.kind == NodeKind::Import) {
    const auto& import = static_cast<const ImportNode&>(node);
    if (!import.from_module.empty()) {
      if (!is_known_module(import.from_module)) {
        diags.warning(t.file, node.range,
                      "module '" + import.from_module + "' is not provided by Squall");
      }
      return;
    }
    for (const ImportName& name : import.names) {
      if (!is_known_module(name.name)) {
        diags.warning(t.file, name.range.end ? name.range : node.range,
                      "module '" + name.name + "' is not provided by Squall");
      }
    }
    return;
  }
  // The parser bounds nesting (kMaxBlockDepth), so this recursion is bounded too.
  for_each_body(node, [&](const NodeList& body) { check_nodes(body, t, diags); });
}

void check_nodes(const NodeList& nodes, const Template& t, DiagnosticEngine& diags) {
  for (const NodePtr& node : nodes) check_node(*node, t, diags);
}

}  // namespace

bool is_known_module(std::string_view module) {
  return py::module(module.substr(0, module.find('.'))).has_value();
}

void check_imports(const Template& t, DiagnosticEngine& diags) {
  check_nodes(t.body, t, diags);
}

}  // namespace squall::front
