// Must NOT compile: a reflected field whose type Value cannot convert. The test checks
// that the compiler reports one error, the static_assert, naming the field's type.
#include <chrono>
#include <squall/value.hpp>

struct Timer {
  std::chrono::seconds elapsed;
};
SQUALL_REFLECT(Timer, elapsed)

squall::Value expose(const Timer& t) {
  return squall::Value::object(t);
}
