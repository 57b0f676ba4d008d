#include "codegen/mangle.hpp"

#include <set>

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

bool is_cpp_keyword(std::string_view s) {
  static const std::set<std::string_view> keywords = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
      "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
      "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
      "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
      "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
      "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
      "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
      "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
      "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
      "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
      // Not keywords, but a template set must not reopen these.
      "std", "squall"};
  return keywords.count(s) > 0;
}

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
