// printf-style `str % args` formatting with CPython's rules and messages.
#include <cmath>

#include "squall/detail/unicode.hpp"
#include "squall/limits.hpp"
#include "value/format_spec.hpp"

namespace squall::rt {
namespace {

// ArgSource hands out the positional arguments (or the single non-tuple argument).
class ArgSource {
 public:
  explicit ArgSource(const Value& args) : args_(args) {
    if (args.is_tuple()) {
      items_ = &args.as_items();
    }
    mapping_ = !args.is_tuple() && !args.is_str() &&
               (args.is_dict() || args.is_list() || args.is_object());
  }
  const Value& next() {
    if (items_) {
      if (pos_ >= items_->size()) raise("TypeError", "not enough arguments for format string");
      return (*items_)[pos_++];
    }
    if (pos_++ > 0) raise("TypeError", "not enough arguments for format string");
    return args_;
  }
  Value lookup(std::string_view key) const {
    if (!mapping_) raise("TypeError", "format requires a mapping");
    return py::getitem(args_, Value(key));
  }
  void finish() const {
    const std::size_t total = items_ ? items_->size() : 1;
    if (pos_ < total && !mapping_)
      raise("TypeError", "not all arguments converted during string formatting");
  }

 private:
  const Value& args_;
  const std::vector<Value>* items_ = nullptr;
  std::size_t pos_ = 0;
  bool mapping_ = false;
};

struct Directive {
  bool left = false, plus = false, space = false, alt = false, zero = false;
  std::int64_t width = -1, precision = -1;
  char type = 0;
};

// Reads a width or precision (`what`): digits, or `*` taking the next argument. Like
// CPython, digits beyond Py_ssize_t are "ValueError: width too big".
std::int64_t star_or_number(std::string_view f, std::size_t& i, ArgSource& args, const char* what) {
  if (i < f.size() && f[i] == '*') {
    ++i;
    const Value& v = args.next();
    if (!v.is_int() && !v.is_bool()) raise("TypeError", "* wants int");
    return v.as_int();
  }
  std::int64_t n = -1;
  while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
    const int digit = f[i++] - '0';
    if (n > (INT64_MAX - digit) / 10) raise("ValueError", std::string(what) + " too big");
    n = (n < 0 ? 0 : n * 10) + digit;
  }
  return n;
}

FormatSpec to_spec(const Directive& d, char align) {
  FormatSpec s;
  s.width = d.width;
  if (d.left) {
    s.align = '<';
  } else if (d.zero && align == '=') {
    s.align = '=';
    s.fill = U'0';
  } else {
    s.align = '>';
  }
  s.sign = d.plus ? '+' : d.space ? ' ' : 0;
  return s;
}

std::string number_arg(const Value& v, const Directive& d) {
  const char t = d.type;
  const bool integral = t == 'd' || t == 'i' || t == 'u' || t == 'x' || t == 'X' || t == 'o';
  if (integral) {
    if (t != 'd' && t != 'i' && t != 'u' && !(v.is_int() || v.is_bool()))
      raise("TypeError", std::string("%") + t + " format: an integer is required, not " +
                             std::string(py::type_name(v)));
    if (!v.is_number())
      raise("TypeError", std::string("%") + t + " format: a real number is required, not " +
                             std::string(py::type_name(v)));
    const Value i(v.is_float() ? float_to_int(v.as_float()) : v.as_int());
    FormatSpec s = to_spec(d, '=');
    s.type = t == 'i' || t == 'u' ? 'd' : t;
    s.alternate = d.alt;
    std::string out = format_int(i.as_int(), s);
    if (d.precision > 0) {  // %.3d pads the digits (after any 0x prefix) with zeros
      FormatSpec z;
      z.type = s.type;
      const std::int64_t n = i.as_int();
      std::string digits = format_int(n, z);
      if (n < 0) digits.erase(0, 1);
      if (static_cast<std::int64_t>(digits.size()) < d.precision) {
        limits::check_string(static_cast<std::size_t>(d.precision));
        digits.insert(0, static_cast<std::size_t>(d.precision) - digits.size(), '0');
      }
      std::string head = n < 0 ? "-" : d.plus ? "+" : d.space ? " " : "";
      if (d.alt && s.type != 'd') head += std::string("0") + s.type;
      out = pad(head + digits, s, '>', head.size());
    }
    return out;
  }
  if (!v.is_number())
    raise("TypeError", "must be real number, not " + std::string(py::type_name(v)));
  const double x = to_double(v);
  FormatSpec s = to_spec(d, '=');
  const int prec = static_cast<int>(d.precision < 0 ? 6 : d.precision);
  std::string body = c_float(x, t, prec, d.alt);
  const bool neg = std::signbit(x) && !std::isnan(x);
  std::string head = neg ? "-" : d.plus ? "+" : d.space ? " " : "";
  return pad(head + body, s, '>', head.size());
}

std::string text_arg(const Value& v, const Directive& d) {
  std::string text;
  if (d.type == 'c') {
    if (v.is_str() && cp_len(v.as_str()) == 1) {
      text = v.as_str();
    } else if (v.is_int() || v.is_bool()) {
      if (v.as_int() < 0 || v.as_int() > 0x10FFFF)
        raise("OverflowError", "%c arg not in range(0x110000)");
      detail::append_utf8(text, static_cast<char32_t>(v.as_int()));
    } else {
      raise("TypeError", "%c requires int or char");
    }
  } else {
    text = d.type == 'r' ? py::repr(v) : d.type == 'a' ? ascii_repr(v) : py::str(v);
  }
  if (d.precision >= 0 && cp_len(text) > static_cast<std::size_t>(d.precision))
    text.resize(cp_offsets(text)[static_cast<std::size_t>(d.precision)]);
  FormatSpec s = to_spec(d, '>');
  return pad(std::move(text), s, '>', 0);
}

void parse_flags(std::string_view f, std::size_t& i, Directive& d) {
  for (; i < f.size(); ++i) {
    switch (f[i]) {
      case '-':
        d.left = true;
        continue;
      case '+':
        d.plus = true;
        continue;
      case ' ':
        d.space = true;
        continue;
      case '#':
        d.alt = true;
        continue;
      case '0':
        d.zero = true;
        continue;
      default:
        return;
    }
  }
}

}  // namespace
}  // namespace squall::rt

namespace squall::py {

using namespace squall::rt;

std::string percent_format(std::string_view f, const Value& args) {
  ArgSource src(args);
  std::string out;
  std::size_t i = 0;
  while (i < f.size()) {
    const std::size_t pct = f.find('%', i);
    out.append(f, i, pct == std::string_view::npos ? std::string_view::npos : pct - i);
    if (pct == std::string_view::npos) break;
    i = pct + 1;
    std::optional<Value> keyed;
    if (i < f.size() && f[i] == '(') {
      const std::size_t close = f.find(')', i);
      if (close == std::string_view::npos) raise("ValueError", "incomplete format key");
      keyed = src.lookup(f.substr(i + 1, close - i - 1));
      i = close + 1;
    }
    Directive d;
    parse_flags(f, i, d);
    d.width = star_or_number(f, i, src, "width");
    // CPython negates a negative `*` width in a C integer: INT64_MIN stays negative there
    // and pads nothing.
    if (d.width == INT64_MIN) d.left = true, d.width = -1;
    if (d.width < -1) d.left = true, d.width = -d.width;
    if (i < f.size() && f[i] == '.') {
      ++i;
      d.precision = std::max<std::int64_t>(star_or_number(f, i, src, "precision"), 0);
      if (d.precision > INT32_MAX) raise("ValueError", "precision too big");
    }
    while (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) ++i;
    if (i >= f.size()) raise("ValueError", "incomplete format");
    d.type = f[i++];
    if (d.type == '%') {
      out += '%';
      continue;
    }
    const Value& v = keyed ? *keyed : src.next();
    if (std::string_view("srac").find(d.type) != std::string_view::npos) {
      out += text_arg(v, d);
    } else if (std::string_view("diuxXoeEfFgG").find(d.type) != std::string_view::npos) {
      out += number_arg(v, d);
    } else {
      char buf[80];
      std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                    d.type, static_cast<unsigned char>(d.type), i - 1);
      raise("ValueError", buf);
    }
  }
  src.finish();
  return out;
}

}  // namespace squall::py
