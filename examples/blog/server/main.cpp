// squall-blog: serves the example blog on the loopback interface.
//   squall-blog [--port N] [--db FILE] [--site DIR] [--debug]
// Prints the URL on its first line of output; SIGINT (Ctrl-C) or SIGTERM stops it after
// the requests in progress, with exit status 0.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <thread>

#include "blog_site.hpp"
#include "squall/web/httplib.hpp"

int main(int argc, char** argv) {
  CLI::App cli("Serves the Squall example blog on 127.0.0.1.", "squall-blog");
  int port = 8888;
  blog::SiteOptions options{BLOG_SITE_DIR, BLOG_DEFAULT_DB};
  cli.add_option("--port", port, "TCP port on 127.0.0.1 (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cli.add_option("--db", options.db_file, "SQLite file, created and seeded when new")
      ->capture_default_str();
  cli.add_option("--site", options.site_dir, "folder with static/, translations/, data/")
      ->check(CLI::ExistingDirectory)
      ->capture_default_str();
  cli.add_flag("--debug", options.debug, "error pages with the template source");
  CLI11_PARSE(cli, argc, argv);

  // Signals are taken by one thread with sigwait, so no handler runs inside the server's
  // threads (which inherit the blocked mask).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::unique_ptr<blog::Site> site;
  try {
    site = std::make_unique<blog::Site>(options);
  } catch (const std::exception& e) {
    std::cerr << "squall-blog: " << e.what() << "\n";
    return 1;
  }
  httplib::Server server;
  // Without TCP_NODELAY a kept-alive connection waits ~40 ms for each response (Nagle's
  // algorithm against the client's delayed ACK: httplib writes headers and body apart).
  server.set_tcp_nodelay(true);
  squall::web::cpphttplib::mount(server, site->app());
  const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1")
                              : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound < 0) {
    std::cerr << "squall-blog: cannot listen on 127.0.0.1:" << port << "\n";
    return 1;
  }
  std::cout << "Serving the Squall blog on http://127.0.0.1:" << bound
            << "/ (data: " << options.db_file.string() << (site->db().created() ? ", new" : "")
            << "); Ctrl-C stops it" << std::endl;

  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  const bool served = server.listen_after_bind();
  // listen_after_bind also returns when the socket fails; wake the stopper then.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  std::cout << "squall-blog: stopped" << std::endl;
  return served ? 0 : 1;
}
