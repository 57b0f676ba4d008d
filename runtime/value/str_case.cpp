// str methods over Unicode character classes: case mapping, is*(), padding.
#include <algorithm>

#include "squall/detail/unicode.hpp"
#include "value/str_methods.hpp"
#include "value/unicode_tables.hpp"

namespace squall::rt {

bool in_ranges(const CodeRange* table, std::size_t count, char32_t cp) {
  const CodeRange* end = table + count;
  const CodeRange* it =
      std::upper_bound(table, end, cp, [](char32_t c, const CodeRange& r) { return c < r.first; });
  return it != table && cp <= (it - 1)->last;
}

void append_mapped(std::u32string& out, const CaseMapping* table, std::size_t count, char32_t cp) {
  const CaseMapping* end = table + count;
  const CaseMapping* it =
      std::lower_bound(table, end, cp, [](const CaseMapping& m, char32_t c) { return m.cp < c; });
  if (it == end || it->cp != cp) return void(out += cp);
  for (char32_t c : it->to)
    if (c) out += c;
}

namespace {

bool is_upper_or_title(char32_t c) {
  return in_ranges(kTitle, kTitleCount, c);
}
bool is_lower(char32_t c) {
  return in_ranges(kLower, kLowerCount, c);
}
bool is_upper(char32_t c) {
  return in_ranges(kUpper, kUpperCount, c);
}
bool is_cased(char32_t c) {
  return in_ranges(kCased, kCasedCount, c);
}

// CPython's final-sigma rule: a capital sigma lowers to "ς" when a cased letter precedes it
// and none follows (case-ignorable characters are skipped both ways).
bool is_final_sigma(const std::u32string& in, std::size_t i) {
  auto ignorable = [](char32_t c) { return in_ranges(kCaseIgnorable, kCaseIgnorableCount, c); };
  std::size_t j = i;
  while (j > 0 && ignorable(in[j - 1])) --j;
  if (j == 0 || !is_cased(in[j - 1])) return false;
  std::size_t k = i + 1;
  while (k < in.size() && ignorable(in[k])) ++k;
  return k == in.size() || !is_cased(in[k]);
}

void lower_into(std::u32string& out, const std::u32string& in, std::size_t i) {
  if (in[i] == U'\u03A3') return void(out += is_final_sigma(in, i) ? U'\u03C2' : U'\u03C3');
  append_mapped(out, kLowerMap, kLowerMapCount, in[i]);
}
void upper_into(std::u32string& out, char32_t c) {
  append_mapped(out, kUpperMap, kUpperMapCount, c);
}
void title_into(std::u32string& out, char32_t c) {
  append_mapped(out, kTitleMap, kTitleMapCount, c);
}

// map_chars applies `f(out, in, i)` to every code point of `s`.
template <class F>
Value map_chars(std::string_view s, F f) {
  std::u32string out;
  const std::u32string in = decode_all(s);
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) f(out, in, i);
  return Value(encode_all(out));
}

template <class P>
bool all_chars(std::string_view s, P pred) {
  if (s.empty()) return false;
  for (char32_t c : decode_all(s))
    if (!pred(c)) return false;
  return true;
}

using Text = std::u32string;

}  // namespace

Value str_upper(std::string_view s) {
  return map_chars(s, [](Text& o, const Text& in, std::size_t i) { upper_into(o, in[i]); });
}

Value str_lower(std::string_view s) {
  return map_chars(s, [](Text& o, const Text& in, std::size_t i) { lower_into(o, in, i); });
}

Value str_casefold(std::string_view s) {
  return map_chars(s, [](Text& o, const Text& in, std::size_t i) {
    append_mapped(o, kFoldMap, kFoldMapCount, in[i]);
  });
}

Value str_swapcase(std::string_view s) {
  return map_chars(s, [](Text& o, const Text& in, std::size_t i) {
    if (is_upper(in[i])) {
      lower_into(o, in, i);
    } else if (is_lower(in[i])) {
      upper_into(o, in[i]);
    } else {
      o += in[i];
    }
  });
}

Value str_title(std::string_view s) {
  bool prev_cased = false;
  return map_chars(s, [&](Text& o, const Text& in, std::size_t i) {
    if (prev_cased) {
      lower_into(o, in, i);
    } else {
      title_into(o, in[i]);
    }
    prev_cased = is_cased(in[i]);
  });
}

Value str_capitalize(std::string_view s) {
  return map_chars(s, [](Text& o, const Text& in, std::size_t i) {
    if (i == 0) {
      title_into(o, in[i]);
    } else {
      lower_into(o, in, i);
    }
  });
}

std::optional<bool> str_predicate(std::string_view name, std::string_view s) {
  if (name == "isalpha")
    return all_chars(s, [](char32_t c) { return in_ranges(kAlpha, kAlphaCount, c); });
  if (name == "isdigit")
    return all_chars(s, [](char32_t c) { return in_ranges(kDigit, kDigitCount, c); });
  if (name == "isdecimal")
    return all_chars(s, [](char32_t c) { return in_ranges(kDecimal, kDecimalCount, c); });
  if (name == "isnumeric")
    return all_chars(s, [](char32_t c) { return in_ranges(kNumeric, kNumericCount, c); });
  if (name == "isspace")
    return all_chars(s, [](char32_t c) { return in_ranges(kSpace, kSpaceCount, c); });
  if (name == "isprintable") return s.empty() || all_chars(s, is_printable);
  if (name == "isidentifier") {
    // XID_Start then XID_Continue, approximated by letters, digits and '_'.
    const std::u32string u = decode_all(s);
    if (u.empty() || !(u[0] == U'_' || in_ranges(kAlpha, kAlphaCount, u[0]))) return false;
    return std::all_of(u.begin() + 1, u.end(), [](char32_t c) {
      return c == U'_' || in_ranges(kAlpha, kAlphaCount, c) ||
             in_ranges(kDecimal, kDecimalCount, c);
    });
  }
  if (name == "isalnum") {
    return all_chars(s, [](char32_t c) {
      return in_ranges(kAlpha, kAlphaCount, c) || in_ranges(kNumeric, kNumericCount, c);
    });
  }
  const std::u32string u = decode_all(s);
  bool cased = false;
  if (name == "islower" || name == "isupper") {
    const bool lower = name == "islower";
    for (char32_t c : u) {
      if (lower ? is_upper_or_title(c) : (is_lower(c) || (is_upper_or_title(c) && !is_upper(c))))
        return false;
      if (lower ? is_lower(c) : is_upper(c)) cased = true;
    }
    return cased;
  }
  if (name == "istitle") {
    bool prev = false;
    for (char32_t c : u) {
      if (is_upper_or_title(c)) {
        if (prev) return false;
        prev = cased = true;
      } else if (is_lower(c)) {
        if (!prev) return false;
        prev = cased = true;
      } else {
        prev = false;
      }
    }
    return cased;
  }
  return std::nullopt;
}

namespace {

char32_t fill_char(Args args, std::size_t i, std::string_view name) {
  if (args.size() <= i) return U' ';
  const std::u32string f = decode_all(str_arg(args[i], name));
  if (f.size() != 1) raise("TypeError", "The fill character must be exactly one character long");
  return f[0];
}

std::string repeat_cp(char32_t c, std::int64_t n) {
  std::string one;
  detail::append_utf8(one, c);
  const auto count = static_cast<std::size_t>(std::max<std::int64_t>(n, 0));
  if (one.size() == 1) return std::string(count, one[0]);
  std::string out;
  out.reserve(one.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += one;
  return out;
}

}  // namespace

Value str_pad(std::string_view name, std::string_view s, Args args) {
  check_arity(name, args, name == "zfill" ? 1 : 1, name == "zfill" ? 1 : 2);
  const std::int64_t width = to_index(args[0], "width");
  const auto n = static_cast<std::int64_t>(cp_len(s));
  if (width <= n) return Value(s);
  const std::int64_t pad = width - n;
  // The fill is at most 4 bytes: bound the result before building any of it.
  limits::check_string(4, static_cast<std::uint64_t>(pad));
  limits::check_string(s.size() + static_cast<std::size_t>(pad));
  if (name == "zfill") {
    std::string out;
    std::string_view body = s;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
      out += s[0];
      body.remove_prefix(1);
    }
    out.append(static_cast<std::size_t>(pad), '0');
    return Value(out += body);
  }
  const char32_t fill = fill_char(args, 1, name);
  if (name == "ljust") return Value(std::string(s) + repeat_cp(fill, pad));
  if (name == "rjust") return Value(repeat_cp(fill, pad) + std::string(s));
  const std::int64_t left = pad / 2 + (pad & width & 1);  // CPython's centering rule
  return Value(repeat_cp(fill, left) + std::string(s) + repeat_cp(fill, pad - left));
}

}  // namespace squall::rt
