// Renders two templates of the `site` set, the way a handler would, and prints them.
#include <iostream>

#include "site_templates.hpp"
#include "squall/version.hpp"

static_assert(SQUALL_VERSION >= 100, "the version macros come with the headers");

int main() {
  const squall::Value args = squall::Value::from_json(
      R"({"title": "Hello", "items": ["a<b", "c"], "user": {"name": "Ann"}})");
  std::cout << site::templates().render("page.html", args);
  std::string buffer;  // a reusable buffer: cleared, not freed, between renders
  for (int i = 0; i < 2; ++i) {
    buffer.clear();
    site::templates().render_to(buffer, "other.html", args);
  }
  std::cout << buffer;
  try {
    site::templates().render("page.html", squall::Value::from_json("{}"));
  } catch (const squall::Error& e) {
    std::cout << e.format() << "\n";
  }
  return 0;
}
