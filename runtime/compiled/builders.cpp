// Argument and display builders for calls and displays with `*` / `**` unpacking; the
// unpacking rules themselves are render::append_star_args / append_double_star.
#include "squall/detail/compiled.hpp"

namespace squall::rt {

CallArgs&& CallArgs::pos(Value v) && {
  args_.push_back(std::move(v));
  return std::move(*this);
}

CallArgs&& CallArgs::star(const Value& iterable) && {
  render::append_star_args(args_, iterable);
  return std::move(*this);
}

CallArgs&& CallArgs::kw(std::string_view name, Value v) && {
  kwargs_.push_back(KwArg{name, std::move(v)});
  return std::move(*this);
}

CallArgs&& CallArgs::double_star(const Value& mapping) && {
  mappings_.push_back(mapping);
  render::append_double_star(kwargs_, mappings_.back());
  return std::move(*this);
}

Value call(const DynamicCall& c) {
  return py::call(c.target, c.args.args(), c.args.kwargs());
}

Value call_method(std::string_view name, const DynamicCall& c) {
  return py::call_method(c.target, name, c.args.args(), c.args.kwargs());
}

Value make_dict(std::initializer_list<Value> keys_and_values) {
  Value d = Value::dict();
  for (auto it = keys_and_values.begin(); it != keys_and_values.end(); it += 2) {
    py::setitem(d, it[0], it[1]);
  }
  return d;
}

Items&& Items::add(Value v) && {
  items_.push_back(std::move(v));
  return std::move(*this);
}

Items&& Items::extend(const Value& iterable) && {
  render::append_star_args(items_, iterable);
  return std::move(*this);
}

Items&& Items::pairs(std::initializer_list<Value> keys_and_values) && {
  if (dict_.is_none()) dict_ = Value::dict();
  for (auto it = keys_and_values.begin(); it != keys_and_values.end(); it += 2) {
    py::setitem(dict_, it[0], it[1]);
  }
  return std::move(*this);
}

Items&& Items::merge(const Value& mapping) && {
  if (dict_.is_none()) dict_ = Value::dict();
  render::dict_merge(dict_, mapping);
  return std::move(*this);
}

Value Items::list() && {
  return Value::list(std::move(items_));
}
Value Items::tuple() && {
  return Value::tuple(std::move(items_));
}
Value Items::set() && {
  return Value::set(std::move(items_));
}
Value Items::dict() && {
  return dict_.is_none() ? Value::dict() : std::move(dict_);
}

void add_item(Value& container, Value item) {
  if (container.is_list()) {
    container.as_items().push_back(std::move(item));
  } else {
    py::call_method(container, "add", Args(&item, 1));
  }
}

void add_entry(Value& dict, Entry entry) {
  py::setitem(dict, entry.key, std::move(entry.value));
}

}  // namespace squall::rt
