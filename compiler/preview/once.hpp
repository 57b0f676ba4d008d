// `squall preview --once --out DIR`: every template and variant rendered to files.
#pragma once

#include "preview/previewer.hpp"

namespace squall::preview {

/// render_all writes each variant of each template under `previewer.options().out`
/// (variant_file_name), exactly as rendered (no reload script). A failing render writes
/// no file and prints its error to stderr. Returns the number of failures.
int render_all(Previewer& previewer);

}  // namespace squall::preview
