// A generator of random but valid Tornado templates for differential testing: the same
// template rendered by the interpreter, by its C++ compiled with g++ and with clang++ (and,
// for a stored sample, by Tornado 6.2) must give the same bytes, the same error and the
// same side effects.
//
// Everything is derived from one 64-bit seed by the generator's own PRNG (no <random>
// distributions, whose results differ between standard libraries), so a case is
// reproduced by its seed alone. Expressions are type-directed (int, float, str, bool, list,
// dict...) so most of them evaluate; those that raise are caught by a `{% try %}` around
// each output, whose handler prints the exception class (the namespace function
// `exc_name(e)`, Python's `type(e).__name__`). Side effects are first-class: the namespace
// function `log(*args, **kwargs)` records its arguments, and every template appends to a
// list `t` it prints at the end.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace squall::differential {

/// GeneratedCase is one generated template set: main.html and the templates it includes
/// or extends, and the render arguments (a JSON object).
struct GeneratedCase {
  std::uint64_t seed = 0;
  std::map<std::string, std::string> templates;
  std::string main = "main.html";
  std::string args_json;
  int expressions = 0;  ///< expressions written into the templates
};

/// generate_case builds the case of `seed` with about `expressions` expressions.
GeneratedCase generate_case(std::uint64_t seed, int expressions);

/// case_seed derives the seed of case `index` of a run started with `run_seed`, so one
/// case of a long run is regenerated alone with `generate_case(case_seed(...), n)`.
std::uint64_t case_seed(std::uint64_t run_seed, std::uint64_t index);

/// kArgsJson is the render arguments of every case (names the expressions read).
extern const char* const kArgsJson;

}  // namespace squall::differential
