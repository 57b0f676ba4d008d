// dict_steps follows CPython 3.11's compiler_dict / compiler_subdict (Python/compile.c).
#include "sema/display_order.hpp"

namespace squall::front {
namespace {

// CPython's STACK_USE_GUIDELINE: a run pushing more values than this inserts pair by pair.
constexpr std::size_t kStackUseGuideline = 30;

void add_run(std::vector<DictStep>& steps, std::size_t begin, std::size_t end) {
  if ((end - begin) * 2 > kStackUseGuideline) {
    for (std::size_t i = begin; i < end; ++i) steps.push_back({DictStep::Kind::Pairs, i, i + 1});
  } else {
    steps.push_back({DictStep::Kind::Pairs, begin, end});
  }
}

}  // namespace

std::vector<DictStep> dict_steps(const DictExpr& d) {
  std::vector<DictStep> steps;
  std::size_t pending = 0;  // pairs waiting for their run to close
  const std::size_t n = d.keys.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!d.keys[i]) {
      if (pending) add_run(steps, i - pending, i);
      pending = 0;
      steps.push_back({DictStep::Kind::Merge, i, i + 1});
    } else if (pending * 2 > kStackUseGuideline) {
      add_run(steps, i - pending, i + 1);
      pending = 0;
    } else {
      ++pending;
    }
  }
  if (pending) add_run(steps, n - pending, n);
  return steps;
}

}  // namespace squall::front
