// The `squall` subcommands. Each `add_<name>_command` registers one subcommand on the app;
// its callback stores the exit code in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace squall::driver {

/// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;  // the templates have errors (diagnostics printed)
inline constexpr int kExitUsage = 2;  // bad arguments, missing or unreadable files

void add_check_command(CLI::App& app, int& exit_code);
void add_render_command(CLI::App& app, int& exit_code);
void add_compile_command(CLI::App& app, int& exit_code);
void add_preview_command(CLI::App& app, int& exit_code);
void add_lint_command(CLI::App& app, int& exit_code);

}  // namespace squall::driver
