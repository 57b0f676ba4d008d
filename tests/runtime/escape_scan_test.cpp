// The scans behind xhtml_escape, each implementation against the byte-at-a-time reference:
// the build uses only one of them, so the others would otherwise go untested.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "escape/special_scan.hpp"

namespace squall::escape_scan {
namespace {

std::size_t reference_next(const std::string& s, std::size_t i) {
  while (i < s.size() && !is_special(s[i])) ++i;
  return i;
}

bool reference_has(const std::string& s) {
  return reference_next(s, 0) < s.size();
}

// random_text has `size` bytes, about `density` percent of them special, with high bytes
// (which must never look special) among the filler.
std::string random_text(std::mt19937& rng, std::size_t size, int density) {
  const std::string specials = "&<>\"'";
  const std::string filler = "a\xC3\xA9z0 ";
  std::string text;
  for (std::size_t k = 0; k < size; ++k) {
    text += static_cast<int>(rng() % 100) < density ? specials[rng() % specials.size()]
                                                    : filler[rng() % filler.size()];
  }
  return text;
}

using NextFn = std::size_t (*)(const char*, std::size_t, std::size_t);
using ShortFn = bool (*)(const char*, std::size_t);

struct Scan {
  const char* name;
  NextFn next;
  ShortFn has_short;
};

const Scan kScans[] = {
    {"words", next_special_words, short_has_special_words},
#if defined(__SSE2__)
    {"sse2", next_special_sse2, short_has_special_sse2},
#endif
    {"selected", next_special, short_has_special},
};

// Every start position of texts up to 70 bytes, from none to many special bytes, with
// high bytes (which must never look special) as filler.
TEST(EscapeScan, EveryImplementationMatchesTheReference) {
  std::mt19937 rng(11);
  for (int density : {0, 3, 20, 60}) {
    for (std::size_t size = 0; size <= 70; ++size) {
      for (int round = 0; round < 4; ++round) {
        const std::string text = random_text(rng, size, density);
        for (const Scan& scan : kScans) {
          SCOPED_TRACE(testing::Message() << scan.name << " density " << density << " size " << size
                                          << " text " << text);
          for (std::size_t i = 0; i <= size; ++i) {
            ASSERT_EQ(scan.next(text.data(), i, size), reference_next(text, i)) << "from " << i;
          }
          if (size <= 16) {
            ASSERT_EQ(scan.has_short(text.data(), size), reference_has(text));
          }
        }
      }
    }
  }
}

// SpecialCursor answers at increasing positions from its cached window: walked the way
// xhtml_escape walks it (from each special to the next), and with every other step size,
// it must give the reference's answer each time.
TEST(EscapeScan, CursorMatchesTheReferenceAtIncreasingPositions) {
  std::mt19937 rng(5);
  for (int density : {0, 3, 20, 60, 100}) {
    for (std::size_t size = 0; size <= 90; ++size) {
      for (int round = 0; round < 4; ++round) {
        const std::string text = random_text(rng, size, density);
        SCOPED_TRACE(testing::Message() << "density " << density << " text " << text);
        SpecialCursor walk(text.data(), size);
        for (std::size_t i = walk.next(0), expected = reference_next(text, 0);;) {
          ASSERT_EQ(i, expected);
          if (i == size) break;
          i = walk.next(i + 1);
          expected = reference_next(text, expected + 1);
        }
        for (std::size_t step = 1; step <= 20; ++step) {
          SpecialCursor cursor(text.data(), size);
          for (std::size_t i = 0; i <= size; i += step) {
            ASSERT_EQ(cursor.next(i), reference_next(text, i)) << "step " << step << " from " << i;
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace squall::escape_scan
