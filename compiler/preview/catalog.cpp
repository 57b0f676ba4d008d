// Catalog: templates under the root and their data files (see catalog.hpp).
#include "preview/catalog.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "source/template_files.hpp"

namespace squall::preview {

namespace fs = std::filesystem;

namespace {

// is_under tells whether `path` is inside `dir`, both weakly canonical (symbolic links
// followed as far as they exist).
bool is_under(const fs::path& path, const fs::path& dir) {
  const auto rel = path.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

std::vector<std::string> list_templates(const fs::path& root, const std::vector<fs::path>& skip) {
  // Each folder made canonical once, not once per template.
  std::vector<fs::path> skipped_dirs;
  for (const fs::path& dir : skip)
    if (!dir.empty()) skipped_dirs.push_back(fs::weakly_canonical(dir));
  std::error_code ec;  // an unreadable folder lists what was found before it
  std::vector<std::string> names;
  for (std::string& name : front::template_names(root, ec)) {
    const fs::path path = root / name;
    if (path.extension() == ".json") continue;
    const fs::path canonical = fs::weakly_canonical(path);
    const bool skipped = std::any_of(skipped_dirs.begin(), skipped_dirs.end(),
                                     [&](const fs::path& dir) { return is_under(canonical, dir); });
    if (!skipped) names.push_back(std::move(name));
  }
  return names;
}

fs::path find_data_file(const fs::path& root, const fs::path& data_dir, const std::string& name) {
  fs::path rel = fs::path(name).replace_extension(".json");
  if (fs::is_regular_file(root / rel)) return root / rel;
  if (!data_dir.empty() && fs::is_regular_file(data_dir / rel)) return data_dir / rel;
  return {};
}

Page load_page(const fs::path& root, const fs::path& data_dir, const std::string& name) {
  Page page;
  page.name = name;
  page.data_file = find_data_file(root, data_dir, name);
  if (page.data_file.empty()) {
    page.variants.push_back({"", "{}"});
    return page;
  }
  std::ifstream in(page.data_file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::ordered_json data;
  try {
    data = nlohmann::ordered_json::parse(text.str());
  } catch (const nlohmann::json::exception& e) {
    page.data_error = page.data_file.string() + ": invalid JSON: " + e.what();
  }
  if (page.data_error.empty() && !data.is_object())
    page.data_error = page.data_file.string() + ": the data must be a JSON object";
  if (!page.data_error.empty()) {
    page.variants.push_back({"", "{}"});
    return page;
  }
  const auto variants = data.find("@variants");
  if (variants == data.end()) {
    page.variants.push_back({"", data.dump()});
    return page;
  }
  nlohmann::ordered_json base = data;
  base.erase("@variants");
  if (!variants->is_object() || variants->empty()) {
    page.data_error = page.data_file.string() + ": \"@variants\" must be a non-empty object";
    page.variants.push_back({"", base.dump()});
    return page;
  }
  for (const auto& [variant, args] : variants->items()) {
    if (!args.is_object()) {
      page.data_error =
          page.data_file.string() + ": variant \"" + variant + "\" must be a JSON object";
      continue;
    }
    nlohmann::ordered_json merged = base;
    for (const auto& [key, value] : args.items()) merged[key] = value;
    page.variants.push_back({variant, merged.dump()});
  }
  if (page.variants.empty()) page.variants.push_back({"", base.dump()});
  return page;
}

std::string variant_file_name(const std::string& name, const std::string& variant) {
  if (variant.empty()) return name;
  std::string safe = variant;
  for (char& c : safe) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) c = '_';
  }
  const fs::path p(name);
  return (p.parent_path() / (p.stem().string() + "@" + safe + p.extension().string()))
      .generic_string();
}

}  // namespace squall::preview
