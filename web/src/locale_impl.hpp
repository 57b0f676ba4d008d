// Internal: the two kinds of Locale (CSV translations, gettext catalogs) and their loaders.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "squall/web/locale.hpp"

namespace squall::web::detail {

/// locale_name is LOCALE_NAMES[code]["name"], or "Unknown" (generated: locale_names.cpp).
std::string_view locale_name(std::string_view code);

/// CsvTable is one CSV file's rows: plural kind ("plural", "singular", "unknown") ->
/// English -> translation.
using CsvTable =
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>;

/// read_csv_translations parses one `CODE.csv` file (BOM detection, Python's csv "excel"
/// dialect, Tornado's row rules).
CsvTable read_csv_translations(const std::filesystem::path& file);

/// GettextCatalog is one parsed `.mo` file: messages, plural forms by (msgid, index), and
/// the plural formula.
struct GettextCatalog {
  std::map<std::string, std::string, std::less<>> messages;
  std::map<std::pair<std::string, long long>, std::string, std::less<>> plurals;
  std::function<long long(long long)> plural = [](long long n) { return n != 1 ? 1 : 0; };
};

/// read_mo parses a GNU `.mo` file as Python's gettext.GNUTranslations does; throws
/// std::runtime_error for a bad magic number, version, corrupt offsets or charset.
GettextCatalog read_mo(const std::filesystem::path& file);

/// compile_plural is gettext.c2py: the C expression of a Plural-Forms header as a
/// function; throws std::runtime_error for an invalid expression.
std::function<long long(long long)> compile_plural(std::string_view expression);

std::unique_ptr<Locale> make_csv_locale(std::string code, CsvTable translations);
std::unique_ptr<Locale> make_gettext_locale(std::string code,
                                            std::shared_ptr<const GettextCatalog> catalog);

}  // namespace squall::web::detail
