#include "source/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace squall::front {
namespace {

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISFIFO(mode)) return "is not a regular file (a FIFO)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is not a regular file (a device)";
  if (S_ISSOCK(mode)) return "is not a regular file (a socket)";
  return "is not a regular file";
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_bytes,
                                             std::string& error, ReadFailure* failure) {
  const auto fail = [&](ReadFailure kind, std::string why) -> std::optional<std::string> {
    if (failure) *failure = kind;
    error = std::move(why);
    return std::nullopt;
  };
  if (path.find('\0') != std::string::npos)
    return fail(ReadFailure::NotFound, "contains a NUL byte");
  const Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) {
    const int err = errno;
    return fail(err == ENOENT || err == ENOTDIR ? ReadFailure::NotFound : ReadFailure::Unusable,
                std::strerror(err));
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) return fail(ReadFailure::Unusable, std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return fail(ReadFailure::Unusable, kind_of(st.st_mode));
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    return fail(ReadFailure::Unusable,
                "is larger than the limit of " + std::to_string(max_bytes) + " bytes");
  }
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t got = 0;
  for (;;) {
    if (got == text.size()) {
      // The file may have grown since fstat: read on, within the limit.
      if (text.size() >= max_bytes + 1) break;
      text.resize(std::min(max_bytes + 1, text.size() + 65536));
    }
    const ssize_t n = ::read(file.fd, text.data() + got, text.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(ReadFailure::Unusable, std::strerror(errno));
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got > max_bytes) {
    return fail(ReadFailure::Unusable,
                "is larger than the limit of " + std::to_string(max_bytes) + " bytes");
  }
  text.resize(got);
  return text;
}

std::optional<std::string> real_path(const std::string& path) {
  if (path.find('\0') != std::string::npos) return std::nullopt;
  std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(path.c_str(), nullptr),
                                                       &std::free);
  if (!resolved) return std::nullopt;
  return std::string(resolved.get());
}

}  // namespace squall::front
