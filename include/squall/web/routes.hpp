// URL patterns as Tornado's URLSpec: matching a request path, and reverse_url (building a
// path back from a named pattern and arguments). Patterns are regular expressions (RE2
// syntax, which Tornado's route patterns almost always are), matched against the whole
// path: `$` is appended when missing and matching starts at the beginning.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace squall::web {

/// UrlPattern is one route pattern. Immutable; any number of threads may use it.
class UrlPattern {
 public:
  /// UrlPattern compiles `pattern` (std::invalid_argument for an invalid regex).
  explicit UrlPattern(std::string pattern);
  ~UrlPattern();
  /// A move takes the compiled pattern; the moved-from UrlPattern may only be destroyed or
  /// assigned to.
  UrlPattern(UrlPattern&&) noexcept;
  /// Move assignment: see the move constructor.
  UrlPattern& operator=(UrlPattern&&) noexcept;

  /// pattern is the regex as matched (with the `$` Tornado appends).
  const std::string& pattern() const { return pattern_; }
  /// match returns the path's capture groups when the pattern matches it, else nullopt.
  /// Captures are returned as matched (Tornado url-unescapes them; see Request::path_args).
  std::optional<std::vector<std::string>> match(std::string_view path) const;
  /// reverse is URLSpec.reverse: the pattern without a leading `^` and trailing `$`, each
  /// group replaced by an argument url-escaped with plus=false (so `/` stays and a space is
  /// `%20`). Throws squall::Error ValueError "Cannot reverse url regex <pattern>" when the
  /// pattern has nested or non-capturing groups or an escape that cannot be undone
  /// (`\d` outside a group), and AssertionError "required number of arguments not found"
  /// for a wrong number of arguments.
  std::string reverse(const std::vector<std::string>& args) const;
  /// group_count is the number of capture groups.
  int group_count() const;

 private:
  std::string pattern_;
  std::optional<std::string> path_;  // the reversal template: literal text and "%s" slots
  std::vector<std::string> pieces_;  // path_ split at the slots
  struct Regex;
  std::unique_ptr<Regex> regex_;
};

}  // namespace squall::web
