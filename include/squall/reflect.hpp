// SQUALL_REFLECT: exposes a C++ struct to templates field by field, and the standard
// ValueConverter specialisations. Included by <squall/value.hpp>.
#pragma once

#include <chrono>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

// Builds on the Value class alone; <squall/value.hpp> includes this header.
#include "squall/value_core.hpp"

namespace squall {

namespace detail {

/// Field names one member of a reflected struct.
template <class T, class M>
struct Field {
  std::string_view name;
  M T::*member;
};
template <class T, class M>
Field(std::string_view, M T::*) -> Field<T, M>;

template <class T>
concept Reflected = requires(const T* t) {
  squall_reflect_fields(t);
};

template <class T>
struct IsVector : std::false_type {};
template <class T, class A>
struct IsVector<std::vector<T, A>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

/// UnsupportedFieldType<F> is the one error a SQUALL_REFLECT field of a type Value cannot
/// convert gives: the compiler names F in the line that instantiates it.
template <class F>
struct UnsupportedFieldType {
  static void report() {
    static_assert(sizeof(F) == 0,
                  "squall: a SQUALL_REFLECT field's type (F above) does not convert to "
                  "squall::Value: specialise squall::ValueConverter<F>, reflect F with "
                  "SQUALL_REFLECT, or make the field a supported type");
  }
};

/// field_value reads a member in place: strings are borrowed (they must outlive the Value),
/// nested reflected structs are borrowed objects, vectors become lists of borrowed elements.
template <class F>
Value field_value(const F& f) {
  if constexpr (std::is_same_v<F, Value>) {
    return f;
  } else if constexpr (std::is_same_v<F, std::string> || std::is_same_v<F, std::string_view>) {
    return Value::from_static(f);
  } else if constexpr (Reflected<F>) {
    return Value::object(f);
  } else if constexpr (IsOptional<F>::value) {
    return f ? field_value(*f) : Value();
  } else if constexpr (IsVector<F>::value) {
    std::vector<Value> items;
    items.reserve(f.size());
    for (const auto& x : f) items.push_back(field_value(x));
    return Value::list(std::move(items));
  } else if constexpr (std::is_constructible_v<Value, const F&>) {
    return Value(f);
  } else {
    UnsupportedFieldType<F>::report();
    return Value();
  }
}

/// ReflectedObjectBase holds what all reflected objects share (repr, type name).
class ReflectedObjectBase : public Object {
 public:
  explicit ReflectedObjectBase(std::string_view type) : type_(type) {}
  std::string_view type_name() const override { return type_; }

 private:
  std::string_view type_;
};

/// ReflectedObject exposes `*ptr` through its SQUALL_REFLECT field list. `owner` keeps the
/// struct alive when it is shared; a borrowed struct has no owner.
template <class T>
class ReflectedObject final : public ReflectedObjectBase {
 public:
  ReflectedObject(const T* ptr, std::shared_ptr<const T> owner)
      : ReflectedObjectBase(squall_reflect_name(ptr)), ptr_(ptr), owner_(std::move(owner)) {}

  std::optional<Value> getattr(std::string_view name) const override {
    std::optional<Value> out;
    std::apply(
        [&](const auto&... field) {
          ((!out && field.name == name ? (out = field_value(ptr_->*field.member), 0) : 0), ...);
        },
        squall_reflect_fields(ptr_));
    return out;
  }
  std::optional<bool> eq(const Value& other) const override {
    if (!other.is_object()) return false;
    auto* o = dynamic_cast<const ReflectedObject*>(&other.as_object());
    return o && o->ptr_ == ptr_;
  }

 private:
  const T* ptr_;
  std::shared_ptr<const T> owner_;
};

}  // namespace detail

template <class T>
Value Value::object(const T& x) {
  static_assert(detail::Reflected<T>, "Value::object needs a SQUALL_REFLECT'ed type");
  return adopt(new detail::ReflectedObject<T>(&x, nullptr));
}

template <class T>
requires requires(const T* t) {
  squall_reflect_fields(t);
}
Value::Value(std::shared_ptr<T> p) : Value() {
  if (!p) return;
  const T* raw = p.get();
  *this = adopt(new detail::ReflectedObject<T>(raw, std::shared_ptr<const T>(std::move(p))));
}

/// A std::vector is a list.
template <class T, class A>
struct ValueConverter<std::vector<T, A>> {
  /// convert converts every element.
  static Value convert(const std::vector<T, A>& v) {
    std::vector<Value> items;
    items.reserve(v.size());
    for (const auto& x : v) items.emplace_back(x);
    return Value::list(std::move(items));
  }
};

/// A std::optional is its value, or None.
template <class T>
struct ValueConverter<std::optional<T>> {
  /// convert converts the value, if any.
  static Value convert(const std::optional<T>& v) { return v ? Value(*v) : Value(); }
};

/// MapConverter makes a dict of a map's pairs, in the map's order.
template <class Map>
struct MapConverter {
  /// convert converts every key and value.
  static Value convert(const Map& m) {
    Value d = Value::dict();
    for (const auto& [k, v] : m) d.as_dict().set(Value(k), Value(v));
    return d;
  }
};
template <class K, class V, class C, class A>
struct ValueConverter<std::map<K, V, C, A>> : MapConverter<std::map<K, V, C, A>> {};
template <class K, class V, class H, class E, class A>
struct ValueConverter<std::unordered_map<K, V, H, E, A>>
    : MapConverter<std::unordered_map<K, V, H, E, A>> {};

/// SetConverter makes a set of a set's elements.
template <class Set>
struct SetConverter {
  /// convert converts every element.
  static Value convert(const Set& s) {
    std::vector<Value> items;
    items.reserve(s.size());
    for (const auto& x : s) items.emplace_back(x);
    return Value::set(std::move(items));
  }
};
/// A std::set is a set (in the std::set's order).
template <class K, class C, class A>
struct ValueConverter<std::set<K, C, A>> : SetConverter<std::set<K, C, A>> {};
/// A std::unordered_set is a set.
template <class K, class H, class E, class A>
struct ValueConverter<std::unordered_set<K, H, E, A>>
    : SetConverter<std::unordered_set<K, H, E, A>> {};

/// A system_clock time point is a naive datetime in UTC, to the microsecond (rounded down),
/// as Python's `datetime.utcfromtimestamp` gives.
template <class Duration>
struct ValueConverter<std::chrono::time_point<std::chrono::system_clock, Duration>> {
  /// convert raises ValueError outside years 1 to 9999, as Python does.
  static Value convert(const std::chrono::time_point<std::chrono::system_clock, Duration>& t) {
    using namespace std::chrono;
    const auto us = floor<microseconds>(t);
    const auto day = floor<days>(us);
    const year_month_day ymd{day};
    const hh_mm_ss<microseconds> time{us - day};
    return Value::datetime(
        static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
        static_cast<int>(unsigned(ymd.day())), static_cast<int>(time.hours().count()),
        static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
        static_cast<int>(time.subseconds().count()));
  }
};

/// A year_month_day is a date.
template <>
struct ValueConverter<std::chrono::year_month_day> {
  /// convert raises ValueError for an invalid date or a year outside 1 to 9999.
  static Value convert(const std::chrono::year_month_day& d) {
    return Value::date(static_cast<int>(d.year()), static_cast<int>(unsigned(d.month())),
                       static_cast<int>(unsigned(d.day())));
  }
};

/// A reflected struct passed by value is copied once into shared ownership.
template <class T>
requires detail::Reflected<T>
struct ValueConverter<T> {
  /// convert copies `x` into a std::shared_ptr the Value owns.
  static Value convert(const T& x) { return Value(std::make_shared<T>(x)); }
};

}  // namespace squall

// -- SQUALL_REFLECT(Type, field...)
//
// Use at namespace scope, in the namespace of `Type` (found by argument-dependent lookup):
//   struct Post { std::string title; int votes; };
//   SQUALL_REFLECT(Post, title, votes)
// Then `Value::object(post)` borrows it, and `Value(std::make_shared<Post>(...))` or
// `Value(post)` (a copy) own it; templates read `post.title`.
#define SQUALL_REFLECT(Type, ...)                                                        \
  [[maybe_unused]] inline std::string_view squall_reflect_name(const Type*) {            \
    return #Type;                                                                        \
  }                                                                                      \
  [[maybe_unused]] inline const auto& squall_reflect_fields(const Type*) {               \
    static const auto fields =                                                           \
        std::make_tuple(SQUALL_DETAIL_FOR_EACH(SQUALL_DETAIL_FIELD, Type, __VA_ARGS__)); \
    return fields;                                                                       \
  }

#define SQUALL_DETAIL_FIELD(Type, f) \
  ::squall::detail::Field {          \
#f, &Type::f                     \
  }
#define SQUALL_DETAIL_PARENS ()
#define SQUALL_DETAIL_EXPAND(...) \
  SQUALL_DETAIL_EXPAND3(SQUALL_DETAIL_EXPAND3(SQUALL_DETAIL_EXPAND3(__VA_ARGS__)))
#define SQUALL_DETAIL_EXPAND3(...) \
  SQUALL_DETAIL_EXPAND2(SQUALL_DETAIL_EXPAND2(SQUALL_DETAIL_EXPAND2(__VA_ARGS__)))
#define SQUALL_DETAIL_EXPAND2(...) \
  SQUALL_DETAIL_EXPAND1(SQUALL_DETAIL_EXPAND1(SQUALL_DETAIL_EXPAND1(__VA_ARGS__)))
#define SQUALL_DETAIL_EXPAND1(...) __VA_ARGS__
#define SQUALL_DETAIL_FOR_EACH(macro, T, ...) \
  __VA_OPT__(SQUALL_DETAIL_EXPAND(SQUALL_DETAIL_FOR_EACH_STEP(macro, T, __VA_ARGS__)))
#define SQUALL_DETAIL_FOR_EACH_STEP(macro, T, a, ...) \
  macro(T, a) __VA_OPT__(, SQUALL_DETAIL_FOR_EACH_AGAIN SQUALL_DETAIL_PARENS(macro, T, __VA_ARGS__))
#define SQUALL_DETAIL_FOR_EACH_AGAIN() SQUALL_DETAIL_FOR_EACH_STEP
