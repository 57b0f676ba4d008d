// How `{{ }}`, `{% raw %}`, `{% module %}` and `{% apply %}` write values (spec 3.1, 2.5).
#include "squall/escape.hpp"
#include "squall/py.hpp"
#include "squall/render.hpp"

namespace squall::render {

void append_value(std::string& out, const Value& v) {
  if (v.is_str()) {
    out += v.as_str();
  } else {
    py::append_str(out, v);
  }
}

void append_value(OutBuffer& out, const Value& v) {
  if (v.is_str()) return out.append(v.as_str());
  if (v.is_int()) return out.append_int(v.as_int());
  py::append_str(out.flushed(), v);
}

void OutBuffer::append_long(const char* text, std::size_t n) {
  flush();
  if (n < kCapacity) {
    std::memcpy(buffer_, text, n);
    size_ = n;
  } else {
    out_.append(text, n);
  }
}

void OutBuffer::flush_at_exit() noexcept {
  // Runs during unwinding too: a failure to grow the string must not terminate the program,
  // and the error being thrown matters more than the last bytes of a failed render.
  try {
    flush();
  } catch (...) {
  }
}

void append_function_result(std::string& out, const Value& result) {
  if (result.is_str()) {
    out += result.as_str();
    return;
  }
  if (result.is_none()) py::raise_type_error("expected a bytes-like object, NoneType found");
  py::raise_type_error("Expected bytes, unicode, or None; got <class '" +
                       std::string(py::type_name(result)) + "'>");
}

void append_apply(std::string& out, const Value& fn, std::string body) {
  const Value arg[] = {Value(std::move(body))};
  append_function_result(out, py::call(fn, arg));
}

Escaper::Escaper(const Globals& globals, std::optional<std::string_view> name)
    : globals_(globals),
      name_(name.value_or("")),
      enabled_(name && !name->empty()),
      mode_(enabled_ ? Mode::Unresolved : Mode::Off),
      quote_(globals.quote()) {}

Escaper::Escaper(const Globals& globals, const GlobalName& name) : Escaper(globals, name.name()) {
  global_ = &name;
  // The namespace does not change during a render, so resolving now finds what the first
  // `{{ }}` would, and lets it take the inline path. A missing function stays unresolved:
  // the NameError is raised where Tornado raises it, at the first `{{ }}`.
  if (enabled_) resolve();
}

void Escaper::resolve() {
  // Nearly every template escapes with xhtml_escape: its hash is computed once.
  static const std::size_t xhtml_hash = detail::DictData::str_hash("xhtml_escape");
  if (global_) {
    fn_ = globals_.find(*global_);
  } else {
    fn_ = globals_.find(name_,
                        name_ == "xhtml_escape" ? xhtml_hash : detail::DictData::str_hash(name_));
  }
  if (fn_) mode_ = fn_->identical(globals_.default_escape()) ? Mode::Xhtml : Mode::Custom;
}

void Escaper::append_slow(std::string& out, const Value& v) {
  if (mode_ == Mode::Off) return append_value(out, v);
  if (!fn_) {
    resolve();
    if (!fn_) raise_name_error(name_);
  }
  append_escaped(out, v, *fn_, globals_);
}

void append_escaped(std::string& out, const Value& v, const Value& fn, const Globals& globals) {
  if (fn.identical(globals.default_escape())) {
    switch (v.kind()) {
      case Kind::Str:
        return append_xhtml_escape(out, v.as_str(), globals.quote());
      // str() of these never holds & < > " or ', so escaping would copy them unchanged.
      case Kind::None:
      case Kind::Bool:
      case Kind::Int:
      case Kind::Float:
        return py::append_str(out, v);
      default:
        return append_xhtml_escape(out, py::str(v), globals.quote());
    }
  }
  const Value arg[] = {v.is_str() ? v : Value(py::str(v))};
  append_function_result(out, py::call(fn, arg));
}

}  // namespace squall::render
