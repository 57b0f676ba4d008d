// `squall preview --root DIR [--data DIR] [--modules DIR] [--static DIR]
// [--translations DIR] [--locale CODE] [--port N] [--host H] [--open]
// [--time-budget MS] [--output-budget BYTES] [--once --out DIR]`: the live preview
// (docs/preview.md). Serves on 127.0.0.1 unless --host says otherwise.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "driver/commands.hpp"
#include "parse/parser.hpp"
#include "preview/once.hpp"
#include "preview/server.hpp"

namespace squall::driver {
namespace {

namespace fs = std::filesystem;

struct PreviewArgs {
  preview::PreviewOptions options;
  long time_budget_ms = 5000;
  std::size_t output_budget = std::size_t{64} << 20;
};

// absolute makes a folder option absolute; false (after a message) when it is not a folder.
bool absolute_folder(fs::path& dir, const char* option) {
  if (dir.empty()) return true;
  if (!fs::is_directory(dir)) {
    std::cerr << "squall preview: " << option << ": no such folder: " << dir.string() << "\n";
    return false;
  }
  dir = fs::weakly_canonical(dir);
  return true;
}

void open_browser(const std::string& url) {
  if (::fork() == 0) {
    ::execlp("xdg-open", "xdg-open", url.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
}

int run_preview(PreviewArgs& a) {
  auto& o = a.options;
  if (o.root.empty() || !absolute_folder(o.root, "--root")) {
    if (o.root.empty()) std::cerr << "squall preview: --root is required\n";
    return kExitUsage;
  }
  if (!absolute_folder(o.data, "--data") || !absolute_folder(o.modules, "--modules") ||
      !absolute_folder(o.static_dir, "--static") ||
      !absolute_folder(o.translations, "--translations"))
    return kExitUsage;
  if (!o.whitespace.empty() && !front::parse_whitespace_mode(o.whitespace)) {
    std::cerr << "squall preview: invalid whitespace mode " << o.whitespace
              << " (all, single or oneline)\n";
    return kExitUsage;
  }
  if (a.time_budget_ms <= 0 || a.output_budget == 0) {
    std::cerr << "squall preview: budgets must be positive\n";
    return kExitUsage;
  }
  if (o.once && o.out.empty()) {
    std::cerr << "squall preview: --once needs --out DIR\n";
    return kExitUsage;
  }
  o.budget.time = std::chrono::milliseconds(a.time_budget_ms);
  o.budget.output_bytes = a.output_budget;
  if (o.once) o.out = fs::absolute(o.out);
  std::unique_ptr<preview::Previewer> previewer;
  try {
    previewer = std::make_unique<preview::Previewer>(o);
  } catch (const std::exception& e) {
    std::cerr << "squall preview: " << e.what() << "\n";
    return kExitUsage;
  }
  if (o.once) return preview::render_all(*previewer) == 0 ? kExitOk : kExitError;
  const bool ok = preview::serve(*previewer, [&](int port) {
    const std::string url = "http://" + o.host + ":" + std::to_string(port) + "/";
    std::cout << "squall preview: serving " << o.root.string() << " on " << url << std::endl;
    if (o.open) open_browser(url);
  });
  if (!ok) {
    std::cerr << "squall preview: cannot listen on " << o.host << ":" << o.port << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

void add_preview_command(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<PreviewArgs>();
  auto& o = a->options;
  auto* cmd = app.add_subcommand("preview", "Serve templates rendered live, reloading on edits");
  cmd->add_option("--root", o.root, "Template folder")->required();
  cmd->add_option("--data", o.data, "Folder of data files (NAME.json beside a template wins)");
  cmd->add_option("--modules", o.modules, "UI module folders");
  cmd->add_option("--static", o.static_dir, "Static files, for static_url and /static/");
  cmd->add_option("--translations", o.translations, "Translations (CSV files or gettext .mo)");
  cmd->add_option("--locale", o.locale, "Locale code templates get (e.g. fr_FR)");
  cmd->add_option("--autoescape", o.autoescape, "Autoescape function name, or none")
      ->capture_default_str();
  cmd->add_option("--whitespace", o.whitespace, "Whitespace mode: all, single or oneline");
  cmd->add_option("--port", o.port, "Port (0: any free port)")->capture_default_str();
  cmd->add_option("--host", o.host, "Interface to listen on")->capture_default_str();
  cmd->add_flag("--open", o.open, "Open the index in a browser");
  cmd->add_option("--time-budget", a->time_budget_ms, "Milliseconds one render may take")
      ->capture_default_str();
  cmd->add_option("--output-budget", a->output_budget, "Bytes one render may write")
      ->capture_default_str();
  cmd->add_flag("--once", o.once, "Render every template and variant to --out, then exit");
  cmd->add_option("--out", o.out, "Output folder for --once");
  cmd->callback([a, &exit_code] { exit_code = run_preview(*a); });
}

}  // namespace squall::driver
