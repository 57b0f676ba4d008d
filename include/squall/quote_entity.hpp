// squall::QuoteEntity on its own: the render namespace and generated code need the choice
// without the escape functions' declarations (<squall/escape.hpp>).
#pragma once

namespace squall {

/// QuoteEntity chooses how xhtml_escape writes a single quote. Tornado 6.2 writes `&#39;`;
/// Tornado 6.4 and later delegate to `html.escape`, which writes `&#x27;`.
enum class QuoteEntity {
  Decimal,  ///< `&#39;` (Tornado 6.2, the default)
  Hex,      ///< `&#x27;` (Tornado 6.4+)
};

}  // namespace squall
