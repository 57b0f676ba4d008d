#include "baseline.hpp"

#include <fmt/format.h>

#include <array>

#include <nlohmann/json.hpp>

namespace squall::bench {

void RawBuffer::append_int(std::int64_t v) {
  const fmt::format_int f(v);
  append({f.data(), f.size()});
}

namespace {

// kEntity[c] is the replacement for byte c, or null when c is safe.
constexpr auto kEntities = [] {
  std::array<const char*, 256> t{};
  t['&'] = "&amp;";
  t['<'] = "&lt;";
  t['>'] = "&gt;";
  t['"'] = "&quot;";
  t['\''] = "&#39;";
  return t;
}();

}  // namespace

void RawBuffer::append_escaped(std::string_view s) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char* entity = kEntities[static_cast<unsigned char>(s[i])];
    if (!entity) continue;
    append(s.substr(run, i - run));
    append(entity);
    run = i + 1;
  }
  append(s.substr(run));
}

BigTable load_big_table(std::string_view json) {
  const auto j = nlohmann::json::parse(json);
  BigTable d;
  for (const auto& row : j["table"]) d.table.push_back(row.get<std::vector<std::int64_t>>());
  return d;
}

Teams load_teams(std::string_view json) {
  const auto j = nlohmann::json::parse(json);
  Teams d{j["year"].get<std::int64_t>(), {}};
  for (const auto& t : j["teams"]) d.teams.push_back({t["name"], t["score"]});
  return d;
}

EscapeHeavy load_escape_heavy(std::string_view json) {
  const auto j = nlohmann::json::parse(json);
  EscapeHeavy d;
  for (const auto& c : j["comments"]) d.comments.push_back({c["author"], c["text"]});
  return d;
}

Page load_page(std::string_view json) {
  const auto j = nlohmann::json::parse(json);
  Page d;
  d.site_name = j["site_name"];
  d.title = j["title"];
  d.active = j["active"];
  d.year = j["year"];
  if (!j["user"].is_null()) d.user = User{j["user"]["name"], j["user"]["unread"]};
  for (const auto& n : j["nav"]) d.nav.push_back({n["url"], n["label"]});
  for (const auto& i : j["items"]) {
    d.items.push_back({i["id"], i["name"], i["url"], i["price"], i["stock"], i["discount"],
                       i["tags"].get<std::vector<std::string>>()});
  }
  return d;
}

void render(RawBuffer& out, const BigTable& d) {
  out.append("<table>\n\t");
  for (const auto& row : d.table) {
    out.append("\n\t<tr>\n\t\t");
    for (const auto col : row) {
      out.append("\n\t\t<td>");
      out.append_int(col);
      out.append("</td>\n\t\t");
    }
    out.append("\n\t</tr>\n\t");
  }
  out.append("\n</table>\n");
}

void render(RawBuffer& out, const Teams& d) {
  out.append("<html>\n\t<head>\n\t\t<title>");
  out.append_int(d.year);
  out.append("</title>\n\t</head>\n\t<body>\n\t\t<h1>CSL ");
  out.append_int(d.year);
  out.append("</h1>\n\t\t<ul>\n\t\t\t");
  for (std::size_t i = 0; i < d.teams.size(); ++i) {
    out.append("\n\t\t\t<li class=\"");
    if (i == 0) out.append("champion");
    out.append("\">\n\t\t\t\t<b>");
    out.append_escaped(d.teams[i].name);
    out.append("</b\n\t\t\t\t>: ");
    out.append_int(d.teams[i].score);
    out.append("\n\t\t\t</li>\n\t\t\t");
  }
  out.append("\n\t\t</ul>\n\t</body>\n</html>\n");
}

void render(RawBuffer& out, const EscapeHeavy& d) {
  out.append("<div class=\"comments\">\n");
  for (const auto& c : d.comments) {
    out.append("<div class=\"comment\"><span class=\"author\">");
    out.append_escaped(c.author);
    out.append("</span><p>");
    out.append_escaped(c.text);
    out.append("</p></div>\n");
  }
  out.append("</div>\n");
}

namespace {

void render_nav(RawBuffer& out, const Page& d) {
  out.append("<nav><ul>\n");
  for (const auto& link : d.nav) {
    out.append("<li");
    if (link.url == d.active) out.append(" class=\"active\"");
    out.append("><a href=\"");
    out.append_escaped(link.url);
    out.append("\">");
    out.append_escaped(link.label);
    out.append("</a></li>\n");
  }
  out.append("</ul>\n");
  if (d.user) {
    out.append("<p class=\"user\">Signed in as ");
    out.append_escaped(d.user->name);
    if (d.user->unread > 0) {
      out.append(" (");
      out.append_int(d.user->unread);
      out.append(" unread)");
    }
    out.append("</p>");
  }
  out.append("</nav>\n");
}

void render_item(RawBuffer& out, std::size_t i, const Item& item) {
  out.append("<tr class=\"");
  out.append(i % 2 == 0 ? "even" : "odd");
  out.append("\">\n<td>");
  out.append_int(item.id);
  out.append("</td>\n<td><a href=\"");
  out.append_escaped(item.url);
  out.append("\">");
  out.append_escaped(item.name);
  out.append("</a></td>\n<td>");
  out.append_int(item.price);
  out.append("</td>\n<td>");
  if (item.stock > 0) {
    out.append_int(item.stock);
    out.append(" in stock");
  } else {
    out.append("<em>sold out</em>");
  }
  if (item.discount) {
    out.append(" <span class=\"sale\">-");
    out.append_int(item.discount);
    out.append("%</span>");
  }
  out.append("</td>\n<td>");
  for (const auto& tag : item.tags) {
    out.append("<span class=\"tag\">");
    out.append_escaped(tag);
    out.append("</span>");
  }
  out.append("</td>\n</tr>\n");
}

}  // namespace

void render(RawBuffer& out, const Page& d) {
  out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  out.append_escaped(d.title);
  out.append(" - ");
  out.append_escaped(d.site_name);
  out.append("</title>\n</head>\n<body>\n");
  render_nav(out, d);
  out.append("\n<main>\n<h2>");
  out.append_escaped(d.title);
  out.append("</h2>\n<table class=\"items\">\n");
  for (std::size_t i = 0; i < d.items.size(); ++i) render_item(out, i, d.items[i]);
  out.append("</table>\n<p>");
  out.append_int(static_cast<std::int64_t>(d.items.size()));
  out.append(" items</p>\n</main>\n<footer>&copy; ");
  out.append_int(d.year);
  out.append(" ");
  out.append_escaped(d.site_name);
  out.append("</footer>\n</body>\n</html>\n");
}

}  // namespace squall::bench
