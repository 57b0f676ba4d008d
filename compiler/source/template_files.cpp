#include "source/template_files.hpp"

#include <algorithm>

namespace squall::front {

namespace fs = std::filesystem;

std::vector<std::string> template_names(const fs::path& root, std::error_code& ec) {
  std::vector<std::string> names;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename().string().starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec))
      names.push_back(it->path().lexically_relative(root).generic_string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace squall::front
