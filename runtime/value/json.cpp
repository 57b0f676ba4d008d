// JSON text to Value (nlohmann's SAX parser, so dicts keep document order) and back
// (Python's json.dumps defaults).
#include "squall/json.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "squall/escape.hpp"
#include "value/internal.hpp"

namespace squall {
namespace {

// Builds Values while nlohmann parses; containers are completed bottom-up on a stack.
class JsonBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return add(Value()); }
  bool boolean(bool b) override { return add(Value(b)); }
  bool number_integer(number_integer_t i) override { return add(Value(std::int64_t{i})); }
  bool number_unsigned(number_unsigned_t u) override {
    // Beyond int64 Python keeps a big int; Squall's ints are 64-bit, so use a float.
    if (u > static_cast<number_unsigned_t>(INT64_MAX)) return add(Value(static_cast<double>(u)));
    return add(Value(static_cast<std::int64_t>(u)));
  }
  bool number_float(number_float_t d, const string_t& text) override {
    // nlohmann reports integers too large for int64 as floats; Python would keep them exact.
    (void)text;
    return add(Value(d));
  }
  bool string(string_t& s) override { return add(Value(std::move(s))); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(Value::dict()); }
  bool key(string_t& k) override {
    keys_.emplace_back(std::move(k));
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(Value::list()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    const std::size_t colon = what.rfind(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    rt::raise("ValueError",
              "invalid JSON at byte " + std::to_string(pos > 0 ? pos - 1 : 0) + ": " + what);
  }
  Value result() { return std::move(root_); }

 private:
  static constexpr std::size_t kMaxDepth = 1000;

  bool add(Value v) {
    if (stack_.empty()) {
      root_ = std::move(v);
    } else if (stack_.back().is_list()) {
      stack_.back().as_items().push_back(std::move(v));
    } else {
      stack_.back().as_dict().set(Value(std::move(keys_.back())), std::move(v));
      keys_.pop_back();
    }
    return true;
  }
  bool open(Value container) {
    if (stack_.size() >= kMaxDepth) rt::raise("ValueError", "JSON nesting too deep");
    stack_.push_back(std::move(container));
    return true;
  }
  bool close() {
    Value done = std::move(stack_.back());
    stack_.pop_back();
    return add(std::move(done));
  }

  std::vector<Value> stack_;
  std::vector<std::string> keys_;
  Value root_;
};

void append_json_float(std::string& out, double d) {
  if (std::isnan(d)) return void(out += "NaN");
  if (std::isinf(d)) return void(out += d < 0 ? "-Infinity" : "Infinity");
  rt::append_float_repr(out, d);
}

void append_json_key(std::string& out, const Value& k, bool close) {
  switch (k.kind()) {
    case Kind::Str:
      return append_json_string(out, k.as_str(), close);
    case Kind::Int:
      out += '"';
      rt::append_int(out, k.as_int());
      out += '"';
      return;
    case Kind::Float:
      out += '"';
      append_json_float(out, k.as_float());
      out += '"';
      return;
    case Kind::Bool:
      out += k.as_bool() ? "\"true\"" : "\"false\"";
      return;
    case Kind::None:
      out += "\"null\"";
      return;
    default:
      rt::raise("TypeError",
                "keys must be str, int, float, bool or None, not " + std::string(py::type_name(k)));
  }
}

void append_json(std::string& out, const Value& v, bool close) {
  switch (v.kind()) {
    case Kind::None:
      out += "null";
      return;
    case Kind::Bool:
      out += v.as_bool() ? "true" : "false";
      return;
    case Kind::Int:
      return rt::append_int(out, v.as_int());
    case Kind::Float:
      return append_json_float(out, v.as_float());
    case Kind::Str:
      return append_json_string(out, v.as_str(), close);
    case Kind::List:
    case Kind::Tuple: {
      rt::DepthGuard guard;
      out += '[';
      bool first = true;
      for (const auto& x : v.as_items()) {
        if (!first) out += ", ";
        first = false;
        append_json(out, x, close);
      }
      out += ']';
      return;
    }
    case Kind::Dict: {
      rt::DepthGuard guard;
      out += '{';
      bool first = true;
      for (const auto& [k, x] : v.as_dict().entries()) {
        if (!first) out += ", ";
        first = false;
        append_json_key(out, k, close);
        out += ": ";
        append_json(out, x, close);
      }
      out += '}';
      return;
    }
    default:
      rt::raise("TypeError",
                "Object of type " + std::string(py::type_name(v)) + " is not JSON serializable");
  }
}

}  // namespace

Value parse_json(std::string_view text) {
  JsonBuilder builder;
  if (!nlohmann::json::sax_parse(text.begin(), text.end(), &builder))
    rt::raise("ValueError", "invalid JSON");
  return builder.result();
}

// The string escaper (escape.hpp) writes `</` as `<\/` itself: Tornado's replace() over the
// whole json.dumps output can only hit `</` inside string literals.
std::string json_dumps(const Value& v) {
  std::string out;
  append_json(out, v, false);
  return out;
}

std::string json_encode(const Value& v) {
  std::string out;
  append_json(out, v, true);
  return out;
}

}  // namespace squall
