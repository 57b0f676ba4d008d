// expect_golden: the golden-file comparison with its update switch, for every test that
// keeps expected output in tests/golden (AST dumps, diagnostics, generated C++, compiler
// errors). SQUALL_UPDATE_GOLDEN=1 in the environment rewrites the files instead.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/read_text.hpp"
#include "support/write_text.hpp"

namespace squall::testing_support {

/// update_golden tells whether this run rewrites golden files (SQUALL_UPDATE_GOLDEN set).
inline bool update_golden() {
  return std::getenv("SQUALL_UPDATE_GOLDEN") != nullptr;
}

/// expect_golden fails the test unless `actual` equals the file at `path` (a missing file
/// fails too); when update_golden(), writes `actual` there instead.
inline void expect_golden(const std::filesystem::path& path, const std::string& actual) {
  if (update_golden()) {
    write_text(path, actual);
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " missing: run with SQUALL_UPDATE_GOLDEN=1 (and review the new file)";
  EXPECT_EQ(actual, read_text(path)) << "SQUALL_UPDATE_GOLDEN=1 rewrites " << path;
}

}  // namespace squall::testing_support
