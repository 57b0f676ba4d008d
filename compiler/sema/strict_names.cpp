#include "sema/strict_names.hpp"

#include <algorithm>

#include "squall/namespace.hpp"
#include "squall/py.hpp"

namespace squall::front {

int check_strict_names(const Unit& unit, const std::vector<std::string>& known,
                       DiagnosticEngine& diags) {
  static constexpr std::string_view kAlways[] = {"globals", "__name__", "_tt_modules", "modules"};
  int reported = 0;
  for (const auto& read : unit.global_reads) {
    const std::string& name = read.name;
    if (unit.typed.find(name) || py::builtin(name) || default_names().find(name) ||
        std::find(std::begin(kAlways), std::end(kAlways), name) != std::end(kAlways) ||
        std::find(known.begin(), known.end(), name) != known.end())
      continue;
    diags.warning(
        read.file, read.range,
        "name '" + name + "' is not a declared argument, a template local or a known name");
    ++reported;
  }
  return reported;
}

}  // namespace squall::front
