// The pure-function parts of standard modules templates import: math, json, html and
// urllib.parse (quote, unquote, urlencode). Everything else stays ModuleNotFoundError.
#include <cmath>
#include <numeric>

#include "squall/escape.hpp"
#include "squall/json.hpp"
#include "value/internal.hpp"

namespace squall::rt {
namespace {

class ModuleObject final : public Object {
 public:
  explicit ModuleObject(std::string name) : name_(std::move(name)), attrs_(Value::dict()) {}
  std::string_view type_name() const override { return "module"; }
  void append_repr(std::string& out) const override { out += "<module '" + name_ + "'>"; }
  std::optional<Value> getattr(std::string_view name) const override {
    if (const Value* v = attrs_.as_dict().find_str(name)) return *v;
    return std::nullopt;
  }
  void set(std::string_view name, Value v) { attrs_.as_dict().set(Value(name), std::move(v)); }
  void def(const char* name, Value (*fn)(Args, KwArgs)) { set(name, Value::function(name, fn)); }

 private:
  std::string name_;
  Value attrs_;
};

[[noreturn]] void domain_error() {
  raise("ValueError", "math domain error");
}

double real_arg(const Value& v, std::string_view fn) {
  if (!v.is_number())
    raise("TypeError", "must be real number, not " + std::string(py::type_name(v)));
  (void)fn;
  return to_double(v);
}

template <double (*F)(double)>
Value unary(Args a, KwArgs k) {
  check_arity("math function", a, 1, 1);
  no_kwargs("math function", k);
  const double x = real_arg(a[0], "");
  const double r = F(x);
  if (std::isnan(r) && !std::isnan(x)) domain_error();
  if (std::isinf(r) && std::isfinite(x)) raise("OverflowError", "math range error");
  return Value(r);
}

double checked_log(double x) {
  if (x <= 0) domain_error();
  return std::log(x);
}
double checked_log10(double x) {
  if (x <= 0) domain_error();
  return std::log10(x);
}
double checked_log2(double x) {
  if (x <= 0) domain_error();
  return std::log2(x);
}
double checked_sqrt(double x) {
  if (x < 0) domain_error();
  return std::sqrt(x);
}
double c_exp(double x) {
  return std::exp(x);
}
double c_fabs(double x) {
  return std::fabs(x);
}
double c_sin(double x) {
  return std::sin(x);
}
double c_cos(double x) {
  return std::cos(x);
}
double c_tan(double x) {
  return std::tan(x);
}
double c_atan(double x) {
  return std::atan(x);
}

Value m_log(Args a, KwArgs k) {
  check_arity("log", a, 1, 2);
  no_kwargs("log", k);
  const double x = checked_log(real_arg(a[0], "log"));
  if (a.size() == 1) return Value(x);
  const double base = checked_log(real_arg(a[1], "log"));
  if (base == 0) raise("ZeroDivisionError", "float division by zero");
  return Value(x / base);
}

// floor, ceil and trunc return ints; an int argument comes back unchanged.
void def_rounding(ModuleObject& m, const char* name, double (*f)(double)) {
  m.set(name, Value::function(name, [f, name](Args a, KwArgs k) {
          check_arity(name, a, 1, 1);
          no_kwargs(name, k);
          if (a[0].is_int() || a[0].is_bool()) return Value(a[0].as_int());
          return Value(float_to_int(f(real_arg(a[0], name))));
        }));
}

void def_predicate(ModuleObject& m, const char* name, bool (*f)(double)) {
  m.set(name, Value::function(name, [f, name](Args a, KwArgs k) {
          check_arity(name, a, 1, 1);
          no_kwargs(name, k);
          return Value(f(real_arg(a[0], name)));
        }));
}

Value m_gcd(Args a, KwArgs k) {
  no_kwargs("gcd", k);
  std::int64_t g = 0;
  for (const Value& x : a) g = std::gcd(g, to_index(x, "gcd()"));
  return Value(g);
}

Value m_pow(Args a, KwArgs k) {
  check_arity("pow", a, 2, 2);
  no_kwargs("pow", k);
  const double x = real_arg(a[0], "pow"), y = real_arg(a[1], "pow");
  if (x == 0 && y < 0) domain_error();
  if (x < 0 && y != std::floor(y)) domain_error();
  return Value(std::pow(x, y));
}

Value m_factorial(Args a, KwArgs k) {
  check_arity("factorial", a, 1, 1);
  no_kwargs("factorial", k);
  const std::int64_t n = to_index(a[0], "factorial()");
  if (n < 0) raise("ValueError", "factorial() not defined for negative values");
  std::int64_t r = 1;
  for (std::int64_t i = 2; i <= n; ++i) r = checked_mul(r, i);
  return Value(r);
}

Value make_math() {
  auto* m = new ModuleObject("math");
  m->set("pi", Value(M_PI));
  m->set("e", Value(M_E));
  m->set("tau", Value(2 * M_PI));
  m->set("inf", Value(HUGE_VAL));
  m->set("nan", Value(std::nan("")));
  m->def("sqrt", unary<checked_sqrt>);
  m->def("exp", unary<c_exp>);
  m->def("fabs", unary<c_fabs>);
  m->def("sin", unary<c_sin>);
  m->def("cos", unary<c_cos>);
  m->def("tan", unary<c_tan>);
  m->def("atan", unary<c_atan>);
  m->def("log10", unary<checked_log10>);
  m->def("log2", unary<checked_log2>);
  m->def("log", m_log);
  def_rounding(*m, "floor", [](double x) { return std::floor(x); });
  def_rounding(*m, "ceil", [](double x) { return std::ceil(x); });
  def_rounding(*m, "trunc", [](double x) { return std::trunc(x); });
  def_predicate(*m, "isnan", [](double x) { return std::isnan(x); });
  def_predicate(*m, "isinf", [](double x) { return std::isinf(x); });
  def_predicate(*m, "isfinite", [](double x) { return std::isfinite(x); });
  m->def("gcd", m_gcd);
  m->def("pow", m_pow);
  m->def("factorial", m_factorial);
  return Value::adopt(m);
}

Value j_dumps(Args a, KwArgs k) {
  check_arity("dumps", a, 1, 1);
  no_kwargs("dumps", k);
  return Value(json_dumps(a[0]));
}

Value j_loads(Args a, KwArgs k) {
  check_arity("loads", a, 1, 1);
  no_kwargs("loads", k);
  return parse_json(str_arg(a[0], "loads"));
}

Value make_json() {
  auto* m = new ModuleObject("json");
  m->def("dumps", j_dumps);
  m->def("loads", j_loads);
  return Value::adopt(m);
}

Value h_escape(Args a, KwArgs k) {
  check_arity("escape", a, 1, 2);
  const Value* quote = arg(a, k, 1, "quote");
  const std::string_view s = str_arg(a[0], "escape");
  if (quote && !py::truthy(*quote)) {
    std::string out;
    for (char c : s) {
      out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
    }
    return Value(std::move(out));
  }
  return Value(xhtml_escape(s, QuoteEntity::Hex));
}

Value h_unescape(Args a, KwArgs k) {
  check_arity("unescape", a, 1, 1);
  no_kwargs("unescape", k);
  return Value(xhtml_unescape(str_arg(a[0], "unescape")));
}

Value make_html() {
  auto* m = new ModuleObject("html");
  m->def("escape", h_escape);
  // Tornado's xhtml_unescape: the HTML 4 entity names and numeric references (Python's
  // html.unescape also knows HTML 5's names and ones without a semicolon).
  m->def("unescape", h_unescape);
  return Value::adopt(m);
}

Value u_quote(Args a, KwArgs k, bool plus, const char* name) {
  check_arity(name, a, 1, 1);
  no_kwargs(name, k);
  return Value(url_escape(str_arg(a[0], name), plus));
}
Value u_quote_plain(Args a, KwArgs k) {
  return u_quote(a, k, false, "quote");
}
Value u_quote_plus(Args a, KwArgs k) {
  return u_quote(a, k, true, "quote_plus");
}
Value u_unquote(Args a, KwArgs k) {
  check_arity("unquote", a, 1, 1);
  no_kwargs("unquote", k);
  return Value(url_unescape(str_arg(a[0], "unquote"), false));
}
Value u_unquote_plus(Args a, KwArgs k) {
  check_arity("unquote_plus", a, 1, 1);
  no_kwargs("unquote_plus", k);
  return Value(url_unescape(str_arg(a[0], "unquote_plus"), true));
}
Value u_urlencode(Args a, KwArgs k) {
  check_arity("urlencode", a, 1, 1);
  no_kwargs("urlencode", k);
  std::vector<Value> pairs;
  if (a[0].is_dict()) {
    for (const auto& [key, v] : a[0].as_dict().entries()) pairs.push_back(Value::tuple({key, v}));
  } else {
    pairs = py::to_vector(a[0]);
  }
  std::string out;
  for (const Value& p : pairs) {
    const auto kv = py::to_vector(p);
    if (kv.size() != 2) raise("TypeError", "not a valid non-string sequence or mapping object");
    if (!out.empty()) out += '&';
    out += url_escape(py::str(kv[0]), true) + "=" + url_escape(py::str(kv[1]), true);
  }
  return Value(std::move(out));
}

Value make_urllib_parse() {
  auto* m = new ModuleObject("urllib.parse");
  m->def("quote", u_quote_plain);
  m->def("quote_plus", u_quote_plus);
  m->def("unquote", u_unquote);
  m->def("unquote_plus", u_unquote_plus);
  m->def("urlencode", u_urlencode);
  return Value::adopt(m);
}

}  // namespace

std::optional<Value> standard_module(std::string_view name) {
  if (name == "math") {
    static const Value m = make_math();
    return m;
  }
  if (name == "json") {
    static const Value m = make_json();
    return m;
  }
  if (name == "html") {
    static const Value m = make_html();
    return m;
  }
  if (name == "urllib.parse" || name == "urllib") {
    static const Value parse = make_urllib_parse();
    static const Value urllib = [] {
      auto* m = new ModuleObject("urllib");
      m->set("parse", parse);
      return Value::adopt(m);
    }();
    return name == "urllib" ? urllib : parse;
  }
  return std::nullopt;
}

}  // namespace squall::rt
