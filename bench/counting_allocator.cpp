#include "counting_allocator.hpp"

#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::uint64_t> g_allocations{0};
std::atomic<std::uint64_t> g_live{0};
std::atomic<std::uint64_t> g_peak{0};

// The benchmark renders on one thread, so a racy peak update would only ever be off when
// Google Benchmark's own threads allocate; a CAS loop keeps it exact anyway.
void note_peak(std::uint64_t live) {
  std::uint64_t peak = g_peak.load(std::memory_order_relaxed);
  while (live > peak && !g_peak.compare_exchange_weak(peak, live, std::memory_order_relaxed)) {
  }
}

void* allocate(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  void* p = std::malloc(size ? size : 1);
  if (!p) throw std::bad_alloc();
  note_peak(g_live.fetch_add(malloc_usable_size(p), std::memory_order_relaxed) +
            malloc_usable_size(p));
  return p;
}

void deallocate(void* p) noexcept {
  if (!p) return;
  g_live.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
  std::free(p);
}
}  // namespace

namespace squall::bench {
std::uint64_t allocation_count() {
  return g_allocations.load(std::memory_order_relaxed);
}
std::uint64_t live_bytes() {
  return g_live.load(std::memory_order_relaxed);
}
void reset_peak() {
  g_peak.store(g_live.load(std::memory_order_relaxed), std::memory_order_relaxed);
}
std::uint64_t peak_bytes() {
  return g_peak.load(std::memory_order_relaxed);
}
}  // namespace squall::bench

void* operator new(std::size_t size) {
  return allocate(size);
}
void* operator new[](std::size_t size) {
  return allocate(size);
}
void operator delete(void* p) noexcept {
  deallocate(p);
}
void operator delete[](void* p) noexcept {
  deallocate(p);
}
void operator delete(void* p, std::size_t) noexcept {
  deallocate(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  deallocate(p);
}
