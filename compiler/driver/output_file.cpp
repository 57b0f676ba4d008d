#include "driver/output_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace squall::driver {

namespace fs = std::filesystem;

namespace {

bool same_content(const std::string& path, std::string_view content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  if (static_cast<std::size_t>(in.tellg()) != content.size()) return false;
  in.seekg(0);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str() == content;
}

}  // namespace

WriteResult write_if_changed(const std::string& path, std::string_view content,
                             std::string& error) {
  if (same_content(path, content)) return WriteResult::Unchanged;
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) {
    error = "cannot create folder " + target.parent_path().string() + ": " + ec.message();
    return WriteResult::Failed;
  }
  // The pid keeps concurrent compiles (parallel build steps) from sharing a temporary.
  const std::string temp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      error = "cannot write " + temp;
      return WriteResult::Failed;
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    error = "cannot rename " + temp + " to " + path + ": " + ec.message();
    return WriteResult::Failed;
  }
  return WriteResult::Written;
}

}  // namespace squall::driver
