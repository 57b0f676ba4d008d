// render_all (see once.hpp).
#include "preview/once.hpp"

#include <fstream>
#include <iostream>

namespace squall::preview {

namespace fs = std::filesystem;

int render_all(Previewer& previewer) {
  int failures = 0, written = 0;
  const fs::path& out = previewer.options().out;
  for (const Page& page : previewer.pages()) {
    for (const Variant& variant : page.variants) {
      const Rendered r = previewer.render(page, variant, false);
      const std::string file = variant_file_name(page.name, variant.name);
      if (!r.ok) {
        std::cerr << "squall preview: " << file << ": " << r.body;
        ++failures;
        continue;
      }
      const fs::path path = out / file;
      fs::create_directories(path.parent_path());
      std::ofstream f(path, std::ios::binary);
      f.write(r.body.data(), static_cast<std::streamsize>(r.body.size()));
      if (!f.flush()) {
        std::cerr << "squall preview: cannot write " << path.string() << "\n";
        ++failures;
        continue;
      }
      ++written;
    }
  }
  std::cerr << "squall preview: wrote " << written << " file(s) to " << out.string() << ", "
            << failures << " failed\n";
  return failures;
}

}  // namespace squall::preview
