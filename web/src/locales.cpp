// tornado.locale's module state (the supported locales) and locale selection
// (Locale.get_closest, RequestHandler.get_browser_locale).
#include <algorithm>
#include <charconv>
#include <iostream>
#include <regex>
#include <stdexcept>

#include "locale_impl.hpp"

namespace squall::web {
namespace {

std::string_view strip(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

// parse_q is Python's float() of a q value; nullopt where float() raises.
std::optional<double> parse_q(std::string_view s) {
  s = strip(s);
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

bool valid_csv_code(const std::string& code) {
  static const std::regex kCode("[a-z]+(_[A-Z]+)?");
  return std::regex_match(code, kCode);
}

}  // namespace

struct Locales::Catalogs {
  enum class Kind { None, Csv, Gettext } kind = Kind::None;
  std::map<std::string, detail::CsvTable> csv;
  std::map<std::string, std::shared_ptr<const detail::GettextCatalog>> gettext;
};

Locales::Locales(std::string default_code)
    : default_code_(std::move(default_code)), catalogs_(std::make_unique<Catalogs>()) {
  rebuild();
}
Locales::~Locales() = default;
Locales::Locales(Locales&&) noexcept = default;
Locales& Locales::operator=(Locales&&) noexcept = default;

void Locales::load_csv(const std::filesystem::path& directory) {
  Catalogs loaded;
  loaded.kind = Catalogs::Kind::Csv;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    const std::string file = entry.path().filename().string();
    if (!file.ends_with(".csv")) continue;
    const std::string code = file.substr(0, file.size() - 4);
    if (!valid_csv_code(code)) {
      std::cerr << "ERROR: Unrecognized locale '" << code << "' (path: " << entry.path().string()
                << ")\n";
      continue;
    }
    loaded.csv[code] = detail::read_csv_translations(entry.path());
  }
  *catalogs_ = std::move(loaded);
  rebuild();
}

void Locales::load_gettext(const std::filesystem::path& directory, std::string_view domain) {
  Catalogs loaded;
  loaded.kind = Catalogs::Kind::Gettext;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    const auto mo = entry.path() / "LC_MESSAGES" / (std::string(domain) + ".mo");
    if (!entry.is_directory() || !std::filesystem::exists(mo)) continue;
    const std::string lang = entry.path().filename().string();
    try {
      loaded.gettext[lang] = std::make_shared<const detail::GettextCatalog>(detail::read_mo(mo));
    } catch (const std::exception& e) {
      std::cerr << "ERROR: Cannot load translation for '" << lang << "': " << e.what() << "\n";
    }
  }
  *catalogs_ = std::move(loaded);
  rebuild();
}

void Locales::rebuild() {
  locales_.clear();
  for (const auto& [code, table] : catalogs_->csv) {
    locales_[code] = detail::make_csv_locale(code, table);
  }
  for (const auto& [code, catalog] : catalogs_->gettext) {
    locales_[code] = detail::make_gettext_locale(code, catalog);
  }
  if (!locales_.contains(default_code_)) {
    locales_[default_code_] = detail::make_csv_locale(default_code_, {});
  }
}

const Locale& Locales::get(std::string_view code) const {
  const auto found = locales_.find(code);
  if (found == locales_.end()) {
    throw std::out_of_range("locale '" + std::string(code) + "' is not supported");
  }
  return *found->second;
}

const Locale& Locales::get_closest(std::span<const std::string> codes) const {
  for (std::string code : codes) {
    if (code.empty()) continue;
    std::replace(code.begin(), code.end(), '-', '_');
    const auto parts = split(code, '_');
    if (parts.size() > 2) continue;
    std::string language(parts[0]);
    for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (parts.size() == 2) {
      std::string country(parts[1]);
      for (char& c : country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      code = language + "_" + country;
    }
    if (const auto found = locales_.find(code); found != locales_.end()) return *found->second;
    if (const auto found = locales_.find(language); found != locales_.end()) return *found->second;
  }
  return get(default_code_);
}

const Locale& Locales::from_accept_language(std::string_view header) const {
  std::vector<std::pair<std::string, double>> scored;
  for (const std::string_view language : split(header, ',')) {
    const auto parts = split(strip(language), ';');
    double score = 1.0;
    if (parts.size() > 1 && strip(parts[1]).starts_with("q=")) {
      const auto q = parse_q(strip(parts[1]).substr(2));
      score = q && *q >= 0 ? *q : 0.0;
    }
    if (score > 0) scored.emplace_back(std::string(parts[0]), score);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> codes;
  for (auto& [code, score] : scored) codes.push_back(std::move(code));
  if (codes.empty()) codes.emplace_back("en_US");
  return get_closest(codes);
}

std::vector<std::string> Locales::supported() const {
  std::vector<std::string> codes;
  for (const auto& [code, locale] : locales_) codes.push_back(code);
  return codes;
}

}  // namespace squall::web
