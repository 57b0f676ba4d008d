// Value construction, identity and the dict hash table.
#include "squall/value.hpp"
#include "squall/json.hpp"
#include "squall/py.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>

#include "value/set_table.hpp"

namespace squall {

namespace {

// Deleting a container deletes its items, so a deeply nested structure (a list holding a
// list holding ..., which a template loop builds one level per iteration) would recurse once
// per level and overflow the stack (found by fuzz_interp). Past kMaxDestroyDepth nested
// deletes, payloads are queued instead, and the outermost destroy() on the thread deletes
// them in turn, so the depth stays bounded whatever the nesting. The queue is trivially
// destructible (it may be used while statics are destroyed) and is freed once drained.
constexpr int kMaxDestroyDepth = 256;
struct DeferredDeletes {
  const detail::HeapObject** items;
  std::size_t size;
  std::size_t capacity;
};
thread_local int destroy_depth = 0;
thread_local DeferredDeletes deferred = {nullptr, 0, 0};

// defer queues `h`; false when the queue cannot grow (then the caller deletes it directly).
bool defer(const detail::HeapObject* h) noexcept {
  if (deferred.size == deferred.capacity) {
    const std::size_t capacity = deferred.capacity == 0 ? 64 : deferred.capacity * 2;
    void* grown =
        std::realloc(static_cast<void*>(deferred.items), capacity * sizeof(*deferred.items));
    if (grown == nullptr) return false;
    deferred.items = static_cast<const detail::HeapObject**>(grown);
    deferred.capacity = capacity;
  }
  deferred.items[deferred.size++] = h;
  return true;
}

void delete_counted(const detail::HeapObject* h) noexcept {
  ++destroy_depth;
  delete h;
  --destroy_depth;
}

}  // namespace

void detail::destroy(const HeapObject* h) noexcept {
  if (destroy_depth >= kMaxDestroyDepth && defer(h)) return;
  delete_counted(h);
  if (destroy_depth == 0 && deferred.items != nullptr) {
    while (deferred.size > 0) delete_counted(deferred.items[--deferred.size]);
    std::free(static_cast<void*>(deferred.items));
    deferred = {nullptr, 0, 0};
  }
}

Value::Value(std::string_view s) : kind_(Kind::Str) {
  u_.h = new detail::StrData(std::string(s));
}

Value::Value(std::string&& s) : kind_(Kind::Str) {
  u_.h = new detail::StrData(std::move(s));
}

Value::Value(std::initializer_list<std::pair<std::string_view, Value>> items) : Value(dict()) {
  for (const auto& [k, v] : items) as_dict().set(Value(k), v);
}

Value Value::from_static(std::string_view s) noexcept {
  if (s.size() > UINT32_MAX) {
    try {
      return Value(s);
    } catch (...) {
      return Value();
    }
  }
  Value v;
  v.kind_ = Kind::Str;
  v.flags_ = kBorrowed;
  v.len_ = static_cast<std::uint32_t>(s.size());
  v.u_.s = s.data();
  return v;
}

Value Value::from_json(std::string_view text) {
  return parse_json(text);
}

Value Value::list(std::vector<Value> items) {
  return Value(Kind::List, new detail::SeqData(std::move(items)));
}

Value Value::tuple(std::vector<Value> items) {
  return Value(Kind::Tuple, new detail::SeqData(std::move(items)));
}

Value Value::dict() {
  return Value(Kind::Dict, new detail::DictData());
}

Value Value::set(std::vector<Value> items) {
  Value s(Kind::Set, new detail::DictData(detail::DictData::SetTag{}));
  for (auto& x : items) s.as_dict().set(std::move(x), Value());
  return s;
}

Value Value::function(std::string name, Function fn) {
  return Value(Kind::Callable, new detail::CallableData(std::move(name), std::move(fn)));
}

Value Value::generator(std::function<std::optional<Value>()> next) {
  return Value(Kind::Iterator, new detail::IteratorData(std::move(next)));
}

Value Value::adopt(Object* obj) noexcept {
  return Value(Kind::Object, obj);
}

bool Value::identical_slow(const Value& o) const noexcept {
  switch (kind_) {
    case Kind::None:
      return true;
    case Kind::Bool:
    case Kind::Int:
      return u_.i == o.u_.i;
    case Kind::Float:
      return u_.f == o.u_.f || (std::isnan(u_.f) && std::isnan(o.u_.f));
    case Kind::Str:
      if ((flags_ | o.flags_) & kBorrowed) return as_str().data() == o.as_str().data();
      return u_.h == o.u_.h;
    default:
      return u_.h == o.u_.h;
  }
}

void Value::overflow_error() {
  throw_error("OverflowError", "int too large to convert");
}

namespace detail {

namespace {
std::size_t mix(std::size_t seed, std::size_t h) {
  return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}
}  // namespace

std::size_t hash_key(const Value& v) {
  switch (v.kind()) {
    case Kind::None:
      return 0x5bd1e995;
    case Kind::Bool:
    case Kind::Int:
      return std::hash<std::int64_t>{}(v.as_int());
    case Kind::Float: {
      const double d = v.as_float();
      // Equal numbers must hash alike: 1.0 == 1 == True.
      if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.2e18)
        return std::hash<std::int64_t>{}(static_cast<std::int64_t>(d));
      return std::hash<double>{}(d);
    }
    case Kind::Str:
      return std::hash<std::string_view>{}(v.as_str());
    case Kind::Tuple: {
      std::size_t h = 0x345678;
      for (const auto& x : v.as_items()) h = mix(h, hash_key(x));
      return h;
    }
    case Kind::Object:
      if (auto h = v.as_object().hash()) return *h;
      break;
    case Kind::Callable:
      return std::hash<const void*>{}(&v.as_callable());
    case Kind::Iterator:
      return std::hash<const void*>{}(&v.as_iterator());
    case Kind::Set:
      if (v.as_dict().set_table()->frozen) return static_cast<std::size_t>(cpython_hash(v));
      break;
    default:
      break;
  }
  throw_error("TypeError", "unhashable type: '" + std::string(py::type_name(v)) + "'");
}

bool keys_equal(const Value& a, const Value& b) {
  return py::eq(a, b);
}

DictData::DictData() = default;

// A set's lookups go through its table, so every key is a possible hit (see find_str).
DictData::DictData(SetTag) : key_bits_(~std::uint64_t{0}), table_(std::make_unique<SetTable>()) {}

DictData::~DictData() = default;

namespace {
std::size_t entry_of_slot(const SetTable& t, std::size_t slot) {
  return static_cast<std::size_t>(std::lower_bound(t.order.begin(), t.order.end(), slot) -
                                  t.order.begin());
}
}  // namespace

Value* DictData::set_find(const Value& key) {
  const auto slot = table_->lookup(key, cpython_hash(key));
  return slot ? &entries_[entry_of_slot(*table_, *slot)].second : nullptr;
}

void DictData::sync_set_order() {
  std::vector<std::pair<Value, Value>> entries;
  table_->order = table_->active_slots();
  entries.reserve(table_->order.size());
  for (std::size_t slot : table_->order) entries.emplace_back(table_->key_at(slot), Value());
  entries_ = std::move(entries);
}

std::optional<std::size_t> DictData::index_of(const Value& key, std::size_t h) const {
  if (!(key_bits_ & key_bit(h))) return std::nullopt;
  if (index_.empty()) {
    for (std::size_t i = 0; i < entries_.size(); ++i)
      if (slots_[i].hash == h && keys_equal(entries_[i].first, key)) return i;
    return std::nullopt;
  }
  auto [lo, hi] = index_.equal_range(h);
  for (auto it = lo; it != hi; ++it)
    if (keys_equal(entries_[it->second].first, key)) return it->second;
  return std::nullopt;
}

Value* DictData::find(const Value& key) {
  if (table_) return set_find(key);
  auto i = index_of(key, hash_key(key));
  return i ? &entries_[*i].second : nullptr;
}

const Value* DictData::find_str(std::string_view key) const {
  return find_str(key, str_hash(key));
}

const Value* DictData::find_str(std::string_view key, std::size_t h) const {
  if (table_) return const_cast<DictData*>(this)->set_find(Value(key));
  const std::size_t i = str_index(key, h);
  return i < entries_.size() ? &entries_[i].second : nullptr;
}

const Value* DictData::find_str_missed(std::string_view key, std::size_t h,
                                       std::atomic<std::uint32_t>& hint) const {
  if (table_) return const_cast<DictData*>(this)->set_find(Value(key));
  const std::size_t i = str_index(key, h);
  if (i >= entries_.size()) return nullptr;
  hint.store(static_cast<std::uint32_t>(i), std::memory_order_relaxed);
  return &entries_[i].second;
}

std::size_t DictData::str_index(std::string_view key, std::size_t h) const {
  if (!(key_bits_ & key_bit(h))) return entries_.size();
  if (index_.empty()) {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (slots_[i].is(key, h)) return i;
    }
    return entries_.size();
  }
  auto [lo, hi] = index_.equal_range(h);
  for (auto it = lo; it != hi; ++it) {
    if (slots_[it->second].is(key, h)) return it->second;
  }
  return entries_.size();
}

DictData::KeySlot DictData::key_slot(const Value& key, std::size_t hash) {
  if (!key.is_str()) return {hash, nullptr, kNotStr};
  const std::string_view s = key.as_str();
  return {hash, s.data(), s.size()};
}

void DictData::set(Value key, Value value) {
  if (table_) {
    const auto r = table_->add(key, cpython_hash(key));
    if (!r.slot) return;
    if (r.resized) return sync_set_order();
    const std::size_t at = entry_of_slot(*table_, *r.slot);
    table_->order.insert(table_->order.begin() + static_cast<std::ptrdiff_t>(at), *r.slot);
    entries_.emplace(entries_.begin() + static_cast<std::ptrdiff_t>(at), std::move(key), Value());
    return;
  }
  const std::size_t h = hash_key(key);
  if (auto i = index_of(key, h)) {
    entries_[*i].second = std::move(value);
    return;
  }
  entries_.emplace_back(std::move(key), std::move(value));
  slots_.push_back(key_slot(entries_.back().first, h));
  key_bits_ |= key_bit(h);
  if (!index_.empty()) {
    index_.emplace(h, entries_.size() - 1);
  } else if (entries_.size() > kIndexThreshold) {
    rebuild_index();
  }
}

bool DictData::erase(const Value& key) {
  if (table_) {
    const auto slot = table_->discard(key, cpython_hash(key));
    if (!slot) return false;
    const auto at = static_cast<std::ptrdiff_t>(entry_of_slot(*table_, *slot));
    table_->order.erase(table_->order.begin() + at);
    entries_.erase(entries_.begin() + at);
    return true;
  }
  auto i = index_of(key, hash_key(key));
  if (!i) return false;
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(*i));
  slots_.erase(slots_.begin() + static_cast<std::ptrdiff_t>(*i));
  index_.clear();
  if (entries_.size() > kIndexThreshold) rebuild_index();
  return true;
}

void DictData::clear() {
  if (table_) table_->clear(), table_->order.clear();
  entries_.clear();
  slots_.clear();
  key_bits_ = table_ ? ~std::uint64_t{0} : 0;
  index_.clear();
}

void DictData::rebuild_index() {
  index_.clear();
  for (std::size_t i = 0; i < entries_.size(); ++i) index_.emplace(slots_[i].hash, i);
}

}  // namespace detail
}  // namespace squall
