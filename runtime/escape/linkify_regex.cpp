#include "escape/linkify_regex.hpp"

#include <algorithm>
#include <string>

#include "escape/python_tables.hpp"
#include "squall/detail/unicode.hpp"

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
  // No capturing groups: find_url asks only for the whole match and works the groups out.
  const std::string word_start = "(?:[" + w + "][" + w + "-]*:/{1,3}|www[.])" + body;
  const std::string dash_start = "-[" + w + "-]*:/{1,3}" + body;
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

// -- Groups without RE2 submatches. Asking RE2 for groups runs its submatch engine over the
// large Unicode program for every URL (7x slower on link-heavy text); asking only for the
// whole match runs just the DFA. The groups follow from the matched text:

// url_start is where group 1 begins inside the whole match at `begin`. The match starts
// with the consumed `\b` context character, except at the start of the text, where the
// first alternative (tried first, and matching whenever the second would) needs none.
std::size_t url_start(std::string_view text, std::size_t begin) {
  const auto c = decode_utf8(text, begin);
  const std::size_t length = c ? c->length : 1;
  if (begin == 0 && c && is_python_word(c->code_point)) return 0;
  return begin + length;
}

// word_dash_run is the length of the `[\w-]*` run at the start of `url`.
std::size_t word_dash_run(std::string_view url) {
  std::size_t pos = 0;
  while (pos < url.size()) {
    if (url[pos] == '-') {
      ++pos;
      continue;
    }
    const auto c = decode_utf8(url, pos);
    if (!c || !is_python_word(c->code_point)) break;
    pos += c->length;
  }
  return pos;
}

// split_protocol fills the protocol and slashes of `match.url`. `([\w-]+):(/{1,3})` applies
// when the URL starts with a maximal `[\w-]` run, `:` and `/` (backtracking cannot help, as
// the run is followed by `:` or nothing); otherwise it is the `www.` form. The slashes take
// up to three `/`, one fewer when nothing would be left for the body.
void split_protocol(UrlMatch& match) {
  const std::string_view url = match.url;
  const std::size_t run = word_dash_run(url);
  if (run == 0 || run + 1 >= url.size() || url[run] != ':' || url[run + 1] != '/') {
    match.protocol = match.slashes = std::string_view();
    return;
  }
  const std::size_t first_slash = run + 1;
  std::size_t n = 0;
  while (first_slash + n < url.size() && url[first_slash + n] == '/') ++n;
  std::size_t taken = std::min<std::size_t>(n, 3);
  if (first_slash + n == url.size() && n <= 3) --taken;
  match.protocol = url.substr(0, run);
  match.slashes = url.substr(first_slash, taken);
}

}  // namespace

bool find_url(std::string_view text, std::size_t from, UrlMatch& match) {
  const RE2& regex = url_regex();
  re2::StringPiece whole;
  // Back up over the whole previous character: it is the `\b` context.
  std::size_t start = from;
  if (start > 0) --start;
  while (start > 0 && from - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  if (!regex.Match(re2::StringPiece(text.data(), text.size()), start, text.size(), RE2::UNANCHORED,
                   &whole, 1)) {
    return false;
  }
  const auto begin = static_cast<std::size_t>(whole.data() - text.data());
  const std::size_t url = url_start(text, begin);
  match.url = text.substr(url, begin + whole.size() - url);
  split_protocol(match);
  return true;
}

}  // namespace squall::detail
