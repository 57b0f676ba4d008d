// Counts heap allocations made by this process, so the benchmark can report allocations per
// render. The global operator new/delete replacements live in counting_allocator.cpp.
#pragma once

#include <cstdint>

namespace squall::bench {

/// allocation_count returns how many times operator new has run in this process.
std::uint64_t allocation_count();

}  // namespace squall::bench
