// CPython 3.11's set table (Objects/setobject.c) and hash functions (Python/pyhash.c,
// Objects/longobject.c, tupleobject.c), so sets iterate in CPython's order.
#include "value/set_table.hpp"

#include <cmath>
#include <cstring>

#include "value/internal.hpp"

namespace squall::detail {
namespace {

constexpr int kHashBits = 61;
constexpr std::uint64_t kModulus = (std::uint64_t{1} << kHashBits) - 1;
constexpr std::int64_t kHashInf = 314159;
// Debian's 3.11 hashes None by its address, which is fixed in its non-PIE binary.
constexpr std::int64_t kNoneHash = 612812;

std::int64_t fix_minus_one(std::int64_t h) {
  return h == -1 ? -2 : h;
}

std::int64_t int_hash(std::int64_t v) {
  const std::uint64_t mag =
      v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  const auto h = static_cast<std::int64_t>(mag % kModulus);
  return fix_minus_one(v < 0 ? -h : h);
}

std::int64_t float_hash(double v, const void* identity) {
  if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
  if (std::isnan(v)) {
    // CPython hashes a NaN by its object's address; Squall's floats have none.
    const auto p = reinterpret_cast<std::uintptr_t>(identity);
    return static_cast<std::int64_t>((p >> 4) | (p << 60));
  }
  int e = 0;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  std::uint64_t x = 0;
  while (m != 0) {
    x = ((x << 28) & kModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;
    e -= 28;
    const auto y = static_cast<std::uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kModulus) | x >> (kHashBits - e);
  x = x * static_cast<std::uint64_t>(static_cast<std::int64_t>(sign));
  return fix_minus_one(static_cast<std::int64_t>(x));
}

std::uint64_t rotl(std::uint64_t x, int b) {
  return (x << b) | (x >> (64 - b));
}

void sip_round(std::uint64_t& v0, std::uint64_t& v1, std::uint64_t& v2, std::uint64_t& v3) {
  v0 += v1, v2 += v3;
  v1 = rotl(v1, 13) ^ v0, v3 = rotl(v3, 16) ^ v2;
  v0 = rotl(v0, 32);
  v2 += v1, v0 += v3;
  v1 = rotl(v1, 17) ^ v2, v3 = rotl(v3, 21) ^ v0;
  v2 = rotl(v2, 32);
}

// SipHash-1-3 with a zero key (CPython's str hash under PYTHONHASHSEED=0).
std::uint64_t siphash13(const unsigned char* in, std::size_t size) {
  std::uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
  std::uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
  std::uint64_t b = static_cast<std::uint64_t>(size) << 56;
  for (; size >= 8; in += 8, size -= 8) {
    std::uint64_t mi = 0;
    for (int i = 7; i >= 0; --i) mi = (mi << 8) | in[i];
    v3 ^= mi;
    sip_round(v0, v1, v2, v3);
    v0 ^= mi;
  }
  std::uint64_t t = 0;
  for (std::size_t i = size; i-- > 0;) t = (t << 8) | in[i];
  b |= t;
  v3 ^= b;
  sip_round(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  for (int i = 0; i < 3; ++i) sip_round(v0, v1, v2, v3);
  return (v0 ^ v1) ^ (v2 ^ v3);
}

// CPython hashes a str's PEP 393 storage: 1, 2 or 4 little-endian bytes per code point.
std::int64_t str_hash(std::string_view s) {
  if (s.empty()) return 0;
  const std::u32string cps = rt::decode_all(s);
  char32_t top = 0;
  for (char32_t c : cps) top = std::max(top, c);
  const std::size_t width = top < 0x100 ? 1 : top < 0x10000 ? 2 : 4;
  std::vector<unsigned char> bytes;
  bytes.reserve(cps.size() * width);
  for (char32_t c : cps) {
    for (std::size_t i = 0; i < width; ++i)
      bytes.push_back(static_cast<unsigned char>(c >> (8 * i)));
  }
  return fix_minus_one(static_cast<std::int64_t>(siphash13(bytes.data(), bytes.size())));
}

std::int64_t tuple_hash(const std::vector<Value>& items) {
  constexpr std::uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr std::uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr std::uint64_t kPrime5 = 2870177450012600261ULL;
  std::uint64_t acc = kPrime5;
  for (const Value& x : items) {
    const auto lane = static_cast<std::uint64_t>(cpython_hash(x));
    acc += lane * kPrime2;
    acc = rotl(acc, 31);
    acc *= kPrime1;
  }
  acc += items.size() ^ (kPrime5 ^ 3527539ULL);
  if (acc == ~std::uint64_t{0}) return 1546275796;
  return static_cast<std::int64_t>(acc);
}

std::uint64_t shuffle_bits(std::uint64_t h) {
  return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

}  // namespace

std::int64_t cpython_hash(const Value& v) {
  switch (v.kind()) {
    case Kind::None:
      return kNoneHash;
    case Kind::Bool:
    case Kind::Int:
      return int_hash(v.as_int());
    case Kind::Float:
      return float_hash(v.as_float(), &v);
    case Kind::Str:
      return str_hash(v.as_str());
    case Kind::Tuple:
      return tuple_hash(v.as_items());
    case Kind::Set:
      if (const SetTable* t = v.as_dict().set_table(); t && t->frozen) return t->frozen_hash();
      break;
    default:
      break;
  }
  return static_cast<std::int64_t>(hash_key(v));
}

SetTable::AddResult SetTable::add(const Value& key, std::int64_t hash) {
  std::size_t m = mask();
  auto perturb = static_cast<std::size_t>(hash);
  std::size_t i = perturb & m;
  std::optional<std::size_t> freeslot;
  while (true) {
    std::size_t probes = i + kLinearProbes <= m ? kLinearProbes : 0;
    for (std::size_t j = i;; ++j) {
      Slot& s = slots_[j];
      if (s.state == State::Empty) {
        if (freeslot) {
          Slot& f = slots_[*freeslot];
          f = Slot{hash, State::Active, key};
          ++used_;
          return {freeslot, false};
        }
        s = Slot{hash, State::Active, key};
        ++fill_;
        ++used_;
        if (fill_ * 5 < m * 3) return {j, false};
        resize(used_ > 50000 ? used_ * 2 : used_ * 4);
        return {lookup(key, hash), true};
      }
      if (s.state == State::Active && s.hash == hash &&
          (s.key.identical(key) || py::eq(s.key, key))) {
        return {std::nullopt, false};
      }
      if (s.state == State::Dummy && !freeslot) freeslot = j;
      if (probes-- == 0) break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & m;
  }
}

std::optional<std::size_t> SetTable::lookup(const Value& key, std::int64_t hash) const {
  const std::size_t m = mask();
  auto perturb = static_cast<std::size_t>(hash);
  std::size_t i = perturb & m;
  while (true) {
    std::size_t probes = i + kLinearProbes <= m ? kLinearProbes : 0;
    for (std::size_t j = i;; ++j) {
      const Slot& s = slots_[j];
      if (s.state == State::Empty) return std::nullopt;
      if (s.state == State::Active && s.hash == hash &&
          (s.key.identical(key) || py::eq(s.key, key))) {
        return j;
      }
      if (probes-- == 0) break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & m;
  }
}

std::optional<std::size_t> SetTable::discard(const Value& key, std::int64_t hash) {
  const auto slot = lookup(key, hash);
  if (!slot) return std::nullopt;
  slots_[*slot] = Slot{-1, State::Dummy, Value()};
  --used_;
  return slot;
}

std::pair<std::size_t, Value> SetTable::pop() {
  std::size_t i = finger_ & mask();
  while (slots_[i].state != State::Active) {
    if (++i > mask()) i = 0;
  }
  Value key = std::move(slots_[i].key);
  slots_[i] = Slot{-1, State::Dummy, Value()};
  --used_;
  finger_ = i + 1;
  return {i, std::move(key)};
}

void SetTable::clear() {
  slots_.assign(kMinSize, Slot{});
  fill_ = used_ = 0;
}

void SetTable::insert_clean(std::vector<Slot>& table, const Value& key, std::int64_t hash) {
  const std::size_t m = table.size() - 1;
  auto perturb = static_cast<std::size_t>(hash);
  std::size_t i = perturb & m;
  while (true) {
    if (table[i].state == State::Empty) break;
    if (i + kLinearProbes <= m) {
      std::size_t j = 1;
      for (; j <= kLinearProbes; ++j) {
        if (table[i + j].state == State::Empty) break;
      }
      if (j <= kLinearProbes) {
        i += j;
        break;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & m;
  }
  table[i] = Slot{hash, State::Active, key};
}

void SetTable::resize(std::size_t minused) {
  std::size_t size = kMinSize;
  while (size <= minused) size <<= 1;
  std::vector<Slot> table(size);
  for (const Slot& s : slots_) {
    if (s.state == State::Active) insert_clean(table, s.key, s.hash);
  }
  slots_ = std::move(table);
  fill_ = used_;
}

void SetTable::reserve_for(std::size_t n) {
  if ((fill_ + n) * 5 >= mask() * 3) resize((used_ + n) * 2);
}

bool SetTable::compact() {
  if (fill_ - used_ <= mask() / 4) return false;
  resize(used_ > 50000 ? used_ * 2 : used_ * 4);
  return true;
}

void SetTable::merge(const SetTable& other) {
  if (&other == this || other.used_ == 0) return;
  reserve_for(other.used_);
  if (fill_ == 0 && mask() == other.mask() && other.fill_ == other.used_) {
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (other.slots_[i].state == State::Active) slots_[i] = other.slots_[i];
    }
    fill_ = used_ = other.used_;
    return;
  }
  if (fill_ == 0) {
    for (const Slot& s : other.slots_) {
      if (s.state == State::Active) insert_clean(slots_, s.key, s.hash);
    }
    fill_ = used_ = other.used_;
    return;
  }
  for (const Slot& s : other.slots_) {
    if (s.state == State::Active) add(s.key, s.hash);
  }
}

std::vector<std::size_t> SetTable::active_slots() const {
  std::vector<std::size_t> out;
  out.reserve(used_);
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i].state == State::Active) out.push_back(i);
  }
  return out;
}

std::int64_t SetTable::frozen_hash() const {
  // CPython xors every slot (empty ones as 0, dummies as -1) and then cancels the odd ones
  // out; xoring the active slots alone is the same.
  std::uint64_t h = 0;
  for (const Slot& s : slots_) {
    if (s.state == State::Active) h ^= shuffle_bits(static_cast<std::uint64_t>(s.hash));
  }
  h ^= (static_cast<std::uint64_t>(used_) + 1) * 1927868237ULL;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069U + 907133923ULL;
  if (h == ~std::uint64_t{0}) h = 590923713ULL;
  return static_cast<std::int64_t>(h);
}

}  // namespace squall::detail
