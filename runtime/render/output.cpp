// How `{{ }}`, `{% raw %}`, `{% module %}` and `{% apply %}` write values (spec 3.1, 2.5).
#include "render/encodable.hpp"
#include "squall/detail/render.hpp"
#include "squall/escape.hpp"
#include "squall/py.hpp"

namespace squall::render {

void append_value(std::string& out, const Value& v) {
  if (v.is_str()) {
    check_encodable(v.as_str());
    out += v.as_str();
  } else {
    py::append_str(out, v);
  }
}

void append_value(OutBuffer& out, const Value& v) {
  if (v.is_str()) {
    check_encodable(v.as_str());
    return out.append(v.as_str());
  }
  if (v.is_int()) return out.append_int(v.as_int());
  py::append_str(out.flushed(), v);
}

void OutBuffer::flush() {
  limits::check_output(out_.size() + size_);
  append_to_string();
}

void OutBuffer::append_to_string() {
  // An empty buffer is never read: g++ -O2 otherwise warns (-Wmaybe-uninitialized) that
  // append reads buffer_ in a template that writes nothing.
  if (size_ == 0) return;
  out_.append(buffer_, size_);
  size_ = 0;
}

void OutBuffer::append_long(const char* text, std::size_t n) {
  flush();
  if (n < kCapacity) {
    std::memcpy(buffer_, text, n);
    size_ = n;
  } else {
    limits::check_output(out_.size() + n);
    out_.append(text, n);
  }
}

void OutBuffer::flush_at_exit() noexcept {
  // Runs during unwinding too: a failure to grow the string must not terminate the program,
  // and the error being thrown matters more than the last bytes of a failed render.
  try {
    append_to_string();
  } catch (...) {
  }
}

void append_function_result(std::string& out, const Value& result) {
  if (result.is_str()) {
    check_encodable(result.as_str());
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

Escaper::Escaper(const Globals& globals) : globals_(globals), quote_(globals.quote()) {}

Escaper::Escaper(const Globals& globals, const GlobalName& name) : Escaper(globals) {
  if (name.name().empty()) return;
  name_ = &name;
  // The namespace does not change during a render, so looking the function up now finds
  // what the first `{{ }}` would, and lets it take the inline path.
  fn_ = globals_.find(name);
  if (!fn_) {
    mode_ = Mode::Missing;
  } else {
    // Usually the very Value of the defaults layer, so the address settles it.
    const Value& xhtml = globals_.default_escape();
    mode_ = fn_ == &xhtml || fn_->identical(xhtml) ? Mode::Xhtml : Mode::Custom;
  }
}

void Escaper::append_slow(std::string& out, const Value& v) {
  if (mode_ == Mode::Off) return append_value(out, v);
  if (mode_ == Mode::Missing) raise_name_error(name());
  append_escaped(out, v, *fn_, globals_);
}

void append_escaped(std::string& out, const Value& v, const Value& fn, const Globals& globals) {
  // Tornado encodes the value before the escape function sees it.
  if (v.is_str()) check_encodable(v.as_str());
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
