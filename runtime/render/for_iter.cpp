// `for` loops and fixed-count unpacking without per-item allocations (render.hpp).
#include "squall/detail/render.hpp"
#include "squall/py.hpp"

namespace squall::render {
namespace {

bool is_builtin_enumerate(const Value& fn) {
  static const Value builtin = *py::builtin("enumerate");
  return fn.identical(builtin);
}

bool walks_by_index(const Value& v) {
  return v.is_list() || v.is_tuple();
}

}  // namespace

void unpack_into(const Value& value, std::span<Value> targets) {
  if (walks_by_index(value)) {
    const auto& items = value.as_items();
    if (items.size() == targets.size()) {
      for (std::size_t i = 0; i < items.size(); ++i) targets[i] = items[i];
      return;
    }
  }
  // Anything else, including every error, takes the general path.
  auto items = unpack(value, targets.size(), std::nullopt);
  for (std::size_t i = 0; i < items.size(); ++i) targets[i] = std::move(items[i]);
}

ForIter::ForIter(const Value& iterable, Source source) : source_(&iterable) {
  if (source == Source::Copy) source_ = &(owned_source_ = iterable);
  if (!walks_by_index(*source_)) iter_.emplace(py::iter(*source_));
}

ForIter::ForIter(Enumerate, const Value& enumerate_fn, const Value& iterable, Source source)
    : source_(&iterable) {
  if (is_builtin_enumerate(enumerate_fn)) {
    // enumerate(x) calls iter(x) at once: a non-iterable fails here, with its TypeError.
    if (source == Source::Copy) source_ = &(owned_source_ = iterable);
    if (!walks_by_index(*source_)) iter_.emplace(py::iter(*source_));
    counting_ = true;
    return;
  }
  const Value arg[] = {iterable};
  source_ = &(owned_source_ = py::call(enumerate_fn, arg));
  if (!walks_by_index(*source_)) iter_.emplace(py::iter(*source_));
}

bool ForIter::next_from_iterator() {
  auto item = iter_->next();
  if (!item) return false;
  owned_ = std::move(*item);
  current_ = &owned_;
  ++index_;
  return true;
}

const Value& ForIter::counted_item() {
  tuple_ = Value::tuple({Value(index_), *current_});
  return tuple_;
}

void ForIter::unpack_slow(std::span<Value> targets) {
  if (counting_) return unpack_into(Value::tuple({Value(index_), *current_}), targets);
  unpack_into(*current_, targets);
}

}  // namespace squall::render
