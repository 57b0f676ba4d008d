#include "codegen/mangle.hpp"

namespace squall::cg {
namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string numbered(std::string_view prefix, int number, std::string_view name) {
  std::string out = "squall_";
  out += prefix;
  out += std::to_string(number);
  const std::string hint = readable(name);
  if (!hint.empty()) {
    if (hint.front() != '_') out += '_';
    out += hint;
  }
  return out;
}

}  // namespace

std::string mangle_template(std::string_view name) {
  static constexpr char kHex[] = "0123456789abcdef";
  // The prefix ends in a letter and every `_` of the encoding is followed by a hex digit,
  // so no `__` can appear whatever the name starts with.
  std::string out = "squall_t";
  for (const char c : name) {
    if (is_alnum(c)) {
      out += c;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out += '_';
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

std::string mangle_layout(std::string_view name) {
  return "squall_layout_" + mangle_template(name).substr(std::string_view("squall_").size());
}

std::string mangle_block(std::string_view owner, int index, std::string_view name) {
  std::string out = mangle_template(owner) + "_block" + std::to_string(index);
  const std::string hint = readable(name);
  if (!hint.empty() && hint.front() != '_') out += '_';
  return out + hint;
}

std::string readable(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (is_alnum(c)) {
      out += c;
    } else if (out.empty() || out.back() != '_') {
      out += '_';
    }
  }
  return out;
}

std::string mangle_local(int slot, std::string_view name) {
  return numbered("l", slot, name);
}

std::string mangle_global(int index, std::string_view name) {
  return numbered("g", index, name);
}

std::string mangle_attr(int index, std::string_view name) {
  return numbered("a", index, name);
}

std::string mangle_temp(std::string_view kind, int number) {
  return "squall_" + std::string(kind) + std::to_string(number);
}

std::string mangle_bound(int number, std::string_view name) {
  return numbered("p", number, name);
}

std::string mangle_escaper(int index, std::string_view name) {
  return numbered("escape", index, name);
}

}  // namespace squall::cg
