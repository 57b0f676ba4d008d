// Tornado 6.2's linkify URL regex, ported to RE2.
#pragma once

#include <re2/re2.h>

#include <string_view>

namespace squall::detail {

/// UrlMatch is one match of Tornado's `_URL_RE`: `url` is group 1, `protocol` group 2 and
/// `slashes` group 3; protocol and slashes have a null data() when there is no protocol
/// (the `www.` form).
struct UrlMatch {
  std::string_view url;
  std::string_view protocol;
  std::string_view slashes;
};

/// find_url finds the first URL that starts at or after `from` in `text`, as Python's
/// `_URL_RE.search(text, from)` does, and stores it in `match`. Returns false when there is
/// none.
bool find_url(std::string_view text, std::size_t from, UrlMatch& match);

}  // namespace squall::detail
