// Watcher: inotify on folder trees (raw syscalls), reporting changed files in batches.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace squall::preview {

/// Watcher watches `folders` and their subfolders (new subfolders included) from a thread
/// of its own. Events arriving within `settle` of each other (an editor's write, rename and
/// chmod) are reported as one batch of absolute paths.
class Watcher {
 public:
  using Callback = std::function<void(const std::vector<std::string>& changed)>;
  Watcher(std::vector<std::filesystem::path> folders, Callback on_change,
          std::chrono::milliseconds settle = std::chrono::milliseconds(25));
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// ok tells whether inotify could be set up (false: no reloads, the preview still works).
  bool ok() const { return fd_ >= 0; }

 private:
  void add_tree(const std::filesystem::path& folder);
  void run();
  bool read_events(std::vector<std::string>& changed);

  int fd_ = -1;
  int stop_fd_ = -1;
  Callback on_change_;
  std::chrono::milliseconds settle_;
  std::unordered_map<int, std::filesystem::path> folders_;  // by watch descriptor
  std::thread thread_;
};

}  // namespace squall::preview
