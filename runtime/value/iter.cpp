// The iteration protocol: py::iter and py::Iterator.
#include <algorithm>

#include "squall/detail/unicode.hpp"
#include "value/internal.hpp"
#include "value/set_table.hpp"

namespace squall::py {

using namespace squall::rt;

Iterator iter(const Value& v) {
  Iterator it;
  it.source_ = v;
  switch (v.kind()) {
    case Kind::List:
    case Kind::Tuple:
      it.mode_ = Iterator::Mode::Seq;
      return it;
    case Kind::Str:
      it.mode_ = Iterator::Mode::Str;
      return it;
    case Kind::Dict:
    case Kind::Set:
      // Python's rule: a dict or set whose size changed since iteration began raises.
      it.mode_ = Iterator::Mode::Dict;
      it.stop_ = static_cast<std::int64_t>(v.as_dict().size());
      return it;
    case Kind::Iterator:
      it.mode_ = Iterator::Mode::Generic;
      return it;
    case Kind::Object:
      if (auto r = range_parts(v)) {
        it.mode_ = Iterator::Mode::Range;
        it.cur_ = (*r)[0], it.stop_ = (*r)[1], it.step_ = (*r)[2];
        return it;
      }
      if (auto inner = v.as_object().iter()) {
        it.source_ = std::move(*inner);
        it.mode_ = Iterator::Mode::Generic;
        return it;
      }
      break;
    default:
      break;
  }
  raise("TypeError", quoted_type(v) + " object is not iterable");
}

std::optional<Value> Iterator::next() {
  meter_.tick();
  switch (mode_) {
    case Mode::Seq: {
      const auto& items = source_.as_items();
      if (pos_ >= items.size()) return std::nullopt;
      return items[pos_++];
    }
    case Mode::Str: {
      const std::string_view s = source_.as_str();
      if (pos_ >= s.size()) return std::nullopt;
      auto c = detail::decode_utf8(s, pos_);
      const std::size_t n = c ? c->length : 1;
      Value out(s.substr(pos_, n));
      pos_ += n;
      return out;
    }
    case Mode::Dict: {
      const auto& d = source_.as_dict();
      if (static_cast<std::int64_t>(d.size()) != stop_) {
        stop_ = -1;  // sticky, as in CPython
        raise("RuntimeError", source_.is_set() ? "Set changed size during iteration"
                                               : "dictionary changed size during iteration");
      }
      const auto& e = d.entries();
      if (const detail::SetTable* t = d.set_table()) {
        // A set is walked by table slot, so a rebuilt table goes on from the same slot.
        const auto at = std::lower_bound(t->order.begin(), t->order.end(), pos_);
        if (at == t->order.end()) return std::nullopt;
        pos_ = *at + 1;
        return e[static_cast<std::size_t>(at - t->order.begin())].first;
      }
      if (pos_ >= e.size()) return std::nullopt;
      return e[pos_++].first;
    }
    case Mode::Range: {
      if (step_ > 0 ? cur_ >= stop_ : cur_ <= stop_) return std::nullopt;
      Value out(cur_);
      if (__builtin_add_overflow(cur_, step_, &cur_)) cur_ = stop_;
      return out;
    }
    case Mode::Generic:
      return source_.as_iterator().next();
    case Mode::Empty:
      break;
  }
  return std::nullopt;
}

std::vector<Value> to_vector(const Value& iterable) {
  if (iterable.is_list() || iterable.is_tuple()) return iterable.as_items();
  std::vector<Value> out;
  if (iterable.is_object()) {
    if (auto n = iterable.as_object().len()) {  // range(10**12): fail before any work
      limits::check_items(*n);
      out.reserve(*n);
    }
  }
  auto it = iter(iterable);
  while (auto x = it.next()) {
    if (out.size() == out.capacity()) limits::check_items(out.size() + 1);
    out.push_back(std::move(*x));
  }
  return out;
}

}  // namespace squall::py
