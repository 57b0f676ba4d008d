// The 9 reference renderings of real templates (../shared/corpus/render), made with real
// Tornado 6.2 and handler stand-ins; tests/interp/support/handler_stubs.hpp provides the
// same stand-ins. Skipped when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/case_runner.hpp"
#include "support/handler_stubs.hpp"

namespace squall::interp::testing {
namespace {

TEST(CorpusRender, MatchesTornadoByteForByte) {
  const std::string corpus = std::string(SQUALL_SHARED_DIR) + "/corpus";
  if (!std::filesystem::exists(corpus + "/render/cases.json"))
    GTEST_SKIP() << "no ../shared/corpus";
  const Json cases = Json::parse(read_text(corpus + "/render/cases.json"));
  ASSERT_EQ(cases.size(), 9u);
  for (const Json& c : cases) {
    const std::string name = c["case"].get<std::string>();
    SCOPED_TRACE(name);
    StubContext ctx =
        make_stub_context(Json::parse(read_text(corpus + "/render/" + name + ".json")));
    TemplateSet set(
        std::make_unique<front::FolderLoader>(corpus + "/" + c["template_dir"].get<std::string>()),
        std::move(ctx.options));
    std::string out;
    try {
      out = set.render(c["template"].get<std::string>(), ctx.kwargs);
    } catch (const std::exception& e) {
      ADD_FAILURE() << name << ": " << e.what();
      continue;
    }
    EXPECT_EQ(out, read_text(corpus + "/render/" + name + ".out")) << name;
  }
}

}  // namespace
}  // namespace squall::interp::testing
