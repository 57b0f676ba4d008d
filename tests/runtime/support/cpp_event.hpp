// A reflected struct with a field of every C++ type Value converts from besides the basic
// ones: the data of the C++-conversion tests of both the runtime and the two back ends.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "squall/value.hpp"

namespace conversions_example {

struct Event {
  std::string title;
  std::chrono::system_clock::time_point starts;
  std::chrono::year_month_day day;
  std::set<std::string> tags;
  std::map<std::string, int> seats;
  std::optional<int> limit;
};
SQUALL_REFLECT(Event, title, starts, day, tags, seats, limit)

}  // namespace conversions_example
