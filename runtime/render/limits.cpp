// The per-thread state behind squall::limits: which limits apply and what a render used.
#include "squall/limits.hpp"

#include <string>

#include "squall/error.hpp"

namespace squall::limits {
namespace {

using Clock = std::chrono::steady_clock;

const RenderLimits kDefaults{};

struct ThreadState {
  const RenderLimits* limits = nullptr;
  std::uint64_t iterations = 0;
  Clock::time_point deadline{};
};

thread_local ThreadState state;

std::string bytes_text(std::uint64_t n) {
  return std::to_string(n) + (n == 1 ? " byte" : " bytes");
}

[[noreturn]] void over(const char* what, std::uint64_t wanted, const char* limit,
                       std::uint64_t max) {
  throw_error("MemoryError", std::string(what) + " of " + bytes_text(wanted) +
                                 " exceeds the render limit " + limit + " (" + std::to_string(max) +
                                 ")");
}

}  // namespace

const RenderLimits& current() {
  return state.limits ? *state.limits : kDefaults;
}

Scope::Scope(const RenderLimits* limits) : installed_(!state.limits) {
  if (!installed_) return;
  state.limits = limits ? limits : &kDefaults;
  state.iterations = 0;
  const auto budget = state.limits->time_budget;
  state.deadline = budget.count() > 0 ? Clock::now() + budget : Clock::time_point{};
}

Scope::~Scope() {
  if (installed_) state = ThreadState{};
}

void check_string(std::size_t bytes) {
  const std::size_t max = current().max_string_bytes;
  if (max && bytes > max) over("a string", bytes, "max_string_bytes", max);
}

void check_string(std::size_t unit, std::uint64_t count) {
  const std::size_t max = current().max_string_bytes;
  if (!max || unit == 0 || count <= max / unit) return;
  const unsigned __int128 wanted = static_cast<unsigned __int128>(unit) * count;
  over("a string", wanted > UINT64_MAX ? UINT64_MAX : static_cast<std::uint64_t>(wanted),
       "max_string_bytes", max);
}

void check_items(std::uint64_t count) {
  const std::size_t max = current().max_items;
  if (max && count > max) {
    throw_error("MemoryError", "a container of " + std::to_string(count) +
                                   " items exceeds the render limit max_items (" +
                                   std::to_string(max) + ")");
  }
}

void check_output(std::size_t bytes) {
  const std::size_t max = current().max_output_bytes;
  if (max && bytes > max) over("output", bytes, "max_output_bytes", max);
}

void charge_iterations(std::uint64_t n) {
  state.iterations += n;
  const RenderLimits& l = current();
  if (l.max_iterations && state.iterations > l.max_iterations) {
    throw_error("TimeoutError", "the render exceeded its limit of " +
                                    std::to_string(l.max_iterations) +
                                    " loop iterations (max_iterations)");
  }
  if (state.deadline != Clock::time_point{} && Clock::now() > state.deadline) {
    throw_error("TimeoutError", "the render exceeded its time budget of " +
                                    std::to_string(l.time_budget.count()) + " ms (time_budget)");
  }
}

void raise_memory_error() {
  throw_error("MemoryError", "out of memory");
}

void IterationMeter::flush_noexcept() noexcept {
  state.iterations += pending_;
}

}  // namespace squall::limits
