// Static files as Tornado 6.2's StaticFileHandler: static_url with the `?v=` content
// version (squall::StaticFiles: the full SHA-512 of the file, cached per file), and serving
// files with ETag, If-None-Match / 304 and long-lived Cache-Control for versioned URLs.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "squall/static_files.hpp"
#include "squall/web/http.hpp"

namespace squall::web {

/// StaticFiles is the `static_path` directory of an application: squall::StaticFiles
/// (the runtime's URLs and SHA-512 cache) plus what a handler adds: the error log for a
/// missing file, the per-request cache reset of debug mode, and serving files.
/// Thread-safe.
class StaticFiles {
 public:
  /// `root` is the `static_path` setting; `url_prefix` the `static_url_prefix`.
  explicit StaticFiles(const std::filesystem::path& root, std::string url_prefix = "/static/");
  ~StaticFiles();

  /// url is static_url(path, include_version): `url_prefix + path` with no escaping or
  /// normalisation, then `?v=<sha512 hex>` unless `include_version` is false or the file
  /// cannot be read (then "Could not open static file '<abs>'" is logged, once per file
  /// until the cache is cleared).
  std::string url(std::string_view path, bool include_version = true) const;
  /// clear_cache forgets every hash (Tornado's static_hash_cache=False, i.e. debug mode,
  /// does it at the start of every request, so an edited file gets a new version).
  void clear_cache() const;

  /// serve answers a GET or HEAD of `path` (the part of the URL after the prefix,
  /// url-unescaped): 403 outside the root or for a directory, 404 for a missing file,
  /// otherwise the file with Content-Type, Etag, Last-Modified and, when the request has
  /// a `v` argument, Cache-Control max-age=315360000 and Expires; 304 without a body when
  /// If-None-Match names the Etag (or is `*`).
  Response serve(std::string_view path, const Request& request) const;

  /// url_prefix is the URL path the files are served under (Application::handle answers
  /// GET and HEAD requests whose path starts with it) and that url() prepends verbatim.
  const std::string& url_prefix() const { return files_.url_prefix(); }
  /// files is the runtime's StaticFiles, e.g. for RenderEnvironment::static_url.
  const squall::StaticFiles& files() const { return files_; }
  /// log receives error lines (stderr when not set).
  std::function<void(std::string_view)> log;

 private:
  mutable squall::StaticFiles files_;
  mutable std::mutex mutex_;
  mutable std::set<std::string, std::less<>> reported_;  // missing files already logged
};

}  // namespace squall::web
