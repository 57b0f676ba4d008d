// The baseline's structs (bench/baseline.hpp) reflected, for the typed variants of the
// workloads (bench/typed/*.args): the same data the baseline renders, passed to the typed
// entry points.
#pragma once

#include <squall/value.hpp>

#include "baseline.hpp"

namespace squall::bench {

SQUALL_REFLECT(Team, name, score)
SQUALL_REFLECT(Comment, author, text)
SQUALL_REFLECT(NavLink, url, label)
SQUALL_REFLECT(User, name, unread)
SQUALL_REFLECT(Item, id, name, url, price, stock, discount, tags)

}  // namespace squall::bench
