// Watcher (see watcher.hpp).
#include "preview/watcher.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace squall::preview {

namespace fs = std::filesystem;

namespace {
constexpr std::uint32_t kMask =
    IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;
}

Watcher::Watcher(std::vector<fs::path> folders, Callback on_change,
                 std::chrono::milliseconds settle)
    : on_change_(std::move(on_change)), settle_(settle) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  stop_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (fd_ < 0 || stop_fd_ < 0) return;
  for (const auto& f : folders) {
    if (!f.empty() && fs::is_directory(f)) add_tree(f);
  }
  thread_ = std::thread([this] { run(); });
}

Watcher::~Watcher() {
  if (thread_.joinable()) {
    const std::uint64_t one = 1;
    (void)!::write(stop_fd_, &one, sizeof one);
    thread_.join();
  }
  if (fd_ >= 0) ::close(fd_);
  if (stop_fd_ >= 0) ::close(stop_fd_);
}

void Watcher::add_tree(const fs::path& folder) {
  const int wd = ::inotify_add_watch(fd_, folder.c_str(), kMask);
  if (wd >= 0) folders_[wd] = folder;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_directory()) continue;
    const int sub = ::inotify_add_watch(fd_, it->path().c_str(), kMask);
    if (sub >= 0) folders_[sub] = it->path();
  }
}

bool Watcher::read_events(std::vector<std::string>& changed) {
  alignas(inotify_event) char buffer[16384];
  bool any = false;
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) return any;
    for (ssize_t at = 0; at < n;) {
      const auto* ev = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
      const auto folder = folders_.find(ev->wd);
      if (folder == folders_.end()) continue;
      const fs::path path = ev->len ? folder->second / ev->name : folder->second;
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(path);
      changed.push_back(path.string());
      any = true;
    }
  }
}

void Watcher::run() {
  pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
  std::vector<std::string> changed;
  for (;;) {
    // Wait without a timeout until something happens; then, while events keep coming
    // within `settle_`, gather them into one batch.
    const int timeout = changed.empty() ? -1 : static_cast<int>(settle_.count());
    const int r = ::poll(fds, 2, timeout);
    if (r < 0 && errno == EINTR) continue;
    if (fds[1].revents) return;
    if (r > 0 && read_events(changed)) continue;
    if (changed.empty()) continue;
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    on_change_(changed);
    changed.clear();
  }
}

}  // namespace squall::preview
