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

/// CivilTime is a naive UTC date and time (Python's datetime without tzinfo), in the
/// proleptic Gregorian calendar. The default is the epoch, 1970-01-01 00:00:00.
struct CivilTime {
  /// @{
  /// The fields, each in its range: `year` (may be 0 or negative), `month` 1 (January) to
  /// 12, `day` 1 to the month's length, `hour` 0 to 23, `minute` 0 to 59, `second` 0 to 59
  /// (no leap seconds), `microsecond` 0 to 999999.
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, microsecond = 0;
  /// @}

  /// from_micros converts microseconds since 1970-01-01 00:00 UTC (negative: before) to
  /// the date and time; every field is then in its range.
  static CivilTime from_micros(std::int64_t micros);
  /// micros is the inverse of from_micros: microseconds since 1970-01-01 00:00 UTC. The
  /// fields must be in their ranges (they are not checked).
  std::int64_t micros() const;
  /// weekday: Monday is 0, as datetime.weekday().
  int weekday() const;
};

/// FormatDateOptions are Locale::format_date's keyword arguments, plus the current time
/// (datetime.utcnow() in Tornado).
struct FormatDateOptions {
  int gmt_offset = 0;  ///< minutes west of UTC, as Tornado's `gmt_offset`
  /// relative: times less than a day old read "N seconds/minutes/hours ago", and the
  /// previous day "yesterday"; false gives the clock time, weekday or date instead.
  bool relative = true;
  /// shorter leaves out the time of day ("yesterday", "Monday", "March 3, 2020").
  bool shorter = false;
  /// full_format always gives the absolute date and time ("March 3, 2020 at 1:05 pm"), as
  /// does a date in the future (beyond a minute's clock skew when `relative`).
  bool full_format = false;
  std::int64_t now_micros = 0;  ///< microseconds since the epoch; 0 means the system clock
};

/// Locale is one language's translations and formatting (tornado.locale.Locale).
class Locale {
 public:
  virtual ~Locale() = default;
  /// code is the locale code (`es_ES`).
  const std::string& code() const { return code_; }
  /// name is the language's own name (`Español (España)`), "Unknown" for codes Tornado
  /// has no name for.
  const std::string& name() const { return name_; }
  /// rtl is true for right-to-left languages: codes starting fa, ar or he.
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
  /// Locale sets the code, name and rtl of locale `code` for a subclass (a catalog format).
  explicit Locale(std::string code);
  /// init_names translates the month and weekday names format_date and format_day use. It
  /// calls translate(), so a subclass calls it once, at the end of its constructor, when its
  /// translations are ready.
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
  /// A move takes the locales and translations (references to them stay valid); the
  /// moved-from Locales may only be destroyed or assigned to.
  Locales(Locales&&) noexcept;
  /// Move assignment: see the move constructor; this object's locales are destroyed.
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
  /// default_code is the default locale's code: what get_closest falls back to and what is
  /// supported even without translations.
  const std::string& default_code() const { return default_code_; }

 private:
  void rebuild();

  std::string default_code_;
  struct Catalogs;
  std::unique_ptr<Catalogs> catalogs_;
  std::map<std::string, std::unique_ptr<Locale>, std::less<>> locales_;
};

}  // namespace squall::web
