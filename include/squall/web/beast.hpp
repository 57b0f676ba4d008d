// squall::web over Boost.Beast (Debian libboost-dev): an asynchronous HTTP/1.1 server
// answering with an Application. Link Squall::web_beast.
//
// **Example**:
// ```
// squall::web::beast::Server server(app, "127.0.0.1", 8080);
// server.run(4);  // four threads; returns after stop()
// ```
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http.hpp>

#include <string>

#include "squall/web.hpp"

namespace squall::web::beast {

namespace http = boost::beast::http;

/// Server accepts connections on `address`:`port` (port 0: a free port, see port()) and
/// answers each request with `app.handle`, keeping connections alive. `app` must outlive it.
class Server {
 public:
  /// Server binds and listens on `address` (an IPv4 or IPv6 literal such as "127.0.0.1" or
  /// "::", not a host name) and `port`; connections are accepted once run() is called.
  /// Throws boost::system::system_error for an invalid address or one it cannot bind.
  Server(const Application& app, const std::string& address, unsigned short port);
  /// port is the port listened on.
  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  /// run serves on `threads` threads until stop().
  void run(int threads = 1);
  /// stop makes run() return (callable from any thread).
  void stop() { io_.stop(); }

 private:
  void accept();
  const Application& app_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
};

}  // namespace squall::web::beast
