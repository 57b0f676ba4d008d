// squall::StaticFiles: Tornado's versioned static URLs (StaticFileHandler.make_static_url,
// ../shared/spec/tornado-spec.md section 9.2), the static_url page injection uses for
// relative module resource paths.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "squall/ui_module.hpp"
#include "squall/value.hpp"

namespace squall {

/// sha512_hex returns the SHA-512 digest of `data` as 128 lower-case hex characters
/// (OpenSSL libcrypto).
std::string sha512_hex(std::string_view data);

/// StaticFiles is a static folder with Tornado's URL scheme: `url("a.js")` is
/// `prefix + path + "?v=" + sha512_hex(contents of static_path/a.js)`. The path is not
/// escaped or normalised (`url("/x")` is `/static//x`, as in Tornado). A file that cannot
/// be read gets no `?v=`. Each file is hashed once, on first use, and cached (Tornado's
/// static_hash_cache); clear_cache() forgets the hashes (debug mode).
/// Thread-safe.
///
/// **Example**:
/// ```
/// squall::StaticFiles statics("www/static");             // prefix "/static/"
/// env.static_url = statics.function();                    // page injection uses it
/// statics.url("app.css");  // "/static/app.css?v=3d637ae6..." (128 hex characters)
/// ```
class StaticFiles {
 public:
  /// StaticFiles serves `static_path` under `url_prefix` (Tornado's static_url_prefix).
  explicit StaticFiles(std::string static_path, std::string url_prefix = "/static/");
  StaticFiles(const StaticFiles&) = delete;
  StaticFiles& operator=(const StaticFiles&) = delete;

  /// url is Tornado's static_url(path, include_version=...) without a host.
  std::string url(std::string_view path, bool include_version = true) const;
  /// version is the file's SHA-512 hex digest, or nullopt when it cannot be read.
  std::optional<std::string> version(std::string_view path) const;
  /// absolute_path is where `path` is read from: absolute(static_path / path), normalised.
  std::string absolute_path(std::string_view path) const;
  /// clear_cache forgets every computed hash.
  void clear_cache();
  /// function returns url() as a StaticUrl (which refers to this object: keep it alive).
  StaticUrl function() const;
  /// template_function returns a template-callable `static_url(path, include_version=True)`
  /// (Tornado's handler helper without include_host), referring to this object.
  Value template_function() const;

  /// static_path is the folder files are read (and hashed) from, as given to the
  /// constructor: relative paths resolve against the current directory at each read.
  const std::string& static_path() const { return static_path_; }
  /// url_prefix is prepended verbatim to every path url() makes (no `/` is added).
  const std::string& url_prefix() const { return url_prefix_; }

 private:
  std::string static_path_;
  std::string url_prefix_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::optional<std::string>, std::less<>> hashes_;
};

}  // namespace squall
