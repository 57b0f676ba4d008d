// The str method table: search, replace, join, partition, splitlines and dispatch.
#include <algorithm>
#include <unordered_map>

#include "value/str_methods.hpp"

namespace squall::rt {
namespace {

using Method = Value (*)(const Value& self, Args args, KwArgs kwargs);

// Window is the byte range of `s[start:end]` (Python find/count semantics) and its start in
// code points; `valid` is false when start lies past the end (find returns -1 then).
struct Window {
  std::size_t begin, end;
  std::int64_t cp_begin;
  bool valid;
};

std::int64_t bound(Args args, std::size_t i, std::int64_t dflt) {
  if (args.size() <= i || args[i].is_none()) return dflt;
  return to_index(args[i], "slice indices");
}

Window window(std::string_view s, Args args, std::size_t first) {
  const bool ascii = is_ascii(s);
  const auto n = static_cast<std::int64_t>(ascii ? s.size() : cp_len(s));
  std::int64_t start = bound(args, first, 0), end = bound(args, first + 1, n);
  if (end > n) end = n;
  if (end < 0) end = std::max<std::int64_t>(end + n, 0);
  if (start < 0) start = std::max<std::int64_t>(start + n, 0);
  if (start > n) return {0, 0, 0, false};
  if (end < start) end = start;
  if (ascii) return {std::size_t(start), std::size_t(end), start, true};
  const auto offs = cp_offsets(s);
  return {offs[std::size_t(start)], offs[std::size_t(end)], start, true};
}

std::int64_t cp_index(std::string_view s, const Window& w, std::size_t byte) {
  return w.cp_begin + static_cast<std::int64_t>(cp_len(s.substr(w.begin, byte - w.begin)));
}

Value find_impl(const Value& self, Args args, std::string_view name, bool right) {
  check_arity(name, args, 1, 3);
  const std::string_view s = self.as_str();
  const std::string_view sub = str_arg(args[0], name);
  const Window w = window(s, args, 1);
  std::size_t hit = std::string_view::npos;
  if (w.valid && w.end - w.begin >= sub.size()) {
    const std::string_view hay = s.substr(w.begin, w.end - w.begin);
    hit = right ? hay.rfind(sub) : hay.find(sub);
  }
  if (hit == std::string_view::npos) {
    if (name == "index" || name == "rindex") raise("ValueError", "substring not found");
    return Value(-1);
  }
  return Value(cp_index(s, w, w.begin + hit));
}

Value m_find(const Value& v, Args a, KwArgs) {
  return find_impl(v, a, "find", false);
}
Value m_rfind(const Value& v, Args a, KwArgs) {
  return find_impl(v, a, "rfind", true);
}
Value m_index(const Value& v, Args a, KwArgs) {
  return find_impl(v, a, "index", false);
}
Value m_rindex(const Value& v, Args a, KwArgs) {
  return find_impl(v, a, "rindex", true);
}

Value m_count(const Value& self, Args args, KwArgs) {
  check_arity("count", args, 1, 3);
  const std::string_view s = self.as_str();
  const std::string_view sub = str_arg(args[0], "count");
  const Window w = window(s, args, 1);
  if (!w.valid) return Value(0);
  const std::string_view hay = s.substr(w.begin, w.end - w.begin);
  if (sub.empty()) return Value(static_cast<std::int64_t>(cp_len(hay)) + 1);
  std::int64_t n = 0;
  for (std::size_t pos = hay.find(sub); pos != std::string_view::npos;
       pos = hay.find(sub, pos + sub.size()))
    ++n;
  return Value(n);
}

Value affix_impl(const Value& self, Args args, std::string_view name, bool end) {
  check_arity(name, args, 1, 3);
  const std::string_view s = self.as_str();
  const Window w = window(s, args, 1);
  const std::string_view hay = s.substr(w.begin, w.end - w.begin);
  auto test = [&](const Value& p) {
    if (!p.is_str())
      raise("TypeError", std::string(name) + " first arg must be str or a tuple of str, not " +
                             std::string(py::type_name(p)));
    return w.valid && (end ? hay.ends_with(p.as_str()) : hay.starts_with(p.as_str()));
  };
  if (!args[0].is_tuple()) return Value(test(args[0]));
  for (const auto& p : args[0].as_items())
    if (test(p)) return Value(true);
  return Value(false);
}

Value m_startswith(const Value& v, Args a, KwArgs) {
  return affix_impl(v, a, "startswith", false);
}
Value m_endswith(const Value& v, Args a, KwArgs) {
  return affix_impl(v, a, "endswith", true);
}

Value m_replace(const Value& self, Args args, KwArgs) {
  check_arity("replace", args, 2, 3);
  const std::string_view s = self.as_str();
  const std::string_view from = str_arg(args[0], "replace");
  const std::string_view to = str_arg(args[1], "replace");
  std::int64_t count = bound(args, 2, -1);
  std::string out;
  if (from.empty()) {  // insert `to` before every code point and at the end
    const auto offs = cp_offsets(s);
    for (std::size_t i = 0; i + 1 < offs.size() + 1; ++i) {
      if (count != 0) {  // a negative count means every place
        out += to;
        if (count > 0) --count;
      }
      if (i + 1 < offs.size()) out.append(s, offs[i], offs[i + 1] - offs[i]);
    }
    return Value(std::move(out));
  }
  std::size_t pos = 0;
  while (count-- != 0) {
    const std::size_t hit = s.find(from, pos);
    if (hit == std::string_view::npos) break;
    out.append(s, pos, hit - pos);
    out += to;
    pos = hit + from.size();
  }
  out.append(s, pos);
  return Value(std::move(out));
}

Value m_join(const Value& self, Args args, KwArgs) {
  check_arity("join", args, 1, 1);
  std::string out;
  auto it = py::iter(args[0]);
  std::size_t i = 0;
  while (auto x = it.next()) {
    if (!x->is_str())
      raise("TypeError", "sequence item " + std::to_string(i) + ": expected str instance, " +
                             std::string(py::type_name(*x)) + " found");
    if (i++) out += self.as_str();
    out += x->as_str();
  }
  return Value(std::move(out));
}

Value partition_impl(const Value& self, Args args, std::string_view name, bool right) {
  check_arity(name, args, 1, 1);
  const std::string_view s = self.as_str();
  const std::string_view sep = str_arg(args[0], name);
  if (sep.empty()) raise("ValueError", "empty separator");
  const std::size_t hit = right ? s.rfind(sep) : s.find(sep);
  if (hit == std::string_view::npos) {
    return right ? Value::tuple({Value(""), Value(""), self})
                 : Value::tuple({self, Value(""), Value("")});
  }
  return Value::tuple({Value(s.substr(0, hit)), args[0], Value(s.substr(hit + sep.size()))});
}

Value m_partition(const Value& v, Args a, KwArgs) {
  return partition_impl(v, a, "partition", false);
}
Value m_rpartition(const Value& v, Args a, KwArgs) {
  return partition_impl(v, a, "rpartition", true);
}

// Line boundaries of str.splitlines: \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
std::size_t line_break_length(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == '\r') return i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
  if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e)) return 1;
  if (s.substr(i, 2) == "\xc2\x85") return 2;
  if (s.substr(i, 3) == "\xe2\x80\xa8" || s.substr(i, 3) == "\xe2\x80\xa9") return 3;
  return 0;
}

Value m_splitlines(const Value& self, Args args, KwArgs kwargs) {
  check_arity("splitlines", args, 0, 1);
  const Value* keep = arg(args, kwargs, 0, "keepends");
  const bool keepends = keep && py::truthy(*keep);
  const std::string_view s = self.as_str();
  std::vector<Value> out;
  std::size_t start = 0, i = 0;
  while (i < s.size()) {
    const std::size_t n = line_break_length(s, i);
    if (n == 0) {
      ++i;
      continue;
    }
    out.emplace_back(s.substr(start, (keepends ? i + n : i) - start));
    i += n;
    start = i;
  }
  if (start < s.size()) out.emplace_back(s.substr(start));
  return Value::list(std::move(out));
}

std::int64_t maxsplit_arg(Args args, KwArgs kwargs) {
  const Value* m = arg(args, kwargs, 1, "maxsplit");
  return m ? to_index(*m, "maxsplit") : -1;
}

Value m_split(const Value& v, Args a, KwArgs k) {
  check_arity("split", a, 0, 2);
  return str_split(v.as_str(), arg(a, k, 0, "sep"), maxsplit_arg(a, k), false);
}
Value m_rsplit(const Value& v, Args a, KwArgs k) {
  check_arity("rsplit", a, 0, 2);
  return str_split(v.as_str(), arg(a, k, 0, "sep"), maxsplit_arg(a, k), true);
}

Value strip_impl(const Value& v, Args a, std::string_view name, bool l, bool r) {
  check_arity(name, a, 0, 1);
  return str_strip(v.as_str(), a.empty() ? nullptr : &a[0], l, r, name);
}
Value m_strip(const Value& v, Args a, KwArgs) {
  return strip_impl(v, a, "strip", true, true);
}
Value m_lstrip(const Value& v, Args a, KwArgs) {
  return strip_impl(v, a, "lstrip", true, false);
}
Value m_rstrip(const Value& v, Args a, KwArgs) {
  return strip_impl(v, a, "rstrip", false, true);
}

Value m_format(const Value& v, Args a, KwArgs k) {
  return Value(py::str_format(v.as_str(), a, k));
}
Value m_upper(const Value& v, Args, KwArgs) {
  return str_upper(v.as_str());
}
Value m_lower(const Value& v, Args, KwArgs) {
  return str_lower(v.as_str());
}
Value m_casefold(const Value& v, Args, KwArgs) {
  return str_casefold(v.as_str());
}
Value m_swapcase(const Value& v, Args, KwArgs) {
  return str_swapcase(v.as_str());
}
Value m_title(const Value& v, Args, KwArgs) {
  return str_title(v.as_str());
}
Value m_capitalize(const Value& v, Args, KwArgs) {
  return str_capitalize(v.as_str());
}
Value m_center(const Value& v, Args a, KwArgs) {
  return str_pad("center", v.as_str(), a);
}
Value m_ljust(const Value& v, Args a, KwArgs) {
  return str_pad("ljust", v.as_str(), a);
}
Value m_rjust(const Value& v, Args a, KwArgs) {
  return str_pad("rjust", v.as_str(), a);
}
Value m_zfill(const Value& v, Args a, KwArgs) {
  return str_pad("zfill", v.as_str(), a);
}
// There is no bytes type: encode() returns the (UTF-8) text unchanged. See docs/runtime.md.
Value m_encode(const Value& v, Args a, KwArgs) {
  check_arity("encode", a, 0, 2);
  return v;
}

Value affix_remove(const Value& v, Args a, std::string_view name, bool prefix) {
  check_arity(name, a, 1, 1);
  const std::string_view s = v.as_str(), x = str_arg(a[0], name);
  if (prefix && s.starts_with(x)) return Value(s.substr(x.size()));
  if (!prefix && s.ends_with(x) && !x.empty()) return Value(s.substr(0, s.size() - x.size()));
  return v;
}
Value m_removeprefix(const Value& v, Args a, KwArgs) {
  return affix_remove(v, a, "removeprefix", true);
}
Value m_removesuffix(const Value& v, Args a, KwArgs) {
  return affix_remove(v, a, "removesuffix", false);
}

Value m_expandtabs(const Value& v, Args a, KwArgs k) {
  const Value* t = arg(a, k, 0, "tabsize");
  const std::int64_t size = t ? to_index(*t, "tabsize") : 8;
  std::u32string out;
  std::int64_t col = 0;
  for (char32_t c : decode_all(v.as_str())) {
    if (c == U'\t') {
      const std::int64_t n = size > 0 ? size - col % size : 0;
      limits::check_string(4, out.size() + static_cast<std::uint64_t>(n));
      out.append(static_cast<std::size_t>(n), U' ');
      col += n;
    } else {
      out += c;
      col = (c == U'\n' || c == U'\r') ? 0 : col + 1;
    }
  }
  return Value(encode_all(out));
}

const std::unordered_map<std::string_view, Method>& table() {
  static const std::unordered_map<std::string_view, Method> t = {
      {"find", m_find},
      {"rfind", m_rfind},
      {"index", m_index},
      {"rindex", m_rindex},
      {"count", m_count},
      {"startswith", m_startswith},
      {"endswith", m_endswith},
      {"replace", m_replace},
      {"join", m_join},
      {"partition", m_partition},
      {"rpartition", m_rpartition},
      {"splitlines", m_splitlines},
      {"split", m_split},
      {"rsplit", m_rsplit},
      {"strip", m_strip},
      {"lstrip", m_lstrip},
      {"rstrip", m_rstrip},
      {"format", m_format},
      {"upper", m_upper},
      {"lower", m_lower},
      {"casefold", m_casefold},
      {"swapcase", m_swapcase},
      {"title", m_title},
      {"capitalize", m_capitalize},
      {"center", m_center},
      {"ljust", m_ljust},
      {"rjust", m_rjust},
      {"zfill", m_zfill},
      {"encode", m_encode},
      {"removeprefix", m_removeprefix},
      {"removesuffix", m_removesuffix},
      {"expandtabs", m_expandtabs},
  };
  return t;
}

bool takes_no_args(std::string_view name) {
  return name == "upper" || name == "lower" || name == "casefold" || name == "swapcase" ||
         name == "title" || name == "capitalize";
}

// Methods that accept keyword arguments; the others raise TypeError on any.
bool takes_kwargs(std::string_view name) {
  return name == "format" || name == "split" || name == "rsplit" || name == "splitlines" ||
         name == "expandtabs" || name == "encode";
}

}  // namespace

std::optional<Value> call_str_method(const Value& self, std::string_view name, Args args,
                                     KwArgs kwargs) {
  if (!name.starts_with("is")) {
  } else if (auto p = str_predicate(name, self.as_str())) {
    if (!args.empty())
      raise("TypeError", "str." + std::string(name) + "() takes no arguments (" +
                             std::to_string(args.size()) + " given)");
    return Value(*p);
  }
  if (auto r = call_str_extra(self, name, args, kwargs)) return r;
  const auto& t = table();
  auto it = t.find(name);
  if (it == t.end()) return std::nullopt;
  if (!takes_kwargs(name)) no_kwargs(name, kwargs);
  if (takes_no_args(name) && !args.empty())
    raise("TypeError", "str." + std::string(name) + "() takes no arguments (" +
                           std::to_string(args.size()) + " given)");
  return it->second(self, args, kwargs);
}

}  // namespace squall::rt
