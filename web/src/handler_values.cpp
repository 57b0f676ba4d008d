// The handler namespace (RequestHandler.get_template_namespace plus UI methods) as Values.
#include "handler_values.hpp"

#include <cmath>

#include "squall/py.hpp"

namespace squall::web::detail {
namespace {

std::string str_arg(std::string_view function, const Value& v) {
  if (!v.is_str()) {
    py::raise_type_error(std::string(function) + "() argument must be str, not " +
                         std::string(py::type_name(v)));
  }
  return std::string(v.as_str());
}

std::int64_t int_arg(std::string_view function, const Value& v) {
  if (!v.is_int() && !v.is_bool()) {
    py::raise_type_error(std::string(function) + "() argument must be int, not " +
                         std::string(py::type_name(v)));
  }
  return v.as_int();
}

// date_micros reads a datetime (its fields) or a POSIX timestamp (int or float) as
// microseconds since the epoch, UTC, as format_date's utcfromtimestamp does.
std::int64_t date_micros(const Value& date) {
  if (date.is_int() || date.is_bool()) return date.as_int() * 1'000'000;
  if (date.is_float()) return static_cast<std::int64_t>(std::llround(date.as_float() * 1e6));
  if (py::type_name(date) != "datetime") {
    py::raise_type_error("format_date() needs a datetime or a timestamp, not " +
                         std::string(py::type_name(date)));
  }
  CivilTime t;
  const auto field = [&](std::string_view name) {
    return static_cast<int>(py::getattr(date, name).as_int());
  };
  t.year = field("year");
  t.month = field("month");
  t.day = field("day");
  t.hour = field("hour");
  t.minute = field("minute");
  t.second = field("second");
  t.microsecond = field("microsecond");
  return t.micros();
}

Value method(std::string name, Function fn) {
  return Value::function(std::move(name), std::move(fn));
}

// MapObject is an object whose attributes are fixed Values (request, handler, locale).
class MapObject final : public Object {
 public:
  MapObject(std::string_view type, std::vector<std::pair<std::string, Value>> attrs,
            std::function<std::optional<Value>(std::string_view)> lazy = {})
      : type_(type), attrs_(std::move(attrs)), lazy_(std::move(lazy)) {}
  std::string_view type_name() const override { return type_; }
  std::optional<Value> getattr(std::string_view name) const override {
    for (const auto& [n, v] : attrs_) {
      if (n == name) return v;
    }
    return lazy_ ? lazy_(name) : std::nullopt;
  }
  void append_repr(std::string& out) const override {
    out += "<";
    out += type_;
    out += " object>";
  }

 private:
  std::string_view type_;
  std::vector<std::pair<std::string, Value>> attrs_;
  std::function<std::optional<Value>(std::string_view)> lazy_;
};

// HeadersObject is HTTPHeaders: case-insensitive `[]`, `get`, `in`.
class HeadersObject final : public Object {
 public:
  explicit HeadersObject(const Headers& headers) : headers_(headers) {}
  std::string_view type_name() const override { return "HTTPHeaders"; }
  Value getitem(const Value& key) const override {
    if (key.is_str()) {
      if (const auto v = headers_.get(key.as_str())) return Value(*v);
    }
    throw Error("KeyError", py::repr(key));
  }
  std::optional<Value> call_method(std::string_view name, Args args, KwArgs kwargs) const override {
    if (name != "get") return Object::call_method(name, args, kwargs);
    static constexpr Param kParams[] = {{"name", true}, {"default", false}};
    const auto bound = bind_args("get", kParams, args, kwargs);
    if (bound[0]->is_str()) {
      if (const auto v = headers_.get(bound[0]->as_str())) return Value(*v);
    }
    return bound[1].value_or(Value());
  }
  std::optional<bool> eq(const Value&) const override { return std::nullopt; }
  std::optional<std::size_t> len() const override { return headers_.items().size(); }
  std::optional<Value> iter() const override {
    std::vector<Value> names;
    for (const auto& [n, v] : headers_.items()) names.emplace_back(n);
    const Value list = Value::list(std::move(names));
    return py::call(*py::builtin("iter"), std::span(&list, 1));
  }

 private:
  const Headers& headers_;
};

// MorselObject is a request cookie as http.cookies.Morsel: `.key`, `.value`.
Value morsel(const std::string& key, const std::string& value) {
  return Value::adopt(
      new MapObject("Morsel", {{"key", key}, {"value", value}, {"coded_value", value}}));
}

Value request_value(const Request& request) {
  Value arguments = Value::dict();
  for (const auto& [name, values] : request.arguments) {
    std::vector<Value> list(values.begin(), values.end());
    py::setitem(arguments, Value(name), Value::list(std::move(list)));
  }
  Value cookies = Value::dict();
  for (const auto& [name, value] : request.cookies)
    py::setitem(cookies, Value(name), morsel(name, value));
  return Value::adopt(new MapObject("HTTPServerRequest",
                                    {{"method", request.method},
                                     {"path", request.path},
                                     {"query", request.query},
                                     {"uri", request.uri()},
                                     {"protocol", request.protocol},
                                     {"host", request.host},
                                     {"remote_ip", request.remote_ip},
                                     {"body", request.body},
                                     {"headers", Value::adopt(new HeadersObject(request.headers))},
                                     {"arguments", arguments},
                                     {"cookies", cookies}}));
}

std::optional<std::string_view> opt_str(std::string_view function, const std::optional<Value>& v) {
  if (!v || v->is_none()) return std::nullopt;
  if (!v->is_str()) str_arg(function, *v);
  return v->as_str();
}

std::optional<std::int64_t> opt_int(std::string_view function, const std::optional<Value>& v) {
  if (!v || v->is_none()) return std::nullopt;
  return int_arg(function, *v);
}

Value translate_fn(const Locale& locale) {
  return method("translate", [&locale](Args a, KwArgs k) {
    static constexpr Param kParams[] = {
        {"message", true}, {"plural_message", false}, {"count", false}};
    const auto b = bind_args("translate", kParams, a, k);
    const auto plural = opt_str("translate", b[1]);
    const auto count = opt_int("translate", b[2]);
    if (plural && !count) throw Error("AssertionError", "");
    return Value(locale.translate(str_arg("translate", *b[0]), plural, count));
  });
}

Value pgettext_fn(const Locale& locale) {
  return method("pgettext", [&locale](Args a, KwArgs k) {
    static constexpr Param kParams[] = {
        {"context", true}, {"message", true}, {"plural_message", false}, {"count", false}};
    const auto b = bind_args("pgettext", kParams, a, k);
    const auto plural = opt_str("pgettext", b[2]);
    const auto count = opt_int("pgettext", b[3]);
    if (plural && !count) throw Error("AssertionError", "");
    return Value(
        locale.pgettext(str_arg("pgettext", *b[0]), str_arg("pgettext", *b[1]), plural, count));
  });
}

}  // namespace

std::vector<std::optional<Value>> bind_args(std::string_view function,
                                            std::span<const Param> params, Args args,
                                            KwArgs kwargs) {
  const std::string f(function);
  if (args.size() > params.size()) {
    py::raise_type_error(f + "() takes at most " + std::to_string(params.size()) + " arguments (" +
                         std::to_string(args.size() + kwargs.size()) + " given)");
  }
  std::vector<std::optional<Value>> out(params.size());
  for (std::size_t i = 0; i < args.size(); ++i) out[i] = args[i];
  for (const KwArg& kw : kwargs) {
    std::size_t i = 0;
    while (i < params.size() && params[i].name != kw.name) ++i;
    if (i == params.size()) {
      py::raise_type_error(f + "() got an unexpected keyword argument '" + std::string(kw.name) +
                           "'");
    }
    if (out[i])
      py::raise_type_error(f + "() got multiple values for argument '" + std::string(kw.name) +
                           "'");
    out[i] = kw.value;
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (params[i].required && !out[i]) {
      py::raise_type_error(f + "() missing 1 required positional argument: '" +
                           std::string(params[i].name) + "'");
    }
  }
  return out;
}

Value locale_value(Handler& handler, const Locale& locale) {
  const Clock clock = handler.application().clock;
  return Value::adopt(new MapObject(
      "Locale",
      {{"code", locale.code()},
       {"name", locale.name()},
       {"rtl", locale.rtl()},
       {"translate", translate_fn(locale)},
       {"pgettext", pgettext_fn(locale)},
       {"format_date", method("format_date",
                              [&locale, clock](Args a, KwArgs k) {
                                static constexpr Param kParams[] = {{"date", true},
                                                                    {"gmt_offset", false},
                                                                    {"relative", false},
                                                                    {"shorter", false},
                                                                    {"full_format", false}};
                                const auto b = bind_args("format_date", kParams, a, k);
                                FormatDateOptions o;
                                o.gmt_offset =
                                    static_cast<int>(opt_int("format_date", b[1]).value_or(0));
                                o.relative = b[2] ? py::truthy(*b[2]) : true;
                                o.shorter = b[3] && py::truthy(*b[3]);
                                o.full_format = b[4] && py::truthy(*b[4]);
                                o.now_micros = static_cast<std::int64_t>(
                                    (clock ? clock() : system_clock()) * 1e6);
                                return Value(locale.format_date(date_micros(*b[0]), o));
                              })},
       {"format_day", method("format_day",
                             [&locale](Args a, KwArgs k) {
                               static constexpr Param kParams[] = {
                                   {"date", true}, {"gmt_offset", false}, {"dow", false}};
                               const auto b = bind_args("format_day", kParams, a, k);
                               if (py::type_name(*b[0]) != "datetime") {
                                 py::raise_type_error("unsupported operand type(s) for -: '" +
                                                      std::string(py::type_name(*b[0])) +
                                                      "' and 'datetime.timedelta'");
                               }
                               return Value(locale.format_day(
                                   date_micros(*b[0]),
                                   static_cast<int>(opt_int("format_day", b[1]).value_or(0)),
                                   b[2] ? py::truthy(*b[2]) : true));
                             })},
       {"list", method("list",
                       [&locale](Args a, KwArgs k) {
                         static constexpr Param kParams[] = {{"parts", true}};
                         const auto b = bind_args("list", kParams, a, k);
                         const std::vector<Value> items = py::to_vector(*b[0]);
                         if (items.size() == 1)
                           return items[0];  // returned as is, whatever its type
                         std::vector<std::string> parts;
                         for (std::size_t i = 0; i < items.size(); ++i) {
                           if (!items[i].is_str() && i + 1 < items.size()) {
                             py::raise_type_error("sequence item " + std::to_string(i) +
                                                  ": expected str instance, " +
                                                  std::string(py::type_name(items[i])) + " found");
                           }
                           parts.push_back(py::str(items[i]));
                         }
                         return Value(locale.list(parts));
                       })},
       {"friendly_number", method("friendly_number", [&locale](Args a, KwArgs k) {
          static constexpr Param kParams[] = {{"value", true}};
          const auto b = bind_args("friendly_number", kParams, a, k);
          return Value(locale.friendly_number(py::str(*b[0])));
        })}}));
}

void make_names(Handler& h, squall::Namespace& names) {
  for (const auto& [name, value] : h.application().names().entries()) names.set(name, value);
  Handler* handler = &h;
  const Value request = request_value(h.request());
  const Value static_url = method("static_url", [handler](Args a, KwArgs k) {
    static constexpr Param kParams[] = {
        {"path", true}, {"include_host", false}, {"include_version", false}};
    const auto b = bind_args("static_url", kParams, a, k);
    return Value(handler->static_url(str_arg("static_url", *b[0]), b[1] && py::truthy(*b[1]),
                                     !b[2] || py::truthy(*b[2])));
  });
  const Value xsrf_form_html = method("xsrf_form_html", [handler](Args a, KwArgs k) {
    bind_args("xsrf_form_html", {}, a, k);
    return Value(handler->xsrf_form_html());
  });
  const Value reverse_url = method("reverse_url", [handler](Args a, KwArgs k) {
    if (a.empty())
      py::raise_type_error("reverse_url() missing 1 required positional argument: 'name'");
    if (!k.empty()) {
      py::raise_type_error("reverse_url() got an unexpected keyword argument '" +
                           std::string(k[0].name) + "'");
    }
    std::vector<std::string> args;
    for (std::size_t i = 1; i < a.size(); ++i) args.push_back(py::str(a[i]));
    return Value(handler->reverse_url(str_arg("reverse_url", a[0]), args));
  });
  const Value xsrf_token =
      method("xsrf_token", [handler](Args, KwArgs) { return Value(handler->xsrf_token()); });
  const Value settings = h.application().settings().values;
  // `handler` reads its lazy parts (current_user, locale, xsrf_token) only when asked.
  const Value handler_value =
      Value::adopt(new MapObject("RequestHandler",
                                 {{"request", request},
                                  {"settings", settings},
                                  {"static_url", static_url},
                                  {"xsrf_form_html", xsrf_form_html},
                                  {"reverse_url", reverse_url},
                                  {"path_args", Value(h.path_args())}},
                                 [handler](std::string_view name) -> std::optional<Value> {
                                   if (name == "current_user") return handler->current_user();
                                   if (name == "locale")
                                     return locale_value(*handler, handler->locale());
                                   if (name == "xsrf_token") return Value(handler->xsrf_token());
                                   return std::nullopt;
                                 }));
  names.set("handler", handler_value);
  names.set("request", request);
  names.set_lazy("current_user", [handler] { return handler->current_user(); });
  // The locale is needed by `locale`, `_` and `pgettext`: computed when one is first read.
  auto locale = std::make_shared<std::optional<Value>>();
  const auto get_locale = [handler, locale]() -> const Value& {
    if (!*locale) *locale = locale_value(*handler, handler->locale());
    return **locale;
  };
  names.set_lazy("locale", get_locale);
  names.set_lazy("_", [get_locale] { return *py::getattr_opt(get_locale(), "translate"); });
  names.set_lazy("pgettext", [get_locale] { return *py::getattr_opt(get_locale(), "pgettext"); });
  names.set("static_url", static_url);
  names.set("xsrf_form_html", xsrf_form_html);
  names.set_lazy("xsrf_token", [handler] { return Value(handler->xsrf_token()); });
  names.set("reverse_url", reverse_url);
  names.set("settings", settings);
  for (const auto& [name, ui_method] : h.application().ui_methods()) {
    names.set(name, method(name, [handler, fn = &ui_method](Args a, KwArgs k) {
                return (*fn)(*handler, a, k);
              }));
  }
}

}  // namespace squall::web::detail
