// Reading template (and data) files without trusting the file system: only regular files,
// never more than a size limit, never blocking on a FIFO or a device.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace squall::front {

/// kMaxTemplateBytes bounds one template file (and a --data file): larger files are an
/// error, so a symlink to /dev/zero or a huge file cannot exhaust memory.
inline constexpr std::size_t kMaxTemplateBytes = std::size_t{64} << 20;

/// ReadFailure says why read_regular_file failed: the file does not exist, or it exists
/// but cannot be used (not a regular file, too big, unreadable).
enum class ReadFailure { NotFound, Unusable };

/// read_regular_file returns the bytes of `path` when it is a regular file (after following
/// symbolic links) of at most `max_bytes`; otherwise nullopt, with `error` saying why
/// ("is a directory", "is not a regular file (a FIFO)", "Permission denied", "is larger
/// than 67108864 bytes") and `failure` the kind. Opens with O_NONBLOCK, so a FIFO never
/// blocks, and checks the opened file itself (fstat), so a swapped path cannot slip through.
std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_bytes,
                                             std::string& error, ReadFailure* failure = nullptr);

/// real_path is realpath(3): the absolute path with every symbolic link, `.` and `..`
/// resolved, or nullopt when `path` does not exist.
std::optional<std::string> real_path(const std::string& path);

}  // namespace squall::front
