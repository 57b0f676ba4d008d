// Static files as Tornado 6.2's StaticFileHandler: static_url with the `?v=` content
// version (the full SHA-512 of the file, cached per file), and serving files with ETag,
// If-None-Match / 304 and long-lived Cache-Control for versioned URLs.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "squall/web/http.hpp"

namespace squall::web {

/// StaticFiles is one static directory. Thread-safe.
class StaticFiles {
 public:
  /// `root` is the `static_path` setting; `url_prefix` the `static_url_prefix` (default
  /// `/static/`). With `cache_hashes` (Tornado's `static_hash_cache`, off in debug mode)
  /// each file is hashed once for the life of the object; without it a cached hash is kept
  /// only while the file's size and modification time are unchanged, so an edited file
  /// gets a new version on the next request.
  explicit StaticFiles(std::filesystem::path root, std::string url_prefix = "/static/",
                       bool cache_hashes = true);
  ~StaticFiles();

  /// url is static_url(path, include_version): `url_prefix + path` with no escaping or
  /// normalisation, then `?v=<sha512 hex>` unless `include_version` is false or the file
  /// cannot be read (the error "Could not open static file '<abs>'" goes to the log).
  std::string url(std::string_view path, bool include_version = true) const;
  /// version is the SHA-512 of `root/path`, or nullopt when it cannot be read.
  std::optional<std::string> version(std::string_view path) const;

  /// serve answers a GET or HEAD of `path` (the part of the URL after the prefix,
  /// url-unescaped): 403 outside the root or for a directory, 404 for a missing file,
  /// otherwise the file with Content-Type, Etag, Last-Modified and, when the request has
  /// a `v` argument, Cache-Control max-age=315360000 and Expires; 304 without a body when
  /// If-None-Match names the Etag (or is `*`).
  Response serve(std::string_view path, const Request& request) const;

  const std::string& url_prefix() const { return url_prefix_; }
  /// log receives error lines (stderr when not set).
  std::function<void(std::string_view)> log;

 private:
  struct Entry;
  std::filesystem::path absolute(std::string_view path) const;

  std::filesystem::path root_;
  std::string url_prefix_;
  bool cache_hashes_;
  mutable std::mutex mutex_;
  mutable std::map<std::filesystem::path, std::unique_ptr<Entry>> cache_;
};

}  // namespace squall::web
