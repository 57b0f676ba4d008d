#include "driver/output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace squall::driver {

namespace fs = std::filesystem;

namespace {

bool same_content(const std::string& path, std::string_view content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  if (static_cast<std::size_t>(in.tellg()) != content.size()) return false;
  in.seekg(0);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str() == content;
}

// The temporary being written, for the signal handler: a fixed buffer, because only
// async-signal-safe work (unlink, signal, raise) may happen there.
std::array<char, 4096> pending_temp{};
std::atomic<bool> pending{false};

extern "C" void remove_temp_and_die(int sig) {
  if (pending.load()) ::unlink(pending_temp.data());
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// TempGuard registers `path` as the file to remove if SIGINT/SIGTERM/SIGHUP arrives while
// it exists.
struct TempGuard {
  explicit TempGuard(const std::string& path) {
    if (path.size() >= pending_temp.size()) return;
    std::memcpy(pending_temp.data(), path.c_str(), path.size() + 1);
    pending.store(true);
  }
  ~TempGuard() { pending.store(false); }
};

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

void remove_temporaries_on_signals() {
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, remove_temp_and_die);
}

WriteResult write_if_changed(const std::string& path, std::string_view content,
                             std::string& error) {
  if (same_content(path, content)) return WriteResult::Unchanged;
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) {
    error = "cannot create folder " + target.parent_path().string() + ": " + ec.message();
    return WriteResult::Failed;
  }
  // The pid keeps concurrent compiles (parallel build steps) from sharing a temporary.
  const std::string temp = path + ".tmp" + std::to_string(::getpid());
  const TempGuard guard(temp);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    error = "cannot write " + temp + ": " + std::strerror(errno);
    return WriteResult::Failed;
  }
  const bool written = write_all(fd, content);
  const int write_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    error = "cannot write " + temp + ": " + std::strerror(written ? errno : write_errno);
    fs::remove(temp, ec);
    return WriteResult::Failed;
  }
  fs::rename(temp, target, ec);
  if (ec) {
    error = "cannot rename " + temp + " to " + path + ": " + ec.message();
    fs::remove(temp, ec);
    return WriteResult::Failed;
  }
  return WriteResult::Written;
}

}  // namespace squall::driver
