// The one traversal helper for template nodes: calls `f` on each body (NodeList) a node
// holds, in source order: if/elif/else branches, loop body then else, try body, handlers,
// else, finally, block and apply bodies. Nodes without a body have none.
#pragma once

#include <type_traits>

#include "ast/ast.hpp"

namespace squall::front {

/// node_as casts `n` to the node type T, keeping its constness.
template <class T, class NodeT>
auto& node_as(NodeT& n) {
  if constexpr (std::is_const_v<NodeT>) {
    return static_cast<const T&>(n);
  } else {
    return static_cast<T&>(n);
  }
}

/// for_each_body: see the file comment. NodeT is Node or const Node.
template <class NodeT, class F>
void for_each_body(NodeT& node, F&& f) {
  switch (node.kind) {
    case NodeKind::If:
      for (auto& b : node_as<IfNode>(node).branches) f(b.body);
      return;
    case NodeKind::For:
      f(node_as<ForNode>(node).body);
      return f(node_as<ForNode>(node).orelse);
    case NodeKind::While:
      f(node_as<WhileNode>(node).body);
      return f(node_as<WhileNode>(node).orelse);
    case NodeKind::Try: {
      auto& n = node_as<TryNode>(node);
      f(n.body);
      for (auto& h : n.handlers) f(h.body);
      f(n.orelse);
      return f(n.finalbody);
    }
    case NodeKind::Block:
      return f(node_as<BlockNode>(node).body);
    case NodeKind::Apply:
      return f(node_as<ApplyNode>(node).body);
    default:
      return;
  }
}

}  // namespace squall::front
