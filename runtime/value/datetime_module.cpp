// The `datetime` module object and its type objects (datetime.datetime, .date, .timedelta).
#include <cmath>

#include <fmt/format.h>

#include "value/datetime_types.hpp"

namespace squall::rt {
namespace {

constexpr std::string_view kDateTimeFields[] = {"year",   "month",  "day",        "hour",
                                                "minute", "second", "microsecond"};
constexpr std::string_view kDeltaFields[] = {"days",    "seconds", "microseconds", "milliseconds",
                                             "minutes", "hours",   "weeks"};
constexpr double kDeltaMicros[] = {86400e6, 1e6, 1, 1e3, 60e6, 3600e6, 604800e6};

Value construct_datetime(bool is_date, Args args, KwArgs kwargs) {
  const std::size_t n = is_date ? 3 : 7;
  if (args.size() > n)
    raise("TypeError", "function takes at most " + std::to_string(n) + " arguments");
  int fields[7] = {0, 0, 0, 0, 0, 0, 0};
  for (std::size_t i = 0; i < n; ++i) {
    const Value* v = arg(args, kwargs, i, kDateTimeFields[i]);
    if (!v) {
      if (i < 3)
        raise("TypeError", "function missing required argument '" +
                               std::string(kDateTimeFields[i]) + "' (pos " + std::to_string(i + 1) +
                               ")");
      continue;
    }
    if (!v->is_int() && !v->is_bool())
      raise("TypeError",
            "'" + std::string(py::type_name(*v)) + "' object cannot be interpreted as an integer");
    fields[i] = static_cast<int>(v->as_int());
  }
  DateTime t{fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], is_date};
  t.validate();
  return make_datetime(t);
}

Value construct_timedelta(Args args, KwArgs kwargs) {
  if (args.size() > 7) raise("TypeError", "timedelta takes at most 7 arguments");
  double total = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    const Value* v = arg(args, kwargs, i, kDeltaFields[i]);
    if (!v) continue;
    if (!v->is_number())
      raise("TypeError", "unsupported type for timedelta " + std::string(kDeltaFields[i]) +
                             " component: " + std::string(py::type_name(*v)));
    total += to_double(*v) * kDeltaMicros[i];
  }
  if (std::isnan(total)) raise("ValueError", "cannot convert float NaN to integer");
  if (std::isinf(total)) raise("OverflowError", "cannot convert float infinity to integer");
  if (std::fabs(total) >= 8.64e19) {
    raise("OverflowError", fmt::format("days={:.0f}; must have magnitude <= 999999999",
                                       std::trunc(total / 86'400'000'000.0)));
  }
  // Squall keeps microseconds in 64 bits: about 106,751,991 days either way.
  if (std::fabs(total) >= 9.2e18) raise("OverflowError", "timedelta out of range");
  return make_timedelta(static_cast<std::int64_t>(std::nearbyint(total)));
}

class DateTimeTypeObject final : public TypeBase {
 public:
  explicit DateTimeTypeObject(std::string_view name) : TypeBase(name, "datetime.") {}
  bool is_instance_of_this(const Value& v) const override {
    const std::string_view t = py::type_name(v);
    return v.is_object() && (t == name_ || (name_ == "date" && t == "datetime"));
  }
  Value call(Args args, KwArgs kwargs) const override {
    if (name_ == "timedelta") return construct_timedelta(args, kwargs);
    return construct_datetime(name_ == "date", args, kwargs);
  }
  std::optional<Value> getattr(std::string_view name) const override {
    const bool is_date = name_ == "date";
    if (name_ == "timedelta") return std::nullopt;
    if (name == "min" || name == "max") return datetime_limit(is_date, name == "max");
    if (name == "strptime" && !is_date) {
      return Value::function("strptime", [](Args a, KwArgs) {
        check_arity("strptime", a, 2, 2);
        return make_datetime(datetime_strptime(str_arg(a[0], "strptime() argument 1"),
                                               str_arg(a[1], "strptime() argument 2")));
      });
    }
    if (name == "fromisoformat") {
      return Value::function("fromisoformat", [is_date](Args a, KwArgs) {
        check_arity("fromisoformat", a, 1, 1);
        if (!a[0].is_str()) raise("TypeError", "fromisoformat: argument must be str");
        return make_datetime(datetime_fromisoformat(a[0].as_str(), is_date));
      });
    }
    if (name == "now" || name == "today" || (name == "utcnow" && !is_date)) {
      const bool utc = name == "utcnow";
      return Value::function(std::string(name), [utc, is_date](Args a, KwArgs) {
        check_arity(utc ? "utcnow" : "now", a, 0, 0);
        DateTime t = DateTime::now(utc);
        if (is_date) t = DateTime{t.year, t.month, t.day, 0, 0, 0, 0, true};
        return make_datetime(t);
      });
    }
    if (name == "fromtimestamp" || name == "utcfromtimestamp") {
      return Value::function(std::string(name), [is_date](Args a, KwArgs) {
        check_arity("fromtimestamp", a, 1, 1);
        if (!a[0].is_number())
          raise("TypeError", "'" + std::string(py::type_name(a[0])) +
                                 "' object cannot be interpreted as an integer");
        const double seconds = to_double(a[0]);
        if (std::isnan(seconds)) raise("ValueError", "Invalid value NaN (not a number)");
        if (!(std::fabs(seconds) < 9.2e12))
          raise("OverflowError", "timestamp out of range for platform time_t");
        const auto us = static_cast<std::int64_t>(std::nearbyint(seconds * 1e6));
        DateTime t = DateTime::from_micros(us, false);
        if (is_date) t = DateTime{t.year, t.month, t.day, 0, 0, 0, 0, true};
        return make_datetime(t);
      });
    }
    return std::nullopt;
  }
};

class DateTimeModule final : public Object {
 public:
  std::string_view type_name() const override { return "module"; }
  void append_repr(std::string& out) const override { out += "<module 'datetime'>"; }
  std::optional<Value> getattr(std::string_view name) const override {
    if (name == "datetime" || name == "date" || name == "timedelta") {
      static const Value dt = Value::adopt(new DateTimeTypeObject("datetime"));
      static const Value d = Value::adopt(new DateTimeTypeObject("date"));
      static const Value td = Value::adopt(new DateTimeTypeObject("timedelta"));
      return name == "datetime" ? dt : name == "date" ? d : td;
    }
    if (name == "MINYEAR") return Value(1);
    if (name == "MAXYEAR") return Value(9999);
    return std::nullopt;
  }
};

}  // namespace

Value datetime_module() {
  return Value::adopt(new DateTimeModule());
}

}  // namespace squall::rt
