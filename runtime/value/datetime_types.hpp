// Calendar arithmetic behind the datetime module values. Internal.
#pragma once

#include "value/internal.hpp"

namespace squall::rt {

/// DateTime is a naive datetime (or a date when `is_date`), as Python's datetime module.
struct DateTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, microsecond = 0;
  bool is_date = false;

  /// from_micros converts microseconds since 1970-01-01 00:00.
  static DateTime from_micros(std::int64_t us, bool is_date);
  static DateTime now(bool utc);
  std::int64_t micros() const;
  /// weekday: Monday is 0.
  int weekday() const;
  /// validate raises ValueError like Python's constructors for out-of-range fields.
  void validate() const;
  std::string isoformat(char sep) const;
  std::string strftime(std::string_view fmt) const;
};

/// format_timedelta is str(timedelta(microseconds=us)): `1 day, 2:03:04.000005`.
std::string format_timedelta(std::int64_t us);

/// make_datetime / make_timedelta wrap values as Objects.
Value make_datetime(const DateTime& t);
Value make_timedelta(std::int64_t us);

}  // namespace squall::rt
