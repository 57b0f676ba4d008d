// The preview server (see server.hpp).
#include "preview/server.hpp"

#include <httplib.h>

#include <filesystem>
#include <iostream>

#include "preview/watcher.hpp"
#include "squall/escape.hpp"

namespace squall::preview {

namespace fs = std::filesystem;

std::shared_ptr<ChangeHub::Subscriber> ChangeHub::subscribe(std::string page) {
  auto s = std::make_shared<Subscriber>();
  s->page = std::move(page);
  std::lock_guard lock(mutex_);
  s->closed = closed_;
  subscribers_.push_back(s);
  return s;
}

void ChangeHub::unsubscribe(const std::shared_ptr<Subscriber>& s) {
  std::lock_guard lock(mutex_);
  subscribers_.remove(s);
}

void ChangeHub::publish(const std::function<bool(const std::string&)>& affects,
                        const std::string& why) {
  {
    std::lock_guard lock(mutex_);
    for (auto& s : subscribers_) {
      if (s->page.empty() || affects(s->page)) s->pending.push_back(why);
    }
  }
  cv_.notify_all();
}

std::vector<std::string> ChangeHub::wait(Subscriber& s, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  cv_.wait_for(lock, timeout, [&] { return !s.pending.empty() || s.closed; });
  return std::exchange(s.pending, {});
}

std::vector<std::string> ChangeHub::pages() {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& s : subscribers_) out.push_back(s->page);
  return out;
}

void ChangeHub::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    for (auto& s : subscribers_) s->closed = true;
  }
  cv_.notify_all();
}

namespace {

std::string esc(std::string_view s) {
  return xhtml_escape(s);
}

std::string page_url(const std::string& name, const std::string& variant) {
  std::string url = "/page/" + url_escape(name, false);
  // url_escape escapes `/`; keep the template's folders readable in the address bar.
  for (std::size_t at; (at = url.find("%2F")) != std::string::npos;) url.replace(at, 3, "/");
  if (!variant.empty()) url += "?variant=" + url_escape(variant, false);
  return url;
}

std::string index_html(Previewer& previewer) {
  std::string rows;
  for (const Page& page : previewer.pages()) {
    const Status status = previewer.status(page.name);
    std::string links;
    for (const Variant& v : page.variants) {
      links += "<a href=\"" + esc(page_url(page.name, v.name)) + "\">" +
               esc(v.name.empty() ? "page" : v.name) + "</a> ";
    }
    std::string state = status.ok
                            ? "<span class=\"ok\">ok</span>"
                            : "<span class=\"err\">" + esc(status.first_diagnostic) + "</span>";
    if (!page.data_error.empty())
      state += "<br><span class=\"err\">" + esc(page.data_error) + "</span>";
    const std::string data =
        page.data_file.empty()
            ? std::string("<i>none</i>")
            : esc(page.data_file.lexically_relative(previewer.options().root).generic_string());
    rows += "<tr><td>" + esc(page.name) + "</td><td>" + data + "</td><td>" + links + "</td><td>" +
            state + "</td></tr>\n";
  }
  return inject_reload_script(
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Squall preview</title>\n"
      "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left;"
      "vertical-align:top}tr:nth-child(even){background:#f4f4f8}.ok{color:#176d2e}"
      ".err{color:#b00020;font-family:monospace}</style></head><body>\n<h1>Squall preview: " +
          esc(previewer.options().root.string()) +
          "</h1>\n<table>\n<tr><th>template</th><th>data</th><th>pages</th><th>status</th></tr>\n" +
          rows + "</table>\n</body></html>\n",
      "");
}

void answer_page(Previewer& previewer, const httplib::Request& req, httplib::Response& res) {
  const std::string name = req.matches[1];
  const std::string variant = req.get_param_value("variant");
  if (name.empty() || !fs::is_regular_file(previewer.options().root / name) ||
      fs::path(name).lexically_normal().string().starts_with("..")) {
    res.status = 404;
    res.set_content("no template " + name + "\n", "text/plain");
    return;
  }
  const Page page = load_page(previewer.options().root, previewer.options().data, name);
  const Variant* chosen = &page.variants.front();
  for (const Variant& v : page.variants) {
    if (v.name == variant) chosen = &v;
  }
  if (!variant.empty() && chosen->name != variant) {
    res.status = 404;
    res.set_content("no variant " + variant + " in " + page.data_file.string() + "\n",
                    "text/plain");
    return;
  }
  Rendered r = previewer.render(page, *chosen, true);
  res.status = r.http_status;
  res.set_header("Cache-Control", "no-store");
  const std::string ext = fs::path(name).extension().string();
  // Show XML and text templates as text too, so the browser does not download them.
  res.set_content(std::move(r.body), r.ok && ext != ".html" && ext != ".htm"
                                         ? "text/plain; charset=utf-8"
                                         : "text/html; charset=utf-8");
}

// affected tells whether `changed` (absolute paths) can change page `name`.
bool affected(Previewer& previewer, const std::string& name,
              const std::vector<std::string>& changed) {
  const auto deps = previewer.dependencies(name);
  if (!deps) return true;  // never compiled, or broken: any change may fix it
  const auto& o = previewer.options();
  for (const auto& path : changed) {
    if (deps->count(path)) return true;
    // Modules, static files and translations can be used by any page.
    for (const auto& dir : {o.modules, o.static_dir, o.translations}) {
      if (!dir.empty() && path.starts_with(dir.string())) return true;
    }
  }
  return false;
}

}  // namespace

bool serve(Previewer& previewer, const std::function<void(int port)>& on_listening) {
  const PreviewOptions& o = previewer.options();
  ChangeHub hub;
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.Get("/", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content(index_html(previewer), "text/html; charset=utf-8");
  });
  server.Get("/page/(.+)", [&](const httplib::Request& req, httplib::Response& res) {
    answer_page(previewer, req, res);
  });
  server.Get("/_events", [&](const httplib::Request& req, httplib::Response& res) {
    auto sub = hub.subscribe(req.get_param_value("page"));
    res.set_header("Cache-Control", "no-store");
    res.set_chunked_content_provider(
        "text/event-stream",
        [&hub, sub, first = true](std::size_t, httplib::DataSink& sink) mutable {
          if (first) {
            first = false;
            const std::string hello = "event: hello\ndata: " + sub->page + "\n\n";
            return sink.write(hello.data(), hello.size());
          }
          const auto reasons = hub.wait(*sub, std::chrono::seconds(10));
          if (sub->closed) return false;
          std::string event = reasons.empty() ? std::string(": keep-alive\n\n")
                                              : "event: reload\ndata: " + reasons.front() + "\n\n";
          return sink.write(event.data(), event.size());
        },
        [&hub, sub](bool) { hub.unsubscribe(sub); });
  });
  if (!o.static_dir.empty()) server.set_mount_point("/static/", o.static_dir.string());

  Watcher watcher({o.root, o.data, o.modules, o.static_dir, o.translations},
                  [&](const std::vector<std::string>& changed) {
                    // Decide what each open page depends on before forgetting it.
                    std::map<std::string, bool> hit;
                    const auto affects = [&](const std::string& page) {
                      auto [it, fresh] = hit.try_emplace(page, false);
                      if (fresh) it->second = affected(previewer, page, changed);
                      return it->second;
                    };
                    for (const auto& p : hub.pages()) affects(p);
                    previewer.invalidate();
                    hub.publish(affects, changed.front());
                  });
  if (!watcher.ok()) std::cerr << "squall preview: inotify unavailable; pages will not reload\n";

  const int port = o.port == 0 ? server.bind_to_any_port(o.host)
                               : (server.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) return false;
  on_listening(port);
  const bool ok = server.listen_after_bind();
  hub.close();
  return ok;
}

}  // namespace squall::preview
