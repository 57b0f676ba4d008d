// Error annotation for generated code: the position table row of the failing statement
// and its include/block chain, turned into render::annotate_error's arguments.
#include "squall/detail/compiled.hpp"

namespace squall::rt {

void annotate(Error& e, const SourcePos* table, int pos) {
  const SourcePos& at = table[pos];
  std::vector<ErrorFrame> via;
  for (int v = at.via; v >= 0; v = table[v].via)
    via.push_back({table[v].template_name, table[v].line});
  render::annotate_error(e, at.template_name, at.line, via);
}

void annotate_other_error(const SourcePos* table, int pos) {
  Error e = render::error_from_current_exception();
  annotate(e, table, pos);
  throw e;
}

}  // namespace squall::rt
