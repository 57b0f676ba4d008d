// write_text: a test's input files (templates, module folders, generated code to compile)
// and the golden files the update switch rewrites. One definition instead of a copy per
// test file.
#pragma once

#include <filesystem>
#include <fstream>
#include <string_view>

namespace squall::testing_support {

/// write_text replaces the file at `path` with `text` byte for byte, creating its folders
/// first. A file that cannot be written shows up in the read or comparison that follows.
inline void write_text(const std::filesystem::path& path, std::string_view text) {
  std::error_code ec;  // an existing folder, or one the open below will fail on
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace squall::testing_support
