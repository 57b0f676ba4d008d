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

// -- datetime_extra.cpp
std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d);
/// isoformat_timespec is isoformat(sep, timespec) (ValueError for an unknown timespec).
std::string isoformat_timespec(const DateTime& t, char sep, std::string_view timespec);
/// datetime_replace is t.replace(...) (ValueError for a date that does not exist).
DateTime datetime_replace(const DateTime& t, Args args, KwArgs kwargs);
/// isocalendar is t.isocalendar(): datetime.IsoCalendarDate(year, week, weekday).
Value isocalendar(const DateTime& t);
/// datetime_fromisoformat is date/datetime.fromisoformat for naive values.
DateTime datetime_fromisoformat(std::string_view s, bool is_date);
/// datetime_strptime is datetime.strptime for numeric fields, month names and %p.
DateTime datetime_strptime(std::string_view text, std::string_view fmt);
/// datetime_limit is date/datetime .min or .max.
Value datetime_limit(bool is_date, bool max);
/// timedelta_scale: `td * float`, `td / number`, `td // int`; nullopt for other operands.
std::optional<Value> timedelta_scale(std::int64_t us, std::string_view op, const Value& other,
                                     bool self_left);
/// timedelta_by_timedelta is `a / b` (a float) or `a // b` (an int) of two timedeltas.
Value timedelta_by_timedelta(std::int64_t a, std::int64_t b, std::string_view op);

/// format_timedelta is str(timedelta(microseconds=us)): `1 day, 2:03:04.000005`.
std::string format_timedelta(std::int64_t us);

/// make_datetime / make_timedelta wrap values as Objects.
Value make_datetime(const DateTime& t);
Value make_timedelta(std::int64_t us);

}  // namespace squall::rt
