// Builtins about types and objects: type, issubclass, hash, print, slice, `x.__class__`,
// `T.__name__`, and the methods of str, dict and range that are not in their own tables
// (str.format_map/translate/maketrans, dict.fromkeys/popitem, range.index/count).
#include <mutex>
#include <set>

#include "value/builtins.hpp"
#include "value/set_methods.hpp"
#include "value/set_table.hpp"

namespace squall::rt {
namespace {

// Type objects made for Object kinds without their own (their names live here for good).
std::string_view interned(std::string_view name) {
  static std::mutex mu;
  static std::set<std::string, std::less<>> names;
  std::lock_guard<std::mutex> lock(mu);
  return *names.emplace(name).first;
}

class SliceObject final : public Object {
 public:
  SliceObject(Value start, Value stop, Value step)
      : parts_{std::move(start), std::move(stop), std::move(step)} {}
  std::string_view type_name() const override { return "slice"; }
  std::optional<Value> getattr(std::string_view name) const override {
    if (name == "start") return parts_[0];
    if (name == "stop") return parts_[1];
    if (name == "step") return parts_[2];
    return std::nullopt;
  }
  void append_repr(std::string& out) const override {
    out += "slice(";
    for (std::size_t i = 0; i < 3; ++i) {
      if (i) out += ", ";
      py::append_repr(out, parts_[i]);
    }
    out += ')';
  }
  std::optional<bool> eq(const Value& other) const override {
    const auto* o =
        other.is_object() ? dynamic_cast<const SliceObject*>(&other.as_object()) : nullptr;
    return o && py::eq(Value::tuple({parts_[0], parts_[1], parts_[2]}),
                       Value::tuple({o->parts_[0], o->parts_[1], o->parts_[2]}));
  }
  const std::array<Value, 3>& parts() const { return parts_; }

 private:
  std::array<Value, 3> parts_;
};

Value b_type(Args a, KwArgs k) {
  no_kwargs("type", k);
  if (a.size() != 1) raise("TypeError", "type() takes 1 or 3 arguments");
  return type_of(a[0]);
}

const TypeBase* as_type(const Value& v) {
  return v.is_object() ? dynamic_cast<const TypeBase*>(&v.as_object()) : nullptr;
}

bool subclass_of(const TypeBase& cls, const Value& base) {
  if (base.is_tuple()) {
    for (const Value& b : base.as_items()) {
      if (subclass_of(cls, b)) return true;
    }
    return false;
  }
  const TypeBase* b = as_type(base);
  if (!b) raise("TypeError", "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  const std::string_view c = cls.name(), p = b->name();
  if (c == p || p == "object" || (c == "bool" && p == "int")) return true;
  return !exception_type(c).is_none() && !exception_type(p).is_none() && exception_subclass(c, p);
}

Value b_issubclass(Args a, KwArgs k) {
  check_arity("issubclass", a, 2, 2);
  no_kwargs("issubclass", k);
  const TypeBase* cls = as_type(a[0]);
  if (!cls) raise("TypeError", "issubclass() arg 1 must be a class");
  return Value(subclass_of(*cls, a[1]));
}

Value b_hash(Args a, KwArgs k) {
  check_arity("hash", a, 1, 1);
  no_kwargs("hash", k);
  return Value(detail::cpython_hash(a[0]));
}

// print writes to the process's stdout in Python; a template has no use for that, so Squall
// writes nowhere (the arguments are still converted, as print would).
Value b_print(Args a, KwArgs) {
  for (const Value& x : a) py::str(x);
  return Value();
}

Value b_slice(Args a, KwArgs k) {
  check_arity("slice", a, 1, 3);
  no_kwargs("slice", k);
  if (a.size() == 1) return Value::adopt(new SliceObject(Value(), a[0], Value()));
  return Value::adopt(new SliceObject(a[0], a[1], a.size() > 2 ? a[2] : Value()));
}

std::int64_t mod_pow(std::int64_t base, std::int64_t exp, std::int64_t mod) {
  const __int128 m = mod < 0 ? -static_cast<__int128>(mod) : mod;
  __int128 b = base % m;
  if (b < 0) b += m;
  if (exp < 0) {
    // The inverse by the extended Euclidean algorithm (Python 3.8+).
    __int128 t = 0, new_t = 1, r = m, new_r = b;
    while (new_r != 0) {
      const __int128 q = r / new_r;
      t -= q * new_t, std::swap(t, new_t);
      r -= q * new_r, std::swap(r, new_r);
    }
    if (r != 1) raise("ValueError", "base is not invertible for the given modulus");
    b = t < 0 ? t + m : t;
    exp = -exp;
  }
  __int128 result = 1 % m;
  for (; exp > 0; exp >>= 1) {
    if (exp & 1) result = result * b % m;
    b = b * b % m;
  }
  // Python's result takes the sign of the modulus.
  if (mod < 0 && result != 0) result -= m;
  return static_cast<std::int64_t>(result);
}

Value b_pow_mod(Args a, KwArgs k) {
  no_kwargs("pow", k);
  check_arity("pow", a, 2, 3);
  if (a.size() == 2 || a[2].is_none()) return py::pow(a[0], a[1]);
  const auto intlike = [](const Value& v) { return v.is_int() || v.is_bool(); };
  if (!intlike(a[0]) || !intlike(a[1]) || !intlike(a[2]))
    raise("TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
  if (a[2].as_int() == 0) raise("ValueError", "pow() 3rd argument cannot be 0");
  return Value(mod_pow(a[0].as_int(), a[1].as_int(), a[2].as_int()));
}

Value b_zip_strict(Args a, KwArgs k) {
  const Value* strict = kwarg(k, "strict");
  if (k.size() > (strict ? 1u : 0u)) raise("TypeError", "zip() takes no keyword arguments");
  if (!strict || !py::truthy(*strict)) return rt::b_zip(a, {});
  auto its = std::make_shared<std::vector<py::Iterator>>();
  for (const auto& x : a) its->push_back(py::iter(x));
  const auto args_before = [](std::size_t i) {
    return i > 1 ? "s 1-" + std::to_string(i) : std::string(" 1");
  };
  return Value::generator([its, args_before]() -> std::optional<Value> {
    if (its->empty()) return std::nullopt;
    std::vector<Value> row;
    for (std::size_t i = 0; i < its->size(); ++i) {
      if (auto x = (*its)[i].next()) {
        row.push_back(std::move(*x));
        continue;
      }
      if (i > 0)
        raise("ValueError", "zip() argument " + std::to_string(i + 1) +
                                " is shorter than argument" + args_before(i));
      for (std::size_t j = 1; j < its->size(); ++j) {
        if ((*its)[j].next())
          raise("ValueError", "zip() argument " + std::to_string(j + 1) +
                                  " is longer than argument" + args_before(j));
      }
      return std::nullopt;
    }
    return Value::tuple(std::move(row));
  });
}

}  // namespace

Value type_of(const Value& v) {
  switch (v.kind()) {
    case Kind::None:
      return type_object("NoneType");
    case Kind::Callable:
    case Kind::Iterator:
      return type_object(py::type_name(v));
    case Kind::Object: {
      const Object& o = v.as_object();
      if (o.is_type()) return type_object("type");
      if (Value t = exception_type(o.type_name()); !t.is_none()) return t;
      if (Value t = type_object(o.type_name()); !t.is_none()) return t;
      return generic_type_object(interned(o.type_name()));
    }
    default:
      return type_object(py::type_name(v));
  }
}

std::optional<Value> getattr_special(const Value& v, std::string_view name) {
  if (name == "__class__") return type_of(v);
  if (name == "__name__") {
    if (const TypeBase* t = as_type(v)) return Value(t->name());
  }
  if ((name == "index" || name == "count") && range_parts(v)) {
    const Value self = v;
    const std::string method(name);
    return Value::function(method, [self, method](Args a, KwArgs k) {
      check_arity(method, a, 1, 1);
      no_kwargs(method, k);
      const bool in = py::contains(self, a[0]);
      if (method == "count") return Value(in ? 1 : 0);
      if (!in) raise("ValueError", py::repr(a[0]) + " is not in range");
      const auto [start, stop, step] = *range_parts(self);
      (void)stop;
      return Value((a[0].as_int() - start) / step);
    });
  }
  return std::nullopt;
}

std::optional<std::array<Value, 3>> slice_parts(const Value& v) {
  if (!v.is_object()) return std::nullopt;
  if (const auto* s = dynamic_cast<const SliceObject*>(&v.as_object())) return s->parts();
  return std::nullopt;
}

void add_type_builtins(std::unordered_map<std::string, Value>& table) {
  const std::pair<const char*, Value (*)(Args, KwArgs)> fns[] = {
      {"type", b_type},   {"issubclass", b_issubclass}, {"hash", b_hash},      {"print", b_print},
      {"slice", b_slice}, {"pow", b_pow_mod},           {"zip", b_zip_strict},
  };
  for (const auto& [name, fn] : fns) table.insert_or_assign(name, Value::function(name, fn));
}

Value str_maketrans(Args a, KwArgs k) {
  no_kwargs("maketrans", k);
  check_arity("maketrans", a, 1, 3);
  Value table = Value::dict();
  auto& d = table.as_dict();
  if (a.size() == 1) {
    if (!a[0].is_dict())
      raise("TypeError", "if you give only one argument to maketrans it must be a dict");
    for (const auto& [key, value] : a[0].as_dict().entries()) {
      if (key.is_str()) {
        const std::u32string cps = decode_all(key.as_str());
        if (cps.size() != 1)
          raise("ValueError", "string keys in translate table must be of length 1");
        d.set(Value(static_cast<std::int64_t>(cps[0])), value);
      } else if (key.is_int()) {
        d.set(key, value);
      } else {
        raise("TypeError", "keys in translate table must be strings or integers");
      }
    }
    return table;
  }
  const std::u32string from = decode_all(str_arg(a[0], "maketrans"));
  const std::u32string to = decode_all(str_arg(a[1], "maketrans"));
  if (from.size() != to.size())
    raise("ValueError", "the first two maketrans arguments must have equal length");
  for (std::size_t i = 0; i < from.size(); ++i)
    d.set(Value(static_cast<std::int64_t>(from[i])), Value(static_cast<std::int64_t>(to[i])));
  if (a.size() > 2) {
    for (char32_t c : decode_all(str_arg(a[2], "maketrans")))
      d.set(Value(static_cast<std::int64_t>(c)), Value());
  }
  return table;
}

std::optional<Value> call_str_extra(const Value& self, std::string_view name, Args args,
                                    KwArgs kwargs) {
  if (name == "format_map") {
    no_kwargs(name, kwargs);
    check_arity(name, args, 1, 1);
    const Value mapping = args[0];
    // format(**mapping) looks names up in the mapping itself, so KeyError names the key.
    std::vector<KwArg> kw;
    if (mapping.is_dict()) {
      for (const auto& [key, value] : mapping.as_dict().entries()) {
        if (key.is_str()) kw.push_back({key.as_str(), value});
      }
    }
    return py::call_method(self, "format", {}, kw);
  }
  if (name == "translate") {
    no_kwargs(name, kwargs);
    check_arity(name, args, 1, 1);
    std::string out;
    for (char32_t c : decode_all(self.as_str())) {
      std::optional<Value> to;
      try {
        to = py::getitem(args[0], Value(static_cast<std::int64_t>(c)));
      } catch (const Error& e) {
        if (e.type() != "LookupError" && e.type() != "KeyError" && e.type() != "IndexError") throw;
      }
      if (!to) {
        out += encode_all(std::u32string(1, c));
      } else if (to->is_str()) {
        out += to->as_str();
      } else if (to->is_int()) {
        const std::int64_t cp = to->as_int();
        if (cp < 0 || cp > 0x10FFFF)
          raise("ValueError", "character mapping must be in range(0x110000)");
        out += encode_all(std::u32string(1, static_cast<char32_t>(cp)));
      } else if (!to->is_none()) {
        raise("TypeError", "character mapping must return integer, None or str");
      }
    }
    return Value(std::move(out));
  }
  return std::nullopt;
}

Value dict_fromkeys(Args a, KwArgs k) {
  no_kwargs("fromkeys", k);
  check_arity("fromkeys", a, 1, 2);
  Value d = Value::dict();
  const Value fill = a.size() > 1 ? a[1] : Value();
  auto it = py::iter(a[0]);
  while (auto key = it.next()) d.as_dict().set(std::move(*key), fill);
  return d;
}

Value dict_popitem(const Value& self) {
  auto& entries = self.as_dict().entries();
  if (entries.empty()) raise("KeyError", "'popitem(): dictionary is empty'");
  const auto [key, value] = entries.back();
  self.as_dict().erase(key);
  return Value::tuple({key, value});
}

}  // namespace squall::rt
