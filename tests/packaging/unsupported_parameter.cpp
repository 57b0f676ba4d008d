// Must NOT compile: a typed function's parameter type without an ArgConverter. The test
// checks that the compiler reports one error, the static_assert, naming the type.
#include <squall/value.hpp>

struct Point {
  int x, y;
};

squall::Value make() {
  return squall::Value::function("f", [](Point p) { return p.x; });
}
