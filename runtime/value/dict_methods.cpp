// dict methods and the dict_keys / dict_values / dict_items views.
#include "value/internal.hpp"

namespace squall::rt {
namespace {

enum class ViewKind { Keys, Values, Items };

// DictView is a live view of a dict, like Python's dict_keys/dict_values/dict_items.
class DictView final : public Object {
 public:
  DictView(Value dict, ViewKind kind) : dict_(std::move(dict)), kind_(kind) {}
  std::string_view type_name() const override {
    return kind_ == ViewKind::Keys     ? "dict_keys"
           : kind_ == ViewKind::Values ? "dict_values"
                                       : "dict_items";
  }
  std::optional<std::size_t> len() const override { return dict_.as_dict().size(); }
  std::optional<Value> iter() const override {
    auto pos = std::make_shared<std::size_t>(0);
    Value d = dict_;
    ViewKind k = kind_;
    const std::size_t size = d.as_dict().size();
    return Value::generator([d, k, pos, size]() -> std::optional<Value> {
      const auto& e = d.as_dict().entries();
      if (e.size() != size) raise("RuntimeError", "dictionary changed size during iteration");
      if (*pos >= e.size()) return std::nullopt;
      const auto& [key, value] = e[(*pos)++];
      if (k == ViewKind::Keys) return key;
      if (k == ViewKind::Values) return value;
      return Value::tuple({key, value});
    });
  }
  void append_repr(std::string& out) const override {
    out += type_name();
    out += '(';
    py::append_repr(out, Value::list(elements()));
    out += ')';
  }
  std::optional<bool> eq(const Value& other) const override {
    if (kind_ == ViewKind::Values) return std::nullopt;
    const Value mine = Value::set(elements());
    if (other.is_set()) return py::eq(mine, other);
    const auto* view =
        other.is_object() ? dynamic_cast<const DictView*>(&other.as_object()) : nullptr;
    if (!view || view->kind_ == ViewKind::Values) return false;
    return py::eq(mine, Value::set(view->elements()));
  }

 private:
  std::vector<Value> elements() const {
    std::vector<Value> out;
    Value it = *iter();
    while (auto x = it.as_iterator().next()) out.push_back(std::move(*x));
    return out;
  }
  Value dict_;
  ViewKind kind_;
};

Value make_view(const Value& d, ViewKind k) {
  return Value::adopt(new DictView(d, k));
}

Value dict_get(const Value& self, Args args) {
  check_arity("get", args, 1, 2);
  if (const Value* v = self.as_dict().find(args[0])) return *v;
  return args.size() > 1 ? args[1] : Value();
}

Value dict_pop(const Value& self, Args args) {
  check_arity("pop", args, 1, 2);
  auto& d = self.as_dict();
  if (const Value* v = d.find(args[0])) {
    Value out = *v;
    d.erase(args[0]);
    return out;
  }
  if (args.size() > 1) return args[1];
  raise("KeyError", py::repr(args[0]));
}

Value dict_setdefault(const Value& self, Args args) {
  check_arity("setdefault", args, 1, 2);
  auto& d = self.as_dict();
  if (const Value* v = d.find(args[0])) return *v;
  Value dflt = args.size() > 1 ? args[1] : Value();
  d.set(args[0], dflt);
  return dflt;
}

Value dict_update(const Value& self, Args args, KwArgs kwargs) {
  check_arity("update", args, 0, 1);
  auto& d = self.as_dict();
  if (!args.empty()) {
    if (args[0].is_dict()) {
      for (const auto& [k, v] : args[0].as_dict().entries()) d.set(k, v);
    } else {
      auto it = py::iter(args[0]);
      while (auto pair = it.next()) {
        const auto kv = py::to_vector(*pair);
        if (kv.size() != 2)
          raise("ValueError", "dictionary update sequence element has length " +
                                  std::to_string(kv.size()) + "; 2 is required");
        d.set(kv[0], kv[1]);
      }
    }
  }
  for (const auto& kw : kwargs) d.set(Value(kw.name), kw.value);
  return Value();
}

}  // namespace

std::optional<Value> call_dict_method(const Value& self, std::string_view name, Args args,
                                      KwArgs kwargs) {
  if (!has_method(Kind::Dict, name)) return std::nullopt;
  if (name == "update") return dict_update(self, args, kwargs);
  no_kwargs(name, kwargs);
  if (name == "get") return dict_get(self, args);
  if (name == "pop") return dict_pop(self, args);
  if (name == "setdefault") return dict_setdefault(self, args);
  check_arity(name, args, 0, 0);
  if (name == "items") return make_view(self, ViewKind::Items);
  if (name == "keys") return make_view(self, ViewKind::Keys);
  if (name == "values") return make_view(self, ViewKind::Values);
  if (name == "popitem") return dict_popitem(self);
  if (name == "clear") {
    self.as_dict().clear();
    return Value();
  }
  Value copy = Value::dict();  // "copy"
  for (const auto& [k, v] : self.as_dict().entries()) copy.as_dict().set(k, v);
  return copy;
}

}  // namespace squall::rt
