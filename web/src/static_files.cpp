// tornado.web.StaticFileHandler: versions (SHA-512 of the contents), static URLs, serving.
#include "squall/web/static_files.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "crypto.hpp"
#include "squall/web/signed_value.hpp"

namespace squall::web {
namespace {

std::optional<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return s.str();
}

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

struct StaticFiles::Entry {
  std::optional<std::string> hash;
  std::filesystem::file_time_type mtime;
  std::uintmax_t size = 0;
};

StaticFiles::StaticFiles(std::filesystem::path root, std::string url_prefix, bool cache_hashes)
    : root_(std::filesystem::absolute(root).lexically_normal()),
      url_prefix_(std::move(url_prefix)),
      cache_hashes_(cache_hashes) {}

StaticFiles::~StaticFiles() = default;

std::filesystem::path StaticFiles::absolute(std::string_view path) const {
  // os.path.abspath(os.path.join(root, path)): an absolute `path` replaces the root.
  return (root_ / std::filesystem::path(path)).lexically_normal();
}

std::optional<std::string> StaticFiles::version(std::string_view path) const {
  const std::filesystem::path file = absolute(path);
  std::error_code ec;
  const auto mtime = std::filesystem::last_write_time(file, ec);
  const auto size = ec ? 0 : std::filesystem::file_size(file, ec);
  std::lock_guard lock(mutex_);
  auto& entry = cache_[file];
  if (entry && (cache_hashes_ || (!ec && entry->mtime == mtime && entry->size == size))) {
    return entry->hash;
  }
  entry = std::make_unique<Entry>();
  entry->mtime = mtime;
  entry->size = size;
  if (const auto data = read_file(file)) {
    entry->hash = crypto::sha512_hex(*data);
  } else {
    const std::string message = "Could not open static file '" + file.string() + "'";
    if (log) {
      log(message);
    } else {
      std::cerr << "ERROR: " << message << "\n";
    }
  }
  return entry->hash;
}

std::string StaticFiles::url(std::string_view path, bool include_version) const {
  std::string out = url_prefix_ + std::string(path);
  if (!include_version) return out;
  if (const auto v = version(path)) out += "?v=" + *v;
  return out;
}

Response StaticFiles::serve(std::string_view path, const Request& request) const {
  Response response;
  const std::filesystem::path file = absolute(path);
  const std::string root = root_.string() + "/";
  if (!file.string().starts_with(root)) {
    response.status = 403;
    return response;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    response.status = 403;
    return response;
  }
  auto data = read_file(file);
  if (!data) {
    response.status = 404;
    return response;
  }
  const std::string etag = "\"" + crypto::sha512_hex(*data) + "\"";
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
