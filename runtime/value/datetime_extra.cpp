// More of the datetime module: isoformat(timespec=), replace(), isocalendar(),
// fromisoformat(), the min/max constants and timedelta scaling by numbers.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <memory>

#include "value/datetime_types.hpp"

namespace squall::rt {
namespace {

constexpr std::string_view kFields[] = {"year",   "month",  "day",        "hour",
                                        "minute", "second", "microsecond"};

// IsoCalendarDate is the named tuple isocalendar() returns.
class IsoCalendarDate final : public Object {
 public:
  IsoCalendarDate(int year, int week, int weekday) : parts_{year, week, weekday} {}
  std::string_view type_name() const override { return "IsoCalendarDate"; }
  std::optional<std::size_t> len() const override { return 3; }
  Value getitem(const Value& key) const override { return py::getitem(tuple(), key); }
  std::optional<Value> iter() const override {
    const Value t = tuple();
    auto it = std::make_shared<py::Iterator>(py::iter(t));
    return Value::generator([t, it] { return it->next(); });
  }
  std::optional<Value> getattr(std::string_view name) const override {
    if (name == "year") return Value(parts_[0]);
    if (name == "week") return Value(parts_[1]);
    if (name == "weekday") return Value(parts_[2]);
    return std::nullopt;
  }
  void append_repr(std::string& out) const override {
    out += "datetime.IsoCalendarDate(year=" + std::to_string(parts_[0]) +
           ", week=" + std::to_string(parts_[1]) + ", weekday=" + std::to_string(parts_[2]) + ")";
  }
  std::optional<bool> eq(const Value& other) const override { return py::eq(tuple(), other); }

 private:
  Value tuple() const {
    return Value::tuple({Value(parts_[0]), Value(parts_[1]), Value(parts_[2])});
  }
  int parts_[3];
};

// ISO week 1 is the week with the year's first Thursday.
std::int64_t iso_week1_monday(int year) {
  const std::int64_t jan1 = days_from_civil(year, 1, 1);
  const int jan1_weekday = static_cast<int>(((jan1 % 7) + 7 + 3) % 7);
  const std::int64_t monday = jan1 - jan1_weekday;
  return jan1_weekday > 3 ? monday + 7 : monday;
}

int parse_digits(std::string_view s, std::size_t at, std::size_t n, bool& ok) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') {
      ok = false;
      return 0;
    }
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::string isoformat_timespec(const DateTime& t, char sep, std::string_view timespec) {
  if (t.is_date || timespec == "auto") return t.isoformat(sep);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d%c%02d", t.year, t.month, t.day, sep, t.hour);
  std::string out = buf;
  if (timespec == "hours") return out;
  std::snprintf(buf, sizeof buf, ":%02d", t.minute);
  out += buf;
  if (timespec == "minutes") return out;
  std::snprintf(buf, sizeof buf, ":%02d", t.second);
  out += buf;
  if (timespec == "seconds") return out;
  if (timespec == "milliseconds") {
    std::snprintf(buf, sizeof buf, ".%03d", t.microsecond / 1000);
  } else if (timespec == "microseconds") {
    std::snprintf(buf, sizeof buf, ".%06d", t.microsecond);
  } else {
    raise("ValueError", "Unknown timespec value");
  }
  return out + buf;
}

DateTime datetime_replace(const DateTime& t, Args args, KwArgs kwargs) {
  const std::size_t n = t.is_date ? 3 : 7;
  if (args.size() > n)
    raise("TypeError", "replace() takes at most " + std::to_string(n) + " arguments");
  int fields[7] = {t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond};
  for (std::size_t i = 0; i < n; ++i) {
    if (const Value* v = arg(args, kwargs, i, kFields[i])) {
      fields[i] = static_cast<int>(to_index(*v, "replace() argument"));
    }
  }
  for (const KwArg& kw : kwargs) {
    if (std::find(kFields, kFields + n, kw.name) == kFields + n)
      raise("TypeError",
            "'" + std::string(kw.name) + "' is an invalid keyword argument for replace()");
  }
  DateTime r{fields[0], fields[1], fields[2], fields[3],
             fields[4], fields[5], fields[6], t.is_date};
  r.validate();
  return r;
}

Value isocalendar(const DateTime& t) {
  const std::int64_t day = days_from_civil(t.year, t.month, t.day);
  int year = t.year;
  std::int64_t week1 = iso_week1_monday(year);
  if (day < week1) {
    week1 = iso_week1_monday(--year);
  } else if (day >= iso_week1_monday(year + 1)) {
    week1 = iso_week1_monday(++year);
  }
  const auto week = static_cast<int>((day - week1) / 7 + 1);
  return Value::adopt(new IsoCalendarDate(year, week, t.weekday() + 1));
}

// The ISO formats Python 3.11's date/datetime.fromisoformat read most often:
// YYYY-MM-DD, then [T or space]HH:MM[:SS[.ffffff or .fff]] for a datetime.
DateTime datetime_fromisoformat(std::string_view s, bool is_date) {
  const auto invalid = [&] {
    std::string q;
    append_str_repr(q, s);
    raise("ValueError", "Invalid isoformat string: " + q);
  };
  bool ok = s.size() >= 10 && s[4] == '-' && s[7] == '-';
  DateTime t;
  t.is_date = is_date;
  t.year = parse_digits(s, 0, 4, ok);
  t.month = parse_digits(s, 5, 2, ok);
  t.day = parse_digits(s, 8, 2, ok);
  if (!ok || (is_date && s.size() != 10)) invalid();
  if (s.size() > 10) {
    std::string_view rest = s.substr(11);
    ok = rest.size() >= 2;
    t.hour = parse_digits(rest, 0, 2, ok);
    if (rest.size() >= 5) {
      ok = ok && rest[2] == ':';
      t.minute = parse_digits(rest, 3, 2, ok);
    }
    if (rest.size() >= 8) {
      ok = ok && rest[5] == ':';
      t.second = parse_digits(rest, 6, 2, ok);
    }
    if (rest.size() > 8) {
      const std::size_t digits = rest.size() - 9;
      ok = ok && rest[8] == '.' && (digits == 3 || digits == 6);
      if (ok) t.microsecond = parse_digits(rest, 9, digits, ok) * (digits == 3 ? 1000 : 1);
    }
    if (!ok || rest.size() == 3 || rest.size() == 4 || rest.size() == 6 || rest.size() == 7)
      invalid();
  }
  t.validate();
  return t;
}

Value datetime_limit(bool is_date, bool max) {
  DateTime t = max ? DateTime{9999, 12, 31, 23, 59, 59, 999999, is_date}
                   : DateTime{1, 1, 1, 0, 0, 0, 0, is_date};
  if (is_date) t.hour = t.minute = t.second = t.microsecond = 0;
  return make_datetime(t);
}

std::optional<Value> timedelta_scale(std::int64_t us, std::string_view op, const Value& other,
                                     bool self_left) {
  const auto round_even = [](double x) {
    if (!std::isfinite(x) || std::fabs(x) > 9.2e18)
      raise("OverflowError", "timedelta out of range");
    return static_cast<std::int64_t>(std::nearbyint(x));
  };
  if (op == "*" && other.is_float()) return make_timedelta(round_even(us * other.as_float()));
  if (!self_left) return std::nullopt;
  if ((op == "/" || op == "//") && other.is_number()) {
    if (to_double(other) == 0)
      raise("ZeroDivisionError",
            op == "//" ? "integer division or modulo by zero" : "division by zero");
    if (op == "//" && !other.is_float()) return make_timedelta(int_floordiv(us, other.as_int()));
    if (op == "/") return make_timedelta(round_even(static_cast<double>(us) / to_double(other)));
  }
  return std::nullopt;
}

Value timedelta_by_timedelta(std::int64_t a, std::int64_t b, std::string_view op) {
  if (b == 0)
    raise("ZeroDivisionError",
          op == "/" ? "division by zero" : "integer division or modulo by zero");
  if (op == "/") return Value(static_cast<double>(a) / static_cast<double>(b));
  return Value(int_floordiv(a, b));
}

}  // namespace squall::rt

namespace squall::rt {
namespace {

constexpr const char* kMonths[] = {"january",   "february", "march",    "april",
                                   "may",       "june",     "july",     "august",
                                   "september", "october",  "november", "december"};

bool read_number(std::string_view s, std::size_t& pos, std::size_t max_digits, int& out) {
  std::size_t n = 0;
  int v = 0;
  while (n < max_digits && pos + n < s.size() && s[pos + n] >= '0' && s[pos + n] <= '9') {
    v = v * 10 + (s[pos + n] - '0');
    ++n;
  }
  if (n == 0) return false;
  pos += n;
  out = v;
  return true;
}

bool read_month_name(std::string_view s, std::size_t& pos, bool full, int& month) {
  for (int m = 0; m < 12; ++m) {
    const std::string_view name =
        full ? std::string_view(kMonths[m]) : std::string_view(kMonths[m], 3);
    if (pos + name.size() > s.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(s[pos + i])) == name[i];
    if (same) {
      pos += name.size();
      month = m + 1;
      return true;
    }
  }
  return false;
}

}  // namespace

// datetime.strptime for the numeric directives and month names (%Y %m %d %H %M %S %f %y %I
// %p %b %B %j is not supported); a mismatch raises Python's ValueError.
DateTime datetime_strptime(std::string_view text, std::string_view fmt) {
  const auto mismatch = [&] {
    std::string t, f;
    append_str_repr(t, text);
    append_str_repr(f, fmt);
    raise("ValueError", "time data " + t + " does not match format " + f);
  };
  DateTime t{1900, 1, 1, 0, 0, 0, 0, false};
  std::size_t pos = 0;
  bool pm = false, twelve = false;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%' || i + 1 == fmt.size()) {
      if (std::isspace(static_cast<unsigned char>(fmt[i]))) {
        while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
        continue;
      }
      if (pos >= text.size() || text[pos] != fmt[i]) mismatch();
      ++pos;
      continue;
    }
    const char d = fmt[++i];
    bool ok = true;
    int v = 0;
    switch (d) {
      case 'Y':
        ok = read_number(text, pos, 4, t.year);
        break;
      case 'y':
        ok = read_number(text, pos, 2, v);
        t.year = v < 69 ? 2000 + v : 1900 + v;
        break;
      case 'm':
        ok = read_number(text, pos, 2, t.month);
        break;
      case 'd':
        ok = read_number(text, pos, 2, t.day);
        break;
      case 'H':
        ok = read_number(text, pos, 2, t.hour);
        break;
      case 'I':
        ok = read_number(text, pos, 2, t.hour);
        twelve = true;
        break;
      case 'M':
        ok = read_number(text, pos, 2, t.minute);
        break;
      case 'S':
        ok = read_number(text, pos, 2, t.second);
        break;
      case 'f': {
        const std::size_t start = pos;
        ok = read_number(text, pos, 6, v);
        for (std::size_t n = pos - start; ok && n < 6; ++n) v *= 10;
        t.microsecond = v;
        break;
      }
      case 'p': {
        const std::string_view rest = text.substr(pos, 2);
        ok = rest.size() == 2 && (rest[1] == 'M' || rest[1] == 'm') &&
             std::string_view("AaPp").find(rest[0]) != std::string_view::npos;
        pm = ok && (rest[0] == 'P' || rest[0] == 'p');
        pos += ok ? 2 : 0;
        break;
      }
      case 'b':
        ok = read_month_name(text, pos, false, t.month);
        break;
      case 'B':
        ok = read_month_name(text, pos, true, t.month);
        break;
      case '%':
        ok = pos < text.size() && text[pos] == '%';
        ++pos;
        break;
      default:
        raise(
            "ValueError", "'" + std::string(1, d) + "' is a bad directive in format " + [&] {
              std::string f;
              append_str_repr(f, fmt);
              return f;
            }());
    }
    if (!ok) mismatch();
  }
  if (pos < text.size())
    raise("ValueError", "unconverted data remains: " + std::string(text.substr(pos)));
  if (twelve) t.hour = t.hour % 12 + (pm ? 12 : 0);
  t.validate();
  return t;
}

}  // namespace squall::rt
