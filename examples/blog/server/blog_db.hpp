// The blog's data: authors and entries in one SQLite file, created and seeded from
// data/schema.sql and data/seed.sql the first time, reused afterwards. Every write is one
// transaction, so stopping the server in the middle of one loses nothing already committed
// and leaves no half-written entry.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace blog {

struct Author {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::string password_salt;
  std::string password_hash;  // hex PBKDF2-HMAC-SHA256 (see check_password)
};

// An entry joined with its author's name: the columns of `SELECT e.*, a.name AS
// author_name`, which is what the Tornado twin hands its templates.
struct Entry {
  std::int64_t id = 0;
  std::int64_t author_id = 0;
  std::string slug;
  std::string title;
  std::string body;
  std::string published;  // UTC "YYYY-MM-DD HH:MM:SS"
  std::string updated;
  std::string author_name;
};

// A database error: the SQLite message and the statement or file it concerns.
class DbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Database is one connection, shared by the server's threads: each call holds its lock, and
// each write runs in a transaction of its own.
class Database {
 public:
  // Opens `file`, creating it with `data_dir`/schema.sql and seeding it with
  // `data_dir`/seed.sql when it holds no author yet (one transaction). Throws DbError.
  Database(const std::filesystem::path& file, const std::filesystem::path& data_dir);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Newest first (published, then id); `limit` < 0 means every entry.
  std::vector<Entry> latest_entries(int limit = -1);
  std::int64_t count_entries();
  std::optional<Entry> entry_by_slug(std::string_view slug);
  std::optional<Entry> entry_by_id(std::int64_t id);
  std::optional<Author> author_by_id(std::int64_t id);
  std::optional<Author> author_by_email(std::string_view email);

  // Inserts an entry whose slug is slugify(title), made unique by appending "-2" as often
  // as needed; returns the slug. `now` is the UTC time stamp for published and updated.
  std::string create_entry(std::int64_t author_id, std::string_view title, std::string_view body,
                           std::string_view now);
  // Changes an entry's title and body; returns its slug, or nullopt when there is no
  // entry `id` (nothing is written then).
  std::optional<std::string> update_entry(std::int64_t id, std::string_view title,
                                          std::string_view body, std::string_view now);

  // True when the file was created (and seeded) by this Database.
  bool created() const { return created_; }

 private:
  class Transaction;
  void exec(const std::string& sql);

  sqlite3* db_ = nullptr;
  std::mutex mutex_;
  bool created_ = false;
};

// The URL name of a title, as the Tornado twin makes it: ASCII letters lowered, every run
// of other bytes a single "-", no "-" at either end, at most 80 bytes; "entry" when empty.
std::string slugify(std::string_view title);

// The current UTC time as "YYYY-MM-DD HH:MM:SS".
std::string utc_now();

}  // namespace blog
