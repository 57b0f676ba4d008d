// The template files a command-line run works on.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace squall::driver {

/// files_under lists the regular files under `folder`, recursively, sorted, leaving out
/// every file whose path below `folder` has a component starting with `.` (editor backups,
/// `.git`): the set of templates `squall compile --root` and `squall_add_templates()`
/// compile, so `check` and `lint` of a folder see the same files. Sets `ec` when the folder
/// cannot be read.
std::vector<std::filesystem::path> files_under(const std::filesystem::path& folder,
                                               std::error_code& ec);

/// collect_files expands the command-line paths: files as given (hidden or not: named on
/// purpose), folders by files_under. False after printing a usage error prefixed with
/// `squall COMMAND:`.
bool collect_files(std::string_view command, const std::vector<std::string>& paths,
                   std::vector<std::filesystem::path>& files);

}  // namespace squall::driver
