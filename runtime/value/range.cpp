// The range object: lazy, indexable, sliceable, iterable without allocation.
#include "value/internal.hpp"

namespace squall::rt {
namespace {

class RangeObject final : public Object {
 public:
  RangeObject(std::int64_t start, std::int64_t stop, std::int64_t step)
      : start_(start), stop_(stop), step_(step) {}
  std::string_view type_name() const override { return "range"; }
  std::optional<std::size_t> len() const override { return size(); }
  Value getitem(const Value& key) const override {
    if (!key.is_int() && !key.is_bool())
      raise("TypeError",
            "range indices must be integers or slices, not " + std::string(py::type_name(key)));
    const __int128 n = count();
    __int128 i = key.as_int();
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise("IndexError", "range object index out of range");
    return Value(static_cast<std::int64_t>(start_ + i * step_));  // inside [start, stop)
  }
  void append_repr(std::string& out) const override {
    out += "range(";
    append_int(out, start_);
    out += ", ";
    append_int(out, stop_);
    if (step_ != 1) {
      out += ", ";
      append_int(out, step_);
    }
    out += ')';
  }
  std::optional<bool> eq(const Value& other) const override {
    auto o = range_parts(other);
    if (!o) return false;
    const std::size_t n = size();
    const RangeObject r((*o)[0], (*o)[1], (*o)[2]);
    if (n != r.size()) return false;
    if (n == 0) return true;
    return start_ == r.start_ && (n == 1 || step_ == r.step_);
  }
  std::optional<std::size_t> hash() const override {
    return std::hash<std::int64_t>{}(start_ * 31 + stop_ * 7 + step_);
  }
  std::array<std::int64_t, 3> parts() const { return {start_, stop_, step_}; }

 private:
  // count is the exact length, which exceeds INT64_MAX for range(-2**63, 2**63 - 1).
  __int128 count() const {
    const __int128 lo = start_, hi = stop_, st = step_;
    __int128 n = 0;
    if (st > 0 && lo < hi) n = (hi - lo - 1) / st + 1;
    if (st < 0 && lo > hi) n = (lo - hi - 1) / (-st) + 1;
    return n;
  }
  std::size_t size() const { return static_cast<std::size_t>(count()); }
  std::int64_t start_, stop_, step_;
};

}  // namespace

Value make_range(std::int64_t start, std::int64_t stop, std::int64_t step) {
  if (step == 0) raise("ValueError", "range() arg 3 must not be zero");
  return Value::adopt(new RangeObject(start, stop, step));
}

std::optional<std::array<std::int64_t, 3>> range_parts(const Value& v) {
  if (!v.is_object()) return std::nullopt;
  if (auto* r = dynamic_cast<const RangeObject*>(&v.as_object())) return r->parts();
  return std::nullopt;
}

}  // namespace squall::rt
