// Writing generated files the way a build system wants them: never half-written (a
// temporary file renamed into place) and untouched when the content did not change (so
// the build does not recompile it).
#pragma once

#include <string>
#include <string_view>

namespace squall::driver {

/// WriteResult says what write_if_changed did.
enum class WriteResult { Unchanged, Written, Failed };

/// write_if_changed makes `path` hold `content`: creates parent folders, writes a
/// temporary file next to it and renames it over `path`, unless `path` already holds
/// exactly `content`. On failure `error` says why and `path` is as it was.
WriteResult write_if_changed(const std::string& path, std::string_view content, std::string& error);

/// remove_temporaries_on_signals makes SIGINT, SIGTERM and SIGHUP remove the temporary file
/// write_if_changed is writing before the process dies of the signal as usual.
void remove_temporaries_on_signals();

}  // namespace squall::driver
