// JSON in and out of squall::Value.
#pragma once

#include <string>
#include <string_view>

#include "squall/value.hpp"

namespace squall {

/// parse_json is Value::from_json: objects become dicts (keys in document order; a repeated
/// key keeps the last value, as Python's json does), arrays lists, strings strs (no date
/// parsing), integers ints, numbers with a fraction or exponent floats, true/false/null
/// bool/None. Integers beyond int64 become floats (Python would keep a big int; this is a
/// documented deviation). Invalid JSON throws Error ValueError naming the byte position.
Value parse_json(std::string_view text);

/// json_dumps is Python's `json.dumps(v)` with default settings: `", "` and `": "`
/// separators, ensure_ascii (`\u00e9`, surrogate pairs beyond the BMP), floats via repr,
/// NaN/Infinity/-Infinity as bare words, dict keys converted to strings (str, int, float,
/// bool, None keys; others raise TypeError), tuples as arrays. Raises TypeError
/// "Object of type T is not JSON serializable" for other values.
std::string json_dumps(const Value& v);

/// json_encode is Tornado's `json_encode`: json_dumps with every `</` replaced by `<\/`.
std::string json_encode(const Value& v);

}  // namespace squall
