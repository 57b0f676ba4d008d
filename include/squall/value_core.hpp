// squall::Value: the dynamic value both back ends compute with, modelled on Python's objects.
//
// A Value is 16 bytes: a kind tag and a payload. Scalars (None, bool, int, float) live inline;
// strings, containers, callables, iterators and objects live on the heap behind an intrusive
// atomic reference count, so copying a Value is a pointer copy plus an increment. Lists and
// dicts are mutable and shared, as in Python: a copy of a list Value aliases the same list.
//
// Python operations on Values (arithmetic, comparison, str/repr, attribute access, calls) are
// free functions in squall::py, declared in <squall/py.hpp>.
//
// This header is the Value class alone, without the conversions from C++ types
// (ValueConverter's specialisations, reflected structs, typed functions), so that generated
// code, which never needs them, does not pay for parsing them. Programs include
// <squall/value.hpp>, which adds them.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "squall/error.hpp"

namespace squall {

class Value;

/// Kind is the Python type family of a Value.
enum class Kind : std::uint8_t {
  None,
  Bool,
  Int,
  Float,
  Str,
  List,
  Tuple,
  Dict,
  Set,
  Callable,  ///< a C++ function (builtins, bound methods, registered helpers)
  Iterator,  ///< a single-pass iterator (enumerate, zip, map, filter, generators)
  Object,    ///< anything else: reflected structs, range, datetime, type objects, modules
};

/// KwArg is one keyword argument of a call: `name=value`.
struct KwArg;

/// Args are the positional arguments of a call.
using Args = std::span<const Value>;
/// KwArgs are the keyword arguments of a call, in source order.
using KwArgs = std::span<const KwArg>;
/// Function is the signature of a C++ function callable from templates.
using Function = std::function<Value(Args, KwArgs)>;

namespace detail {

/// HeapObject is the base of every heap payload; `refs` is the intrusive reference count.
struct HeapObject {
  mutable std::atomic<std::uint32_t> refs{1};
  HeapObject() = default;
  HeapObject(const HeapObject&) = delete;
  HeapObject& operator=(const HeapObject&) = delete;
  virtual ~HeapObject() = default;
};

inline void retain(const HeapObject* h) noexcept {
  h->refs.fetch_add(1, std::memory_order_relaxed);
}
/// destroy deletes a payload whose last reference went away. Out of line so every inlined
/// ~Value stays small (and so g++ 12 does not misread the virtual delete as an array access
/// at -O2, a false -Warray-bounds in generated code).
void destroy(const HeapObject* h) noexcept;
inline void release(const HeapObject* h) noexcept {
  if (h->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy(h);
}

struct StrData;
struct SeqData;
class DictData;
struct CallableData;
struct IteratorData;

}  // namespace detail

class Object;

/// ValueConverter<T>::convert(const T&) -> Value teaches Value's converting constructor a C++
/// type. Provided for std::vector, std::map, std::unordered_map, std::set,
/// std::unordered_set, std::optional, std::chrono::system_clock::time_point,
/// std::chrono::year_month_day and reflected structs (<squall/reflect.hpp>); specialise it
/// for your own types.
template <class T>
struct ValueConverter;

/// Value is a Python value. Default-constructed it is None. See the file comment.
///
/// **Example**:
/// ```
/// Value page = {{"title", "Home"}, {"tags", std::vector<std::string>{"a", "b"}}};
/// ```
class Value {
 public:
  // -- Construction
  Value() noexcept : kind_(Kind::None) { u_.i = 0; }        ///< None
  Value(std::nullptr_t) noexcept : Value() {}               ///< None
  Value(std::nullopt_t) noexcept : Value() {}               ///< None
  Value(bool b) noexcept : kind_(Kind::Bool) { u_.i = b; }  ///< True or False
  /// Any integral type except bool and char is an int; unsigned values above INT64_MAX throw
  /// OverflowError.
  template <class T>
  requires(std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>) Value(T i)
      : kind_(Kind::Int) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(std::int64_t)) {
      if (i > static_cast<T>(INT64_MAX)) overflow_error();
    }
    u_.i = static_cast<std::int64_t>(i);
  }
  Value(double f) noexcept : kind_(Kind::Float) { u_.f = f; }  ///< a float
  Value(float f) noexcept : Value(static_cast<double>(f)) {}   ///< a float
  /// Pointers other than `const char*` are rejected (they would silently become bool).
  template <class T>
  Value(T*) = delete;
  Value(const char* s) : Value(std::string_view(s)) {}         ///< a str (copied; UTF-8)
  Value(std::string_view s);                                   ///< a str (copied; UTF-8)
  Value(std::string&& s);                                      ///< a str (moved; UTF-8)
  Value(const std::string& s) : Value(std::string_view(s)) {}  ///< a str (copied; UTF-8)
  /// A dict from key/value pairs, in order: `Value v = {{"a", 1}, {"b", "x"}};`.
  Value(std::initializer_list<std::pair<std::string_view, Value>> items);
  /// A shared reflected struct (see SQUALL_REFLECT); the Value keeps `p` alive.
  template <class T>
  requires requires(const T* t) { squall_reflect_fields(t); }
  Value(std::shared_ptr<T> p);
  /// Any other type with a `ValueConverter` specialisation (vectors, maps, optionals,
  /// reflected structs by value, which are copied into shared ownership).
  template <class T>
  requires requires(const T& t) { ValueConverter<std::remove_cvref_t<T>>::convert(t); }
  Value(const T& x) : Value(ValueConverter<std::remove_cvref_t<T>>::convert(x)) {}

  /// from_static makes a str that borrows `s` without copying: `s` must outlive every copy of
  /// the Value (string literals, strings owned by a reflected object). Strings of 4 GiB or
  /// more are copied.
  static Value from_static(std::string_view s) noexcept;
  /// from_json parses JSON text (see <squall/json.hpp> for the mapping).
  static Value from_json(std::string_view text);
  /// list makes a new list; tuple a new tuple; dict an empty dict; set a set of `items`
  /// (duplicates dropped, Python equality).
  static Value list(std::vector<Value> items = {});
  static Value list(std::initializer_list<Value> items) {  ///< a list of `items`
    return list(std::vector<Value>(items));
  }
  static Value tuple(std::vector<Value> items = {});        ///< a tuple of `items`
  static Value tuple(std::initializer_list<Value> items) {  ///< a tuple of `items`
    return tuple(std::vector<Value>(items));
  }
  static Value dict();                              ///< a new empty dict
  static Value set(std::vector<Value> items = {});  ///< a set of `items`
  /// function wraps a C++ callable; `name` is used in error messages and repr.
  static Value function(std::string name, Function fn);
  /// function wraps a C++ callable with typed parameters, such as
  /// `[](std::string_view s, int n) { ... }`: Squall counts the arguments and converts them
  /// (ArgConverter), raising Python's TypeError text, and converts the result (void is
  /// None). Trailing std::optional parameters may be left out. Without parameter names the
  /// function takes positional arguments only, as a builtin does; see
  /// <squall/typed_function.hpp> for the messages.
  template <class F>
  requires(!std::is_convertible_v<F, Function>) static Value function(std::string name, F fn);
  /// function with parameter names (one per parameter, else std::invalid_argument): calls may
  /// also pass arguments by keyword, and errors read as a Python function's.
  template <class F>
  static Value function(std::string name, std::vector<std::string> params, F fn);
  /// datetime makes a naive `datetime.datetime`; out-of-range fields raise ValueError as
  /// Python's constructor does (`month must be in 1..12`). A
  /// std::chrono::system_clock::time_point converts to one (in UTC) on its own.
  static Value datetime(int year, int month, int day, int hour = 0, int minute = 0, int second = 0,
                        int microsecond = 0);
  /// date makes a `datetime.date` (ValueError as datetime); a std::chrono::year_month_day
  /// converts to one on its own.
  static Value date(int year, int month, int day);
  /// generator makes a single-pass iterator from `next`, which returns nullopt when exhausted.
  static Value generator(std::function<std::optional<Value>()> next);
  /// object wraps a heap Object (takes one reference; `obj` must be freshly `new`ed or
  /// retained by the caller).
  static Value adopt(Object* obj) noexcept;
  /// object borrows a reflected struct: fields are read in place; `x` must outlive the Value.
  template <class T>
  static Value object(const T& x);

  /// A copy shares the heap payload (see the file comment): a pointer copy and an increment.
  Value(const Value& o) noexcept : kind_(o.kind_), flags_(o.flags_), len_(o.len_), u_(o.u_) {
    if (is_heap()) detail::retain(u_.h);
  }
  /// Moving leaves `o` None.
  Value(Value&& o) noexcept : kind_(o.kind_), flags_(o.flags_), len_(o.len_), u_(o.u_) {
    o.kind_ = Kind::None;
    o.flags_ = 0;
  }
  Value& operator=(const Value& o) noexcept {  ///< shares `o`'s payload, as the copy does
    Value tmp(o);
    swap(tmp);
    return *this;
  }
  Value& operator=(Value&& o) noexcept {  ///< leaves `o` None
    Value tmp(std::move(o));
    swap(tmp);
    return *this;
  }
  ~Value() {
    if (is_heap()) detail::release(u_.h);
  }
  void swap(Value& o) noexcept {  ///< exchanges the two Values without touching counts
    std::swap(kind_, o.kind_);
    std::swap(flags_, o.flags_);
    std::swap(len_, o.len_);
    std::swap(u_, o.u_);
  }

  // -- Inspection (no Python semantics; py:: functions implement those)
  Kind kind() const noexcept { return kind_; }  ///< the Python type family
  /// is_none, is_bool, ... is_object tell whether kind() is that Kind (is_callable_kind: a
  /// C++ function; callable objects and types are Objects).
  ///@{
  bool is_none() const noexcept { return kind_ == Kind::None; }
  bool is_bool() const noexcept { return kind_ == Kind::Bool; }
  bool is_int() const noexcept { return kind_ == Kind::Int; }
  bool is_float() const noexcept { return kind_ == Kind::Float; }
  bool is_str() const noexcept { return kind_ == Kind::Str; }
  bool is_list() const noexcept { return kind_ == Kind::List; }
  bool is_tuple() const noexcept { return kind_ == Kind::Tuple; }
  bool is_dict() const noexcept { return kind_ == Kind::Dict; }
  bool is_set() const noexcept { return kind_ == Kind::Set; }
  bool is_callable_kind() const noexcept { return kind_ == Kind::Callable; }
  bool is_object() const noexcept { return kind_ == Kind::Object; }
  ///@}
  /// is_number is true for bool, int and float (Python's numeric tower).
  bool is_number() const noexcept {
    return kind_ == Kind::Bool || kind_ == Kind::Int || kind_ == Kind::Float;
  }

  /// Unchecked accessors: the kind must match (checked with assert in debug builds).
  bool as_bool() const noexcept { return u_.i != 0; }
  std::int64_t as_int() const noexcept { return u_.i; }  ///< int or bool
  double as_float() const noexcept { return u_.f; }      ///< float
  std::string_view as_str() const noexcept;              ///< str (UTF-8)
  /// as_items is the element vector of a list or tuple (mutate only lists).
  std::vector<Value>& as_items() const noexcept;
  detail::DictData& as_dict() const noexcept;          ///< dict or set
  Object& as_object() const noexcept;                  ///< object
  detail::CallableData& as_callable() const noexcept;  ///< callable (a C++ function)
  detail::IteratorData& as_iterator() const noexcept;  ///< iterator

  /// heap_identity is the address of the heap payload, or nullptr for inline scalars and
  /// borrowed strs: an identity key (cycle detection, `id()`-like uses).
  const void* heap_identity() const noexcept { return is_heap() ? u_.h : nullptr; }

  /// identical is Python's `is` for heap values and value equality for scalars.
  bool identical(const Value& o) const noexcept {
    // Inline for the commonest question, "is this that function?".
    if (kind_ != o.kind_) return false;
    if (is_heap() && o.is_heap()) return u_.h == o.u_.h;
    return identical_slow(o);
  }

 private:
  bool identical_slow(const Value& o) const noexcept;  // identical past its inline checks
  static constexpr std::uint8_t kBorrowed = 1;
  struct Borrow {};
  [[noreturn]] static void overflow_error();
  Value(Kind k, detail::HeapObject* h) noexcept : kind_(k) { u_.h = h; }
  bool is_heap() const noexcept {
    return kind_ >= Kind::Str && !(kind_ == Kind::Str && (flags_ & kBorrowed));
  }

  Kind kind_;
  std::uint8_t flags_ = 0;
  std::uint32_t len_ = 0;  // byte length of a borrowed str
  union {
    std::int64_t i;
    double f;
    const char* s;
    detail::HeapObject* h;
  } u_;

  friend struct ValueAccess;
};

static_assert(sizeof(Value) == 16, "Value must stay two words");

/// KwArg is one keyword argument of a call: `name=value`.
struct KwArg {
  std::string_view name;  ///< the keyword
  Value value;            ///< the argument
};

/// Object is the base class of heap values with custom behaviour: reflected structs, range,
/// datetime, type objects, modules. Every hook has a Python-like default (an error of the
/// class Python would raise); subclasses override what they support.
class Object : public detail::HeapObject {
 public:
  /// type_name is the Python class name used in messages and repr (`datetime`, `range`).
  virtual std::string_view type_name() const = 0;
  /// getattr returns the attribute or nullopt (the caller raises AttributeError).
  virtual std::optional<Value> getattr(std::string_view name) const;
  /// call_method calls method `name`, or returns nullopt when there is no such attribute.
  /// The default looks the attribute up with getattr and calls it. `format(v, spec)` asks
  /// for `__format__` (one str argument) before falling back to the builtin rules.
  virtual std::optional<Value> call_method(std::string_view name, Args args, KwArgs kwargs) const;
  /// getitem is `self[key]`; the default raises TypeError "'T' object is not subscriptable".
  virtual Value getitem(const Value& key) const;
  /// len returns the length or nullopt when the object has none (TypeError by caller).
  virtual std::optional<std::size_t> len() const { return std::nullopt; }
  /// iter returns an Iterator Value, or nullopt when not iterable.
  virtual std::optional<Value> iter() const { return std::nullopt; }
  /// call is `self(*args, **kwargs)`; the default raises "'T' object is not callable".
  virtual Value call(Args args, KwArgs kwargs) const;
  /// is_callable tells whether call is implemented (Python's `callable`).
  virtual bool is_callable() const { return false; }
  /// truthy: defaults to `len() != 0` when there is a len, else true.
  virtual bool truthy() const;
  /// append_str appends `str(self)`; the default is repr.
  virtual void append_str(std::string& out) const;
  /// append_repr appends `repr(self)`; the default is `<T object>`.
  virtual void append_repr(std::string& out) const;
  /// eq returns `self == other`, or nullopt to fall back to identity.
  virtual std::optional<bool> eq(const Value& other) const;
  /// compare returns <0, 0, >0 for ordering, or nullopt when unordered (TypeError by caller).
  virtual std::optional<int> compare(const Value& other) const;
  /// binary_op implements an arithmetic operator (`+`, `-`, `*`, ...) with `other`;
  /// `self_left` tells whether self is the left operand. nullopt: unsupported (TypeError).
  virtual std::optional<Value> binary_op(std::string_view op, const Value& other,
                                         bool self_left) const;
  /// hash for dict keys; nullopt means unhashable.
  virtual std::optional<std::size_t> hash() const;
  /// is_instance_of is used by isinstance() on type objects: does `v` belong to this type?
  virtual bool is_instance_of_this(const Value& /*v*/) const { return false; }
  /// is_type tells whether this object is a type object (usable as isinstance's 2nd argument).
  virtual bool is_type() const { return false; }
};

namespace detail {

struct StrData : HeapObject {
  explicit StrData(std::string s) : text(std::move(s)) {}
  std::string text;
};

struct SeqData : HeapObject {
  explicit SeqData(std::vector<Value> v) : items(std::move(v)) {}
  std::vector<Value> items;
};

struct CallableData : HeapObject {
  CallableData(std::string n, Function f) : name(std::move(n)), fn(std::move(f)) {}
  std::string name;
  Function fn;
  Value self;  ///< the bound object for bound methods (None for functions)
};

struct IteratorData : HeapObject {
  explicit IteratorData(std::function<std::optional<Value>()> n) : next(std::move(n)) {}
  std::function<std::optional<Value>()> next;
};

/// hash_key is Python's hash for dict keys (1, 1.0 and True hash alike); throws TypeError
/// "unhashable type: 'list'" for lists, dicts and sets.
std::size_t hash_key(const Value& v);
/// keys_equal is Python `==` used for dict lookup.
bool keys_equal(const Value& a, const Value& b);

class SetTable;

/// DictData is an insertion-ordered hash map (also used for sets, with None values). A set's
/// DictData also keeps CPython's set table and its entries in that table's order, CPython's
/// iteration order.
class DictData : public HeapObject {
 public:
  DictData();
  struct SetTag {};
  explicit DictData(SetTag);
  ~DictData() override;
  /// set_table is a set's CPython table (nullptr for a dict).
  SetTable* set_table() const noexcept { return table_.get(); }
  /// sync_set_order re-sorts a set's entries after its table changed as a whole.
  void sync_set_order();
  std::size_t size() const noexcept { return entries_.size(); }
  /// find returns the value stored under `key`, or nullptr.
  Value* find(const Value& key);
  const Value* find(const Value& key) const { return const_cast<DictData*>(this)->find(key); }
  /// find_str is find for a str key without building a Value.
  const Value* find_str(std::string_view key) const;
  /// find_str with `hash` == str_hash(key), computed once by the caller.
  const Value* find_str(std::string_view key, std::size_t hash) const;
  /// find_str trying position `hint` first and storing where the key was found: rows of
  /// one shape keep each key at the same position, so one lookup site (an attribute read
  /// in a loop) almost always hits. Any thread may share a hint; it is only a guess.
  const Value* find_str(std::string_view key, std::size_t hash,
                        std::atomic<std::uint32_t>& hint) const;  // inline below
  /// str_hash is the hash a str key is stored under.
  static std::size_t str_hash(std::string_view key) noexcept {
    return std::hash<std::string_view>{}(key);
  }
  /// set inserts or replaces, keeping the original position of an existing key.
  void set(Value key, Value value);
  /// erase removes `key`; returns false when absent.
  bool erase(const Value& key);
  void clear();
  /// entries in insertion order.
  const std::vector<std::pair<Value, Value>>& entries() const noexcept { return entries_; }
  std::vector<std::pair<Value, Value>>& entries() noexcept { return entries_; }

 private:
  std::optional<std::size_t> index_of(const Value& key, std::size_t h) const;
  void rebuild_index();
  std::size_t str_index(std::string_view key, std::size_t hash) const;  // size() if absent
  const Value* find_str_missed(std::string_view key, std::size_t hash,
                               std::atomic<std::uint32_t>& hint) const;

  std::vector<std::pair<Value, Value>> entries_;
  // KeySlot is what a lookup reads of entry i before the entry itself: the key's hash and,
  // for a str key, its characters (str payloads never change or move), so a name lookup
  // compares without going through the key Value.
  struct KeySlot {
    std::size_t hash;
    const char* chars;  // the str key's characters; null for other keys
    std::size_t size;   // the str key's length; kNotStr for other keys
    /// is tells whether this is the slot of the str `key` whose hash is `hash`.
    [[gnu::always_inline]] bool is(std::string_view key, std::size_t key_hash) const;
  };
  static constexpr std::size_t kNotStr = ~std::size_t{0};
  static KeySlot key_slot(const Value& key, std::size_t hash);
  std::vector<KeySlot> slots_;  // one per entry
  // One bit per key hash (its top 6 bits): a lookup whose bit is clear is a miss without a
  // scan. Erasing leaves bits set, which only costs a scan.
  std::uint64_t key_bits_ = 0;
  static std::uint64_t key_bit(std::size_t hash) noexcept {
    return std::uint64_t{1} << (static_cast<std::uint64_t>(hash) >> 58);
  }
  // Small dicts are scanned linearly; the index is built past kIndexThreshold entries.
  std::unordered_multimap<std::size_t, std::size_t> index_;
  static constexpr std::size_t kIndexThreshold = 8;
  std::unique_ptr<SetTable> table_;  // sets only: lookups and order go through it
  Value* set_find(const Value& key);
};

}  // namespace detail

// -- Inline accessors

inline std::string_view Value::as_str() const noexcept {
  if (flags_ & kBorrowed) return {u_.s, len_};
  return static_cast<const detail::StrData*>(u_.h)->text;
}
inline std::vector<Value>& Value::as_items() const noexcept {
  return static_cast<detail::SeqData*>(u_.h)->items;
}
inline detail::DictData& Value::as_dict() const noexcept {
  return *static_cast<detail::DictData*>(u_.h);
}
inline Object& Value::as_object() const noexcept {
  return *static_cast<Object*>(u_.h);
}
inline detail::CallableData& Value::as_callable() const noexcept {
  return *static_cast<detail::CallableData*>(u_.h);
}
inline detail::IteratorData& Value::as_iterator() const noexcept {
  return *static_cast<detail::IteratorData*>(u_.h);
}

namespace detail {

/// same_chars compares `n` bytes. Keys looked up by name are short identifiers whose hashes
/// and lengths already matched, so fixed-size compares beat a call to memcmp.
[[gnu::always_inline]] inline bool same_chars(const char* a, const char* b, std::size_t n) {
  // Two overlapping fixed-size compares cover 4 to 16 bytes without a loop or a call.
  if (n >= 8 && n <= 16) {
    return std::memcmp(a, b, 8) == 0 && std::memcmp(a + n - 8, b + n - 8, 8) == 0;
  }
  if (n >= 4 && n < 8) {
    return std::memcmp(a, b, 4) == 0 && std::memcmp(a + n - 4, b + n - 4, 4) == 0;
  }
  if (n > 16) return std::memcmp(a, b, n) == 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

inline bool DictData::KeySlot::is(std::string_view key, std::size_t key_hash) const {
  // A non-str key's size never equals a string's, so `chars` is only read for str keys.
  return hash == key_hash && size == key.size() && same_chars(chars, key.data(), size);
}

// Inline: an attribute read in a loop almost always hits its hint, and the call would cost
// as much as the check.
[[gnu::always_inline]] inline const Value* DictData::find_str(
    std::string_view key, std::size_t hash, std::atomic<std::uint32_t>& hint) const {
  const std::size_t guess = hint.load(std::memory_order_relaxed);
  if (guess < slots_.size() && slots_[guess].is(key, hash)) return &entries_[guess].second;
  if (!(key_bits_ & key_bit(hash))) return nullptr;  // absent: no call
  return find_str_missed(key, hash, hint);
}

}  // namespace detail

}  // namespace squall
