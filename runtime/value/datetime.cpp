// The `datetime` module templates use: datetime, date and timedelta values.
#include <chrono>
#include <cstdio>
#include <ctime>

#include "value/datetime_types.hpp"

namespace squall::rt {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

DateTime DateTime::from_micros(std::int64_t us, bool is_date) {
  DateTime t;
  t.is_date = is_date;
  std::int64_t days = us / 86'400'000'000;
  std::int64_t rem = us % 86'400'000'000;
  if (rem < 0) rem += 86'400'000'000, --days;
  civil_from_days(days, t.year, t.month, t.day);
  if (t.year < 1 || t.year > 9999) raise("OverflowError", "date value out of range");
  t.microsecond = static_cast<int>(rem % 1'000'000);
  rem /= 1'000'000;
  t.second = static_cast<int>(rem % 60);
  t.minute = static_cast<int>(rem / 60 % 60);
  t.hour = static_cast<int>(rem / 3600);
  return t;
}

std::int64_t DateTime::micros() const {
  const std::int64_t days = days_from_civil(year, month, day);
  return ((days * 24 + hour) * 60 + minute) * 60'000'000 + second * 1'000'000LL + microsecond;
}

int DateTime::weekday() const {
  const std::int64_t days = days_from_civil(year, month, day);
  return static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday (3)
}

void DateTime::validate() const {
  if (year < 1 || year > 9999)
    raise("ValueError", "year " + std::to_string(year) + " is out of range");
  if (month < 1 || month > 12) raise("ValueError", "month must be in 1..12");
  if (day < 1 || day > days_in_month(year, month))
    raise("ValueError", "day is out of range for month");
  if (hour < 0 || hour > 23) raise("ValueError", "hour must be in 0..23");
  if (minute < 0 || minute > 59) raise("ValueError", "minute must be in 0..59");
  if (second < 0 || second > 59) raise("ValueError", "second must be in 0..59");
  if (microsecond < 0 || microsecond > 999999)
    raise("ValueError", "microsecond must be in 0..999999");
}

std::string DateTime::isoformat(char sep) const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  std::string out = buf;
  if (is_date) return out;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d:%02d", sep, hour, minute, second);
  out += buf;
  if (microsecond) {
    std::snprintf(buf, sizeof buf, ".%06d", microsecond);
    out += buf;
  }
  return out;
}

// Python hands strftime to the C library after expanding %f (and %z/%Z, empty for naive
// values); glibc's output in the C locale is what CPython on Linux prints.
std::string DateTime::strftime(std::string_view fmt) const {
  std::string expanded;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%' || i + 1 >= fmt.size()) {
      expanded += fmt[i];
      continue;
    }
    const char c = fmt[++i];
    if (c == 'f') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%06d", microsecond);
      expanded += buf;
    } else if (c == 'z' || c == 'Z') {
    } else {
      (expanded += '%') += c;
    }
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  tm.tm_wday = (weekday() + 1) % 7;
  tm.tm_yday = static_cast<int>(days_from_civil(year, month, day) - days_from_civil(year, 1, 1));
  tm.tm_isdst = -1;
  std::string out(expanded.size() * 4 + 64, '\0');
  std::size_t n = std::strftime(out.data(), out.size(), expanded.c_str(), &tm);
  if (n == 0 && !expanded.empty()) {
    out.resize(expanded.size() * 64 + 256);
    n = std::strftime(out.data(), out.size(), expanded.c_str(), &tm);
  }
  out.resize(n);
  return out;
}

DateTime DateTime::now(bool utc) {
  using namespace std::chrono;
  const auto us = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
  if (utc) return from_micros(us, false);
  const std::time_t secs = static_cast<std::time_t>(us / 1'000'000);
  std::tm local{};
  localtime_r(&secs, &local);
  DateTime t;
  t.year = local.tm_year + 1900, t.month = local.tm_mon + 1, t.day = local.tm_mday;
  t.hour = local.tm_hour, t.minute = local.tm_min, t.second = local.tm_sec;
  t.microsecond = static_cast<int>(us % 1'000'000);
  return t;
}

std::string format_timedelta(std::int64_t us) {
  std::int64_t days = us / 86'400'000'000;
  std::int64_t rem = us % 86'400'000'000;
  if (rem < 0) rem += 86'400'000'000, --days;
  std::string out;
  if (days) out = std::to_string(days) + (days == 1 || days == -1 ? " day, " : " days, ");
  const std::int64_t secs = rem / 1'000'000, frac = rem % 1'000'000;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%d:%02d:%02d", static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  out += buf;
  if (frac) {
    std::snprintf(buf, sizeof buf, ".%06d", static_cast<int>(frac));
    out += buf;
  }
  return out;
}

}  // namespace squall::rt
