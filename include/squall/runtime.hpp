// The one header generated template code includes: the Value model, Python operations,
// the template-level runtime, and the support the code generator's output calls.
#pragma once

#include "squall/compiled.hpp"
#include "squall/py.hpp"
#include "squall/render.hpp"
#include "squall/template_set.hpp"
#include "squall/value.hpp"
