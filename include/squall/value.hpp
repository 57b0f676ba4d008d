// squall::Value with every conversion from C++ types: the Value class
// (<squall/value_core.hpp>), reflected structs and standard containers (<squall/reflect.hpp>)
// and C++ functions with typed parameters (<squall/typed_function.hpp>). This is the header
// programs include for Value.
#pragma once

#include "squall/reflect.hpp"
#include "squall/typed_function.hpp"
#include "squall/value_core.hpp"
