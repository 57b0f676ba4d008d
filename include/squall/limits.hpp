// squall::RenderLimits: the resources one render may use.
//
// Templates render untrusted data in long-running servers, so no template or data may take
// the process down: every limit below raises a Python-style exception carrying the template
// and line (squall::Error, like any render error) instead of exhausting the stack or memory.
// Limits are on by default with generous values; a caller passes its own through
// RenderEnvironment::limits (compiled sets) or interp::Options::limits (the interpreter).
// docs/security.md lists them with the inputs they bound.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "squall/limit_checks.hpp"

namespace squall {

/// RenderLimits are the per-render bounds. Zero turns a size, iteration or time limit off.
struct RenderLimits {
  /// kNestingDepth is the one nesting limit of the front end, fixed at compile time:
  /// parenthesised and flat chains (`a+b+...`, `x[0][0]...`, `f()()`) count one level per
  /// node, so every walker of the tree (checks, code generator, interpreter) recurses at most
  /// a bounded multiple of it. Deeper input is a check-time diagnostic.
  static constexpr int kNestingDepth = 200;

  /// max_call_depth bounds nested template-level calls (lambdas calling lambdas, templates
  /// rendered by UI modules): RecursionError "maximum recursion depth exceeded".
  int max_call_depth = 200;
  /// max_output_bytes bounds the text one render (or one `{% apply %}` body) writes:
  /// MemoryError.
  std::size_t max_output_bytes = std::size_t{256} << 20;
  /// max_string_bytes bounds any single string a render builds (`'x' * n`, `ljust`,
  /// `zfill`, `expandtabs`, `%`-formatting widths, `join`): MemoryError.
  std::size_t max_string_bytes = std::size_t{1} << 28;
  /// max_items bounds any single list, tuple, dict or set a render builds
  /// (`list(range(n))`, `[0] * n`, `sorted`): MemoryError.
  std::size_t max_items = std::size_t{1} << 26;
  /// max_iterations bounds the loop iterations of one render (`for`, `while`,
  /// comprehensions), counted in batches: TimeoutError.
  std::uint64_t max_iterations = std::uint64_t{1} << 28;
  /// time_budget bounds the wall-clock time of one render, checked with the iteration
  /// count: TimeoutError. Zero (the default) is no budget.
  std::chrono::milliseconds time_budget{0};
};

}  // namespace squall
