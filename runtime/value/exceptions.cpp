// Exception type values for `{% except KeyError %}` and the object bound by `as e`.
#include <algorithm>
#include <unordered_map>

#include "value/internal.hpp"

namespace squall::rt {
namespace {

// Parent of each exception class (Python's hierarchy, restricted to what templates raise).
const std::unordered_map<std::string_view, std::string_view>& parents() {
  static const std::unordered_map<std::string_view, std::string_view> p = {
      {"BaseException", ""},
      {"Exception", "BaseException"},
      {"LookupError", "Exception"},
      {"KeyError", "LookupError"},
      {"IndexError", "LookupError"},
      {"ArithmeticError", "Exception"},
      {"ZeroDivisionError", "ArithmeticError"},
      {"OverflowError", "ArithmeticError"},
      {"NameError", "Exception"},
      {"UnboundLocalError", "NameError"},
      {"AttributeError", "Exception"},
      {"TypeError", "Exception"},
      {"ValueError", "Exception"},
      {"UnicodeError", "ValueError"},
      {"UnicodeDecodeError", "UnicodeError"},
      {"UnicodeEncodeError", "UnicodeError"},
      {"RuntimeError", "Exception"},
      {"RecursionError", "RuntimeError"},
      {"NotImplementedError", "RuntimeError"},
      {"StopIteration", "Exception"},
      {"AssertionError", "Exception"},
      {"ImportError", "Exception"},
      {"ModuleNotFoundError", "ImportError"},
      {"OSError", "Exception"},
      {"SystemError", "Exception"},  // a C++ exception from registered code (rethrow_as_error)
  };
  return p;
}

// is_subclass: is `cls` `base` or below it? Unknown classes derive from Exception.
bool is_subclass(std::string_view cls, std::string_view base) {
  const auto& p = parents();
  for (int guard = 0; guard < 16 && !cls.empty(); ++guard) {
    if (cls == base) return true;
    auto it = p.find(cls);
    cls = it == p.end() ? std::string_view("Exception") : it->second;
  }
  return false;
}

class ExceptionValue final : public Object {
 public:
  // `args` is the tuple the exception was made with; a caught error carries its message.
  ExceptionValue(std::string type, std::string message, Value args, bool caught = false)
      : type_(std::move(type)),
        message_(std::move(message)),
        args_(std::move(args)),
        caught_key_error_(caught && type_ == "KeyError") {}
  std::string_view type_name() const override { return type_; }
  void append_str(std::string& out) const override { out += message_; }
  void append_repr(std::string& out) const override {
    out += type_;
    const auto& items = args_.as_items();
    if (caught_key_error_) {
      // A KeyError Squall raised carries repr(key) as its message.
      out += '(' + message_ + ')';
    } else if (items.size() == 1) {
      out += '(';
      py::append_repr(out, items[0]);
      out += ')';
    } else {
      py::append_repr(out, args_);
    }
  }
  std::optional<Value> getattr(std::string_view name) const override {
    if (name == "args") return args_;
    return std::nullopt;
  }
  const std::string& type() const { return type_; }

 private:
  std::string type_;
  std::string message_;
  Value args_;
  bool caught_key_error_;
};

class ExceptionType final : public TypeBase {
 public:
  explicit ExceptionType(std::string_view name) : TypeBase(name) {}
  Value call(Args args, KwArgs) const override {
    std::string msg;
    if (args.size() == 1) msg = name_ == "KeyError" ? py::repr(args[0]) : py::str(args[0]);
    if (args.size() > 1) msg = py::repr(Value::tuple(std::vector<Value>(args.begin(), args.end())));
    return Value::adopt(
        new ExceptionValue(std::string(name_), std::move(msg),
                           Value::tuple(std::vector<Value>(args.begin(), args.end()))));
  }
  bool is_instance_of_this(const Value& v) const override {
    if (!v.is_object()) return false;
    auto* e = dynamic_cast<const ExceptionValue*>(&v.as_object());
    return e && is_subclass(e->type(), name_);
  }
};

}  // namespace

bool exception_subclass(std::string_view cls, std::string_view base) {
  return is_subclass(cls, base);
}

Value exception_type(std::string_view name) {
  auto it = parents().find(name);
  if (it == parents().end()) return Value();
  return Value::adopt(new ExceptionType(it->first));
}

void for_each_exception_type(const std::function<void(std::string_view)>& f) {
  for (const auto& kv : parents()) f(kv.first);
}

}  // namespace squall::rt

namespace squall::py {

using namespace squall::rt;

bool exception_matches(const Error& e, const Value& type_or_tuple) {
  if (type_or_tuple.is_tuple()) {
    const auto& items = type_or_tuple.as_items();
    return std::any_of(items.begin(), items.end(),
                       [&](const Value& t) { return exception_matches(e, t); });
  }
  if (type_or_tuple.is_object()) {
    if (auto* t = dynamic_cast<const ExceptionType*>(&type_or_tuple.as_object()))
      return is_subclass(e.type(), t->name());
  }
  raise("TypeError", "catching classes that do not inherit from BaseException is not allowed");
}

Value exception_value(const Error& e) {
  return Value::adopt(
      new ExceptionValue(e.type(), e.message(), Value::tuple({Value(e.message())}), true));
}

}  // namespace squall::py
