// Counts heap allocations and live heap bytes in this process, so the benchmark can report
// allocations and peak heap per render. The global operator new/delete replacements live in
// counting_allocator.cpp; linking it into a binary turns counting on for the whole binary.
#pragma once

#include <cstdint>

namespace squall::bench {

/// allocation_count returns how many times operator new has run in this process.
std::uint64_t allocation_count();

/// live_bytes is the heap currently held through operator new (usable sizes, so allocator
/// rounding is included).
std::uint64_t live_bytes();

/// reset_peak starts a new peak measurement at the current live byte count; peak_bytes
/// returns the highest live byte count since.
void reset_peak();
std::uint64_t peak_bytes();

}  // namespace squall::bench
