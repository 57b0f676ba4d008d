#include "escape/linkify_regex.hpp"

#include <string>

#include "escape/python_tables.hpp"

namespace squall::detail {
namespace {

// Tornado's pattern is
//   \b((?:([\w-]+):(/{1,3})|www[.])(?:BODY)+)
// in a Python `str` regex, where `\w`, `\s` and `\b` are Unicode-aware. RE2's are ASCII-only
// and RE2 has no look-behind, so:
// - `\w` and `\s` are spelled out as classes generated from CPython (W and S below);
// - `\b` becomes one consumed character of left context: a URL starting with a word
//   character needs a non-word character (or the start of the text) before it, and one
//   starting with `-` (a non-word character) needs a word character before it. find_url
//   starts the search one character before where Python resumes, so the context character
//   may be the last character of the previous URL, as `\b` allows. RE2 treats the text
//   before startpos as context: `^` does not match there.
// RE2's leftmost-first submatch semantics give the same groups as Python's backtracking.
std::string build_pattern() {
  const std::string w = re2_class_body(kPythonWordRanges, kPythonWordRangesSize);
  const std::string s = re2_class_body(kPythonSpaceRanges, kPythonSpaceRangesSize);
  const std::string unit = "(?:[^" + s + "&()]|&amp;|&quot;)";
  const std::string last = "[^!\"#$%&'()*+,.:;<=>?@\\[\\]^`{|}~" + s + "]";
  const std::string body = "(?:(?:" + unit + "*" + last + ")|(?:\\(" + unit + "*\\)))+";
  const std::string word_start = "((?:([" + w + "][" + w + "-]*):(/{1,3})|www[.])" + body + ")";
  const std::string dash_start = "((-[" + w + "-]*):(/{1,3})" + body + ")";
  return "(?:^|[^" + w + "])" + word_start + "|[" + w + "]" + dash_start;
}

const RE2& url_regex() {
  // Built once and never modified: RE2 objects are safe to share between threads.
  static const RE2 regex(build_pattern(), [] {
    RE2::Options options;
    options.set_log_errors(false);  // library code never prints
    return options;
  }());
  return regex;
}

}  // namespace

bool find_url(std::string_view text, std::size_t from, UrlMatch& match) {
  const RE2& regex = url_regex();
  re2::StringPiece groups[7];
  // Back up over the whole previous character: it is the `\b` context.
  std::size_t start = from;
  if (start > 0) --start;
  while (start > 0 && from - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  if (!regex.Match(re2::StringPiece(text.data(), text.size()), start, text.size(), RE2::UNANCHORED,
                   groups, 7)) {
    return false;
  }
  const int base = groups[1].data() != nullptr ? 1 : 4;
  const auto view = [](const re2::StringPiece& p) { return std::string_view(p.data(), p.size()); };
  match.url = view(groups[base]);
  match.protocol = view(groups[base + 1]);
  match.slashes = view(groups[base + 2]);
  return true;
}

}  // namespace squall::detail
