// tornado.locale.Locale's formatting helpers (format_date, format_day, list,
// friendly_number) and the date arithmetic they need.
#include <cmath>
#include <stdexcept>

#include "locale_impl.hpp"
#include "squall/py.hpp"
#include "squall/value.hpp"
#include "squall/web/signed_value.hpp"

namespace squall::web {
namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// days_from_civil / civil_from_days: Howard Hinnant's algorithms (proleptic Gregorian).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& year, int& month, int& day) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2));
}

std::string percent(const std::string& format, const Value& args) {
  return py::percent_format(format, args);
}

// round_half_even is Python 3's round() of a float to an int.
std::int64_t round_half_even(double x) {
  return static_cast<std::int64_t>(std::nearbyint(x));
}

}  // namespace

CivilTime CivilTime::from_micros(std::int64_t micros) {
  CivilTime t;
  const std::int64_t days = floor_div(micros, kMicrosPerDay);
  std::int64_t rest = micros - days * kMicrosPerDay;
  civil_from_days(days, t.year, t.month, t.day);
  t.hour = static_cast<int>(rest / (3600 * kMicrosPerSecond));
  rest %= 3600 * kMicrosPerSecond;
  t.minute = static_cast<int>(rest / (60 * kMicrosPerSecond));
  rest %= 60 * kMicrosPerSecond;
  t.second = static_cast<int>(rest / kMicrosPerSecond);
  t.microsecond = static_cast<int>(rest % kMicrosPerSecond);
  return t;
}

std::int64_t CivilTime::micros() const {
  const std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * kMicrosPerDay + ((hour * 60 + minute) * 60 + second) * kMicrosPerSecond +
         microsecond;
}

int CivilTime::weekday() const {
  const std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  // 1970-01-01 was a Thursday (3).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

Locale::Locale(std::string code) : code_(std::move(code)), name_(detail::locale_name(code_)) {
  for (const char* prefix : {"fa", "ar", "he"}) {
    if (code_.starts_with(prefix)) rtl_ = true;
  }
}

void Locale::init_names() {
  for (const char* m : {"January", "February", "March", "April", "May", "June", "July", "August",
                        "September", "October", "November", "December"}) {
    months_.push_back(translate(m));
  }
  for (const char* d :
       {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}) {
    weekdays_.push_back(translate(d));
  }
}

std::string Locale::format_date(std::int64_t date, const FormatDateOptions& options) const {
  const std::int64_t now = options.now_micros != 0
                               ? options.now_micros
                               : static_cast<std::int64_t>(system_clock() * 1e6);
  bool full_format = options.full_format;
  if (date > now) {
    // timedelta.seconds: the seconds within the last day of the difference.
    const std::int64_t ahead = (date - now) % kMicrosPerDay / kMicrosPerSecond;
    if (options.relative && ahead < 60) {
      date = now;  // clock skew: round the near future down to now
    } else {
      full_format = true;
    }
  }
  const std::int64_t offset = std::int64_t{options.gmt_offset} * 60 * kMicrosPerSecond;
  const CivilTime local_date = CivilTime::from_micros(date - offset);
  const CivilTime local_yesterday = CivilTime::from_micros(now - offset - kMicrosPerDay);
  const std::int64_t difference = now - date;
  const std::int64_t days = floor_div(difference, kMicrosPerDay);
  const std::int64_t seconds = (difference - days * kMicrosPerDay) / kMicrosPerSecond;

  std::string format;
  if (!full_format) {
    if (options.relative && days == 0) {
      if (seconds < 50) {
        return percent(translate("1 second ago", "%(seconds)d seconds ago", seconds),
                       Value{{"seconds", seconds}});
      }
      if (seconds < 50 * 60) {
        const std::int64_t minutes = round_half_even(static_cast<double>(seconds) / 60.0);
        return percent(translate("1 minute ago", "%(minutes)d minutes ago", minutes),
                       Value{{"minutes", minutes}});
      }
      const std::int64_t hours = round_half_even(static_cast<double>(seconds) / 3600.0);
      return percent(translate("1 hour ago", "%(hours)d hours ago", hours),
                     Value{{"hours", hours}});
    }
    if (days == 0) {
      format = translate("%(time)s");
    } else if (days == 1 && local_date.day == local_yesterday.day && options.relative) {
      format = options.shorter ? translate("yesterday") : translate("yesterday at %(time)s");
    } else if (days < 5) {
      format = options.shorter ? translate("%(weekday)s") : translate("%(weekday)s at %(time)s");
    } else if (days < 334) {
      format = options.shorter ? translate("%(month_name)s %(day)s")
                               : translate("%(month_name)s %(day)s at %(time)s");
    }
  }
  if (format.empty()) {
    format = options.shorter ? translate("%(month_name)s %(day)s, %(year)s")
                             : translate("%(month_name)s %(day)s, %(year)s at %(time)s");
  }

  std::string time;
  const int hour12 = local_date.hour % 12 == 0 ? 12 : local_date.hour % 12;
  if (code_ != "en" && code_ != "en_US" && code_ != "zh_CN") {
    time = percent("%d:%02d", Value::tuple({local_date.hour, local_date.minute}));
  } else if (code_ == "zh_CN") {
    time =
        percent("%s%d:%02d", Value::tuple({local_date.hour >= 12 ? "\u4e0b\u5348" : "\u4e0a\u5348",
                                           hour12, local_date.minute}));
  } else {
    time = percent("%d:%02d %s",
                   Value::tuple({hour12, local_date.minute, local_date.hour >= 12 ? "pm" : "am"}));
  }
  return percent(format, Value{{"month_name", months_[local_date.month - 1]},
                               {"weekday", weekdays_[local_date.weekday()]},
                               {"day", std::to_string(local_date.day)},
                               {"year", std::to_string(local_date.year)},
                               {"time", time}});
}

std::string Locale::format_day(std::int64_t date, int gmt_offset, bool dow) const {
  const CivilTime local =
      CivilTime::from_micros(date - std::int64_t{gmt_offset} * 60 * kMicrosPerSecond);
  if (dow) {
    return percent(translate("%(weekday)s, %(month_name)s %(day)s"),
                   Value{{"month_name", months_[local.month - 1]},
                         {"weekday", weekdays_[local.weekday()]},
                         {"day", std::to_string(local.day)}});
  }
  return percent(
      translate("%(month_name)s %(day)s"),
      Value{{"month_name", months_[local.month - 1]}, {"day", std::to_string(local.day)}});
}

std::string Locale::list(std::span<const std::string> parts) const {
  if (parts.empty()) return "";
  if (parts.size() == 1) return parts[0];
  const std::string_view comma = code_.starts_with("fa") ? " \u0648 " : ", ";
  std::string commas;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    if (i > 0) commas += comma;
    commas += parts[i];
  }
  return percent(translate("%(commas)s and %(last)s"),
                 Value{{"commas", commas}, {"last", parts.back()}});
}

std::string Locale::friendly_number(std::string_view text) const {
  if (code_ != "en" && code_ != "en_US") return std::string(text);
  // Groups of three from the right over the whole text, as Tornado does (a sign or a
  // decimal point counts as a character).
  std::string out;
  const std::size_t first = text.size() % 3 == 0 ? 3 : text.size() % 3;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = i == 0 ? first : 3;
    if (i > 0) out += ',';
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace squall::web
