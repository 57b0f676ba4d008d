// The compiled side of a differential batch: squall_differential compiles this file
// together with the batch's generated C++ (one translation unit) with each C++ compiler,
// and runs it: for every template name on the command line it renders the template with
// the arguments in ARGS.json and prints its record (record.hpp), separated by `== name`.
//
// usage: harness ARGS.json NAME...
#include <fstream>
#include <iostream>
#include <sstream>

#include "differential/record.hpp"
#include "squall/json.hpp"
#include "squall/template_set.hpp"

namespace squall_differential_batch {
const squall::TemplateSet& templates();
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: harness ARGS.json NAME...\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const squall::Value args = squall::parse_json(text.str());
  squall::differential::CallLog log;
  const squall::Namespace names = squall::differential::names(log);
  squall::RenderEnvironment env;
  env.names = &names;
  for (int i = 2; i < argc; ++i) {
    const std::string name = argv[i];
    std::cout << "== " << name << "\n"
              << squall::differential::record(
                     [&] { return squall_differential_batch::templates().render(name, args, env); },
                     log);
  }
  return 0;
}
