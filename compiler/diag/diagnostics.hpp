// Diagnostics: what the front end reports instead of printing. Only the CLI renders them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "source/source_file.hpp"

namespace squall::front {

enum class Severity { Error, Warning, Note };

/// Diagnostic is one message about a range of a template. `line` overrides the line that
/// `range.begin` falls on when Tornado reports a different line than the one the caret
/// points at (0 = use the range's line). Notes point at related places (the opening tag of
/// an unclosed block).
struct Diagnostic {
  Severity severity = Severity::Error;
  std::shared_ptr<const SourceFile> file;  // null for messages about no particular file
  SourceRange range;
  int line = 0;
  std::string message;
  std::vector<Diagnostic> notes;

  /// add_note attaches a note (with a location when `file` is given) and returns *this.
  Diagnostic& add_note(std::string note_message,
                       std::shared_ptr<const SourceFile> note_file = nullptr,
                       SourceRange note_range = {}) {
    notes.push_back(
        {Severity::Note, std::move(note_file), note_range, 0, std::move(note_message), {}});
    return *this;
  }
};

/// DiagnosticEngine collects diagnostics in the order they were reported. Not thread-safe;
/// one per check or compile run.
class DiagnosticEngine {
 public:
  /// report adds `d` and returns a reference to it so the caller can attach notes.
  Diagnostic& report(Diagnostic d);
  Diagnostic& error(std::shared_ptr<const SourceFile> file, SourceRange range, std::string message);
  Diagnostic& warning(std::shared_ptr<const SourceFile> file, SourceRange range,
                      std::string message);

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  void clear();

 private:
  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
};

/// format_diagnostic renders `d` (and its notes) as
///   file:line:col: error: message
///    line | source text
///         |    ^~~~
/// GCC-style, so editors jump to it. Columns count code points.
std::string format_diagnostic(const Diagnostic& d);

}  // namespace squall::front
