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
#include <utility>

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

namespace limits {

/// current returns the limits of the render running on this thread, or the defaults
/// outside a render (runtime functions called directly are bounded too).
const RenderLimits& current();

/// Scope installs `limits` (the defaults when null) for this thread while it lives and
/// starts a fresh iteration count and time budget. A Scope inside another on the same thread
/// (a render inside a render) changes nothing: the outermost render's limits apply.
class Scope {
 public:
  /// Scope installs `*limits` (which must outlive the Scope) or, for nullptr, the
  /// defaults, unless a Scope is already active on this thread.
  explicit Scope(const RenderLimits* limits);
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  bool installed_;
};

/// check_string raises MemoryError when a string of `bytes` bytes would exceed
/// max_string_bytes.
void check_string(std::size_t bytes);
/// check_string with `count` copies of `unit` bytes, overflow-safe (`'ab' * n`).
void check_string(std::size_t unit, std::uint64_t count);
/// check_items raises MemoryError when a container of `count` items would exceed max_items.
void check_items(std::uint64_t count);
/// check_output raises MemoryError when the output reached `bytes` beyond max_output_bytes.
void check_output(std::size_t bytes);
/// charge_iterations counts `n` loop iterations against max_iterations and time_budget.
void charge_iterations(std::uint64_t n);
/// raise_memory_error raises MemoryError for an allocation that failed (std::bad_alloc).
[[noreturn]] void raise_memory_error();

/// IterationMeter counts one loop's iterations, charging them in batches so the per-item
/// cost is one increment; the remainder is charged when the loop ends.
class IterationMeter {
 public:
  /// kBatch is how many iterations are counted locally before one charge_iterations call,
  /// so a limit or time budget is noticed at most kBatch - 1 iterations late.
  static constexpr std::uint32_t kBatch = 1024;
  IterationMeter() = default;
  /// A copy (of an iterator) counts its own iterations from zero; the original keeps its
  /// uncharged count.
  IterationMeter(const IterationMeter&) noexcept {}
  /// Copy assignment keeps this meter's own uncharged count (see the copy constructor).
  IterationMeter& operator=(const IterationMeter&) noexcept { return *this; }
  /// A move takes `o`'s uncharged count, leaving `o` with none.
  IterationMeter(IterationMeter&& o) noexcept : pending_(o.pending_) { o.pending_ = 0; }
  /// Move assignment swaps the uncharged counts, so neither is lost: `o` adds this
  /// meter's to the render's count when it is destroyed.
  IterationMeter& operator=(IterationMeter&& o) noexcept {
    std::swap(pending_, o.pending_);
    return *this;
  }
  ~IterationMeter() {
    if (pending_) flush_noexcept();
  }
  /// tick counts one iteration; every kBatch-th call charges the batch through
  /// charge_iterations, which raises TimeoutError when max_iterations or time_budget is
  /// exceeded. The destructor adds the remainder to the count without checking it.
  void tick() {
    if (++pending_ == kBatch) {
      pending_ = 0;
      charge_iterations(kBatch);
    }
  }

 private:
  void flush_noexcept() noexcept;
  std::uint32_t pending_ = 0;
};

}  // namespace limits
}  // namespace squall
