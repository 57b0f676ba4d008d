// exec_if, exec_for, exec_while: Python's control flow, `else` clauses included.
#include <span>

#include "interp/interpreter_impl.hpp"
#include "sema/for_shape.hpp"
#include "squall/detail/render.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

Flow Interpreter::exec_if(const IfNode& n, const Template& file) {
  for (const auto& branch : n.branches) {
    if (!branch.condition ||
        at(file, branch.range, [&] { return test(*branch.condition, kNoEnv); })) {
      return exec_nodes(branch.body, file);
    }
  }
  return Flow::Normal;
}

Flow Interpreter::exec_for(const ForNode& n, const Template& file) {
  const ForShape shape = for_shape(n);
  std::optional<render::ForIter> it;
  at(file, n.range, [&] {
    Value scratch[2];
    if (shape.enumerate_fn) {
      const Value* fn = &eval_ref(*shape.enumerate_fn, kNoEnv, scratch[0]);
      if (!without_calls(*shape.enumerate_arg)) {
        Value owned = *fn;
        scratch[0] = std::move(owned);
        fn = &scratch[0];
      }
      it.emplace(render::ForIter::Enumerate{}, *fn,
                 eval_ref(*shape.enumerate_arg, kNoEnv, scratch[1]));
    } else {
      it.emplace(eval_ref(*n.iter, kNoEnv, scratch[0]));
    }
  });
  if (n.target->kind == ExprKind::Name) {
    const auto& name = static_cast<const NameExpr&>(*n.target);
    if (name.scope == NameScope::Local) {
      // The commonest loop: one local name, stored straight into its slot.
      auto& slot = locals_[static_cast<std::size_t>(name.slot)];
      while (at(file, n.range, [&] { return it->next(); })) {
        slot = it->item();
        if (exec_nodes(n.body, file) == Flow::Break) return Flow::Normal;
      }
      return exec_nodes(n.orelse, file);
    }
  }
  // The unpacked items of one step: inline for the usual few targets.
  constexpr std::size_t kInlineParts = 4;
  Value inline_parts[kInlineParts];
  std::vector<Value> heap_parts(shape.unpack_count > kInlineParts ? shape.unpack_count : 0);
  const std::span<Value> parts = shape.unpack_count > kInlineParts
                                     ? std::span<Value>(heap_parts)
                                     : std::span<Value>(inline_parts, shape.unpack_count);
  // `a, b` of local names (the usual `i, x in enumerate(...)`): unpacked into their slots.
  int part_slots[kInlineParts];
  bool parts_to_slots = shape.unpack_count > 0 && shape.unpack_count <= kInlineParts;
  if (parts_to_slots) {
    const auto& targets = static_cast<const SequenceExpr&>(*n.target).elements;
    for (std::size_t i = 0; i < shape.unpack_count; ++i) {
      if (targets[i]->kind != ExprKind::Name ||
          static_cast<const NameExpr&>(*targets[i]).scope != NameScope::Local) {
        parts_to_slots = false;
        break;
      }
      part_slots[i] = static_cast<const NameExpr&>(*targets[i]).slot;
    }
  }
  while (at(file, n.range, [&] { return it->next(); })) {
    at(file, n.range, [&] {
      if (shape.unpack_count == 0) return assign(*n.target, it->item(), kNoEnv);
      it->unpack(parts);
      if (parts_to_slots) {
        for (std::size_t i = 0; i < parts.size(); ++i)
          locals_[static_cast<std::size_t>(part_slots[i])] = std::move(parts[i]);
        return;
      }
      const auto& targets = static_cast<const SequenceExpr&>(*n.target).elements;
      for (std::size_t i = 0; i < parts.size(); ++i)
        assign(*targets[i], std::move(parts[i]), kNoEnv);
    });
    if (exec_nodes(n.body, file) == Flow::Break) return Flow::Normal;
  }
  return exec_nodes(n.orelse, file);
}

Flow Interpreter::exec_while(const WhileNode& n, const Template& file) {
  limits::IterationMeter meter;  // counts iterations against the render limits
  while (at(file, n.range, [&] {
    meter.tick();
    return test(*n.condition, kNoEnv);
  })) {
    if (exec_nodes(n.body, file) == Flow::Break) return Flow::Normal;
  }
  return exec_nodes(n.orelse, file);
}

}  // namespace squall::interp
