// squall::limits: the checks runtime code makes against the limits of the running render
// (squall::RenderLimits, <squall/limits.hpp>). Apart from that header so that code which only
// checks (the runtime's inline loops, generated code) does not parse <chrono>.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

namespace squall {

struct RenderLimits;

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
