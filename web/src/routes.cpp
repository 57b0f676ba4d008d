// Tornado 6.2's URLSpec / PathMatches (tornado/routing.py): matching and reversal.
#include "squall/web/routes.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <stdexcept>

#include "squall/error.hpp"
#include "squall/escape.hpp"

namespace squall::web {
namespace {

bool alphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// re_unescape is tornado.util.re_unescape: `\x` -> `x`, refusing escapes of letters and
// digits (which mean a character class, not a character).
std::optional<std::string> re_unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      if (alphanumeric(s[i + 1])) return std::nullopt;
      out += s[++i];
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

struct UrlPattern::Regex {
  explicit Regex(const std::string& p) : re(p, RE2::Quiet) {}
  RE2 re;
};

UrlPattern::UrlPattern(std::string pattern) : pattern_(std::move(pattern)) {
  if (!pattern_.ends_with("$")) pattern_ += "$";
  regex_ = std::make_unique<Regex>(pattern_);
  if (!regex_->re.ok()) {
    throw std::invalid_argument("invalid route pattern '" + pattern_ + "': " + regex_->re.error());
  }
  // URLSpec._find_groups: reversible only when every '(' opens a plain capture group.
  std::string_view p = pattern_;
  if (p.starts_with("^")) p.remove_prefix(1);
  if (p.ends_with("$")) p.remove_suffix(1);
  if (static_cast<std::size_t>(group_count()) !=
      static_cast<std::size_t>(std::count(p.begin(), p.end(), '('))) {
    return;
  }
  std::vector<std::string> pieces;
  std::string current;
  bool first = true;
  for (std::size_t start = 0;; first = false) {
    const std::size_t open = p.find('(', start);
    std::string_view fragment = p.substr(start, open - start);
    if (!first) {
      // A fragment after '(' is the group up to ')' and literal text after it.
      const std::size_t close = fragment.find(')');
      if (close != std::string_view::npos) {
        pieces.push_back(std::move(current));
        current.clear();
        fragment = fragment.substr(close + 1);
      }
    }
    const auto literal = re_unescape(fragment);
    if (!literal) return;
    current += *literal;
    if (open == std::string_view::npos) break;
    start = open + 1;
  }
  pieces.push_back(std::move(current));
  pieces_ = std::move(pieces);
  path_.emplace();
  for (std::size_t i = 0; i < pieces_.size(); ++i) *path_ += (i ? "%s" : "") + pieces_[i];
}

UrlPattern::~UrlPattern() = default;
UrlPattern::UrlPattern(UrlPattern&&) noexcept = default;
UrlPattern& UrlPattern::operator=(UrlPattern&&) noexcept = default;

int UrlPattern::group_count() const {
  return regex_->re.NumberOfCapturingGroups();
}

std::optional<std::vector<std::string>> UrlPattern::match(std::string_view path) const {
  const int n = group_count();
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(n) + 1);
  if (!regex_->re.Match(re2::StringPiece(path.data(), path.size()), 0, path.size(),
                        RE2::ANCHOR_START, groups.data(), n + 1)) {
    return std::nullopt;
  }
  std::vector<std::string> captures;
  for (int i = 1; i <= n; ++i) captures.emplace_back(groups[static_cast<std::size_t>(i)]);
  return captures;
}

std::string UrlPattern::reverse(const std::vector<std::string>& args) const {
  if (!path_) throw_error("ValueError", "Cannot reverse url regex " + pattern_);
  if (args.size() != static_cast<std::size_t>(group_count())) {
    throw_error("AssertionError", "required number of arguments not found");
  }
  if (args.empty()) return *path_;
  // Nested groups leave fewer slots than groups: Python's `%` formatting then fails.
  if (pieces_.size() != args.size() + 1) {
    throw_error("TypeError", "not all arguments converted during string formatting");
  }
  std::string out = pieces_[0];
  for (std::size_t i = 0; i < args.size(); ++i) {
    out += url_escape(args[i], false);
    out += pieces_[i + 1];
  }
  return out;
}

}  // namespace squall::web
