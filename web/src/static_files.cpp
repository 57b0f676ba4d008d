// tornado.web.StaticFileHandler: versions (SHA-512 of the contents), static URLs, serving.
#include "squall/web/static_files.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "squall/web/signed_value.hpp"
#include "text.hpp"

namespace squall::web {
namespace {

// content_type is mimetypes.guess_type for the extensions web pages use.
std::string content_type(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".css", "text/css"},        {".js", "application/javascript"},
      {".html", "text/html"},      {".htm", "text/html"},
      {".txt", "text/plain"},      {".json", "application/json"},
      {".png", "image/png"},       {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},     {".gif", "image/gif"},
      {".svg", "image/svg+xml"},   {".ico", "image/vnd.microsoft.icon"},
      {".woff", "font/woff"},      {".woff2", "font/woff2"},
      {".xml", "application/xml"}, {".pdf", "application/pdf"},
      {".webp", "image/webp"},     {".map", "application/json"}};
  const auto found = kTypes.find(file.extension().string());
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root, std::string url_prefix)
    : files_(root.string(), std::move(url_prefix)) {}

StaticFiles::~StaticFiles() = default;

std::string StaticFiles::url(std::string_view path, bool include_version) const {
  if (include_version && !files_.version(path)) {
    const std::string file = files_.absolute_path(path);
    std::lock_guard lock(mutex_);
    if (reported_.insert(file).second) {
      const std::string message = "Could not open static file '" + file + "'";
      if (log) {
        log(message);
      } else {
        std::cerr << "ERROR: " << message << "\n";
      }
    }
  }
  return files_.url(path, include_version);
}

void StaticFiles::clear_cache() const {
  files_.clear_cache();
  std::lock_guard lock(mutex_);
  reported_.clear();
}

Response StaticFiles::serve(std::string_view path, const Request& request) const {
  Response response;
  const std::filesystem::path file = files_.absolute_path(path);
  std::string root = files_.absolute_path("");
  if (!root.ends_with('/')) root += '/';
  if (!file.string().starts_with(root)) {
    response.status = 403;
    return response;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    response.status = 403;
    return response;
  }
  auto data = detail::read_file(file);
  if (!data) {
    response.status = 404;
    return response;
  }
  const std::string etag = "\"" + squall::sha512_hex(*data) + "\"";
  response.headers.set("Etag", etag);
  const auto mtime = std::filesystem::last_write_time(file, ec);
  if (!ec) {
    const auto since_epoch = std::chrono::file_clock::to_sys(mtime).time_since_epoch();
    response.headers.set("Last-Modified",
                         http_date(std::chrono::duration<double>(since_epoch).count()));
  }
  if (request.arguments.contains("v")) {
    constexpr std::int64_t kMaxAge = 86400LL * 365 * 10;
    response.headers.set("Expires", http_date(system_clock() + kMaxAge));
    response.headers.set("Cache-Control", "max-age=" + std::to_string(kMaxAge));
  }
  if (const auto match = request.headers.get("If-None-Match")) {
    // check_etag_header: any listed tag (weak or not) equal to ours, or `*`.
    std::string_view rest = *match;
    bool hit = rest.find('*') != std::string_view::npos && rest.find('"') == std::string_view::npos;
    for (std::size_t start = 0;
         !hit && (start = rest.find('"', start)) != std::string_view::npos;) {
      const std::size_t end = rest.find('"', start + 1);
      if (end == std::string_view::npos) break;
      hit = rest.substr(start, end - start + 1) == etag;
      start = end + 1;
    }
    if (hit) {
      response.status = 304;
      return response;
    }
  }
  response.headers.set("Content-Type", content_type(file));
  if (request.method != "HEAD") response.body = std::move(*data);
  return response;
}

}  // namespace squall::web
