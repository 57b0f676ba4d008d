// `{% block %}` and `{% include %}`: both inline another body at compile time (Tornado's
// single generated function), except the sites of a shared layout body, which call their
// block's function (sema/layout_sharing.hpp). Errors inside report the inlining site as "via", as
// Tornado's include stack does.
#include "codegen/emitter.hpp"

namespace squall::cg {

void Emitter::emit_block(const front::BlockNode& node, const front::Template& file) {
  if (const auto call = call_sites_.find(&node); call != call_sites_.end()) {
    // A site of a shared layout body: the part annotates its own errors, and this row
    // (the block tag) is appended as the flattened code's chain through the tag reads.
    at(file, node.range);
    w().line(call->second + "(squall_ctx, " + out_buffer() + ");");
    return;
  }
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
