// Test support: evaluates the small Python expressions the generated case files use as
// operands (literals, builtin names, `datetime`, attribute access, calls) into Values.
#pragma once

#include <cctype>
#include <charconv>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "squall/detail/unicode.hpp"
#include "squall/py.hpp"

namespace squall::test {

class PyLiteralParser {
 public:
  explicit PyLiteralParser(std::string_view src) : src_(src) {}

  /// parse evaluates the whole text; throws std::runtime_error on syntax it does not know.
  Value parse() {
    Value v = expr();
    skip_ws();
    if (pos_ != src_.size()) fail("trailing text");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw std::runtime_error("py literal '" + std::string(src_) + "': " + why + " at " +
                             std::to_string(pos_));
  }
  void skip_ws() {
    while (pos_ < src_.size() && std::isspace(static_cast<unsigned char>(src_[pos_]))) ++pos_;
  }
  bool eat(char c) {
    skip_ws();
    if (pos_ < src_.size() && src_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected '") + c + "'");
  }

  Value expr() {
    skip_ws();
    if (eat('-')) {
      skip_ws();
      if (pos_ < src_.size() && std::isdigit(static_cast<unsigned char>(src_[pos_])))
        return number(true);
      return py::neg(expr());
    }
    if (eat('+')) return py::pos(expr());
    Value v = atom();
    while (true) {
      if (eat('.')) {
        v = py::getattr(v, identifier());
      } else if (eat('(')) {
        std::vector<Value> args;
        std::vector<std::string> names;
        std::vector<Value> kwvalues;
        call_args(args, names, kwvalues);
        std::vector<KwArg> kwargs;
        for (std::size_t i = 0; i < names.size(); ++i) kwargs.push_back({names[i], kwvalues[i]});
        v = py::call(v, args, kwargs);
      } else {
        return v;
      }
    }
  }

  void call_args(std::vector<Value>& args, std::vector<std::string>& names,
                 std::vector<Value>& values) {
    while (!eat(')')) {
      skip_ws();
      const std::size_t save = pos_;
      if (std::isalpha(static_cast<unsigned char>(src_[pos_]))) {
        std::string name = identifier();
        if (eat('=')) {
          names.push_back(name);
          values.push_back(expr());
          if (!eat(',')) {
            expect(')');
            return;
          }
          continue;
        }
        pos_ = save;
      }
      args.push_back(expr());
      if (!eat(',')) {
        expect(')');
        return;
      }
    }
  }

  std::string identifier() {
    skip_ws();
    const std::size_t start = pos_;
    while (pos_ < src_.size() &&
           (std::isalnum(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_'))
      ++pos_;
    if (start == pos_) fail("expected a name");
    return std::string(src_.substr(start, pos_ - start));
  }

  Value atom() {
    skip_ws();
    if (pos_ >= src_.size()) fail("unexpected end");
    const char c = src_[pos_];
    if (c == '\'' || c == '"') {
      std::string s;
      while (pos_ < src_.size() && (src_[pos_] == '\'' || src_[pos_] == '"')) {
        s += string_literal();
        skip_ws();
      }
      return Value(std::move(s));
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return number();
    if (c == '[') return Value::list(items(']'));
    if (c == '(') return paren();
    if (c == '{') return brace();
    const std::string name = identifier();
    if (name == "None") return Value();
    if (name == "True") return Value(true);
    if (name == "False") return Value(false);
    if (auto m = py::module(name)) return *m;
    if (auto b = py::builtin(name)) return *b;
    fail("unknown name " + name);
  }

  std::vector<Value> items(char close) {
    ++pos_;
    std::vector<Value> out;
    while (!eat(close)) {
      out.push_back(expr());
      if (!eat(',')) {
        expect(close);
        break;
      }
    }
    return out;
  }

  Value paren() {
    ++pos_;
    std::vector<Value> out;
    bool comma = false;
    while (!eat(')')) {
      out.push_back(expr());
      if (!eat(',')) {
        expect(')');
        if (!comma && out.size() == 1) return out[0];  // parenthesised expression
        break;
      }
      comma = true;
    }
    return Value::tuple(std::move(out));
  }

  Value brace() {
    ++pos_;
    if (eat('}')) return Value::dict();
    Value first = expr();
    if (eat(':')) {
      Value d = Value::dict();
      d.as_dict().set(first, expr());
      while (eat(',')) {
        if (eat('}')) return d;
        Value k = expr();
        expect(':');
        d.as_dict().set(k, expr());
      }
      expect('}');
      return d;
    }
    std::vector<Value> out{first};
    while (eat(',')) {
      if (eat('}')) return Value::set(std::move(out));
      out.push_back(expr());
    }
    expect('}');
    return Value::set(std::move(out));
  }

  Value number(bool negative = false) {
    const std::size_t start = pos_;
    bool is_float = false;
    while (pos_ < src_.size()) {
      const char c = src_[pos_];
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '_') {
        ++pos_;
      } else if (c == '.' || c == 'e' || c == 'E') {
        is_float = true;
        ++pos_;
        if ((c == 'e' || c == 'E') && pos_ < src_.size() &&
            (src_[pos_] == '-' || src_[pos_] == '+'))
          ++pos_;
      } else {
        break;
      }
    }
    std::string text = negative ? "-" : "";
    for (char c : src_.substr(start, pos_ - start))
      if (c != '_') text += c;
    if (is_float) {
      double d = 0;
      std::from_chars(text.data(), text.data() + text.size(), d);
      return Value(d);
    }
    std::int64_t i = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), i);
    if (r.ec != std::errc()) fail("int literal out of range");
    return Value(i);
  }

  std::string string_literal() {
    const char quote = src_[pos_++];
    std::string out;
    while (pos_ < src_.size() && src_[pos_] != quote) {
      char c = src_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= src_.size()) fail("bad escape");
      c = src_[pos_++];
      switch (c) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '0':
          out += '\0';
          break;
        case '\\':
          out += '\\';
          break;
        case '\'':
          out += '\'';
          break;
        case '"':
          out += '"';
          break;
        case 'x':
          detail::append_utf8(out, hex(2));
          break;
        case 'u':
          detail::append_utf8(out, hex(4));
          break;
        case 'U':
          detail::append_utf8(out, hex(8));
          break;
        default:
          fail(std::string("unknown escape \\") + c);
      }
    }
    if (pos_ >= src_.size()) fail("unterminated string");
    ++pos_;
    return out;
  }

  char32_t hex(int n) {
    if (pos_ + static_cast<std::size_t>(n) > src_.size()) fail("short hex escape");
    unsigned v = 0;
    std::from_chars(src_.data() + pos_, src_.data() + pos_ + n, v, 16);
    pos_ += static_cast<std::size_t>(n);
    return static_cast<char32_t>(v);
  }

  std::string_view src_;
  std::size_t pos_ = 0;
};

/// eval_py parses and evaluates one operand expression.
inline Value eval_py(std::string_view src) {
  return PyLiteralParser(src).parse();
}

}  // namespace squall::test
