// Builtin function implementations, registered by builtins.cpp. Internal.
#pragma once

#include "value/internal.hpp"

namespace squall::rt {

Value b_sorted(Args args, KwArgs kwargs);
Value b_reversed(Args args, KwArgs kwargs);
Value b_enumerate(Args args, KwArgs kwargs);
Value b_zip(Args args, KwArgs kwargs);
Value b_map(Args args, KwArgs kwargs);
Value b_filter(Args args, KwArgs kwargs);
Value b_min(Args args, KwArgs kwargs);
Value b_max(Args args, KwArgs kwargs);
Value b_sum(Args args, KwArgs kwargs);
Value b_any(Args args, KwArgs kwargs);
Value b_all(Args args, KwArgs kwargs);
Value b_round(Args args, KwArgs kwargs);
Value b_hash(Args args, KwArgs kwargs);

}  // namespace squall::rt
