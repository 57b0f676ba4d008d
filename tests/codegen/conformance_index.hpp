// The conformance cases compiled to C++ at build time (tools/gen_conformance.cpp).
#pragma once

#include <squall/template_set.hpp>

#include <string_view>
#include <vector>

namespace squall::codegen_testing {

/// CompiledCase is one conformance case: its template set, or null with the diagnostics
/// `squall compile` printed for its main template.
struct CompiledCase {
  std::string_view name;
  const squall::TemplateSet& (*templates)();
  std::string_view diagnostics;
};

/// compiled_cases lists every case of tests/conformance/*.json in file order.
const std::vector<CompiledCase>& compiled_cases();
/// fixed_bug_cases lists every row of tests/parity/fixed-bugs.json in file order.
const std::vector<CompiledCase>& fixed_bug_cases();

}  // namespace squall::codegen_testing
