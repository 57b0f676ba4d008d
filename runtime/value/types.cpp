// Type objects (str, int, float, bool, list, tuple, dict, set, range): constructors for
// calls like `int('3')`, the second argument of isinstance, and unbound methods (`str.lower`).
#include <cmath>

#include "value/internal.hpp"
#include "value/set_methods.hpp"

namespace squall::rt {

std::int64_t float_to_int(double d) {
  if (std::isnan(d)) raise("ValueError", "cannot convert float NaN to integer");
  if (std::isinf(d)) raise("OverflowError", "cannot convert float infinity to integer");
  const double t = std::trunc(d);
  if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) int_overflow();
  return static_cast<std::int64_t>(t);
}

namespace {

Value make_int(Args args, KwArgs kwargs) {
  check_arity("int", args, 0, 2);
  const Value* base = arg(args, kwargs, 1, "base");
  if (args.empty()) return Value(0);
  const Value& x = args[0];
  if (base) {
    if (!x.is_str()) raise("TypeError", "int() can't convert non-string with explicit base");
    return Value(parse_int_literal(x.as_str(), to_index(*base, "base")));
  }
  if (x.is_int() || x.is_bool()) return Value(x.as_int());
  if (x.is_float()) return Value(float_to_int(x.as_float()));
  if (x.is_str()) return Value(parse_int_literal(x.as_str(), 10));
  raise("TypeError", "int() argument must be a string, a bytes-like object or a real number, not " +
                         quoted_type(x));
}

Value make_float(Args args, KwArgs kwargs) {
  check_arity("float", args, 0, 1);
  no_kwargs("float", kwargs);
  if (args.empty()) return Value(0.0);
  const Value& x = args[0];
  if (x.is_number()) return Value(to_double(x));
  if (x.is_str()) return Value(parse_float_literal(x.as_str()));
  raise("TypeError", "float() argument must be a string or a real number, not " + quoted_type(x));
}

Value make_dict(Args args, KwArgs kwargs) {
  check_arity("dict", args, 0, 1);
  Value d = Value::dict();
  py::call_method(d, "update", args, kwargs);
  return d;
}

Value construct(std::string_view name, Args args, KwArgs kwargs) {
  if (name == "int") return make_int(args, kwargs);
  if (name == "float") return make_float(args, kwargs);
  if (name == "dict") return make_dict(args, kwargs);
  if (name == "type") return py::call(*py::builtin("type"), args, kwargs);
  if (name == "slice") return py::call(*py::builtin("slice"), args, kwargs);
  no_kwargs(name, kwargs);
  if (name == "range") {
    check_arity("range", args, 1, 3);
    if (args.size() == 1) return make_range(0, to_index(args[0], "range() arguments"), 1);
    return make_range(to_index(args[0], "range() arguments"),
                      to_index(args[1], "range() arguments"),
                      args.size() > 2 ? to_index(args[2], "range() arguments") : 1);
  }
  check_arity(name, args, 0, 1);
  if (name == "str") return args.empty() ? Value("") : Value(py::str(args[0]));
  if (name == "bool") return Value(!args.empty() && py::truthy(args[0]));
  if (name == "list")
    return Value::list(args.empty() ? std::vector<Value>() : py::to_vector(args[0]));
  if (name == "tuple") {
    if (!args.empty() && args[0].is_tuple()) return args[0];
    return Value::tuple(args.empty() ? std::vector<Value>() : py::to_vector(args[0]));
  }
  if (name == "set" || name == "frozenset") {
    if (name == "frozenset" && !args.empty() && is_frozenset(args[0])) return args[0];
    return args.empty() ? new_set(name == "frozenset") : copy_set(args[0], name == "frozenset");
  }
  raise("TypeError", "cannot create '" + std::string(name) + "' instances");
}

class TypeObject final : public TypeBase {
 public:
  explicit TypeObject(std::string_view name) : TypeBase(name) {}
  Value call(Args args, KwArgs kwargs) const override { return construct(name_, args, kwargs); }
  bool is_instance_of_this(const Value& v) const override {
    const std::string_view t = py::type_name(v);
    if (name_ == "int") return t == "int" || t == "bool";
    if (name_ == "object") return true;
    return t == name_;
  }
  // `str.lower` is a function taking the instance first.
  std::optional<Value> getattr(std::string_view name) const override {
    if (name_ == "str" && name == "maketrans") return Value::function("maketrans", str_maketrans);
    if (name_ == "dict" && name == "fromkeys") return Value::function("fromkeys", dict_fromkeys);
    const Kind k = name_ == "str"                           ? Kind::Str
                   : name_ == "list"                        ? Kind::List
                   : name_ == "dict"                        ? Kind::Dict
                   : name_ == "tuple"                       ? Kind::Tuple
                   : name_ == "set" || name_ == "frozenset" ? Kind::Set
                                                            : Kind::None;
    if (k == Kind::None || !has_method(k, name)) return std::nullopt;
    std::string type(name_), method(name);
    return Value::function(method, [type, method](Args args, KwArgs kwargs) {
      if (args.empty() || py::type_name(args[0]) != type)
        raise("TypeError", "descriptor '" + method + "' for '" + type + "' objects doesn't apply");
      return py::call_method(args[0], method, args.subspan(1), kwargs);
    });
  }
  std::optional<bool> eq(const Value& other) const override {
    if (!other.is_object()) return false;
    auto* t = dynamic_cast<const TypeObject*>(&other.as_object());
    return t && t->name_ == name_;
  }
  std::optional<std::size_t> hash() const override { return std::hash<std::string_view>{}(name_); }
};

}  // namespace

Value generic_type_object(std::string_view interned_name) {
  return Value::adopt(new TypeObject(interned_name));
}

Value type_object(std::string_view name) {
  static constexpr std::string_view kNames[] = {"str",       "int",
                                                "float",     "bool",
                                                "list",      "tuple",
                                                "dict",      "set",
                                                "range",     "object",
                                                "frozenset", "NoneType",
                                                "type",      "builtin_function_or_method",
                                                "generator", "slice",
                                                "function"};
  // Type objects are immutable: one shared instance each, made on first use.
  static const std::vector<Value> kTypes = [] {
    std::vector<Value> out;
    for (std::string_view n : kNames) out.push_back(Value::adopt(new TypeObject(n)));
    return out;
  }();
  for (std::size_t i = 0; i < std::size(kNames); ++i)
    if (kNames[i] == name) return kTypes[i];
  return Value();
}

}  // namespace squall::rt
