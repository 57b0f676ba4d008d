// The blog's data layer on its own: creation and seeding, reuse, writes in transactions.
#include "blog_db.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace blog {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(BLOG_SITE_DIR) / "data";

// A fresh folder per test for the database file.
class BlogDb : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("blog-db-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path file() const { return dir_ / "blog.sqlite3"; }
  fs::path dir_;
};

TEST_F(BlogDb, FirstOpenCreatesAndSeeds) {
  Database db(file(), kData);
  EXPECT_TRUE(db.created());
  EXPECT_EQ(db.count_entries(), 6);
  std::vector<std::string> slugs;
  for (const Entry& e : db.latest_entries(3)) slugs.push_back(e.slug);
  EXPECT_EQ(slugs, (std::vector<std::string>{"translations", "unicode", "ui-modules"}));
  const auto entry = db.entry_by_slug("escaping");
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->title, "Escaping <b>tags</b> & \"quotes\"");
  EXPECT_EQ(entry->author_name, "Ada Demo");
  EXPECT_EQ(entry->published, "2026-11-02 12:00:00");
  EXPECT_EQ(db.latest_entries().size(), 6u);
  EXPECT_FALSE(db.entry_by_slug("missing"));
  EXPECT_EQ(db.entry_by_id(3)->slug, "escaping");
  EXPECT_EQ(db.author_by_email("demo@example.com")->id, 1);
  EXPECT_EQ(db.author_by_id(1)->name, "Ada Demo");
  EXPECT_FALSE(db.author_by_id(2));
}

TEST_F(BlogDb, SecondOpenReusesTheFile) {
  {
    Database db(file(), kData);
    db.create_entry(1, "Kept", "Across runs.", "2026-12-07 10:00:00");
  }
  Database again(file(), kData);
  EXPECT_FALSE(again.created());
  EXPECT_EQ(again.count_entries(), 7);
  EXPECT_EQ(again.latest_entries(1).at(0).slug, "kept");
}

TEST_F(BlogDb, CreateMakesSlugsUnique) {
  Database db(file(), kData);
  EXPECT_EQ(db.create_entry(1, "Hello, Squall!", "a", "2026-12-07 10:00:00"), "hello-squall-2");
  EXPECT_EQ(db.create_entry(1, "Hello Squall", "b", "2026-12-07 10:00:01"), "hello-squall-2-2");
  const auto entry = db.entry_by_slug("hello-squall-2-2");
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->body, "b");
  EXPECT_EQ(entry->published, "2026-12-07 10:00:01");
}

TEST_F(BlogDb, UpdateKeepsTheSlugAndPublishedTime) {
  Database db(file(), kData);
  EXPECT_EQ(db.update_entry(1, "Renamed", "New text", "2026-12-07 11:00:00"), "hello-squall");
  const auto entry = db.entry_by_id(1);
  EXPECT_EQ(entry->title, "Renamed");
  EXPECT_EQ(entry->body, "New text");
  EXPECT_EQ(entry->published, "2026-10-04 09:00:00");
  EXPECT_EQ(entry->updated, "2026-12-07 11:00:00");
  EXPECT_FALSE(db.update_entry(99, "x", "y", "2026-12-07 11:00:00"));
}

// A write that fails half-way leaves nothing behind: the foreign key rejects the insert
// after the slug was checked, and the transaction rolls back.
TEST_F(BlogDb, FailedWriteRollsBack) {
  Database db(file(), kData);
  EXPECT_THROW(db.create_entry(42, "Orphan", "x", "2026-12-07 10:00:00"), DbError);
  EXPECT_EQ(db.count_entries(), 6);
  EXPECT_EQ(db.create_entry(1, "After", "y", "2026-12-07 10:00:00"), "after");
}

TEST_F(BlogDb, ErrorsNameTheFile) {
  try {
    Database db(file(), dir_ / "no-such-folder");
    FAIL() << "expected DbError";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("schema.sql"), std::string::npos) << e.what();
  }
  try {
    Database db(dir_ / "missing" / "blog.sqlite3", kData);
    FAIL() << "expected DbError";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot open"), std::string::npos) << e.what();
  }
  {
    std::ofstream garbage(file());
    garbage << "this is not a database, only text that is long enough to have a header....";
  }
  EXPECT_THROW(Database(file(), kData), DbError);
}

// Fixed bugs and the twin's rule (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80]
// or "entry"), outputs from CPython.
TEST(Slugify, MatchesTheTornadoTwin) {
  const struct {
    std::string title, slug;
  } cases[] = {
      {"Hello, World!", "hello-world"},
      {"", "entry"},
      {"***", "entry"},
      {"Ünïcödé", "n-c-d"},
      {"  Spaces  and--dashes  ", "spaces-and-dashes"},
      {std::string(100, 'a'), std::string(80, 'a')},
      {std::string(79, 'x') + "!y", std::string(79, 'x') + "-"},
      {"Escaping <b>tags</b> & \"quotes\"", "escaping-b-tags-b-quotes"},
      {"2026: A Year", "2026-a-year"},
  };
  for (const auto& c : cases) EXPECT_EQ(slugify(c.title), c.slug) << c.title;
}

TEST(UtcNow, HasTheStoredFormat) {
  const std::string now = utc_now();
  ASSERT_EQ(now.size(), 19u);
  EXPECT_EQ(now[4], '-');
  EXPECT_EQ(now[10], ' ');
  EXPECT_EQ(now[16], ':');
}

}  // namespace
}  // namespace blog
