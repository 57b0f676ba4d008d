// The argument binding of typed C++ functions (<squall/typed_function.hpp>) and the C++
// constructors of datetime values: one place for CPython's call-error wording.
#include "value/datetime_types.hpp"
#include "value/internal.hpp"

namespace squall {

namespace detail {
namespace {

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

[[noreturn]] void type_error(std::string message) {
  rt::raise("TypeError", std::move(message));
}

// Positional-only: CPython's _PyArg_CheckPositional and _PyArg_NoKeywords.
void bind_positional_only(const Signature& sig, Args args, KwArgs kwargs) {
  if (!kwargs.empty()) type_error(sig.name + "() takes no keyword arguments");
  if (args.size() >= sig.required && args.size() <= sig.count) return;
  if (sig.count == 0)  // METH_NOARGS
    type_error(sig.name + "() takes no arguments (" + std::to_string(args.size()) + " given)");
  std::string bound;
  std::size_t expected = sig.count;
  if (sig.required != sig.count) {
    const bool too_few = args.size() < sig.required;
    bound = too_few ? "at least " : "at most ";
    expected = too_few ? sig.required : sig.count;
  }
  type_error(sig.name + " expected " + bound + plural(expected, "argument") + ", got " +
             std::to_string(args.size()));
}

// `'x'`, `'x' and 'y'`, `'x', 'y', and 'z'`: CPython's list of missing names.
std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

}  // namespace

void bind_arguments(const Signature& sig, Args args, KwArgs kwargs, const Value** slots) {
  if (sig.params.empty()) {
    bind_positional_only(sig, args, kwargs);
    for (std::size_t i = 0; i < args.size(); ++i) slots[i] = &args[i];
    return;
  }
  // CPython's order: positionals fill the first slots, then each keyword finds its slot,
  // then too many positionals, then the missing ones.
  for (std::size_t i = 0; i < args.size() && i < sig.count; ++i) slots[i] = &args[i];
  for (const KwArg& kw : kwargs) {
    std::size_t i = 0;
    while (i < sig.count && sig.params[i] != kw.name) ++i;
    if (i == sig.count)
      type_error(sig.name + "() got an unexpected keyword argument '" + std::string(kw.name) + "'");
    if (slots[i])
      type_error(sig.name + "() got multiple values for argument '" + sig.params[i] + "'");
    slots[i] = &kw.value;
  }
  if (args.size() > sig.count) {
    const std::string takes = sig.required == sig.count ? std::to_string(sig.count)
                                                        : "from " + std::to_string(sig.required) +
                                                              " to " + std::to_string(sig.count);
    type_error(sig.name + "() takes " + takes + " positional argument" +
               (sig.count == 1 && sig.required == sig.count ? "" : "s") + " but " +
               std::to_string(args.size()) + (args.size() == 1 ? " was" : " were") + " given");
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < sig.required; ++i) {
    if (!slots[i]) missing.push_back(sig.params[i]);
  }
  if (!missing.empty())
    type_error(sig.name + "() missing " + plural(missing.size(), "required positional argument") +
               ": " + name_list(missing));
}

void argument_type_error(const Signature& sig, std::size_t index, std::string_view expected,
                         const Value& got) {
  const std::string which =
      sig.params.empty() ? std::to_string(index + 1) : "'" + sig.params[index] + "'";
  type_error(sig.name + "() argument " + which + " must be " + std::string(expected) + ", not " +
             std::string(py::type_name(got)));
}

}  // namespace detail

Value Value::datetime(int year, int month, int day, int hour, int minute, int second,
                      int microsecond) {
  const rt::DateTime t{year, month, day, hour, minute, second, microsecond, false};
  t.validate();
  return rt::make_datetime(t);
}

Value Value::date(int year, int month, int day) {
  rt::DateTime t;
  t.year = year;
  t.month = month;
  t.day = day;
  t.is_date = true;
  t.validate();
  return rt::make_datetime(t);
}

}  // namespace squall
