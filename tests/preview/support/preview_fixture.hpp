// PreviewTest: a scratch folder of templates, the built `squall` run on it, and a running
// `squall preview` on a free loopback port (stopped by its process id).
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "support/read_text.hpp"

namespace squall::preview::testing {

using squall::testing_support::read_text;

namespace fs = std::filesystem;

/// strip_reload_script removes the script the preview injects into pages.
inline std::string strip_reload_script(std::string page) {
  const std::size_t at = page.find("<script>/* squall preview");
  if (at == std::string::npos) return page;
  const std::size_t end = page.find("</script>\n", at);
  page.erase(at, end + 10 - at);
  return page;
}

struct CommandRun {
  int exit_code = -1;
  std::string out, err;
};

class PreviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           ("squall_preview_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    stop();
    fs::remove_all(dir_);
  }

  void write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    // Write to a temporary and rename, as editors do, so a watcher never sees half a file.
    const fs::path tmp = path.parent_path() / ("." + path.filename().string() + ".tmp");
    std::ofstream(tmp, std::ios::binary) << text;
    fs::rename(tmp, path);
  }

  /// run runs `squall ARGS` in the scratch folder.
  CommandRun run(const std::string& args) {
    const fs::path out = dir_ / ".out", err = dir_ / ".err";
    const std::string cmd = "cd '" + dir_.string() + "' && '" SQUALL_BINARY "' " + args + " >'" +
                            out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    CommandRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
  }

  /// start runs `squall preview --port 0 ARGS` and returns its port (0 on failure).
  int start(const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe(fds) != 0) return 0;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fds[1], 1);
      ::close(fds[0]);
      ::close(fds[1]);
      if (::chdir(dir_.c_str()) != 0) ::_exit(126);
      std::vector<std::string> all = {SQUALL_BINARY, "preview", "--port", "0"};
      all.insert(all.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (auto& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    // The first line is "squall preview: serving ROOT on http://127.0.0.1:PORT/".
    std::string line;
    char c;
    while (::read(fds[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(fds[0]);
    const std::size_t at = line.rfind(':');
    return at == std::string::npos ? 0 : std::atoi(line.c_str() + at + 1);
  }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  fs::path dir_;
  pid_t pid_ = -1;
};

}  // namespace squall::preview::testing
