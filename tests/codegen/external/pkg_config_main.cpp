// Built by hand with `pkg-config --cflags --libs squall` only (run_external.cmake).
#include <iostream>

#include "squall/py.hpp"
#include "squall/version.hpp"

int main() {
  std::cout << squall::py::repr(squall::Value::list({1, 2})) << " squall " SQUALL_VERSION_STRING
            << "\n";
  return 0;
}
