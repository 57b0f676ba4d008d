// squall::Namespace: names visible to every template of a render (Tornado's loader
// `namespace=` and RequestHandler's template namespace), and Tornado's default names.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "squall/escape.hpp"
#include "squall/value.hpp"

namespace squall {

/// Namespace is an ordered set of names visible to templates: Tornado's defaults, or the
/// names a C++ program registers for every render (Tornado's loader `namespace=`).
/// Setting a name twice replaces its value and keeps its position.
class Namespace {
 public:
  /// set binds `name` to `value`.
  void set(std::string name, Value value);
  /// set_lazy binds `name` to what `compute` returns, called on the first find() of the
  /// name (RequestHandler.current_user is computed only when a template reads it). Until
  /// then entries() shows None for it. Reading lazy names is not thread-safe.
  void set_lazy(std::string name, std::function<Value()> compute);
  /// find returns the value bound to `name`, or nullptr.
  const Value* find(std::string_view name) const;
  /// find with `hash` == detail::DictData::str_hash(name), computed once by the caller.
  const Value* find(std::string_view name, std::size_t hash) const;
  /// entries in the order the names were first set.
  const std::vector<std::pair<std::string, Value>>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }  ///< no name is set

 private:
  // A name with its hash, so a lookup with a precomputed hash skips hashing.
  struct Key {
    std::string_view name;
    std::size_t hash;
    friend bool operator==(const std::string& a, const Key& b) { return a == b.name; }
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return detail::DictData::str_hash(s); }
    std::size_t operator()(const Key& k) const { return k.hash; }
  };
  // resolve returns entry `i`, computing it first when it is lazy.
  const Value* resolve(std::size_t i) const;
  mutable std::vector<std::pair<std::string, Value>> entries_;
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> index_;
  mutable std::unordered_map<std::size_t, std::function<Value()>> lazy_;  // by entry index
};

/// default_names is Tornado 6.2's per-render defaults: `escape` and `xhtml_escape`
/// (writing `'` as `quote` says), `url_escape`, `json_encode`, `squeeze`, `linkify`, and the
/// `datetime` module. The functions take Tornado's arguments and raise its TypeErrors.
/// The same Value objects are returned on every call (identity is what the autoescape fast
/// path checks).
const Namespace& default_names(QuoteEntity quote = QuoteEntity::Decimal);

}  // namespace squall
