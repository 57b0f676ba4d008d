// The C++ types the typed test templates (tests/typed/templates) declare.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <squall/value.hpp>

namespace blog {

struct Author {
  std::string name;
  std::optional<std::string> email;
};
SQUALL_REFLECT(Author, name, email)

struct Post {
  std::string title;
  std::int64_t votes = 0;
  double score = 0;
  bool draft = false;
  Author author;
  std::vector<std::string> tags;
  std::optional<Author> editor;
};
SQUALL_REFLECT(Post, title, votes, score, draft, author, tags, editor)

}  // namespace blog
