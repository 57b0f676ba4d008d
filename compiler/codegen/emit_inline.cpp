// `{% block %}` and `{% include %}`: both inline another body at compile time (Tornado's
// single generated function). Errors inside report the inlining site as "via", as
// Tornado's include stack does.
#include "codegen/emitter.hpp"

namespace squall::cg {

void Emitter::emit_block(const front::BlockNode& node, const front::Template& file) {
  const auto& def = unit().block_for(node);
  push_via(file, node.range);
  emit_nodes(def.node->body, *def.file);
  pop_via();
}

void Emitter::emit_include(const front::IncludeNode& node, const front::Template& file) {
  const front::Template& included = unit().included(node);
  push_via(file, node.range);
  emit_nodes(included.body, included);
  pop_via();
}

}  // namespace squall::cg
