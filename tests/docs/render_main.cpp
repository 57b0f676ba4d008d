// The compiled back end for a document's `render` example (tests/docs/doc_examples.sh):
// usage render NAME DATA.json. Prints what `squall render` prints: the page, or the error.
#include <fstream>
#include <iostream>
#include <sstream>

#include "docs_templates.hpp"
#include "squall/json.hpp"

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  std::ifstream in(argv[2]);
  std::stringstream data;
  data << in.rdbuf();
  try {
    std::cout << docs::templates().render(argv[1], squall::Value::from_json(data.str()));
  } catch (const squall::Error& e) {
    std::cerr << e.format() << "\n";
    return 1;
  }
}
