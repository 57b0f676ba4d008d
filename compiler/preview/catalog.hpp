// The preview's catalog: which templates are under the root, which data file each one
// takes, and the named variants a data file holds.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace squall::preview {

/// Variant is one set of keyword arguments for a template: the whole data file, or one
/// entry of its `"@variants"` object merged over the file's other keys.
struct Variant {
  std::string name;  ///< "" for a data file without variants (or without a data file)
  std::string json;  ///< the keyword arguments, a JSON object
};

/// Page is one template with its data.
struct Page {
  std::string name;                 ///< template name, relative to the root
  std::filesystem::path data_file;  ///< empty when the template has none
  std::vector<Variant> variants;    ///< at least one
  std::string data_error;           ///< why the data file could not be used ("" when fine)
};

/// list_templates returns every file under `root` that is a template, sorted by name:
/// hidden files and folders, `.json` files and anything under `skip` are left out.
std::vector<std::string> list_templates(const std::filesystem::path& root,
                                        const std::vector<std::filesystem::path>& skip);

/// find_data_file returns the data file of template `name`: `STEM.json` beside the template,
/// else under `data_dir` at the template's relative folder, else empty.
std::filesystem::path find_data_file(const std::filesystem::path& root,
                                     const std::filesystem::path& data_dir,
                                     const std::string& name);

/// load_page reads the data of template `name`. A data file that is not a JSON object (or
/// whose `"@variants"` is not an object of objects) sets `data_error`.
Page load_page(const std::filesystem::path& root, const std::filesystem::path& data_dir,
               const std::string& name);

/// variant_file_name is the file `--once` writes a variant to: `name` itself for the
/// unnamed variant, else `STEM@VARIANT.EXT` (characters other than letters, digits, `-`
/// and `_` in the variant name become `_`).
std::string variant_file_name(const std::string& name, const std::string& variant);

}  // namespace squall::preview
