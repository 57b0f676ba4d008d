// The hand-written C++ baseline: the fastest straightforward code for the same bytes the
// four workloads' templates produce. Compiled Squall is measured against it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace squall::bench {

/// RawBuffer is a growable char buffer reused across renders: append is a memcpy with a
/// capacity check, the cheapest sink there is.
class RawBuffer {
 public:
  void clear() { size_ = 0; }
  std::string_view view() const { return {data_.data(), size_}; }
  void append(std::string_view s) {
    reserve(s.size());
    std::char_traits<char>::copy(data_.data() + size_, s.data(), s.size());
    size_ += s.size();
  }
  void append_int(std::int64_t v);
  /// append_escaped is Tornado's xhtml_escape: runs of safe bytes are copied at once.
  void append_escaped(std::string_view s);

 private:
  void reserve(std::size_t extra) {
    if (size_ + extra > data_.size()) data_.resize((size_ + extra) * 2);
  }
  std::vector<char> data_;
  std::size_t size_ = 0;
};

struct BigTable {
  std::vector<std::vector<std::int64_t>> table;
};
struct Team {
  std::string name;
  std::int64_t score;
};
struct Teams {
  std::int64_t year;
  std::vector<Team> teams;
};
struct Comment {
  std::string author, text;
};
struct EscapeHeavy {
  std::vector<Comment> comments;
};
struct NavLink {
  std::string url, label;
};
struct User {
  std::string name;
  std::int64_t unread;
};
struct Item {
  std::int64_t id;
  std::string name, url;
  std::int64_t price, stock, discount;
  std::vector<std::string> tags;
};
struct Page {
  std::string site_name, title, active;
  std::int64_t year;
  std::optional<User> user;
  std::vector<NavLink> nav;
  std::vector<Item> items;
};

/// load_* read a workload's JSON data file into the structs above.
BigTable load_big_table(std::string_view json);
Teams load_teams(std::string_view json);
EscapeHeavy load_escape_heavy(std::string_view json);
Page load_page(std::string_view json);

void render(RawBuffer& out, const BigTable& d);
void render(RawBuffer& out, const Teams& d);
void render(RawBuffer& out, const EscapeHeavy& d);
void render(RawBuffer& out, const Page& d);

}  // namespace squall::bench
