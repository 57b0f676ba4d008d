// The template files a command-line run works on.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace squall::driver {

/// collect_files expands the command-line paths: files as given (a hidden file named on
/// purpose included), folders by front::template_names (the files `squall compile --root`
/// compiles). False after printing a usage error prefixed with `squall COMMAND:`.
bool collect_files(std::string_view command, const std::vector<std::string>& paths,
                   std::vector<std::filesystem::path>& files);

}  // namespace squall::driver
