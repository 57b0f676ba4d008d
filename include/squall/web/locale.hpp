// Locales and translations, as tornado.locale 6.2: choosing a locale from Accept-Language
// (get_closest), translations from CSV files or gettext `.mo` catalogs, and the formatting
// helpers templates call (format_date, format_day, list, friendly_number).
//
// Tornado keeps the loaded translations in module globals; here they live in a Locales
// object (usually one per application), immutable once loaded, so any number of threads
// may use it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace squall::web {

/// CivilTime is a naive UTC date and time (Python's datetime without tzinfo).
struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, microsecond = 0;

  /// from_micros / micros convert from and to microseconds since 1970-01-01 00:00 UTC.
  static CivilTime from_micros(std::int64_t micros);
  std::int64_t micros() const;
  /// weekday: Monday is 0, as datetime.weekday().
  int weekday() const;
};

/// FormatDateOptions are Locale::format_date's keyword arguments, plus the current time
/// (datetime.utcnow() in Tornado).
struct FormatDateOptions {
  int gmt_offset = 0;  ///< minutes west of UTC, as Tornado's `gmt_offset`
  bool relative = true;
  bool shorter = false;
  bool full_format = false;
  std::int64_t now_micros = 0;  ///< microseconds since the epoch; 0 means the system clock
};

/// Locale is one language's translations and formatting (tornado.locale.Locale).
class Locale {
 public:
  virtual ~Locale() = default;
  /// code is the locale code (`es_ES`); name its own name (`Español (España)`, "Unknown"
  /// for codes Tornado has no name for); rtl is true for codes starting fa, ar or he.
  const std::string& code() const { return code_; }
  const std::string& name() const { return name_; }
  bool rtl() const { return rtl_; }

  /// translate is Tornado's `_`: the translation of `message`, or with `plural` (then
  /// `count` is required, else std::invalid_argument) of the form for `count`; the English
  /// text looked up when there is none.
  virtual std::string translate(std::string_view message,
                                std::optional<std::string_view> plural = std::nullopt,
                                std::optional<std::int64_t> count = std::nullopt) const = 0;
  /// pgettext is translate within a context (gettext catalogs only; a CSV locale ignores
  /// the context, and Tornado logs a warning).
  virtual std::string pgettext(std::string_view context, std::string_view message,
                               std::optional<std::string_view> plural = std::nullopt,
                               std::optional<std::int64_t> count = std::nullopt) const = 0;

  /// format_date formats a UTC time as Tornado does: relative ("2 minutes ago", "yesterday
  /// at 1:05 pm", "Monday at ...", "March 3 at ...") or absolute ("March 3, 2020 at 1:05 pm"),
  /// translated, in 12-hour time for en/en_US, zh_CN's own style, 24-hour otherwise.
  std::string format_date(std::int64_t date_micros, const FormatDateOptions& options = {}) const;
  /// format_day is "Monday, January 22" (`dow` false: "January 22").
  std::string format_day(std::int64_t date_micros, int gmt_offset = 0, bool dow = true) const;
  /// list is "a, b and c" ("a and b", "a", "" for none; Persian uses " و ").
  std::string list(std::span<const std::string> parts) const;
  /// friendly_number groups the digits of str(value) by threes with commas for en/en_US
  /// (`1,234,567`); other locales get `text` unchanged.
  std::string friendly_number(std::string_view text) const;

 protected:
  explicit Locale(std::string code);
  // init_names translates the month and weekday names (after the subclass is ready).
  void init_names();

 private:
  std::string code_, name_;
  bool rtl_ = false;
  std::vector<std::string> months_, weekdays_;
};

/// Locales is the set of supported locales: the default (`en_US` unless changed) plus
/// every locale with loaded translations.
class Locales {
 public:
  /// Locales with no translations: only the default locale.
  explicit Locales(std::string default_code = "en_US");
  ~Locales();
  Locales(Locales&&) noexcept;
  Locales& operator=(Locales&&) noexcept;

  /// load_csv is load_translations(directory): every `CODE.csv` with CODE matching
  /// `[a-z]+(_[A-Z]+)?` (other names are skipped), UTF-16 when the file starts with a BOM,
  /// else UTF-8 (with or without a BOM); rows `english,translation[,plural]` with plural
  /// one of `plural`, `singular`, `unknown` or empty (rows with other values are skipped).
  /// Replaces translations loaded before. Throws std::runtime_error for an unreadable
  /// directory or file, or text that is not valid in its encoding.
  void load_csv(const std::filesystem::path& directory);
  /// load_gettext is load_gettext_translations(directory, domain): every
  /// `directory/LANG/LC_MESSAGES/DOMAIN.mo`, with its plural formula from the catalog
  /// header. Replaces translations loaded before. A catalog that cannot be read is
  /// skipped with a message on stderr (as Tornado logs it).
  void load_gettext(const std::filesystem::path& directory, std::string_view domain);

  /// get_closest is Locale.get_closest: for each code in turn (`-` read as `_`, codes of
  /// more than two parts skipped, case normalised to `ll_CC`), the exact locale, else the
  /// language alone; the default when none matches.
  const Locale& get_closest(std::span<const std::string> codes) const;
  /// from_accept_language is RequestHandler.get_browser_locale: the header's codes by
  /// descending `q` (a bad q counts as 0; q=0 drops the code; stable for equal q), then
  /// get_closest.
  const Locale& from_accept_language(std::string_view header) const;
  /// get returns a supported locale; std::out_of_range for others.
  const Locale& get(std::string_view code) const;
  /// supported lists the supported codes, sorted.
  std::vector<std::string> supported() const;
  const std::string& default_code() const { return default_code_; }

 private:
  void rebuild();

  std::string default_code_;
  struct Catalogs;
  std::unique_ptr<Catalogs> catalogs_;
  std::map<std::string, std::unique_ptr<Locale>, std::less<>> locales_;
};

}  // namespace squall::web
