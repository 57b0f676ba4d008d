// str.split, rsplit, splitlines, strip and friends.
#include <algorithm>

#include "squall/detail/unicode.hpp"
#include "value/str_methods.hpp"

namespace squall::rt {
namespace {

Value split_whitespace(std::string_view s, std::int64_t maxsplit) {
  std::vector<Value> out;
  std::size_t pos = 0;
  while (true) {
    while (std::size_t n = detail::python_space_length(s, pos)) pos += n;
    if (pos >= s.size()) break;
    if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit) {
      out.emplace_back(s.substr(pos));  // the rest keeps its trailing whitespace
      break;
    }
    std::size_t end = pos;
    while (end < s.size() && detail::python_space_length(s, end) == 0) {
      auto c = detail::decode_utf8(s, end);
      end += c ? c->length : 1;
    }
    out.emplace_back(s.substr(pos, end - pos));
    pos = end;
  }
  return Value::list(std::move(out));
}

Value rsplit_whitespace(std::string_view s, std::int64_t maxsplit) {
  std::vector<Value> out;
  std::size_t end = s.size();
  while (true) {
    while (std::size_t n = detail::python_space_before(s, end)) end -= n;
    if (end == 0) break;
    if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit) {
      out.emplace_back(s.substr(0, end));  // the rest keeps its leading whitespace
      break;
    }
    std::size_t begin = end;
    while (begin > 0 && detail::python_space_before(s, begin) == 0) {
      --begin;
      while (begin > 0 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) --begin;
    }
    out.emplace_back(s.substr(begin, end - begin));
    end = begin;
  }
  std::reverse(out.begin(), out.end());
  return Value::list(std::move(out));
}

}  // namespace

Value str_split(std::string_view s, const Value* sep, std::int64_t maxsplit, bool right) {
  if (!sep || sep->is_none())
    return right ? rsplit_whitespace(s, maxsplit) : split_whitespace(s, maxsplit);
  const std::string_view d = str_arg(*sep, right ? "rsplit" : "split");
  if (d.empty()) raise("ValueError", "empty separator");
  std::vector<Value> out;
  if (!right) {
    std::size_t pos = 0;
    while (maxsplit < 0 || static_cast<std::int64_t>(out.size()) < maxsplit) {
      const std::size_t hit = s.find(d, pos);
      if (hit == std::string_view::npos) break;
      out.emplace_back(s.substr(pos, hit - pos));
      pos = hit + d.size();
    }
    out.emplace_back(s.substr(pos));
    return Value::list(std::move(out));
  }
  std::size_t end = s.size();
  while (maxsplit < 0 || static_cast<std::int64_t>(out.size()) < maxsplit) {
    if (end < d.size()) break;
    const std::size_t hit = s.rfind(d, end - d.size());
    if (hit == std::string_view::npos) break;
    out.emplace_back(s.substr(hit + d.size(), end - hit - d.size()));
    end = hit;
  }
  out.emplace_back(s.substr(0, end));
  std::reverse(out.begin(), out.end());
  return Value::list(std::move(out));
}

Value str_strip(std::string_view s, const Value* chars, bool left, bool right,
                std::string_view name) {
  if (!chars || chars->is_none()) {
    std::size_t begin = 0, end = s.size();
    if (left) {
      while (std::size_t n = detail::python_space_length(s, begin)) begin += n;
    }
    while (right && end > begin) {
      const std::size_t n = detail::python_space_before(s, end);
      if (n == 0) break;
      end -= n;
    }
    return Value(s.substr(begin, end - begin));
  }
  if (!chars->is_str()) raise("TypeError", std::string(name) + " arg must be None or str");
  const std::u32string set = decode_all(chars->as_str());
  const std::u32string u = decode_all(s);
  std::size_t begin = 0, end = u.size();
  if (left)
    while (begin < end && set.find(u[begin]) != std::u32string::npos) ++begin;
  if (right)
    while (end > begin && set.find(u[end - 1]) != std::u32string::npos) --end;
  return Value(encode_all(std::u32string_view(u).substr(begin, end - begin)));
}

}  // namespace squall::rt
