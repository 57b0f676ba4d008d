// The example blog as a squall::web application: the routes of Tornado's blog demo over
// the templates and module folders compiled by squall_add_templates, with its data in
// SQLite. Framework-neutral: an adapter (main.cpp uses cpp-httplib) serves app().
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "blog_db.hpp"
#include "squall/web/application.hpp"

namespace blog {

struct SiteOptions {
  // site_dir holds static/, translations/ and data/ (schema.sql, seed.sql).
  std::filesystem::path site_dir;
  // db_file is the SQLite file, created and seeded when it holds no data yet.
  std::filesystem::path db_file;
  // cookie_secret signs the login cookie; the Tornado twin's default, so that either
  // server accepts the other's cookies.
  std::string cookie_secret = "squall-blog-demo-secret";
  bool debug = false;
};

// Site owns the database and the application serving it. Build it once, then any number
// of threads may call app().handle().
class Site {
 public:
  // Throws DbError when the database cannot be opened or created, std::runtime_error when
  // the translations cannot be read.
  explicit Site(SiteOptions options);

  squall::web::Application& app() { return *app_; }
  Database& db() { return db_; }

 private:
  void add_routes();

  SiteOptions options_;
  Database db_;
  std::unique_ptr<squall::web::Application> app_;
};

}  // namespace blog
