// The one traversal helper for template nodes: calls `f` on each body (NodeList) a node
// holds, in source order: if/elif/else branches, loop body then else, try body, handlers,
// else, finally, block and apply bodies. Nodes without a body have none.
#pragma once

#include "ast/ast.hpp"
#include "ast/downcast.hpp"

namespace squall::front {

/// for_each_body: see the file comment. NodeT is Node or const Node.
template <class NodeT, class F>
void for_each_body(NodeT& node, F&& f) {
  switch (node.kind) {
    case NodeKind::If:
      for (auto& b : downcast<IfNode>(node).branches) f(b.body);
      return;
    case NodeKind::For:
      f(downcast<ForNode>(node).body);
      return f(downcast<ForNode>(node).orelse);
    case NodeKind::While:
      f(downcast<WhileNode>(node).body);
      return f(downcast<WhileNode>(node).orelse);
    case NodeKind::Try: {
      auto& n = downcast<TryNode>(node);
      f(n.body);
      for (auto& h : n.handlers) f(h.body);
      f(n.orelse);
      return f(n.finalbody);
    }
    case NodeKind::Block:
      return f(downcast<BlockNode>(node).body);
    case NodeKind::Apply:
      return f(downcast<ApplyNode>(node).body);
    case NodeKind::Text:
    case NodeKind::Expression:
    case NodeKind::Raw:
    case NodeKind::Module:
    case NodeKind::Set:
    case NodeKind::Import:
    case NodeKind::Break:
    case NodeKind::Continue:
    case NodeKind::Extends:
    case NodeKind::Include:
    case NodeKind::Autoescape:
    case NodeKind::Whitespace:
      return;
  }
}

}  // namespace squall::front
