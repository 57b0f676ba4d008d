// What a differential run compares for one render, written the same way by the
// interpreter side (squall_differential) and by the compiled harness (harness_main.cpp,
// built by g++ and clang++ from generated code): the output bytes or the formatted error,
// then every call of the namespace function `log`, in order. Public headers only, so the
// harness compiles against the installed runtime API.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "squall/detail/render.hpp"
#include "squall/error.hpp"
#include "squall/namespace.hpp"
#include "squall/py.hpp"
#include "squall/value.hpp"

namespace squall::differential {

/// CallLog is the side-effect trace of one render.
struct CallLog {
  std::vector<std::string> entries;
};

/// log_function returns `log(*args, **kwargs)`: it appends the reprs of its arguments and
/// `name=repr` of its keyword arguments, joined by a space, to `log`, and returns its last
/// positional argument (None without one).
inline Value log_function(CallLog& log) {
  return Value::function("log", [&log](Args args, KwArgs kwargs) {
    std::string entry;
    for (const Value& a : args) entry += (entry.empty() ? "" : " ") + py::repr(a);
    for (const KwArg& k : kwargs)
      entry += (entry.empty() ? "" : " ") + std::string(k.name) + "=" + py::repr(k.value);
    log.entries.push_back(std::move(entry));
    return args.empty() ? Value() : args.back();
  });
}

/// names returns the namespace a differential render gets: `log` (recording into `log`)
/// and `exc_name(e)`, the class name of an exception (`type(e).__name__`).
inline squall::Namespace names(CallLog& log) {
  squall::Namespace out;
  out.set("log", log_function(log));
  out.set("exc_name", Value::function("exc_name", [](Args args, KwArgs) {
            return Value(std::string(args.empty() ? "" : py::type_name(args[0])));
          }));
  return out;
}

/// record runs `render` and describes what happened:
///   OUT <bytes>\n<output>\n   or   ERR <Error::format()>\n
/// followed by `LOG <entry>\n` per log call.
inline std::string record(const std::function<std::string()>& render, CallLog& log) {
  log.entries.clear();
  std::string out;
  try {
    const std::string text = render();
    out = "OUT " + std::to_string(text.size()) + "\n" + text + "\n";
  } catch (const Error& e) {
    out = "ERR " + e.format() + "\n";
  } catch (const std::exception& e) {
    out = std::string("ERR (not a squall::Error) ") + e.what() + "\n";
  }
  for (const auto& entry : log.entries) out += "LOG " + entry + "\n";
  return out;
}

}  // namespace squall::differential
