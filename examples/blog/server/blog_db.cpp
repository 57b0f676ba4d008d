#include "blog_db.hpp"

#include <sqlite3.h>

#include <ctime>
#include <fstream>
#include <sstream>
#include <type_traits>

namespace blog {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DbError("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr const char* kEntryColumns =
    "SELECT e.id, e.author_id, e.slug, e.title, e.body, e.published, e.updated, "
    "a.name FROM entries e JOIN authors a ON a.id = e.author_id ";
constexpr const char* kNewestFirst = "ORDER BY e.published DESC, e.id DESC ";
constexpr const char* kAuthorColumns =
    "SELECT id, email, name, password_salt, password_hash FROM authors ";

// Statement is a prepared statement with its parameters bound, finalized when it goes out
// of scope whichever way the call ends.
class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK) {
      throw DbError(std::string(sqlite3_errmsg(db)) + " in: " + sql);
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(std::string_view text) {
    check(sqlite3_bind_text(stmt_, ++bound_, text.data(), static_cast<int>(text.size()),
                            SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(std::int64_t number) {
    check(sqlite3_bind_int64(stmt_, ++bound_, number));
    return *this;
  }

  // step returns true while there is a row to read.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw DbError(sqlite3_errmsg(db_));
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  std::string text(int column) const {
    const auto* bytes = sqlite3_column_text(stmt_, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string();
  }

  // row reads the current row as the columns of kEntryColumns or kAuthorColumns.
  template <class Row>
  Row row() const {
    if constexpr (std::is_same_v<Row, Entry>) {
      return {integer(0), integer(1), text(2), text(3), text(4), text(5), text(6), text(7)};
    } else {
      return {integer(0), text(1), text(2), text(3), text(4)};
    }
  }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) throw DbError(sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int bound_ = 0;
};

// find_one is the row a one-parameter query selects, if any.
template <class Row, class Key>
std::optional<Row> find_one(sqlite3* db, const std::string& sql, Key key) {
  Statement query(db, sql);
  query.bind(key);
  if (!query.step()) return std::nullopt;
  return query.row<Row>();
}

}  // namespace

// Transaction is BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() was reached.
class Database::Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    db_.exec("COMMIT");
    done_ = true;
  }

 private:
  Database& db_;
  bool done_ = false;
};

Database::Database(const std::filesystem::path& file, const std::filesystem::path& data_dir) {
  const std::string schema = read_file(data_dir / "schema.sql");
  const std::string seed = read_file(data_dir / "seed.sql");
  if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw DbError("cannot open " + file.string() + ": " + message);
  }
  try {
    sqlite3_busy_timeout(db_, 5000);
    // WAL lets pages be read while an entry is written; FULL syncs every commit.
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
    Transaction transaction(*this);
    exec(schema);
    Statement authors(db_, "SELECT count(*) FROM authors");
    authors.step();
    if (authors.integer(0) == 0) {
      exec(seed);
      created_ = true;
    }
    transaction.commit();
  } catch (const DbError& e) {
    sqlite3_close(db_);
    throw DbError(file.string() + ": " + e.what());
  }
}

Database::~Database() {
  sqlite3_close(db_);
}

void Database::exec(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    throw DbError(message);
  }
}

std::vector<Entry> Database::latest_entries(int limit) {
  std::lock_guard lock(mutex_);
  Statement query(db_, std::string(kEntryColumns) + kNewestFirst + "LIMIT ?");
  query.bind(static_cast<std::int64_t>(limit));
  std::vector<Entry> entries;
  while (query.step()) entries.push_back(query.row<Entry>());
  return entries;
}

std::int64_t Database::count_entries() {
  std::lock_guard lock(mutex_);
  Statement query(db_, "SELECT count(*) FROM entries");
  query.step();
  return query.integer(0);
}

std::optional<Entry> Database::entry_by_slug(std::string_view slug) {
  std::lock_guard lock(mutex_);
  return find_one<Entry>(db_, std::string(kEntryColumns) + "WHERE e.slug = ?", slug);
}

std::optional<Entry> Database::entry_by_id(std::int64_t id) {
  std::lock_guard lock(mutex_);
  return find_one<Entry>(db_, std::string(kEntryColumns) + "WHERE e.id = ?", id);
}

std::optional<Author> Database::author_by_id(std::int64_t id) {
  std::lock_guard lock(mutex_);
  return find_one<Author>(db_, std::string(kAuthorColumns) + "WHERE id = ?", id);
}

std::optional<Author> Database::author_by_email(std::string_view email) {
  std::lock_guard lock(mutex_);
  return find_one<Author>(db_, std::string(kAuthorColumns) + "WHERE email = ?", email);
}

std::string Database::create_entry(std::int64_t author_id, std::string_view title,
                                   std::string_view body, std::string_view now) {
  std::lock_guard lock(mutex_);
  Transaction transaction(*this);
  std::string slug = slugify(title);
  for (;;) {
    Statement taken(db_, "SELECT 1 FROM entries WHERE slug = ?");
    taken.bind(slug);
    if (!taken.step()) break;
    slug += "-2";
  }
  Statement insert(db_,
                   "INSERT INTO entries (author_id, slug, title, body, published, updated) "
                   "VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(author_id).bind(slug).bind(title).bind(body).bind(now).bind(now).step();
  transaction.commit();
  return slug;
}

std::optional<std::string> Database::update_entry(std::int64_t id, std::string_view title,
                                                  std::string_view body, std::string_view now) {
  std::lock_guard lock(mutex_);
  Transaction transaction(*this);
  Statement find(db_, "SELECT slug FROM entries WHERE id = ?");
  find.bind(id);
  if (!find.step()) return std::nullopt;
  std::string slug = find.text(0);
  Statement update(db_, "UPDATE entries SET title = ?, body = ?, updated = ? WHERE id = ?");
  update.bind(title).bind(body).bind(now).bind(id).step();
  transaction.commit();
  return slug;
}

std::string slugify(std::string_view title) {
  std::string slug;
  for (const char c : title) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      slug += lower;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() > 80) slug.resize(80);
  return slug.empty() ? "entry" : slug;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &parts);
  return text;
}

}  // namespace blog
