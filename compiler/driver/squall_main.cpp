// `squall`: the command-line front end of the compiler, the interpreter and the preview.
#include <CLI/CLI.hpp>

#include "driver/commands.hpp"
#include "squall/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"squall: compiles Tornado templates to C++ and renders them"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "squall " SQUALL_VERSION_STRING, "Print the version and exit");
  int exit_code = squall::driver::kExitOk;
  squall::driver::add_check_command(app, exit_code);
  squall::driver::add_render_command(app, exit_code);
  squall::driver::add_compile_command(app, exit_code);
  squall::driver::add_preview_command(app, exit_code);
  squall::driver::add_lint_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return squall::driver::kExitUsage;
  }
  return exit_code;
}
