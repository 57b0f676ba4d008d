// What the examples of docs/runtime.md take as given: the four headers its table names,
// and `using namespace squall`.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "squall/error.hpp"
#include "squall/json.hpp"
#include "squall/py.hpp"
#include "squall/value.hpp"

using namespace squall;
