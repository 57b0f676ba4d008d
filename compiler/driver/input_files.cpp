#include "driver/input_files.hpp"

#include <algorithm>
#include <iostream>

namespace squall::driver {

namespace fs = std::filesystem;

std::vector<fs::path> files_under(const fs::path& folder, std::error_code& ec) {
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(folder, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename().string().starts_with(".")) {
      // A hidden folder's files are all hidden: not entered at all.
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

bool collect_files(std::string_view command, const std::vector<std::string>& paths,
                   std::vector<fs::path>& files) {
  for (const std::string& arg : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      std::cerr << "squall " << command << ": no such file or directory: " << arg << "\n";
      return false;
    }
    if (!fs::is_directory(status)) {
      files.emplace_back(arg);
      continue;
    }
    const auto found = files_under(arg, ec);
    if (ec) {
      std::cerr << "squall " << command << ": cannot read directory " << arg << ": " << ec.message()
                << "\n";
      return false;
    }
    files.insert(files.end(), found.begin(), found.end());
  }
  return true;
}

}  // namespace squall::driver
