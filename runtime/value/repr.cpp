// str() and repr() of Values, byte-identical to CPython.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "squall/detail/unicode.hpp"
#include "squall/py.hpp"
#include "value/internal.hpp"
#include "value/set_table.hpp"
#include "value/unicode_tables.hpp"

namespace squall::rt {

bool is_printable(char32_t cp) {
  return (cp >= 0x20 && cp < 0x7F) || !in_ranges(kNonPrintable, kNonPrintableCount, cp);
}

void append_int(std::string& out, std::int64_t i) {
  py::append_int(out, i);
}

// Python repr: shortest round-trip digits; exponent form when exp < -4 or exp >= 16.
void append_float_repr(std::string& out, double d) {
  if (std::isnan(d)) return void(out += "nan");
  if (std::isinf(d)) return void(out += d < 0 ? "-inf" : "inf");
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf));
  if (sci.front() == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  const std::size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e))
    if (c != '.') digits += c;
  int exp = 0;
  std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+'), sci.data() + sci.size(), exp);
  const int n = static_cast<int>(digits.size());
  if (exp < -4 || exp >= 16) {
    out += digits[0];
    if (n > 1) (out += '.').append(digits, 1);
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    out += ebuf;
  } else if (exp < 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-exp - 1), '0');
    out += digits;
  } else if (exp + 1 >= n) {
    out += digits;
    out.append(static_cast<std::size_t>(exp + 1 - n), '0');
    out += ".0";
  } else {
    out.append(digits, 0, static_cast<std::size_t>(exp + 1));
    (out += '.').append(digits, static_cast<std::size_t>(exp + 1));
  }
}

namespace {

void append_escaped_cp(std::string& out, char32_t cp) {
  char buf[12];
  if (cp < 0x100) {
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
  } else if (cp < 0x10000) {
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
  } else {
    std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
  }
  out += buf;
}

}  // namespace

std::string ascii_repr(const Value& v) {
  const std::string r = py::repr(v);
  std::string out;
  std::size_t pos = 0;
  while (pos < r.size()) {
    auto d = detail::decode_utf8(r, pos);
    if (d && d->code_point >= 0x80) {
      append_escaped_cp(out, d->code_point);
      pos += d->length;
    } else {
      out += r[pos++];
    }
  }
  return out;
}

void append_str_repr(std::string& out, std::string_view s) {
  const bool has_single = s.find('\'') != std::string_view::npos;
  const bool has_double = s.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  out += quote;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      ++pos;
      if (c == quote || c == '\\') {
        (out += '\\') += static_cast<char>(c);
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c < 0x20 || c == 0x7F) {
        append_escaped_cp(out, c);
      } else {
        out += static_cast<char>(c);
      }
      continue;
    }
    auto d = detail::decode_utf8(s, pos);
    if (!d) {
      if (const auto surrogate = detail::surrogate_at(s, pos)) {  // chr(0xD800)
        append_escaped_cp(out, *surrogate);
        pos += 3;
        continue;
      }
      // not valid UTF-8: Python would hold a surrogate escape; show the byte
      append_escaped_cp(out, c);
      ++pos;
      continue;
    }
    if (is_printable(d->code_point)) {
      out.append(s, pos, d->length);
    } else {
      append_escaped_cp(out, d->code_point);
    }
    pos += d->length;
  }
  out += quote;
}

namespace {

void append_seq(std::string& out, const std::vector<Value>& items, char open, char close,
                bool tuple) {
  out += open;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    py::append_repr(out, items[i]);
  }
  if (tuple && items.size() == 1) out += ',';
  out += close;
}

void append_dict(std::string& out, const detail::DictData& d) {
  out += '{';
  bool first = true;
  for (const auto& [k, v] : d.entries()) {
    if (!first) out += ", ";
    first = false;
    py::append_repr(out, k);
    out += ": ";
    py::append_repr(out, v);
  }
  out += '}';
}

void append_set(std::string& out, const detail::DictData& d) {
  const bool frozen = d.set_table()->frozen;
  if (d.size() == 0) return void(out += frozen ? "frozenset()" : "set()");
  if (frozen) out += "frozenset(";
  out += '{';
  bool first = true;
  for (const auto& kv : d.entries()) {
    if (!first) out += ", ";
    first = false;
    py::append_repr(out, kv.first);
  }
  out += '}';
  if (frozen) out += ')';
}

void append_callable(std::string& out, const detail::CallableData& c) {
  if (c.self.is_none()) {
    out += "<built-in function " + c.name + ">";
  } else {
    out += "<built-in method " + c.name + " of " + std::string(py::type_name(c.self)) + " object>";
  }
}

// ReprGuard tracks the mutable containers being printed on this thread.
class ReprGuard {
 public:
  explicit ReprGuard(const Value& v) : key_(v.heap_identity()) {
    for (const void* p : active_)
      if (p == key_) recursive_ = true;
    if (!recursive_) active_.push_back(key_);
  }
  ~ReprGuard() {
    if (!recursive_) active_.pop_back();
  }
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  bool recursive() const { return recursive_; }

 private:
  static thread_local std::vector<const void*> active_;
  const void* key_;
  bool recursive_ = false;
  DepthGuard depth_;
};

thread_local std::vector<const void*> ReprGuard::active_;

}  // namespace
}  // namespace squall::rt

namespace squall::py {

using namespace squall::rt;

std::size_t write_int(char* dest, std::int64_t i) {
  // Digits two at a time from a table, written backwards from the end, whose place is known
  // once the digits are counted (the hottest path of `{{ number }}`).
  static constexpr char kPairs[] =
      "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243"
      "4445464748495051525354555657585960616263646566676869707172737475767778798081828384858687"
      "888990919293949596979899";
  // Counts, scores and indexes are mostly below 100: one or two digits, nothing to count.
  if (static_cast<std::uint64_t>(i) < 10) {
    dest[0] = static_cast<char>('0' + i);
    return 1;
  }
  if (static_cast<std::uint64_t>(i) < 100) {
    dest[0] = kPairs[i * 2];
    dest[1] = kPairs[i * 2 + 1];
    return 2;
  }
  // Years, prices and ids: three or four digits.
  if (static_cast<std::uint64_t>(i) < 10000) {
    const auto high = static_cast<std::size_t>(i / 100) * 2;
    const auto low = static_cast<std::size_t>(i % 100) * 2;
    const std::size_t size = i < 1000 ? 3 : 4;
    char* p = dest + size;
    *--p = kPairs[low + 1];
    *--p = kPairs[low];
    *--p = kPairs[high + 1];
    if (size == 4) *--p = kPairs[high];
    return size;
  }
  // Work on the magnitude as unsigned: -INT64_MIN does not fit in int64.
  std::uint64_t n = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
  std::size_t digits = 1;
  for (std::uint64_t limit = 10; digits < 20 && n >= limit; limit *= 10) ++digits;
  const std::size_t size = digits + (i < 0 ? 1 : 0);
  if (i < 0) dest[0] = '-';
  char* p = dest + size;
  while (n >= 100) {
    const auto pair = static_cast<std::size_t>(n % 100) * 2;
    n /= 100;
    *--p = kPairs[pair + 1];
    *--p = kPairs[pair];
  }
  if (n >= 10) {
    const auto pair = static_cast<std::size_t>(n) * 2;
    *--p = kPairs[pair + 1];
    *--p = kPairs[pair];
  } else {
    *--p = static_cast<char>('0' + n);
  }
  return size;
}

void append_int(std::string& out, std::int64_t i) {
  char buf[kMaxIntChars];
  out.append(buf, write_int(buf, i));
}

void append_repr(std::string& out, const Value& v) {
  if (v.is_list() || v.is_dict() || v.is_set()) {
    // A container inside itself prints as [...] / {...}, as CPython's Py_ReprEnter does.
    ReprGuard guard(v);
    if (guard.recursive()) return void(out += v.is_list() ? "[...]" : "{...}");
    if (v.is_list()) return append_seq(out, v.as_items(), '[', ']', false);
    return v.is_dict() ? append_dict(out, v.as_dict()) : append_set(out, v.as_dict());
  }
  switch (v.kind()) {
    case Kind::Str:
      return append_str_repr(out, v.as_str());
    case Kind::Tuple: {
      DepthGuard guard;
      return append_seq(out, v.as_items(), '(', ')', true);
    }
    case Kind::Object:
      return v.as_object().append_repr(out);
    default:
      return append_str(out, v);
  }
}

void append_str(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Kind::None:
      out += "None";
      return;
    case Kind::Bool:
      out += v.as_bool() ? "True" : "False";
      return;
    case Kind::Int:
      return append_int(out, v.as_int());
    case Kind::Float:
      return append_float_repr(out, v.as_float());
    case Kind::Str:
      out += v.as_str();
      return;
    case Kind::Callable:
      return append_callable(out, v.as_callable());
    case Kind::Iterator:
      out += "<iterator object>";
      return;
    case Kind::Object:
      return v.as_object().append_str(out);
    default:
      return append_repr(out, v);
  }
}

std::string str(const Value& v) {
  if (v.is_str()) return std::string(v.as_str());
  std::string out;
  append_str(out, v);
  return out;
}

std::string repr(const Value& v) {
  std::string out;
  append_repr(out, v);
  return out;
}

std::string float_repr(double d) {
  std::string out;
  append_float_repr(out, d);
  return out;
}

std::string_view type_name(const Value& v) {
  switch (v.kind()) {
    case Kind::None:
      return "NoneType";
    case Kind::Bool:
      return "bool";
    case Kind::Int:
      return "int";
    case Kind::Float:
      return "float";
    case Kind::Str:
      return "str";
    case Kind::List:
      return "list";
    case Kind::Tuple:
      return "tuple";
    case Kind::Dict:
      return "dict";
    case Kind::Set:
      return v.as_dict().set_table()->frozen ? "frozenset" : "set";
    case Kind::Callable:
      // A template's lambda is a Python function; the rest stand for builtins.
      return v.as_callable().name == "<lambda>" ? "function" : "builtin_function_or_method";
    case Kind::Iterator:
      return "generator";
    case Kind::Object:
      return v.as_object().type_name();
  }
  return "object";
}

}  // namespace squall::py
