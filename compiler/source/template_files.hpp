// Which files under a template root are templates: one rule for `squall compile --root`,
// `squall check`/`lint` of a folder, the preview's index and ReloadingTemplateSet::names()
// (cmake/SquallAddTemplates.cmake applies the same rule to its glob).
#pragma once

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace squall::front {

/// template_names lists the regular files under `root`, recursively, as `/`-separated
/// names relative to it, sorted as strings (CMake's list(SORT) order). A file whose name
/// or any folder below `root` starts with `.` is left out (editor swap files, `.git`), and
/// hidden folders are not entered. Sets `ec` when a folder cannot be read; the names found
/// until then are returned.
std::vector<std::string> template_names(const std::filesystem::path& root, std::error_code& ec);

}  // namespace squall::front
