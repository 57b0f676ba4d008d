// The tornado.escape functions as template-callable Values (Tornado's namespace defaults),
// with Tornado's argument handling: str in, str out, TypeError for other types.
#include "render/escape_functions.hpp"

#include "render/encodable.hpp"
#include "squall/escape.hpp"
#include "squall/json.hpp"
#include "squall/namespace.hpp"
#include "squall/py.hpp"
#include "squall/typed_function.hpp"
#include "value/internal.hpp"

namespace squall::render {
namespace {

// Tornado's to_basestring/utf8 reject non-strings with this message (Squall has no bytes).
std::string_view text_arg(const Value& v) {
  if (v.is_str()) return v.as_str();
  if (v.is_none()) py::raise_type_error("expected string or bytes-like object, got 'NoneType'");
  py::raise_type_error("Expected bytes, unicode, or None; got <class '" +
                       std::string(py::type_name(v)) + "'>");
}

const Value& required(std::string_view fn, Args args, KwArgs kwargs, std::size_t i,
                      std::string_view name) {
  const Value* v = rt::arg(args, kwargs, i, name);
  if (!v) {
    py::raise_type_error(std::string(fn) + "() missing 1 required positional argument: '" +
                         std::string(name) + "'");
  }
  return *v;
}

void check_keywords(std::string_view fn, KwArgs kwargs,
                    std::initializer_list<std::string_view> known) {
  for (const auto& kw : kwargs) {
    bool ok = false;
    for (auto k : known) ok = ok || kw.name == k;
    if (!ok) {
      py::raise_type_error(std::string(fn) + "() got an unexpected keyword argument '" +
                           std::string(kw.name) + "'");
    }
  }
}

Value make_xhtml_escape(QuoteEntity quote) {
  return Value::function("xhtml_escape", [quote](Args args, KwArgs kwargs) -> Value {
    check_keywords("xhtml_escape", kwargs, {"value"});
    rt::check_arity("xhtml_escape", args, kwargs.empty() ? 1 : 0, 1);
    return Value(xhtml_escape(text_arg(required("xhtml_escape", args, kwargs, 0, "value")), quote));
  });
}

Value make_url_escape() {
  return Value::function("url_escape", [](Args args, KwArgs kwargs) -> Value {
    check_keywords("url_escape", kwargs, {"value", "plus"});
    rt::check_arity("url_escape", args, 0, 2);
    const Value& value = required("url_escape", args, kwargs, 0, "value");
    const Value* plus = rt::arg(args, kwargs, 1, "plus");
    const std::string_view text = text_arg(value);
    check_encodable(text);
    return Value(url_escape(text, plus ? py::truthy(*plus) : true));
  });
}

Value make_json_encode() {
  return Value::function("json_encode", [](Args args, KwArgs kwargs) -> Value {
    check_keywords("json_encode", kwargs, {"value"});
    rt::check_arity("json_encode", args, kwargs.empty() ? 1 : 0, 1);
    return Value(json_encode(required("json_encode", args, kwargs, 0, "value")));
  });
}

Value make_squeeze() {
  return Value::function("squeeze", [](Args args, KwArgs kwargs) -> Value {
    check_keywords("squeeze", kwargs, {"value"});
    rt::check_arity("squeeze", args, kwargs.empty() ? 1 : 0, 1);
    const Value& v = required("squeeze", args, kwargs, 0, "value");
    if (!v.is_str()) {
      py::raise_type_error("expected string or bytes-like object, got '" +
                           std::string(py::type_name(v)) + "'");
    }
    return Value(squeeze(v.as_str()));
  });
}

}  // namespace

LinkifyOptions linkify_options(Args args, KwArgs kwargs, QuoteEntity quote) {
  check_keywords("linkify", kwargs,
                 {"text", "shorten", "extra_params", "require_protocol", "permitted_protocols"});
  rt::check_arity("linkify", args, 0, 5);
  LinkifyOptions options;
  options.quote = quote;
  if (const Value* v = rt::arg(args, kwargs, 1, "shorten")) options.shorten = py::truthy(*v);
  if (const Value* v = rt::arg(args, kwargs, 2, "extra_params")) {
    if (py::is_callable(*v)) {
      const Value fn = *v;
      options.extra_params =
          std::function<std::string(std::string_view)>([fn](std::string_view href) {
            const Value arg[] = {Value(href)};
            return py::str(py::call(fn, arg));
          });
    } else {
      options.extra_params = std::string(text_arg(*v));
    }
  }
  if (const Value* v = rt::arg(args, kwargs, 3, "require_protocol"))
    options.require_protocol = py::truthy(*v);
  if (const Value* v = rt::arg(args, kwargs, 4, "permitted_protocols")) {
    options.permitted_protocols.clear();
    for (const Value& p : py::to_vector(*v)) {
      if (p.is_str()) options.permitted_protocols.emplace_back(p.as_str());
    }
  }
  return options;
}

std::string linkify_call(Args args, KwArgs kwargs, QuoteEntity quote) {
  LinkifyOptions options = linkify_options(args, kwargs, quote);
  return linkify(text_arg(required("linkify", args, kwargs, 0, "text")), options);
}

Value make_linkify(QuoteEntity quote) {
  return Value::function("linkify", [quote](Args args, KwArgs kwargs) -> Value {
    return Value(linkify_call(args, kwargs, quote));
  });
}

// Tornado's `escape.utf8`, which its generated code calls on every output: None passes
// through, a str is encoded (here: returned unchanged, Squall has no bytes), anything else
// is a TypeError.
Value make_utf8() {
  return Value::function("utf8", [](Args args, KwArgs kwargs) -> Value {
    static const detail::Signature sig{"utf8", {"value"}, 1, 1};
    const Value* value = nullptr;
    detail::bind_arguments(sig, args, kwargs, &value);
    if (value->is_none()) return *value;
    const std::string_view text = text_arg(*value);
    check_encodable(text);
    return Value(std::string(text));
  });
}

Namespace make_default_names(QuoteEntity quote) {
  Namespace ns;
  const Value escape = make_xhtml_escape(quote);
  ns.set("escape", escape);
  ns.set("xhtml_escape", escape);
  ns.set("url_escape", make_url_escape());
  ns.set("json_encode", make_json_encode());
  ns.set("squeeze", make_squeeze());
  ns.set("linkify", make_linkify(quote));
  ns.set("datetime", py::module("datetime").value_or(Value()));
  // Tornado's names for its generated code, readable by templates too. Its
  // `_tt_string_types` is `(str, bytes)`; Squall has no bytes type.
  ns.set("_tt_utf8", make_utf8());
  ns.set("_tt_string_types", Value::tuple({py::builtin("str").value_or(Value())}));
  return ns;
}

}  // namespace squall::render
