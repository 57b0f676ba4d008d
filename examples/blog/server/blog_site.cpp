#include "blog_site.hpp"

#include "password.hpp"
#include "site_modules.hpp"
#include "site_templates.hpp"
#include "squall/escape.hpp"
#include "squall/py.hpp"
#include "squall/reflect.hpp"

#include <charconv>

namespace blog {

// Templates read rows as Tornado's read torndb-style rows: column names as attributes.
SQUALL_REFLECT(Entry, id, author_id, slug, title, body, published, updated, author_name)
SQUALL_REFLECT(Author, id, email, name, password_salt, password_hash)

namespace {

using squall::Value;
using squall::web::Handler;
using squall::web::HttpError;

constexpr const char* kUserCookie = "blog_user";

std::optional<std::int64_t> parse_id(const std::optional<std::string>& text) {
  std::int64_t id = 0;
  if (!text || text->empty()) return std::nullopt;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (error != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return id;
}

// authenticated is Tornado's @authenticated: a signed-out GET goes to the login page with
// `next`, any other method is refused.
bool authenticated(Handler& h) {
  if (squall::py::truthy(h.current_user())) return true;
  if (h.request().method != "GET" && h.request().method != "HEAD") throw HttpError(403);
  h.redirect("/auth/login?next=" + squall::url_escape(h.request().uri()));
  return false;
}

// The twin's body normalisation: browsers send CRLF from a textarea; paragraphs are split
// on blank lines.
std::string normalise_body(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

// Only local paths are followed after login, never another site.
std::string safe_next(const std::string& next) {
  return next.starts_with('/') && !next.starts_with("//") ? next : "/";
}

}  // namespace

Site::Site(SiteOptions options)
    : options_(std::move(options)), db_(options_.db_file, options_.site_dir / "data") {
  squall::web::Settings settings;
  settings.cookie_secret = options_.cookie_secret;
  settings.xsrf_cookies = true;
  settings.static_path = options_.site_dir / "static";
  settings.template_path = options_.site_dir / "templates";
  settings.debug = options_.debug;
  app_ = std::make_unique<squall::web::Application>(settings, site::templates());
  app_->locales().load_csv(options_.site_dir / "translations");
  site::add_modules(app_->modules());  // modules/Entry, compiled by squall_add_templates
  app_->current_user([this](Handler& h) -> Value {
    const auto id = parse_id(h.secure_cookie(kUserCookie));
    if (!id) return Value();
    auto author = db_.author_by_id(*id);
    return author ? Value(std::move(*author)) : Value();
  });
  // ?lang= (remembered in a cookie), else the browser's Accept-Language.
  app_->user_locale([](Handler& h) -> std::optional<std::string> {
    auto code = h.argument("lang");
    if (code && !code->empty()) {
      h.set_cookie("lang", *code);
      return code;
    }
    return h.cookie("lang");
  });
  add_routes();
}

void Site::add_routes() {
  auto& app = *app_;
  app.route("/").get([this](Handler& h) {
    h.render("home.html", Value{{"entries", Value(db_.latest_entries(5))},
                                {"total", Value(db_.count_entries())}});
  });
  app.route("/archive").get([this](Handler& h) {
    h.render("archive.html", Value{{"entries", Value(db_.latest_entries())}});
  });
  app.route("/feed").get([this](Handler& h) {
    const auto& request = h.request();
    h.render("feed.xml", Value{{"entries", Value(db_.latest_entries(10))},
                               {"base_url", Value(request.protocol + "://" + request.host)}});
    h.set_header("Content-Type", "application/atom+xml; charset=UTF-8");
  });
  app.route("/entry/([^/]+)", "entry").get([this](Handler& h) {
    auto entry = db_.entry_by_slug(h.path_args().at(0));
    if (!entry) throw HttpError(404);
    h.render("entry.html", Value{{"entry", Value(std::move(*entry))}});
  });
  app.route("/compose")
      .get([this](Handler& h) {
        if (!authenticated(h)) return;
        Value entry;
        if (const auto id_text = h.argument("id"); id_text && !id_text->empty()) {
          const auto id = parse_id(id_text);
          auto found = id ? db_.entry_by_id(*id) : std::nullopt;
          if (!found) throw HttpError(404);
          entry = Value(std::move(*found));
        }
        h.render("compose.html", Value{{"entry", entry}});
      })
      .post([this](Handler& h) {
        if (!authenticated(h)) return;
        const auto title = h.argument("title"), body = h.argument("body");
        if (!title || !body) throw HttpError(400, "missing title or body");
        const std::string text = normalise_body(*body), now = utc_now();
        std::optional<std::string> slug;
        if (const auto id_text = h.argument("id"); id_text && !id_text->empty()) {
          const auto id = parse_id(id_text);
          slug = id ? db_.update_entry(*id, *title, text, now) : std::nullopt;
          if (!slug) throw HttpError(404);
        } else {
          const auto author = squall::py::getattr(h.current_user(), "id").as_int();
          slug = db_.create_entry(author, *title, text, now);
        }
        h.redirect(h.reverse_url("entry", {*slug}));
      });
  app.route("/auth/login")
      .get([](Handler& h) {
        h.render("login.html", Value{{"error", Value(false)},
                                     {"email", Value("")},
                                     {"next", Value(h.argument("next").value_or("/"))}});
      })
      .post([this](Handler& h) {
        const std::string email = h.argument("email").value_or("");
        const std::string next = h.argument("next").value_or("/");
        const auto author = db_.author_by_email(email);
        if (author && password_matches(h.argument("password").value_or(""), author->password_salt,
                                       author->password_hash)) {
          h.set_secure_cookie(kUserCookie, std::to_string(author->id));
          h.redirect(safe_next(next));
          return;
        }
        h.render("login.html",
                 Value{{"error", Value(true)}, {"email", Value(email)}, {"next", Value(next)}});
      });
  app.route("/auth/logout").get([](Handler& h) {
    h.clear_cookie(kUserCookie);
    h.redirect("/");
  });
}

}  // namespace blog
