// The context library of the docs' examples holds the compiled `blog` and `site` template
// sets; this file only gives the library a source of its own.
#include "app.hpp"
