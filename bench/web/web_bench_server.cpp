// The load-test server: one page with UI modules (bench/web/templates, data.json) through
// squall::web and the adapter named on the command line, on 127.0.0.1.
//   web_bench_server httplib|beast PORT [THREADS]
// bench/web/load_test.sh runs it beside bench/web/tornado_server.py (the same page in
// Tornado 6.2) under wrk.
#include <fstream>
#include <iostream>
#include <sstream>

#include "squall/web/beast.hpp"
#include "squall/web/httplib.hpp"
#include "web_bench_templates.hpp"

namespace {

// Entry is the page's UI module: an entry rendered from entry.html, with resources.
class Entry final : public squall::UIModule {
 public:
  squall::Value render(squall::Args args, squall::KwArgs) override {
    return squall::Value(render_string("entry.html", {{"entry", args[0]}}));
  }
  squall::Value embedded_css() override { return squall::Value(".entry { margin: 1em; }"); }
  squall::Value javascript_files() override { return squall::Value("entry.js"); }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: web_bench_server httplib|beast PORT [THREADS]\n";
    return 2;
  }
  const std::string adapter = argv[1];
  const int port = std::stoi(argv[2]);
  const int threads = argc > 3 ? std::stoi(argv[3]) : 1;
  std::ifstream in(std::string(SQUALL_WEB_BENCH_DIR) + "/data.json");
  std::stringstream text;
  text << in.rdbuf();
  const squall::Value data = squall::Value::from_json(text.str());

  squall::web::Settings settings;
  settings.static_path = std::string(SQUALL_WEB_BENCH_DIR) + "/static";
  settings.xsrf_cookies = true;
  squall::web::Application app(settings, web_bench::templates());
  app.modules().add<Entry>("Entry");
  app.route("/", "home").get([&](squall::web::Handler& h) { h.render("page.html", data); });

  if (adapter == "httplib") {
    httplib::Server server;
    server.new_task_queue = [threads] {
      return new httplib::ThreadPool(static_cast<size_t>(threads));
    };
    server.set_tcp_nodelay(true);  // headers and body go out as two writes: no Nagle delay
    squall::web::cpphttplib::mount(server, app);
    return server.listen("127.0.0.1", port) ? 0 : 1;
  }
  if (adapter == "beast") {
    squall::web::beast::Server server(app, "127.0.0.1", static_cast<unsigned short>(port));
    server.run(threads);
    return 0;
  }
  std::cerr << "web_bench_server: unknown adapter '" << adapter << "'\n";
  return 2;
}
