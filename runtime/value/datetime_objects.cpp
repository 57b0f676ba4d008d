// datetime, date and timedelta as template values, and the `datetime` module object.
#include <cmath>

#include "value/datetime_types.hpp"

namespace squall::rt {
namespace {

class TimeDeltaObject;

class DateTimeObject final : public Object {
 public:
  explicit DateTimeObject(DateTime t) : t_(t) {}
  std::string_view type_name() const override { return t_.is_date ? "date" : "datetime"; }
  void append_str(std::string& out) const override { out += t_.isoformat(' '); }
  void append_repr(std::string& out) const override {
    out += t_.is_date ? "datetime.date(" : "datetime.datetime(";
    out +=
        std::to_string(t_.year) + ", " + std::to_string(t_.month) + ", " + std::to_string(t_.day);
    if (!t_.is_date) {
      out += ", " + std::to_string(t_.hour) + ", " + std::to_string(t_.minute);
      if (t_.second || t_.microsecond) out += ", " + std::to_string(t_.second);
      if (t_.microsecond) out += ", " + std::to_string(t_.microsecond);
    }
    out += ')';
  }
  std::optional<Value> getattr(std::string_view name) const override;
  std::optional<Value> call_method(std::string_view name, Args args, KwArgs kwargs) const override;
  std::optional<bool> eq(const Value& other) const override {
    const DateTime* o = peer(other);
    return o && o->micros() == t_.micros();
  }
  std::optional<int> compare(const Value& other) const override {
    const DateTime* o = peer(other);
    if (!o) return std::nullopt;
    return (t_.micros() > o->micros()) - (t_.micros() < o->micros());
  }
  std::optional<std::size_t> hash() const override {
    return std::hash<std::int64_t>{}(t_.micros());
  }
  std::optional<Value> binary_op(std::string_view op, const Value& other,
                                 bool self_left) const override;
  const DateTime& value() const { return t_; }

 private:
  const DateTime* peer(const Value& other) const {
    if (!other.is_object()) return nullptr;
    auto* o = dynamic_cast<const DateTimeObject*>(&other.as_object());
    return o && o->t_.is_date == t_.is_date ? &o->t_ : nullptr;
  }
  DateTime t_;
};

class TimeDeltaObject final : public Object {
 public:
  explicit TimeDeltaObject(std::int64_t us) : us_(us) {}
  std::string_view type_name() const override { return "timedelta"; }
  void append_str(std::string& out) const override { out += format_timedelta(us_); }
  void append_repr(std::string& out) const override {
    const std::int64_t days = floor_div(us_, 86'400'000'000);
    const std::int64_t rem = us_ - days * 86'400'000'000;
    std::vector<std::string> parts;
    if (days) parts.push_back("days=" + std::to_string(days));
    if (rem / 1'000'000) parts.push_back("seconds=" + std::to_string(rem / 1'000'000));
    if (rem % 1'000'000) parts.push_back("microseconds=" + std::to_string(rem % 1'000'000));
    out += "datetime.timedelta(";
    if (parts.empty()) parts.push_back("0");
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    out += ')';
  }
  bool truthy() const override { return us_ != 0; }
  std::optional<Value> getattr(std::string_view name) const override {
    const std::int64_t days = floor_div(us_, 86'400'000'000);
    const std::int64_t rem = us_ - days * 86'400'000'000;
    if (name == "days") return Value(days);
    if (name == "seconds") return Value(rem / 1'000'000);
    if (name == "microseconds") return Value(rem % 1'000'000);
    return std::nullopt;
  }
  std::optional<Value> call_method(std::string_view name, Args args, KwArgs) const override {
    if (name != "total_seconds") return std::nullopt;
    check_arity(name, args, 0, 0);
    return Value(static_cast<double>(us_) / 1e6);
  }
  std::optional<bool> eq(const Value& other) const override {
    auto* o =
        other.is_object() ? dynamic_cast<const TimeDeltaObject*>(&other.as_object()) : nullptr;
    return o && o->us_ == us_;
  }
  std::optional<int> compare(const Value& other) const override {
    auto* o =
        other.is_object() ? dynamic_cast<const TimeDeltaObject*>(&other.as_object()) : nullptr;
    if (!o) return std::nullopt;
    return (us_ > o->us_) - (us_ < o->us_);
  }
  std::optional<std::size_t> hash() const override { return std::hash<std::int64_t>{}(us_); }
  std::optional<Value> binary_op(std::string_view op, const Value& other,
                                 bool self_left) const override {
    auto* o =
        other.is_object() ? dynamic_cast<const TimeDeltaObject*>(&other.as_object()) : nullptr;
    if (o && op == "+") return make_timedelta(checked_add(us_, o->us_));
    if (o && op == "-")
      return make_timedelta(self_left ? checked_sub(us_, o->us_) : checked_sub(o->us_, us_));
    if (op == "*" && (other.is_int() || other.is_bool()))
      return make_timedelta(checked_mul(us_, other.as_int()));
    if (o && self_left && (op == "/" || op == "//")) return timedelta_by_timedelta(us_, o->us_, op);
    return timedelta_scale(us_, op, other, self_left);
  }
  std::int64_t micros() const { return us_; }

 private:
  static std::int64_t floor_div(std::int64_t a, std::int64_t b) { return int_floordiv(a, b); }
  std::int64_t us_;
};

std::optional<Value> DateTimeObject::getattr(std::string_view name) const {
  if (name == "year") return Value(t_.year);
  if (name == "month") return Value(t_.month);
  if (name == "day") return Value(t_.day);
  if (!t_.is_date) {
    if (name == "hour") return Value(t_.hour);
    if (name == "minute") return Value(t_.minute);
    if (name == "second") return Value(t_.second);
    if (name == "microsecond") return Value(t_.microsecond);
    if (name == "tzinfo") return Value();
  }
  static constexpr std::string_view kMethods[] = {"strftime",   "isoformat", "weekday",
                                                  "isoweekday", "date",      "timestamp",
                                                  "ctime",      "replace",   "isocalendar"};
  for (std::string_view m : kMethods) {
    if (m != name) continue;
    Value self = Value::adopt(new DateTimeObject(t_));
    std::string method(m);
    return Value::function(
        method, [self, method](Args a, KwArgs k) { return py::call_method(self, method, a, k); });
  }
  return std::nullopt;
}

std::optional<Value> DateTimeObject::call_method(std::string_view name, Args args,
                                                 KwArgs kwargs) const {
  if (name == "strftime" || name == "__format__") {
    check_arity(name, args, 1, 1);
    return Value(t_.strftime(str_arg(args[0], "strftime")));
  }
  if (name == "isoformat") {
    const Value* sep = arg(args, kwargs, 0, "sep");
    const std::string_view s = sep ? str_arg(*sep, "isoformat") : "T";
    const Value* timespec = arg(args, kwargs, 1, "timespec");
    return Value(isoformat_timespec(t_, s.empty() ? 'T' : s[0],
                                    timespec ? str_arg(*timespec, "isoformat") : "auto"));
  }
  if (name == "replace") return make_datetime(datetime_replace(t_, args, kwargs));
  if (name == "isocalendar") return check_arity(name, args, 0, 0), isocalendar(t_);
  if (name == "weekday") return Value(t_.weekday());
  if (name == "isoweekday") return Value(t_.weekday() + 1);
  if (name == "ctime") return Value(t_.strftime("%a %b %e %H:%M:%S %Y"));
  if (name == "timestamp") return Value(static_cast<double>(t_.micros()) / 1e6);
  if (name == "date") {
    DateTime d = t_;
    d.is_date = true;
    d.hour = d.minute = d.second = d.microsecond = 0;
    return make_datetime(d);
  }
  return Object::call_method(name, args, kwargs);
}

std::optional<Value> DateTimeObject::binary_op(std::string_view op, const Value& other,
                                               bool self_left) const {
  if (!other.is_object()) return std::nullopt;
  const Object& o = other.as_object();
  if (auto* td = dynamic_cast<const TimeDeltaObject*>(&o)) {
    if (op == "+" || (op == "-" && self_left)) {
      std::int64_t us = op == "+" ? checked_add(t_.micros(), td->micros())
                                  : checked_sub(t_.micros(), td->micros());
      if (t_.is_date) us -= ((us % 86'400'000'000) + 86'400'000'000) % 86'400'000'000;
      return make_datetime(DateTime::from_micros(us, t_.is_date));
    }
  }
  if (auto* dt = dynamic_cast<const DateTimeObject*>(&o);
      dt && op == "-" && dt->t_.is_date == t_.is_date) {
    const std::int64_t a = t_.micros(), b = dt->t_.micros();
    return make_timedelta(self_left ? a - b : b - a);
  }
  return std::nullopt;
}

}  // namespace

Value make_datetime(const DateTime& t) {
  return Value::adopt(new DateTimeObject(t));
}
Value make_timedelta(std::int64_t us) {
  if (std::llabs(us / 86'400'000'000) > 999'999'999)
    raise("OverflowError",
          "days=" + std::to_string(us / 86'400'000'000) + "; must have magnitude <= 999999999");
  return Value::adopt(new TimeDeltaObject(us));
}

}  // namespace squall::rt
