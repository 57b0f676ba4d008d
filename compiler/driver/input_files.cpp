#include "driver/input_files.hpp"

#include <iostream>

#include "source/template_files.hpp"

namespace squall::driver {

namespace fs = std::filesystem;

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
    const auto names = front::template_names(arg, ec);
    if (ec) {
      std::cerr << "squall " << command << ": cannot read directory " << arg << ": " << ec.message()
                << "\n";
      return false;
    }
    for (const std::string& name : names) files.push_back(fs::path(arg) / name);
  }
  return true;
}

}  // namespace squall::driver
