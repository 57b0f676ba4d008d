// Test-only stand-ins for what a Tornado RequestHandler gives templates, equivalent to the
// ones ../shared/corpus/render_with_tornado.py used to make the reference renderings:
// static_url, reverse_url, xsrf_form_html, request, handler, locale (en_US, no
// translations), `_`, pgettext, UI modules declared in the JSON context, and its value
// conventions (__attrs__, __datetime__, __tuple__, __const_fn__, __format_fn__).
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "interp/interpreter.hpp"
#include "squall/json.hpp"
#include "squall/py.hpp"

namespace squall::interp::testing {

inline const char* const kXsrfInput =
    "<input type=\"hidden\" name=\"_xsrf\" "
    "value=\"2|00000000|0123456789abcdef0123456789abcdef|1700000000\"/>";

/// StubContext is the JSON context converted: the render's keyword arguments and the
/// TemplateSet options (handler namespace and UI modules).
struct StubContext {
  Value kwargs;
  Options options;
};

namespace stubs {

using Json = nlohmann::ordered_json;

inline Value fn(std::string name, Function f) {
  return Value::function(std::move(name), std::move(f));
}

inline Value make_datetime(const std::string& iso) {
  // "YYYY-MM-DDTHH:MM:SS" (the only form the contexts use).
  std::array<int, 6> p{};
  std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &p[0], &p[1], &p[2], &p[3], &p[4], &p[5]);
  const Value args[] = {p[0], p[1], p[2], p[3], p[4], p[5]};
  return py::call(py::getattr(*py::module("datetime"), "datetime"), args);
}

// convert applies render_with_tornado.py's conventions; objects become dicts, whose keys
// read as attributes in Squall (the documented deviation), standing in for SimpleNamespace.
inline Value convert(const Json& v) {
  if (v.is_object()) {
    if (v.size() == 1) {
      const std::string key = v.begin().key();
      const Json& inner = v.begin().value();
      if (key == "__attrs__") return convert(inner);
      if (key == "__datetime__") return make_datetime(inner.get<std::string>());
      if (key == "__tuple__") return Value::tuple(py::to_vector(convert(inner)));
      if (key == "__const_fn__") {
        const Value result = convert(inner);
        return fn("const_fn", [result](Args, KwArgs) { return result; });
      }
      if (key == "__format_fn__") {
        const std::string format = inner.get<std::string>();
        return fn("format_fn",
                  [format](Args a, KwArgs k) { return Value(py::str_format(format, a, k)); });
      }
    }
    Value d = Value::dict();
    for (const auto& [key, item] : v.items()) d.as_dict().set(Value(key), convert(item));
    return d;
  }
  if (v.is_array()) {
    std::vector<Value> items;
    for (const auto& item : v) items.push_back(convert(item));
    return Value::list(std::move(items));
  }
  return parse_json(v.dump());
}

inline Value static_url() {
  return fn("static_url", [](Args a, KwArgs k) {
    bool host = a.size() > 1 && py::truthy(a[1]);
    for (const auto& kw : k) host = host || (kw.name == "include_host" && py::truthy(kw.value));
    return Value(std::string(host ? "http://localhost:8888" : "") + "/static/" + py::str(a[0]) +
                 "?v=1");
  });
}

inline Value reverse_url() {
  return fn("reverse_url", [](Args a, KwArgs) {
    std::string out = "/" + py::str(a[0]);
    for (std::size_t i = 1; i < a.size(); ++i) out += "/" + py::str(a[i]);
    return Value(out);
  });
}

// translate(message, plural_message=None, count=None) with no translations loaded.
inline Value translate() {
  return fn("translate", [](Args a, KwArgs k) {
    const Value* plural = a.size() > 1 ? &a[1] : nullptr;
    const Value* count = a.size() > 2 ? &a[2] : nullptr;
    for (const auto& kw : k) {
      if (kw.name == "plural_message") plural = &kw.value;
      if (kw.name == "count") count = &kw.value;
    }
    if (plural && !plural->is_none() && count && !py::eq(*count, Value(1))) return *plural;
    return a[0];
  });
}

// Tornado's en_US Locale.format_date with full_format=True (what the corpus uses).
inline Value format_date() {
  static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
  return fn("format_date", [](Args a, KwArgs k) {
    bool shorter = false, full = false;
    for (const auto& kw : k) {
      if (kw.name == "shorter") shorter = py::truthy(kw.value);
      if (kw.name == "full_format") full = py::truthy(kw.value);
    }
    if (!full) throw_error("NotImplementedError", "the test locale only formats full_format=True");
    const auto field = [&](const char* name) { return py::getattr(a[0], name).as_int(); };
    std::string out = std::string(kMonths[field("month") - 1]) + " " +
                      std::to_string(field("day")) + ", " + std::to_string(field("year"));
    if (!shorter) {
      const auto hour = field("hour"), minute = field("minute");
      char time[32];
      std::snprintf(time, sizeof time, "%d:%02d %s", static_cast<int>(hour % 12 ? hour % 12 : 12),
                    static_cast<int>(minute), hour >= 12 ? "pm" : "am");
      out += std::string(" at ") + time;
    }
    return Value(out);
  });
}

inline Value make_request(const Json& overrides) {
  Value request = Value::dict();
  auto& d = request.as_dict();
  const Json defaults = {{"path", "/"},
                         {"uri", "/"},
                         {"host", "localhost:8888"},
                         {"protocol", "http"},
                         {"method", "GET"},
                         {"query", ""},
                         {"remote_ip", "127.0.0.1"},
                         {"arguments", Json::object()},
                         {"headers", Json::object()}};
  for (const auto& [k, v] : defaults.items()) d.set(Value(k), convert(v));
  for (const auto& [k, v] : overrides.items()) d.set(Value(k), convert(v));
  const std::string url = py::str(*d.find_str("protocol")) + "://" + py::str(*d.find_str("host")) +
                          py::str(*d.find_str("uri"));
  d.set(Value("full_url"), fn("full_url", [url](Args, KwArgs) { return Value(url); }));
  d.set(Value("request_time"), fn("request_time", [](Args, KwArgs) { return Value(0.5); }));
  return request;
}

// A UI module declared in "__modules__": renders a template with its positional arguments
// bound to the declared names, or returns a literal.
class DeclaredModule final : public squall::UIModule {
 public:
  explicit DeclaredModule(Json spec) : spec_(std::move(spec)) {}
  Value render(Args args, KwArgs kwargs) override {
    if (spec_.contains("returns")) return Value(spec_["returns"].get<std::string>());
    Value kw = Value::dict();
    const Json names = spec_.value("args", Json::array());
    if (args.size() > names.size()) py::raise_type_error("module: too many positional args");
    for (std::size_t i = 0; i < args.size(); ++i)
      kw.as_dict().set(Value(names[i].get<std::string>()), args[i]);
    for (const auto& k : kwargs) kw.as_dict().set(Value(k.name), k.value);
    return Value(render_string(spec_["template"].get<std::string>(), kw));
  }

 private:
  Json spec_;
};

}  // namespace stubs

/// make_stub_context converts a render_with_tornado.py context.
inline StubContext make_stub_context(const nlohmann::ordered_json& ctx) {
  using stubs::fn;
  StubContext out;
  const Value settings =
      stubs::convert(ctx.value("__settings__", nlohmann::ordered_json::object()));
  const Value request =
      stubs::make_request(ctx.value("__request__", nlohmann::ordered_json::object()));
  Value locale = Value::dict();
  locale.as_dict().set(Value("code"), Value("en_US"));
  locale.as_dict().set(Value("translate"), stubs::translate());
  locale.as_dict().set(Value("pgettext"), fn("pgettext", [](Args a, KwArgs) {
                         return a.size() > 1 ? a[1] : Value();
                       }));
  locale.as_dict().set(Value("format_date"), stubs::format_date());
  const Value xsrf = fn("xsrf_form_html", [](Args, KwArgs) { return Value(kXsrfInput); });
  Value handler = Value::dict();
  auto& h = handler.as_dict();
  h.set(Value("settings"), settings);
  h.set(Value("request"), request);
  h.set(Value("current_user"), Value());
  h.set(Value("locale"), locale);
  h.set(Value("static_url"), stubs::static_url());
  h.set(Value("reverse_url"), stubs::reverse_url());
  h.set(Value("xsrf_form_html"), xsrf);
  h.set(Value("xsrf_token"), Value("0123456789abcdef"));
  Value application = Value::dict();
  application.as_dict().set(Value("settings"), settings);
  h.set(Value("application"), application);
  auto& names = out.options.names;
  names.set("handler", handler);
  names.set("request", request);
  names.set("current_user", Value());
  names.set("locale", locale);
  names.set("_", *locale.as_dict().find_str("translate"));
  names.set("pgettext", *locale.as_dict().find_str("pgettext"));
  names.set("static_url", stubs::static_url());
  names.set("xsrf_form_html", xsrf);
  names.set("reverse_url", stubs::reverse_url());
  auto modules = std::make_shared<squall::ModuleRegistry>();
  const auto declared = ctx.value("__modules__", nlohmann::ordered_json::object());
  for (const auto& item : declared.items()) {
    const nlohmann::ordered_json spec = item.value();
    modules->add(item.key(), [spec] { return std::make_unique<stubs::DeclaredModule>(spec); });
  }
  out.options.modules = modules;
  // flower's base.html imports pprint without using it.
  Value pprint = Value::dict();
  pprint.as_dict().set(Value("pformat"),
                       fn("pformat", [](Args a, KwArgs) { return Value(py::repr(a[0])); }));
  out.options.import_modules.set("pprint", pprint);
  out.kwargs = Value::dict();
  for (const auto& [key, value] : ctx.items()) {
    if (key.rfind("__", 0) != 0) out.kwargs.as_dict().set(Value(key), stubs::convert(value));
  }
  return out;
}

}  // namespace squall::interp::testing
