// CPython's set hash table, so sets iterate (and print) in CPython's order. Internal.
//
// A set's DictData keeps one of these next to its entries: the table decides where each key
// sits, and DictData keeps its entries sorted by table slot, which is CPython's iteration
// order. The algorithms are CPython 3.11's Objects/setobject.c: linear probes then
// perturbation, a dummy marker for deleted keys that later insertions reuse, and resizes at
// 60% fill to four times the used count (twice above 50000).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "squall/value.hpp"

namespace squall::detail {

/// cpython_hash is Python's hash(v) as CPython 3.11 computes it on 64-bit Linux: ints modulo
/// 2**61 - 1, floats by their exact value (so 1.0 and 1 agree), tuples by xxHash, frozensets
/// by their shuffled xor, None as Debian's 3.11 does (612812), strs by SipHash-1-3 with the
/// key of PYTHONHASHSEED=0. TypeError for unhashable values.
std::int64_t cpython_hash(const Value& v);

class SetTable {
 public:
  SetTable() : slots_(kMinSize) {}

  bool frozen = false;  ///< a frozenset: immutable once built, hashable

  /// AddResult tells where `add` put the key (nullopt: it was already there) and whether the
  /// table was rebuilt (every slot index changed).
  struct AddResult {
    std::optional<std::size_t> slot;
    bool resized = false;
  };
  AddResult add(const Value& key, std::int64_t hash);
  /// lookup returns the slot holding `key`, or nullopt.
  std::optional<std::size_t> lookup(const Value& key, std::int64_t hash) const;
  /// discard turns the key's slot into a dummy and returns it (nullopt when absent).
  std::optional<std::size_t> discard(const Value& key, std::int64_t hash);
  /// pop removes the key set.pop() removes (CPython's rotating finger); the set is not empty.
  std::pair<std::size_t, Value> pop();
  void clear();
  /// merge is set_merge: adds every key of `other` (another set's table).
  void merge(const SetTable& other);
  /// reserve_for is the one resize set.update(dict) does before adding `n` keys.
  void reserve_for(std::size_t n);
  /// compact rebuilds the table when over a quarter of it is dummies; true if it did.
  bool compact();

  std::size_t size() const noexcept { return used_; }
  /// active_slots lists the slots holding keys, in table order (the iteration order).
  std::vector<std::size_t> active_slots() const;
  const Value& key_at(std::size_t slot) const { return slots_[slot].key; }
  std::int64_t hash_at(std::size_t slot) const { return slots_[slot].hash; }
  /// frozen_hash is hash(frozenset) (order-independent).
  std::int64_t frozen_hash() const;

  /// order is the slot of each of the owning DictData's entries (kept sorted by DictData).
  std::vector<std::size_t> order;

 private:
  enum class State : std::uint8_t { Empty, Dummy, Active };
  struct Slot {
    std::int64_t hash = 0;
    State state = State::Empty;
    Value key;
  };
  static constexpr std::size_t kMinSize = 8;
  static constexpr std::size_t kLinearProbes = 9;
  static constexpr int kPerturbShift = 5;

  void resize(std::size_t minused);
  void insert_clean(std::vector<Slot>& table, const Value& key, std::int64_t hash);
  std::size_t mask() const noexcept { return slots_.size() - 1; }

  std::vector<Slot> slots_;
  std::size_t fill_ = 0;  // active + dummy slots
  std::size_t used_ = 0;  // active slots
  std::size_t finger_ = 0;
};

}  // namespace squall::detail
