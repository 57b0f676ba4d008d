// read_text: a whole file's bytes, for tests and their tools (golden files, generated C++,
// compiler output). One definition instead of a copy per test file.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace squall::testing_support {

/// read_text returns the bytes of the file at `path`, or "" when it cannot be read (callers
/// compare against expected text, so a missing file fails the comparison that follows).
inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace squall::testing_support
