// Calls, method calls and bound methods.
#include <algorithm>

#include "value/internal.hpp"
#include "value/set_methods.hpp"

namespace squall::rt {
namespace {

constexpr std::string_view kStrMethods[] = {
    "capitalize",   "center",       "count",        "encode",    "endswith",   "find",
    "format",       "index",        "isalnum",      "isalpha",   "isdigit",    "islower",
    "isspace",      "istitle",      "isupper",      "isnumeric", "isdecimal",  "join",
    "ljust",        "lower",        "lstrip",       "partition", "replace",    "rfind",
    "rindex",       "rjust",        "rpartition",   "rsplit",    "rstrip",     "split",
    "splitlines",   "startswith",   "strip",        "swapcase",  "title",      "upper",
    "zfill",        "removeprefix", "removesuffix", "casefold",  "expandtabs", "format_map",
    "isidentifier", "isprintable",  "translate"};
constexpr std::string_view kListMethods[] = {"append", "clear",   "copy",   "count",
                                             "extend", "index",   "insert", "pop",
                                             "remove", "reverse", "sort"};
constexpr std::string_view kTupleMethods[] = {"count", "index"};
constexpr std::string_view kDictMethods[] = {"clear", "copy",       "get",    "items",  "keys",
                                             "pop",   "setdefault", "update", "values", "popitem"};
constexpr std::string_view kSetMethods[] = {"add",
                                            "clear",
                                            "copy",
                                            "difference",
                                            "difference_update",
                                            "discard",
                                            "intersection",
                                            "intersection_update",
                                            "isdisjoint",
                                            "issubset",
                                            "issuperset",
                                            "pop",
                                            "remove",
                                            "symmetric_difference",
                                            "symmetric_difference_update",
                                            "union",
                                            "update"};

template <std::size_t N>
bool in(const std::string_view (&names)[N], std::string_view name) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

}  // namespace

bool has_method(Kind kind, std::string_view name) {
  switch (kind) {
    case Kind::Str:
      return in(kStrMethods, name);
    case Kind::List:
      return in(kListMethods, name);
    case Kind::Tuple:
      return in(kTupleMethods, name);
    case Kind::Dict:
      return in(kDictMethods, name);
    case Kind::Set:
      return in(kSetMethods, name);
    default:
      return false;
  }
}

Value bound_method(const Value& self, std::string_view name) {
  std::string method(name);
  Value f = Value::function(method, [self, method](Args args, KwArgs kwargs) {
    return py::call_method(self, method, args, kwargs);
  });
  f.as_callable().self = self;
  return f;
}

}  // namespace squall::rt

namespace squall::py {

using namespace squall::rt;

// C++ code registered by the program (functions, objects) may throw anything: it leaves
// the call as a squall::Error, so the template's line and `{% try %}` apply to it.
Value call(const Value& f, Args args, KwArgs kwargs) {
  try {
    if (f.is_callable_kind()) return f.as_callable().fn(args, kwargs);
    if (f.is_object()) return f.as_object().call(args, kwargs);
  } catch (...) {
    rethrow_as_error();
  }
  raise("TypeError", quoted_type(f) + " object is not callable");
}

bool is_callable(const Value& v) {
  return v.is_callable_kind() || (v.is_object() && v.as_object().is_callable());
}

Value call_method(const Value& obj, std::string_view name, Args args, KwArgs kwargs) {
  std::optional<Value> r;
  switch (obj.kind()) {
    case Kind::Str:
      r = call_str_method(obj, name, args, kwargs);
      break;
    case Kind::List:
      r = call_list_method(obj, name, args, kwargs);
      break;
    case Kind::Tuple:
      if (has_method(Kind::Tuple, name)) r = call_list_method(obj, name, args, kwargs);
      break;
    case Kind::Dict:
      r = call_dict_method(obj, name, args, kwargs);
      break;
    case Kind::Set:
      if (has_method(Kind::Set, name)) r = call_set_method(obj, name, args, kwargs);
      break;
    case Kind::Object:
      try {
        r = obj.as_object().call_method(name, args, kwargs);
      } catch (...) {
        rethrow_as_error();
      }
      break;
    default:
      break;
  }
  if (r) return std::move(*r);
  return call(getattr(obj, name), args, kwargs);
}

}  // namespace squall::py
