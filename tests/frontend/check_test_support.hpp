// Helpers for tests that run whole templates through the front end (conformance, corpus,
// golden files, parser tables).
#pragma once

#include <string>

#include "diag/diagnostics.hpp"

namespace squall::front::testing {

/// reported_line is the line a diagnostic names (its Tornado line when it overrides).
inline int reported_line(const Diagnostic& d) {
  if (d.line > 0) return d.line;
  return d.file ? d.file->line_of(d.range.begin) : 0;
}

/// first_error returns the first error diagnostic, or null.
inline const Diagnostic* first_error(const DiagnosticEngine& diags) {
  for (const Diagnostic& d : diags.diagnostics()) {
    if (d.severity == Severity::Error) return &d;
  }
  return nullptr;
}

/// format_all renders every diagnostic, for failure messages and golden files.
inline std::string format_all(const DiagnosticEngine& diags) {
  std::string out;
  for (const Diagnostic& d : diags.diagnostics()) out += format_diagnostic(d);
  return out;
}

}  // namespace squall::front::testing
