#include <iostream>

#include "driver/commands.hpp"

namespace squall::driver {

void add_check_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("check", "Parse and check templates");
  cmd->callback([&exit_code] {
    std::cerr << "squall check: not built yet\n";
    exit_code = kExitUsage;
  });
}

}  // namespace squall::driver
