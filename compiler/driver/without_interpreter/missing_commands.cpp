// `squall render` and `squall preview` in a squall built with SQUALL_CLI_INTERPRETER=OFF
// (the default when Squall is a sub-project: a build that only generates C++ should not
// compile the interpreter and the preview server). The subcommands stay, so a script that
// calls them gets a clear message and the usage exit code rather than "unknown command".
#include <iostream>
#include <string>

#include "driver/commands.hpp"

namespace squall::driver {
namespace {

void add_missing_command(CLI::App& app, int& exit_code, const std::string& name,
                         const std::string& description) {
  auto* cmd = app.add_subcommand(name, description + " (not built into this squall)");
  cmd->allow_extras();
  cmd->callback([&exit_code, name] {
    std::cerr << "squall " << name
              << ": this squall was built without the interpreter; configure Squall with "
                 "-DSQUALL_CLI_INTERPRETER=ON to get `squall "
              << name << "`\n";
    exit_code = kExitUsage;
  });
}

}  // namespace

void add_render_command(CLI::App& app, int& exit_code) {
  add_missing_command(app, exit_code, "render", "Render a template with the interpreter");
}

void add_preview_command(CLI::App& app, int& exit_code) {
  add_missing_command(app, exit_code, "preview",
                      "Serve templates rendered live, reloading on edits");
}

}  // namespace squall::driver
