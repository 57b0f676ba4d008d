// templates-examples/ through the interpreter against Tornado's renderings
// (tests/golden/examples/*.out, made by tests/tools/gen_example_outputs.sh).
#include <gtest/gtest.h>

#include <sstream>

#include "support/case_runner.hpp"

namespace squall::interp::testing {
namespace {

TEST(Examples, RenderLikeTornado) {
  const std::string root = std::string(SQUALL_SOURCE_DIR) + "/templates-examples";
  std::istringstream list(read_text(root + "/examples.txt"));
  std::string line;
  int rendered = 0;
  while (std::getline(list, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, data;
    fields >> name >> data;
    SCOPED_TRACE(name);
    TemplateSet set(std::make_unique<front::FolderLoader>(root));
    const std::string out = set.render(name, parse_json(read_text(root + "/" + data)));
    EXPECT_EQ(
        out, read_text(std::string(SQUALL_SOURCE_DIR) + "/tests/golden/examples/" + name + ".out"));
    ++rendered;
  }
  EXPECT_EQ(rendered, 3);
}

}  // namespace
}  // namespace squall::interp::testing
