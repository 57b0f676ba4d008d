// Squall's user API in one include: values and conversions (reflection, typed functions,
// JSON), Python's operations on values, errors, escaping, render limits, names, sessions,
// UI modules and template sets. Each header may also be included on its own. Generated
// code includes <squall/abi.hpp> instead; handlers never need it.
#pragma once

#include "squall/error.hpp"
#include "squall/escape.hpp"
#include "squall/json.hpp"
#include "squall/limits.hpp"
#include "squall/namespace.hpp"
#include "squall/py.hpp"
#include "squall/reflect.hpp"
#include "squall/reloading_template_set.hpp"
#include "squall/render_session.hpp"
#include "squall/static_files.hpp"
#include "squall/template_set.hpp"
#include "squall/typed_function.hpp"
#include "squall/ui_module.hpp"
#include "squall/value.hpp"
