// render::OutBuffer, the buffer generated code writes through: whatever the mix of write
// sizes, int texts, flushes and errors, the string ends up with exactly the bytes written,
// in order.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include "squall/detail/render.hpp"
#include "squall/escape.hpp"
#include "squall/py.hpp"

namespace squall::render {
namespace {

TEST(OutBuffer, KeepsWhatTheStringHeldAndAppendsInOrder) {
  std::string s = "head|";
  {
    OutBuffer out(s);
    out.append("a", 1);
    out.append(std::string_view("bc"));
    out.append_int(-42);
    EXPECT_EQ(s, "head|");  // still buffered
    out.flushed() += "[direct]";
    out.append("d", 1);
  }
  EXPECT_EQ(s, "head|abc-42[direct]d");
}

TEST(OutBuffer, WritesOfEverySizeAroundTheCapacity) {
  std::mt19937 rng(3);
  const std::size_t cap = OutBuffer::kCapacity;
  for (const std::size_t size : {std::size_t{0}, std::size_t{1}, cap - 1, cap, cap + 1, 3 * cap}) {
    std::string s;
    std::string want;
    {
      OutBuffer out(s);
      for (int round = 0; round < 40; ++round) {
        // A random small write first, so the big one meets the buffer at every fill level.
        std::string small(rng() % 100, static_cast<char>('a' + round % 26));
        std::string big(size, static_cast<char>('A' + round % 26));
        out.append(small);
        out.append(big);
        want += small + big;
      }
    }
    EXPECT_EQ(s, want) << "size " << size;
  }
}

// append_short copies 0 to 16 bytes with overlapping fixed-size moves: every length, at
// every fill level (so the buffer flushes in between), from the end of a heap block (so
// reading past the text would be caught by sanitizers and valgrind).
TEST(OutBuffer, ShortWritesOfEveryLength) {
  std::string s;
  std::string want;
  {
    OutBuffer out(s);
    for (std::size_t fill = 0; fill < OutBuffer::kCapacity + 40; fill += 7) {
      for (std::size_t n = 0; n <= 16; ++n) {
        const auto text = std::make_unique<char[]>(n + 1);
        for (std::size_t i = 0; i < n; ++i) text[i] = static_cast<char>('a' + (fill + i) % 26);
        out.append_short(text.get(), n);
        want.append(text.get(), n);
      }
      out.append("|", 1);
      want += '|';
    }
  }
  EXPECT_EQ(s, want);
}

TEST(OutBuffer, IntsMatchPythonStrAtEveryFillLevel) {
  const std::int64_t values[] = {0, 7, -7, 10, 99, 100, -100, 123456789, INT64_MAX, INT64_MIN};
  std::string s;
  std::string want;
  {
    OutBuffer out(s);
    for (std::size_t fill = 0; fill < OutBuffer::kCapacity + 40; fill += 13) {
      for (const std::int64_t v : values) {
        out.append_int(v);
        py::append_int(want, v);
      }
      out.append("|", 1);
      want += '|';
    }
  }
  EXPECT_EQ(s, want);
}

TEST(OutBuffer, AnErrorStillDeliversTheBufferedBytes) {
  std::string s;
  try {
    OutBuffer out(s);
    out.append("partial", 7);
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(s, "partial");
}

TEST(OutBuffer, EscapesLikeTheStringVersion) {
  std::string dense;
  for (int i = 0; i < 9000; ++i) dense += "ab<&\"'>cdefghijklmnopqrstuvwxyz"[i % 31];
  std::string runs;  // safe runs long enough to bypass the staging area
  for (int i = 0; i < 40; ++i)
    runs += std::string(static_cast<std::size_t>(200 + 37 * i), 'r') + "&";
  for (const std::string& text : {dense, runs})
    for (const QuoteEntity quote : {QuoteEntity::Decimal, QuoteEntity::Hex}) {
      std::string s;
      {
        OutBuffer out(s);
        out.append("x", 1);
        append_xhtml_escape(out, text, quote);
        append_xhtml_escape(out, "plain", quote);
      }
      std::string want = "x";
      squall::append_xhtml_escape(want, text, quote);
      want += "plain";
      EXPECT_EQ(s, want);
    }
}

}  // namespace
}  // namespace squall::render
