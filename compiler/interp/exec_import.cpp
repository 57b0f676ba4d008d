// exec_import: `{% import a.b as c %}` and `{% from m import x as y %}` against the
// modules squall::py provides; the bound names are template locals, as in Tornado.
#include "interp/interpreter_impl.hpp"
#include "sema/scope_resolver.hpp"

namespace squall::interp {

using namespace front;

void Interpreter::exec_import(const ImportNode& n, const Template& file) {
  const std::vector<std::string> bound = bound_names_of_import(n);
  for (std::size_t i = 0; i < n.names.size(); ++i) {
    const ImportName& name = n.names[i];
    Value value = at(file, n.range, [&] {
      if (!n.from_module.empty())
        return render::import_from(n.from_module, name.name, import_modules_);
      return render::import_module(name.name, name.alias.empty(), import_modules_);
    });
    const int slot = slot_of(bound[i]);
    if (slot >= 0) locals_[static_cast<std::size_t>(slot)] = std::move(value);
  }
}

}  // namespace squall::interp
