// Renders in a child process with a time and an output budget, so a template that loops
// forever or writes gigabytes becomes an error page instead of freezing the preview. The
// child is a fork: it sees the parent's compiled templates without recompiling them.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace squall::preview {

/// Budget bounds one render.
struct Budget {
  std::chrono::milliseconds time{5000};
  std::size_t output_bytes = std::size_t{64} << 20;
};

/// Outcome is how an isolated render ended.
struct Outcome {
  enum class Status { Ok, Failed, Timeout, TooLarge, Crashed };
  Status status = Status::Ok;
  /// text is the output for Ok, what the child reported for Failed, and a one-line
  /// explanation otherwise.
  std::string text;
};

/// RenderJob runs in the child: it returns true with the output in `text`, or false with
/// an error report in `text`. It must not return control to the parent's event loop.
using RenderJob = std::function<bool(std::string& text)>;

/// render_isolated runs `job` in a forked child and waits for it within `budget`; a child
/// over budget is killed. Callers serialize renders (fork copies only this thread).
Outcome render_isolated(const RenderJob& job, const Budget& budget);

}  // namespace squall::preview
