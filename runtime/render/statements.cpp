// Statement semantics shared by both back ends: import, unpacking, `*`/`**` arguments.
#include "squall/detail/render.hpp"
#include "squall/namespace.hpp"
#include "squall/py.hpp"

namespace squall::render {
namespace {

[[noreturn]] void no_module(std::string_view name) {
  throw_error("ModuleNotFoundError", "No module named '" + std::string(name) + "'");
}

std::optional<Value> find_module(std::string_view name, const Namespace* registered) {
  if (registered) {
    if (const Value* v = registered->find(name)) return *v;
  }
  return py::module(name);
}

}  // namespace

Value import_module(std::string_view dotted, bool bind_top, const Namespace* registered) {
  // Python imports every prefix of a dotted name, so the first missing one is named.
  for (std::size_t dot = dotted.find('.'); dot != std::string_view::npos;
       dot = dotted.find('.', dot + 1)) {
    if (!find_module(dotted.substr(0, dot), registered)) no_module(dotted.substr(0, dot));
  }
  auto module = find_module(dotted, registered);
  if (!module) no_module(dotted);
  if (!bind_top) return *module;
  return *find_module(dotted.substr(0, dotted.find('.')), registered);
}

Value import_from(std::string_view module, std::string_view name, const Namespace* registered) {
  const Value m = import_module(module, false, registered);
  if (auto v = py::getattr_opt(m, name)) return *v;
  if (auto sub = find_module(std::string(module) + "." + std::string(name), registered))
    return *sub;
  throw_error("ImportError", "cannot import name '" + std::string(name) + "' from '" +
                                 std::string(module) + "' (unknown location)");
}

std::vector<Value> unpack(const Value& value, std::size_t count, std::optional<std::size_t> star) {
  std::optional<py::Iterator> it;
  try {
    it.emplace(py::iter(value));
  } catch (const Error& e) {
    if (e.type() != "TypeError") throw;
    py::raise_type_error("cannot unpack non-iterable " + std::string(py::type_name(value)) +
                         " object");
  }
  std::vector<Value> items;
  // Without a star target CPython stops after one item too many.
  while (star || items.size() <= count) {
    auto next = it->next();
    if (!next) break;
    items.push_back(std::move(*next));
  }
  if (!star) {
    if (items.size() > count) {
      py::raise_value_error("too many values to unpack (expected " + std::to_string(count) + ")");
    }
    if (items.size() < count) {
      py::raise_value_error("not enough values to unpack (expected " + std::to_string(count) +
                            ", got " + std::to_string(items.size()) + ")");
    }
    return items;
  }
  const std::size_t fixed = count - 1;
  if (items.size() < fixed) {
    py::raise_value_error("not enough values to unpack (expected at least " +
                          std::to_string(fixed) + ", got " + std::to_string(items.size()) + ")");
  }
  const std::size_t after = fixed - *star;
  std::vector<Value> out(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(*star));
  std::vector<Value> rest(items.begin() + static_cast<std::ptrdiff_t>(*star),
                          items.end() - static_cast<std::ptrdiff_t>(after));
  out.push_back(Value::list(std::move(rest)));
  out.insert(out.end(), items.end() - static_cast<std::ptrdiff_t>(after), items.end());
  return out;
}

void unbind_local(std::optional<Value>& slot, std::string_view name) {
  if (!slot) raise_unbound_local(name);
  slot.reset();
}

void append_star_args(std::vector<Value>& out, const Value& value) {
  if (value.is_list() || value.is_tuple()) {
    const auto& items = value.as_items();
    out.insert(out.end(), items.begin(), items.end());
    return;
  }
  try {
    auto it = py::iter(value);
    while (auto x = it.next()) out.push_back(std::move(*x));
  } catch (const Error& e) {
    if (e.type() != "TypeError" || py::is_callable(value)) throw;
    py::raise_type_error("Value after * must be an iterable, not " +
                         std::string(py::type_name(value)));
  }
}

void dict_merge(Value& dict, const Value& mapping) {
  if (!mapping.is_dict()) {
    py::raise_type_error("'" + std::string(py::type_name(mapping)) + "' object is not a mapping");
  }
  auto& out = dict.as_dict();
  for (const auto& [key, value] : mapping.as_dict().entries()) out.set(key, value);
}

void append_double_star(std::vector<KwArg>& out, const Value& mapping) {
  if (!mapping.is_dict()) {
    py::raise_type_error("argument after ** must be a mapping, not " +
                         std::string(py::type_name(mapping)));
  }
  for (const auto& [key, value] : mapping.as_dict().entries()) {
    if (!key.is_str()) py::raise_type_error("keywords must be strings");
    out.push_back(KwArg{key.as_str(), value});
  }
}

}  // namespace squall::render
