// str.format: replacement fields, auto/manual numbering, conversions, nested specs.
#include "value/format_spec.hpp"

namespace squall::rt {
namespace {

class Formatter {
 public:
  Formatter(Args args, KwArgs kwargs) : args_(args), kwargs_(kwargs) {}

  std::string run(std::string_view f, int depth) {
    if (depth > 2) raise("ValueError", "Max string recursion exceeded");
    std::string out;
    std::size_t i = 0;
    while (i < f.size()) {
      const char c = f[i];
      if (c == '}') {
        if (i + 1 < f.size() && f[i + 1] == '}') {
          out += '}';
          i += 2;
          continue;
        }
        raise("ValueError", "Single '}' encountered in format string");
      }
      if (c != '{') {
        out += c;
        ++i;
        continue;
      }
      if (i + 1 == f.size()) raise("ValueError", "Single '{' encountered in format string");
      if (i + 1 < f.size() && f[i + 1] == '{') {
        out += '{';
        i += 2;
        continue;
      }
      const std::size_t end = field_end(f, i + 1);
      out += field(f.substr(i + 1, end - i - 1), depth);
      i = end + 1;
    }
    return out;
  }

 private:
  // Finds the '}' closing the field that starts at `i`, allowing one nested level of {}.
  static std::size_t field_end(std::string_view f, std::size_t i) {
    int level = 1;
    for (; i < f.size(); ++i) {
      if (f[i] == '{') ++level;
      if (f[i] == '}' && --level == 0) return i;
    }
    raise("ValueError",
          level > 1 ? "unmatched '{' in format spec" : "expected '}' before end of string");
  }

  std::string field(std::string_view body, int depth) {
    std::size_t colon = std::string_view::npos, bang = std::string_view::npos;
    for (std::size_t j = 0, bracket = 0; j < body.size(); ++j) {
      if (body[j] == '[') ++bracket;
      if (body[j] == ']' && bracket) --bracket;
      if (bracket) continue;
      if (body[j] == '!' && bang == std::string_view::npos) bang = j;
      if (body[j] == ':') {
        colon = j;
        break;
      }
    }
    const std::size_t name_end = std::min(bang, colon);
    Value v = resolve(body.substr(0, name_end));
    if (bang != std::string_view::npos && bang < colon) {
      const std::string_view conv = body.substr(
          bang + 1, colon == std::string_view::npos ? std::string_view::npos : colon - bang - 1);
      if (conv.size() != 1 || (conv[0] != 'r' && conv[0] != 's' && conv[0] != 'a')) {
        raise("ValueError", conv.size() == 1 ? "Unknown conversion specifier " + std::string(conv)
                                             : "expected ':' after conversion specifier");
      }
      v = Value(conv[0] == 's' ? py::str(v) : conv[0] == 'r' ? py::repr(v) : ascii_repr(v));
    }
    std::string spec;
    if (colon != std::string_view::npos) spec = run(body.substr(colon + 1), depth + 1);
    return py::format_value(v, spec);
  }

  Value first_value(std::string_view name) {
    if (name.empty()) {
      if (manual_)
        raise("ValueError",
              "cannot switch from manual field specification to automatic field numbering");
      automatic_ = true;
      return positional(next_++);
    }
    if (name.find_first_not_of("0123456789") == std::string_view::npos) {
      if (automatic_)
        raise("ValueError",
              "cannot switch from automatic field numbering to manual field specification");
      manual_ = true;
      return positional(std::stoull(std::string(name)));
    }
    if (const Value* v = kwarg(kwargs_, name)) return *v;
    raise("KeyError", py::repr(Value(name)));
  }

  Value positional(std::size_t i) {
    if (i >= args_.size())
      raise("IndexError",
            "Replacement index " + std::to_string(i) + " out of range for positional args tuple");
    return args_[i];
  }

  Value resolve(std::string_view path) {
    std::size_t j = path.find_first_of(".[");
    Value v = first_value(path.substr(0, j));
    while (j < path.size()) {
      if (path[j] == '.') {
        const std::size_t k = path.find_first_of(".[", j + 1);
        const std::string_view attr =
            path.substr(j + 1, k == std::string_view::npos ? k : k - j - 1);
        if (attr.empty()) raise("ValueError", "Empty attribute in format string");
        v = py::getattr(v, attr);
        j = k == std::string_view::npos ? path.size() : k;
      } else {
        const std::size_t close = path.find(']', j);
        if (close == std::string_view::npos) raise("ValueError", "Missing ']' in format string");
        const std::string_view key = path.substr(j + 1, close - j - 1);
        const bool numeric =
            !key.empty() && key.find_first_not_of("0123456789") == std::string_view::npos;
        v = py::getitem(v, numeric ? Value(std::stoll(std::string(key))) : Value(key));
        j = close + 1;
        if (j < path.size() && path[j] != '.' && path[j] != '[')
          raise("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    return v;
  }

  Args args_;
  KwArgs kwargs_;
  std::size_t next_ = 0;
  bool automatic_ = false, manual_ = false;
};

}  // namespace
}  // namespace squall::rt

namespace squall::py {

std::string str_format(std::string_view fmt, Args args, KwArgs kwargs) {
  return rt::Formatter(args, kwargs).run(fmt, 0);
}

}  // namespace squall::py
