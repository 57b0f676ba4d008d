// squall::render: the template-level runtime both back ends call. Part of the code
// generator's target (<squall/abi.hpp>), not of the user API: it may change with any
// release, and public headers never include it.
//
// squall::py defines Python's operations on Values; this header defines what Tornado's
// generated `_tt_execute` function adds on top of them: the render namespace (defaults,
// builtins, registered names, keyword arguments), how `{{ }}`, `{% raw %}`, `{% module %}`
// and `{% apply %}` write output, the errors only templates raise (UnboundLocalError,
// NameError, ImportError), tuple unpacking, lambda argument binding, UI modules, and how a
// squall::Error is annotated with the template, line and include chain it came through.
//
// The interpreter (compiler/interp) and the generated C++ call exactly these functions, so
// the two back ends cannot disagree on any of it.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "squall/error.hpp"
#include "squall/limit_checks.hpp"
#include "squall/py.hpp"
#include "squall/quote_entity.hpp"
#include "squall/value_core.hpp"

// Declared only: every header included here is parsed by each generated file, so the
// render namespace's parts are named, not defined (<squall/namespace.hpp>,
// <squall/render_session.hpp>, <squall/ui_module.hpp> define them).
namespace squall {
class Namespace;
class RenderSession;
}  // namespace squall

namespace squall::render {

// ---------------------------------------------------------------------------------------
// Names

/// GlobalName is a global name prepared once per program (a static in generated code): its
/// hash, and two caches any thread may update. Globals::find(GlobalName) returns what
/// find(name) returns; the caches only make it cheaper:
///   - where the render arguments last held the name (a position hint, checked each time);
///   - the value a name not passed as an argument resolves to from the fixed layers
///     (defaults, builtins), kept per quote style and used only when the render has no
///     registered names (those can differ between renders).
class GlobalName {
 public:
  explicit GlobalName(std::string_view name);  ///< `name` must outlive the GlobalName
  GlobalName(const GlobalName&) = delete;
  GlobalName& operator=(const GlobalName&) = delete;
  std::string_view name() const { return name_; }  ///< the name
  std::size_t hash() const { return hash_; }       ///< the name's dict hash

 private:
  friend class Globals;
  std::string_view name_;
  std::size_t hash_;
  bool per_render_;  // resolved from per-render state after the arguments: never cached
  mutable std::atomic<std::uint32_t> kwargs_hint_{0};
  mutable std::atomic<const Value*> fixed_[2] = {nullptr, nullptr};  // by QuoteEntity
};

/// Globals is the namespace of one render. Lookup order (later layers of Tornado's
/// namespace dict win, and Python falls back to builtins last):
///   1. the render's keyword arguments (a dict Value; str keys),
///   2. the session's UI-module names `_tt_modules` and `modules` (when modules exist),
///   3. the registered names (loader namespace),
///   4. the defaults (default_names) and `__name__` (the template name with every `.`
///      replaced by `_`, as Tornado sets it),
///   5. Python builtins (py::builtin), plus `globals`, which returns dict().
/// Globals never changes during a render, so a found `const Value*` stays valid until the
/// Globals object and the kwargs dict are destroyed.
class Globals {
 public:
  /// `kwargs` must be a dict (or None for no arguments); `registered` and `session` may be
  /// null. The referenced objects (`kwargs` included: it is read in place, not copied), and
  /// the characters of `template_name`, must outlive the Globals.
  Globals(std::string_view template_name, const Value& kwargs, const Namespace* registered,
          RenderSession* session, QuoteEntity quote = QuoteEntity::Decimal);
  Globals(std::string_view, Value&&, const Namespace*, RenderSession*,
          QuoteEntity = QuoteEntity::Decimal) = delete;
  Globals(const Globals&) = delete;
  Globals& operator=(const Globals&) = delete;

  /// find returns the value of global `name`, or nullptr when it is not defined.
  const Value* find(std::string_view name) const;
  /// find with `hash` == DictData::str_hash(name), computed once by the caller.
  const Value* find(std::string_view name, std::size_t hash) const;
  /// find of a prepared name, through its caches.
  const Value* find(const GlobalName& name) const;
  /// lookup returns the value of global `name` or raises NameError
  /// "name 'x' is not defined".
  const Value& lookup(std::string_view name) const;
  /// dict is what the template's `globals()` returns: a new dict of layers 1-4 (builtins
  /// excluded, as in Python). Mutating it does not change the render's namespace.
  Value dict() const;
  /// default_escape is the default `xhtml_escape` function (the autoescape fast path).
  const Value& default_escape() const { return *default_escape_; }
  QuoteEntity quote() const { return quote_; }         ///< the entity written for `'`
  RenderSession* session() const { return session_; }  ///< the render's session

 private:
  const Value& dunder_name() const;
  // find_after_kwargs is find without layer 1.
  const Value* find_after_kwargs(std::string_view name, std::size_t hash) const;

  std::string_view template_name_;
  mutable std::optional<Value> name_;  // `__name__`, made on first use: most renders never read it
  const Value& kwargs_;
  const Namespace* registered_;
  RenderSession* session_;
  const Namespace& defaults_;
  const Value* default_escape_;
  QuoteEntity quote_;
  mutable Value globals_fn_;  // created on first use
};

// ---------------------------------------------------------------------------------------
// Output

/// OutBuffer is the output of one generated render function: a fixed buffer in front of
/// the caller's string, so that the many short appends of a template (static text, numbers,
/// short escaped strings) are a bounds check and a copy each, with no capacity check, call
/// or terminator write on the string. Whatever is buffered reaches the string when the
/// buffer fills, when flushed() is called (before any write that needs the string itself)
/// by finish() at the end of a render, and when the OutBuffer is destroyed by an exception,
/// so the string holds the partial output of a failed render as it would without the buffer.
class OutBuffer {
 public:
  static constexpr std::size_t kCapacity = 4096;  ///< bytes buffered before a flush

  /// `out` must outlive the OutBuffer; its contents are kept and appended to.
  explicit OutBuffer(std::string& out) : out_(out) {}
  OutBuffer(const OutBuffer&) = delete;
  OutBuffer& operator=(const OutBuffer&) = delete;
  ~OutBuffer() { flush_at_exit(); }

  void append(const char* text, std::size_t n) {  ///< writes `n` bytes of `text`
    if (n <= kCapacity - size_) {
      std::memcpy(buffer_ + size_, text, n);
      size_ += n;
      return;
    }
    append_long(text, n);
  }
  void append(std::string_view text) { append(text.data(), text.size()); }  ///< writes `text`
  /// append_short is append for `n` <= 16 bytes of unknown length (a short value's text):
  /// overlapping fixed-size copies instead of a call to memcpy, reading only the n bytes.
  void append_short(const char* text, std::size_t n) {
    char* d = reserve(16);
    if (n >= 8) {
      std::memcpy(d, text, 8);
      std::memcpy(d + n - 8, text + n - 8, 8);
    } else if (n >= 4) {
      std::memcpy(d, text, 4);
      std::memcpy(d + n - 4, text + n - 4, 4);
    } else {
      for (std::size_t i = 0; i < n; ++i) d[i] = text[i];
    }
    commit(n);
  }
  /// append_int writes an int's decimal digits (py::append_int's text).
  void append_int(std::int64_t i) { commit(py::write_int(reserve(py::kMaxIntChars), i)); }
  /// reserve returns room for `n` <= kCapacity bytes; commit(k) keeps the first k written.
  char* reserve(std::size_t n) {
    if (n > kCapacity - size_) flush();
    return buffer_ + size_;
  }
  void commit(std::size_t n) { size_ += n; }  ///< keeps `n` bytes written after reserve()
  /// finish flushes at the end of a successful render: unlike the destructor's flush, a
  /// failure to grow the string throws. The output limit is checked where a statement fills
  /// the buffer (so its error has the statement's line), not here: the last bytes may pass
  /// max_output_bytes by less than kCapacity.
  void finish() { append_to_string(); }
  /// flushed moves the buffered bytes to the string and returns it, for writers that take a
  /// std::string. Writes through the OutBuffer may continue afterwards.
  std::string& flushed() {
    flush();
    return out_;
  }

 private:
  // Out of line: they run once per 4 KB of output, and inlined they put a copy of
  // std::string's growth code into every `{{ }}` of every generated file.
  void flush();
  void append_to_string();
  void append_long(const char* text, std::size_t n);
  void flush_at_exit() noexcept;

  std::string& out_;
  std::size_t size_ = 0;
  char buffer_[kCapacity];
};

/// append_value appends a value as `{% raw %}` and `{% module %}` write it (Tornado 3.1
/// steps 1-2): a str as is, anything else as `str(value)`.
void append_value(std::string& out, const Value& v);
/// append_value into an OutBuffer (the generated code's output path).
void append_value(OutBuffer& out, const Value& v);

/// append_xhtml_escape is squall::append_xhtml_escape into an OutBuffer.
void append_xhtml_escape(OutBuffer& out, std::string_view text, QuoteEntity quote);

/// Escaper is one file's autoescape function for one render. The function is looked up by
/// name in the render namespace when the Escaper is made (the namespace cannot change during
/// the render); an unknown name raises NameError only when a `{{ }}` is actually written,
/// as in Tornado.
class Escaper {
 public:
  /// Escaper(globals) writes values unescaped (autoescape off).
  explicit Escaper(const Globals& globals);
  /// Escaper(globals, name) escapes with the function named by a prepared global name
  /// (which must outlive the Escaper); an empty name means escaping is off.
  Escaper(const Globals& globals, const GlobalName& name);
  /// append writes `{{ v }}`: converts as append_value does, then, unless escaping is off,
  /// passes the text to the function. The default xhtml_escape is applied in place; any
  /// other function is called through py::call with a str argument and must return a str
  /// (None or another type raises TypeError, as Tornado's `utf8()` / `join` do).
  [[gnu::always_inline]] void append(OutBuffer& out, const Value& v) {
    // Inline for the commonest cases once the function is known to be the default (digits
    // need no escaping).
    if (mode_ == Mode::Xhtml) {
      if (v.is_str()) return append_xhtml_escape(out, v.as_str(), quote_);
      if (v.is_int()) return out.append_int(v.as_int());
    } else if (mode_ == Mode::Off) {
      return append_value(out, v);
    }
    append_slow(out.flushed(), v);
  }
  /// name is the function name ("" when escaping is off). When the template assigns that
  /// name (`{% set my_escape = ... %}`), Python reads the local instead of the global:
  /// back ends check this and call append_escaped with the local's value.
  std::string_view name() const { return name_ ? name_->name() : std::string_view(); }
  bool enabled() const { return name_ != nullptr; }  ///< escaping is on

 private:
  // Missing: the function is not defined (NameError at the first `{{ }}`).
  enum class Mode : unsigned char { Missing, Off, Xhtml, Custom };
  void append_slow(std::string& out, const Value& v);

  const Globals& globals_;
  const GlobalName* name_ = nullptr;  // null when escaping is off
  Mode mode_ = Mode::Off;
  QuoteEntity quote_;
  const Value* fn_ = nullptr;
};

/// append_escaped writes `{{ v }}` through escape function `fn` (Escaper::append after the
/// lookup): the default xhtml_escape of `globals` in place, any other through py::call.
void append_escaped(std::string& out, const Value& v, const Value& fn, const Globals& globals);
/// append_escaped into an OutBuffer (flushed first, keeping the output in order).
inline void append_escaped(OutBuffer& out, const Value& v, const Value& fn,
                           const Globals& globals) {
  append_escaped(out.flushed(), v, fn, globals);
}

/// append_function_result appends what an escape or apply function returned: a str as is;
/// None raises TypeError "expected a bytes-like object, NoneType found"; any other value
/// TypeError "Expected bytes, unicode, or None; got <class 'int'>".
void append_function_result(std::string& out, const Value& result);

/// append_apply writes `{% apply fn %}body{% end %}`: calls `fn` with the body's output as
/// a str (Squall passes text where Tornado passes bytes; docs/differences.md) and appends
/// the result, unescaped, by append_function_result's rules.
void append_apply(std::string& out, const Value& fn, std::string body);
/// append_apply into an OutBuffer (flushed first, keeping the output in order).
inline void append_apply(OutBuffer& out, const Value& fn, std::string body) {
  append_apply(out.flushed(), fn, std::move(body));
}

// ---------------------------------------------------------------------------------------
// Errors

/// raise_unbound_local raises UnboundLocalError "cannot access local variable 'x' where it
/// is not associated with a value" (reading a template local before it is assigned).
[[noreturn]] void raise_unbound_local(std::string_view name);
/// raise_free_variable raises NameError "cannot access free variable 'x' where it is not
/// associated with a value in enclosing scope" (a lambda, comprehension or apply body reads
/// a template local before it is assigned).
[[noreturn]] void raise_free_variable(std::string_view name);
/// raise_name_error raises NameError "name 'x' is not defined".
[[noreturn]] void raise_name_error(std::string_view name);

/// annotate_error records where an error passed. The first call (the error has no template
/// name yet) sets the template name and line of the innermost node and copies `via`
/// (the include/block tags the node was reached through, innermost first) into the chain.
/// Later calls (the error came out of a template rendered by a UI module) append `NAME:LINE`
/// and `via` to the chain. Error::format() then gives
/// `NAME:LINE: Class: message (via b.html:2, a.html:1)` identically from both back ends.
void annotate_error(Error& e, std::string_view template_name, int line,
                    std::span<const ErrorFrame> via);

/// error_from_current_exception, called in a catch block, is the squall::Error the caught
/// exception stands for, by rethrow_as_error's rules: the Error itself, MemoryError for
/// std::bad_alloc, SystemError (with what()) for another std::exception, `SystemError:
/// unknown C++ exception` for anything else.
Error error_from_current_exception();

/// kMaxCallDepth is the default of RenderLimits::max_call_depth: the depth of nested
/// template-level calls (lambdas calling lambdas, templates rendered by UI modules) beyond
/// which RecursionError is raised instead of exhausting the C++ stack.
inline constexpr int kMaxCallDepth = 200;

/// CallDepthGuard counts one nested call for the current thread while it lives; creating
/// one beyond limits::current().max_call_depth raises RecursionError "maximum recursion depth
/// exceeded".
class CallDepthGuard {
 public:
  /// CallDepthGuard counts the call, or raises RecursionError (counting nothing) when the
  /// depth would exceed the limit; the destructor uncounts it.
  CallDepthGuard();
  ~CallDepthGuard();
  CallDepthGuard(const CallDepthGuard&) = delete;
  CallDepthGuard& operator=(const CallDepthGuard&) = delete;
};

// ---------------------------------------------------------------------------------------
// Statements

/// import_module is `import a.b` / `import a.b as c`: the value bound for `a.b` (with
/// `bind_top`, the value of `a`, which plain `import a.b` binds). Modules are looked up by
/// dotted name in `registered` (modules the C++ program provides; may be null), then in
/// py::module(); an unknown one raises ModuleNotFoundError (an ImportError) "No module named 'a'".
Value import_module(std::string_view dotted, bool bind_top, const Namespace* registered = nullptr);
/// import_from is `from m import name`: ModuleNotFoundError "No module named 'm'" or ImportError
/// "cannot import name 'x' from 'm' (unknown location)".
Value import_from(std::string_view module, std::string_view name,
                  const Namespace* registered = nullptr);

/// unpack is the tuple-unpacking assignment `a, b, *c = value` with `count` targets, the
/// one at `star` (if any) taking a list of the rest. Raises CPython's errors: TypeError
/// "cannot unpack non-iterable int object", ValueError "too many values to unpack
/// (expected 2)", "not enough values to unpack (expected 3, got 1)" or "... (expected at
/// least 2, got 1)".
std::vector<Value> unpack(const Value& value, std::size_t count, std::optional<std::size_t> star);

/// unpack_into is unpack without a starred target, into `targets` (one per name): the same
/// errors, and no allocation when `value` is a list or tuple of the right length.
void unpack_into(const Value& value, std::span<Value> targets);

/// ForIter runs `for target in iterable` for both back ends without a copy or an allocation
/// per item where Python semantics allow: lists and tuples are walked by index (re-reading
/// the length each step, as Python's list iterator does, so appending in the body is seen),
/// and `for i, x in enumerate(seq)` counts instead of building `(i, x)` tuples when the
/// callee is the builtin enumerate (a handler may pass its own `enumerate`; then it is
/// called and its items unpacked as usual). Other iterables go through py::Iterator.
///
/// **Example** (what generated code does):
/// ```
/// ForIter it(items);
/// while (it.next()) row = it.item();
/// ```
class ForIter {
 public:
  /// Source says whether the loop keeps its own reference to the iterable (Copy) or reads
  /// it in place (InPlace: the caller guarantees the Value outlives the loop unchanged, as
  /// a render global does).
  enum class Source { Copy, InPlace };
  /// ForIter(iterable) is `iter(iterable)`: TypeError for non-iterables.
  explicit ForIter(const Value& iterable, Source source = Source::Copy);
  /// Enumerate tags the `enumerate_fn(iterable)` form.
  struct Enumerate {};
  /// ForIter(Enumerate, fn, iterable) is `for ... in fn(iterable)` where `fn` was looked up
  /// by the name `enumerate`.
  ForIter(Enumerate, const Value& enumerate_fn, const Value& iterable,
          Source source = Source::Copy);
  ForIter(const ForIter&) = delete;
  ForIter& operator=(const ForIter&) = delete;

  /// next advances to the next item; false at the end.
  bool next() {
    if (iter_) return next_from_iterator();
    meter_.tick();
    const auto& items = source_->as_items();
    if (pos_ >= items.size()) return false;
    current_ = &items[pos_++];
    ++index_;
    return true;
  }
  /// item is the current item (a fresh `(index, item)` tuple in the counting enumerate
  /// form). Valid until next() or until the iterable is mutated.
  const Value& item() { return counting_ ? counted_item() : *current_; }
  /// unpack assigns the current item to `targets` as unpack_into does; in the counting
  /// enumerate form two targets get the index and the item without a tuple.
  void unpack(std::span<Value> targets) {
    // Inline for `for i, x in enumerate(xs)`, the commonest unpacking loop.
    if (counting_ && targets.size() == 2) {
      targets[1] = *current_;
      targets[0] = Value(index_);
      return;
    }
    unpack_slow(targets);
  }
  /// unpack_pair is unpack for a two-name target whose second name is read in place
  /// (codegen's loop-variable borrowing): assigns the first item to `first` and returns the
  /// second, which stays valid until the next call or the end of the loop.
  /// `First` is a Value or a template local (std::optional<Value>).
  template <class First>
  const Value& unpack_pair(First& first) {
    if (counting_) {
      first = Value(index_);
      return *current_;
    }
    unpack_slow(pair_);
    first = std::move(pair_[0]);
    return pair_[1];
  }

 private:
  void unpack_slow(std::span<Value> targets);
  bool next_from_iterator();
  const Value& counted_item();

  const Value* source_;               // the iterable (or enumerate's argument)
  Value owned_source_;                // source_ unless it is read in place
  std::optional<py::Iterator> iter_;  // set unless walking a list or tuple by index
  std::size_t pos_ = 0;
  const Value* current_ = nullptr;
  Value owned_;    // the current item when it came from iter_
  Value tuple_;    // item() of the counting enumerate form
  Value pair_[2];  // unpack_pair's items outside the counting enumerate form
  bool counting_ = false;
  std::int64_t index_ = -1;
  limits::IterationMeter meter_;
};

/// unbind_local is `del name` for a template local: UnboundLocalError when it has no value.
void unbind_local(std::optional<Value>& slot, std::string_view name);

/// inplace_add and the other inplace_ functions are `a op= b` (Python's in-place operators):
/// `+=` extends a list in place (any iterable `b`, as list.__iadd__), `*=` repeats a list in
/// place, `|=` `&=` `-=` `^=` change a set in place (a frozenset rebinds; `b` must be a set
/// or frozenset) and `|=` merges into a dict in place (any mapping or iterable of pairs, as
/// dict.__ior__); everything else is the plain py:: operator, whose "unsupported operand
/// type(s)" TypeError names the augmented operator (`+=`).
Value inplace_add(const Value& a, const Value& b);
Value inplace_sub(const Value& a, const Value& b);       ///< `a -= b`
Value inplace_mul(const Value& a, const Value& b);       ///< `a *= b`
Value inplace_truediv(const Value& a, const Value& b);   ///< `a /= b`
Value inplace_floordiv(const Value& a, const Value& b);  ///< `a //= b`
Value inplace_mod(const Value& a, const Value& b);       ///< `a %= b`
Value inplace_pow(const Value& a, const Value& b);       ///< `a **= b`
Value inplace_lshift(const Value& a, const Value& b);    ///< `a <<= b`
Value inplace_rshift(const Value& a, const Value& b);    ///< `a >>= b`
Value inplace_and(const Value& a, const Value& b);       ///< `a &= b`
Value inplace_or(const Value& a, const Value& b);        ///< `a |= b`
Value inplace_xor(const Value& a, const Value& b);       ///< `a ^= b`

/// append_star_args appends `*value` call arguments / display elements to `out`.
void append_star_args(std::vector<Value>& out, const Value& value);
/// dict_merge is `**mapping` in a dict display: merges `mapping`'s entries into `dict`;
/// TypeError "'list' object is not a mapping" for non-dicts.
void dict_merge(Value& dict, const Value& mapping);
/// append_double_star appends `**mapping` call arguments: TypeError "argument after ** must
/// be a mapping, not int" for non-dicts, "keywords must be strings" for other keys. The
/// KwArg names point into `mapping`'s keys: keep `mapping` alive while `out` is used.
void append_double_star(std::vector<KwArg>& out, const Value& mapping);

/// LambdaParam describes one parameter of a template `lambda`.
struct LambdaParam {
  std::string_view name;     ///< the parameter name
  bool has_default = false;  ///< `x=default`
  bool star = false;         ///< `*args`
  bool double_star = false;  ///< `**kwargs`
};

/// bind_lambda_args binds a call's arguments to a lambda's parameters as Python does:
/// returns one value per parameter (`*args` a tuple, `**kwargs` a dict). `defaults` holds
/// the evaluated defaults of the parameters that have one, in order. Raises TypeError
/// "<lambda>() missing 1 required positional argument: 'x'", "<lambda>() takes 1
/// positional argument but 2 were given", "<lambda>() got an unexpected keyword argument
/// 'z'", "<lambda>() got multiple values for argument 'x'".
std::vector<Value> bind_lambda_args(std::span<const LambdaParam> params,
                                    std::span<const Value> defaults, Args args, KwArgs kwargs);

}  // namespace squall::render
