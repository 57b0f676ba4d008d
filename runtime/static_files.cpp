// StaticFiles: Tornado's versioned static URLs, hashed with OpenSSL's SHA-512.
#include "squall/static_files.hpp"

#include <openssl/evp.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "squall/error.hpp"
#include "squall/py.hpp"

namespace squall {
namespace {

namespace fs = std::filesystem;

// read_file returns the bytes of `path`, or nullopt when it is not a readable regular
// file (Tornado's get_content fails on a directory too).
std::optional<std::string> read_file(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return s.str();
}

}  // namespace

std::string sha512_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha512(), nullptr) != 1) {
    throw_error("RuntimeError", "SHA-512 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

StaticFiles::StaticFiles(std::string static_path, std::string url_prefix)
    : static_path_(std::move(static_path)), url_prefix_(std::move(url_prefix)) {}

std::string StaticFiles::absolute_path(std::string_view path) const {
  // os.path.abspath(os.path.join(root, path)): an absolute `path` replaces the root.
  return fs::absolute(fs::path(static_path_) / fs::path(path)).lexically_normal().string();
}

std::optional<std::string> StaticFiles::version(std::string_view path) const {
  const std::string abs = absolute_path(path);
  {
    std::lock_guard lock(mutex_);
    const auto found = hashes_.find(abs);
    if (found != hashes_.end()) return found->second;
  }
  // Hash outside the lock: two threads may hash the same file once each, both correctly.
  std::optional<std::string> hash;
  if (auto data = read_file(abs)) hash = sha512_hex(*data);
  std::lock_guard lock(mutex_);
  return hashes_.emplace(abs, std::move(hash)).first->second;
}

std::string StaticFiles::url(std::string_view path, bool include_version) const {
  std::string url = url_prefix_ + std::string(path);
  if (!include_version) return url;
  const auto hash = version(path);
  if (hash) url += "?v=" + *hash;
  return url;
}

void StaticFiles::clear_cache() {
  std::lock_guard lock(mutex_);
  hashes_.clear();
}

StaticUrl StaticFiles::function() const {
  return [this](std::string_view path) { return url(path); };
}

Value StaticFiles::template_function() const {
  return Value::function("static_url", [this](Args args, KwArgs kwargs) -> Value {
    if (args.size() != 1 || !args[0].is_str()) {
      py::raise_type_error("static_url() takes the path (a str) as its only positional argument");
    }
    bool include_version = true;
    for (const auto& kw : kwargs) {
      if (kw.name != "include_version") {
        py::raise_type_error("static_url() got an unexpected keyword argument '" +
                             std::string(kw.name) + "'");
      }
      include_version = py::truthy(kw.value);
    }
    return Value(url(args[0].as_str(), include_version));
  });
}

}  // namespace squall
