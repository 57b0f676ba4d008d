// bind_lambda_args: Python's argument binding for template lambdas, with CPython's errors.
#include "squall/detail/render.hpp"
#include "squall/py.hpp"

namespace squall::render {
namespace {

// Tornado's template code runs in a function named _tt_execute, so Python names a template
// lambda by its qualified name in these messages.
const std::string kLambdaName = "_tt_execute.<locals>.<lambda>";

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string quoted_list(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + std::string(names[i]) + "'";
  }
  return out;
}

}  // namespace

std::vector<Value> bind_lambda_args(std::span<const LambdaParam> params,
                                    std::span<const Value> defaults, Args args, KwArgs kwargs) {
  std::vector<std::optional<Value>> bound(params.size());
  std::size_t positional = 0;  // parameters that take positional arguments
  std::optional<std::size_t> star, double_star;
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (params[i].star)
      star = i;
    else if (params[i].double_star)
      double_star = i;
    else if (!star)
      ++positional;
  }
  if (args.size() > positional && !star) {
    py::raise_type_error(kLambdaName + "() takes " + plural(positional, "positional argument") +
                         " but " + std::to_string(args.size()) +
                         (args.size() == 1 ? " was" : " were") + " given");
  }
  for (std::size_t i = 0; i < args.size() && i < positional; ++i) bound[i] = args[i];
  if (star) {
    std::vector<Value> rest;
    for (std::size_t i = positional; i < args.size(); ++i) rest.push_back(args[i]);
    bound[*star] = Value::tuple(std::move(rest));
  }
  Value extra = Value::dict();
  for (const auto& kw : kwargs) {
    std::size_t i = 0;
    while (i < params.size() &&
           (params[i].star || params[i].double_star || params[i].name != kw.name))
      ++i;
    if (i == params.size()) {
      if (!double_star) {
        py::raise_type_error(kLambdaName + "() got an unexpected keyword argument '" +
                             std::string(kw.name) + "'");
      }
      extra.as_dict().set(Value(kw.name), kw.value);
      continue;
    }
    if (bound[i]) {
      py::raise_type_error(kLambdaName + "() got multiple values for argument '" +
                           std::string(kw.name) + "'");
    }
    bound[i] = kw.value;
  }
  if (double_star) bound[*double_star] = extra;
  std::size_t next_default = 0;
  std::vector<std::string_view> missing;
  std::vector<Value> out;
  out.reserve(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    const bool has_default = params[i].has_default;
    if (!bound[i] && has_default && next_default < defaults.size())
      bound[i] = defaults[next_default];
    if (has_default) ++next_default;
    if (!bound[i]) missing.push_back(params[i].name);
    out.push_back(bound[i].value_or(Value()));
  }
  if (!missing.empty()) {
    py::raise_type_error(kLambdaName + "() missing " +
                         plural(missing.size(), "required positional argument") + ": " +
                         quoted_list(missing));
  }
  return out;
}

}  // namespace squall::render
