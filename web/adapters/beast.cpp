// The Boost.Beast adapter: one asynchronous session per connection reads a request,
// answers it with Application::handle, and reads the next while the client keeps it alive.
#include "squall/web/beast.hpp"

#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <thread>

namespace squall::web::beast {
using tcp = boost::asio::ip::tcp;

static std::string str(boost::beast::string_view s) {
  return std::string(s.data(), s.size());
}

struct Session : std::enable_shared_from_this<Session> {
  Session(tcp::socket socket, const Application& app) : stream(std::move(socket)), app(app) {}
  void read() {
    in = {};
    http::async_read(stream, buffer, in, [self = shared_from_this()](auto ec, std::size_t) {
      if (!ec) self->answer();
    });
  }
  void answer() {
    Request r;
    r.method = str(in.method_string());
    const std::string target = str(in.target());
    r.path = target.substr(0, target.find('?'));
    if (target.size() > r.path.size()) r.query = target.substr(r.path.size() + 1);
    for (const auto& f : in) r.headers.add(str(f.name_string()), str(f.value()));
    r.host = str(in[http::field::host]);
    boost::beast::error_code ec;
    r.remote_ip = stream.socket().remote_endpoint(ec).address().to_string();
    r.body = std::move(in.body());
    r.parse();
    const Response response = app.handle(std::move(r));
    out = {static_cast<http::status>(response.status), in.version()};
    for (const auto& [name, value] : response.headers.items()) out.insert(name, value);
    out.body() = response.body;
    out.keep_alive(in.keep_alive());
    out.prepare_payload();
    http::async_write(stream, out, [self = shared_from_this()](auto ec, std::size_t) {
      if (!ec && self->out.keep_alive()) return self->read();
      self->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    });
  }
  boost::beast::tcp_stream stream;
  boost::beast::flat_buffer buffer;
  const Application& app;
  http::request<http::string_body> in;
  http::response<http::string_body> out;
};

Server::Server(const Application& app, const std::string& address, unsigned short port)
    : app_(app), acceptor_(io_, {boost::asio::ip::make_address(address), port}) {
  accept();
}

void Server::accept() {
  acceptor_.async_accept(boost::asio::make_strand(io_), [this](auto ec, tcp::socket socket) {
    if (!ec) std::make_shared<Session>(std::move(socket), app_)->read();
    accept();
  });
}

void Server::run(int threads) {
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([this] { io_.run(); });
  io_.run();
  for (auto& t : pool) t.join();
}

}  // namespace squall::web::beast
