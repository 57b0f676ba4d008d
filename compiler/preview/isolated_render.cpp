// render_isolated: fork, pipe, poll with a deadline, kill when over budget.
#include "preview/isolated_render.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace squall::preview {

namespace {

void write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

// limit_memory caps the child's address space at what it has plus room for the output
// budget several times over, so a render building gigabytes in memory fails with
// MemoryError before it reaches the pipe. Not under AddressSanitizer (its shadow memory
// is a huge reservation).
void limit_memory(const Budget& budget) {
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  std::size_t pages = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%zu", &pages) != 1) pages = 0;
    std::fclose(f);
  }
  if (pages == 0) return;
  const rlim_t limit = pages * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE)) +
                       4 * static_cast<rlim_t>(budget.output_bytes) + (rlim_t{512} << 20);
  const rlimit r{limit, limit};
  ::setrlimit(RLIMIT_AS, &r);
#else
  (void)budget;
#endif
}

[[noreturn]] void run_child(int fd, const RenderJob& job, const Budget& budget) {
  limit_memory(budget);
  std::string text;
  char status = 'C';  // an exception escaped the job: reported as a crash with its text
  try {
    status = job(text) ? 'O' : 'F';
  } catch (const std::bad_alloc&) {
    text = "MemoryError: the render ran out of memory";
  } catch (const std::exception& e) {
    text = e.what();
  } catch (...) {
    text = "unknown exception";
  }
  write_all(fd, &status, 1);
  write_all(fd, text.data(), text.size());
  ::_exit(0);
}

std::string budget_text(const Budget& b, bool time) {
  return time ? "TimeoutError: the render took longer than the time budget of " +
                    std::to_string(b.time.count()) + " ms (--time-budget)"
              : "MemoryError: the render wrote more than the output budget of " +
                    std::to_string(b.output_bytes) + " bytes (--output-budget)";
}

}  // namespace

Outcome render_isolated(const RenderJob& job, const Budget& budget) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return {Outcome::Status::Crashed, std::strerror(errno)};
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return {Outcome::Status::Crashed, std::string("fork: ") + std::strerror(errno)};
  }
  if (pid == 0) {
    ::close(fds[0]);
    run_child(fds[1], job, budget);
  }
  ::close(fds[1]);
  const auto deadline = std::chrono::steady_clock::now() + budget.time;
  std::string data;
  Outcome outcome;
  bool over = false;
  char buffer[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      outcome = {Outcome::Status::Timeout, budget_text(budget, true)};
      over = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int r = ::poll(&p, 1, static_cast<int>(left.count()));
    if (r < 0 && errno == EINTR) continue;
    if (r == 0) continue;  // the deadline check above ends the wait
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    if (data.size() > budget.output_bytes + 1) {
      outcome = {Outcome::Status::TooLarge, budget_text(budget, false)};
      over = true;
      break;
    }
  }
  ::close(fds[0]);
  if (over) ::kill(pid, SIGKILL);
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (over) return outcome;
  if (WIFSIGNALED(wstatus) || data.empty()) {
    return {Outcome::Status::Crashed,
            "the render process died" + (WIFSIGNALED(wstatus)
                                             ? " (signal " + std::to_string(WTERMSIG(wstatus)) + ")"
                                             : std::string())};
  }
  outcome.status = data[0] == 'O'   ? Outcome::Status::Ok
                   : data[0] == 'F' ? Outcome::Status::Failed
                                    : Outcome::Status::Crashed;
  outcome.text = data.substr(1);
  return outcome;
}

}  // namespace squall::preview
