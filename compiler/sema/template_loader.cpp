#include "sema/template_loader.hpp"

#include <vector>

#include "source/read_file.hpp"

namespace squall::front {
namespace {

// is_relative_to_parent is Tornado's condition for resolving `name` against its parent.
bool is_relative_to_parent(std::string_view name, std::string_view parent) {
  return !parent.empty() && parent[0] != '<' && parent[0] != '/' && !name.starts_with('/');
}

std::string_view dirname(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::string join(std::string_view dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  return std::string(dir) + "/" + std::string(name);
}

std::string resolve_relative(std::string_view name, std::string_view parent) {
  if (!is_relative_to_parent(name, parent)) return std::string(name);
  return normalize_template_path(join(dirname(parent), name));
}

void report_at(DiagnosticEngine& diags, const Diagnostic* from, std::string message) {
  Diagnostic d;
  if (from) {
    d.file = from->file;
    d.range = from->range;
    d.line = from->line;
  }
  d.message = std::move(message);
  diags.report(std::move(d));
}

}  // namespace

std::string normalize_template_path(std::string_view path) {
  if (path.empty()) return ".";
  std::size_t slashes = 0;
  while (slashes < path.size() && path[slashes] == '/') ++slashes;
  const std::string prefix = slashes == 0 ? "" : slashes == 2 ? "//" : "/";
  std::vector<std::string_view> parts;
  std::size_t pos = slashes;
  while (pos <= path.size()) {
    const auto next = std::min(path.find('/', pos), path.size());
    const std::string_view part = path.substr(pos, next - pos);
    pos = next + 1;
    if (part.empty() || part == ".") continue;
    if (part != "..") {
      parts.push_back(part);
    } else if (!parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else if (prefix.empty()) {
      parts.push_back(part);
    }
  }
  std::string out = prefix;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + std::string(parts[i]);
  return out.empty() ? "." : out;
}

bool is_outside_root(std::string_view normalized) {
  return normalized.starts_with('/') || normalized == ".." || normalized.starts_with("../");
}

std::shared_ptr<const SourceFile> TemplateLoader::source(const std::string& name,
                                                         std::string& error) {
  if (const auto it = cache_.find(name); it != cache_.end()) return it->second.file;
  std::string path;
  auto text = read(name, path, error);
  if (!text) return nullptr;
  auto file = std::make_shared<const SourceFile>(name, std::move(*text), std::move(path));
  cache_[name].file = file;
  return file;
}

std::unique_ptr<Template> TemplateLoader::parse(const std::string& name, DiagnosticEngine& diags,
                                                const Diagnostic* from) {
  std::string error;
  auto file = source(name, error);
  if (!file) {
    report_at(diags, from, std::move(error));
    return nullptr;
  }
  DiagnosticEngine local;
  auto parsed = parse_template(file, options_, local);
  Entry& entry = cache_[name];
  if (!entry.reported) {
    for (const Diagnostic& d : local.diagnostics()) diags.report(d);
    entry.reported = true;
  }
  if (!parsed) return nullptr;
  return std::make_unique<Template>(std::move(*parsed));
}

FolderLoader::FolderLoader(std::string root, ParseOptions options)
    : TemplateLoader(std::move(options)), root_(std::move(root)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string FolderLoader::resolve(std::string_view name, std::string_view parent) const {
  return is_relative_to_parent(name, parent) ? resolve_relative(name, parent)
                                             : normalize_template_path(name);
}

std::optional<std::string> FolderLoader::read(const std::string& name, std::string& path,
                                              std::string& error) {
  if (is_outside_root(name)) {
    error = "template '" + name + "' is outside the template root";
    return std::nullopt;
  }
  if (name.find('\0') != std::string::npos) {
    error = "template name contains a NUL byte";
    return std::nullopt;
  }
  path = root_ + "/" + name;
  const auto not_found = [&] {
    error = "FileNotFoundError: template '" + name + "' not found (no readable file " + path + ")";
    return std::nullopt;
  };
  // Only what really lies inside the root: a symbolic link may point anywhere.
  const auto real = real_path(path);
  if (!real) return not_found();
  const auto root = real_path(root_);
  if (!root || (*real != *root && !real->starts_with(*root == "/" ? *root : *root + "/"))) {
    error = "template '" + name + "' is outside the template root (" + path +
            " is a symbolic link leading out of it)";
    return std::nullopt;
  }
  ReadFailure failure = ReadFailure::NotFound;
  std::string why;
  auto text = read_regular_file(*real, kMaxTemplateBytes, why, &failure);
  if (!text && failure == ReadFailure::NotFound) return not_found();
  if (!text) error = "cannot read template '" + name + "' (" + path + "): " + why;
  return text;
}

std::string DictLoader::resolve(std::string_view name, std::string_view parent) const {
  return resolve_relative(name, parent);
}

std::optional<std::string> DictLoader::read(const std::string& name, std::string& path,
                                            std::string& error) {
  path.clear();
  const auto it = templates_.find(name);
  if (it == templates_.end()) {
    error = "KeyError: template '" + name + "' not found";
    return std::nullopt;
  }
  return it->second;
}

}  // namespace squall::front
