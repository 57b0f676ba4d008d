// The preview's HTTP side (cpp-httplib): the index, the pages, /static/, and the
// server-sent events that tell open pages to reload.
#pragma once

#include <condition_variable>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "preview/previewer.hpp"

namespace squall::preview {

/// ChangeHub hands file-change batches to the event streams of open pages.
class ChangeHub {
 public:
  struct Subscriber {
    std::string page;                  ///< template name; "" (the index) reloads on anything
    std::vector<std::string> pending;  ///< reload reasons not yet sent
    bool closed = false;
  };
  std::shared_ptr<Subscriber> subscribe(std::string page);
  void unsubscribe(const std::shared_ptr<Subscriber>& s);
  /// publish wakes the subscribers for which `affects(page)` is true.
  void publish(const std::function<bool(const std::string& page)>& affects, const std::string& why);
  /// wait waits up to `timeout` for `s` to have something pending; returns and clears it.
  std::vector<std::string> wait(Subscriber& s, std::chrono::milliseconds timeout);
  /// pages lists the pages with an open stream.
  std::vector<std::string> pages();
  /// close ends every stream (server shutdown).
  void close();

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::list<std::shared_ptr<Subscriber>> subscribers_;
  bool closed_ = false;
};

/// serve runs the preview server until it is stopped (SIGINT/SIGTERM end the process).
/// `on_listening` receives the bound port (useful with port 0) before requests are served.
/// Returns false when it cannot bind.
bool serve(Previewer& previewer, const std::function<void(int port)>& on_listening);

}  // namespace squall::preview
