// exec_block and exec_include: the winning block body or the included file's body runs
// inline, in the file it was written in (its autoescape), with the tag on the error chain.
#include "interp/interpreter_impl.hpp"

namespace squall::interp {

using namespace front;

namespace {

class ViaFrame {
 public:
  ViaFrame(std::vector<ErrorFrame>& via, const Template& file, SourceRange range) : via_(via) {
    via_.push_back(ErrorFrame{file.file->name(), file.file->line_of(range.begin)});
  }
  ~ViaFrame() { via_.pop_back(); }
  ViaFrame(const ViaFrame&) = delete;
  ViaFrame& operator=(const ViaFrame&) = delete;

 private:
  std::vector<ErrorFrame>& via_;
};

}  // namespace

Flow Interpreter::exec_block(const BlockNode& n, const Template& file) {
  const BlockDefinition& def = unit_.block_for(n);
  ViaFrame frame(via_, file, n.range);
  return exec_nodes(def.node->body, *def.file);
}

Flow Interpreter::exec_include(const IncludeNode& n, const Template& file) {
  const Template& included = unit_.included(n);
  ViaFrame frame(via_, file, n.range);
  return exec_nodes(included.body, included);
}

}  // namespace squall::interp
