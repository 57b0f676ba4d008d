// squall::web: what Tornado's RequestHandler gives templates, for C++ web services, with no
// HTTP library of its own (adapters: <squall/web/httplib.hpp>, <squall/web/beast.hpp>).
// Link the CMake target Squall::web.
#pragma once

#include "squall/web/application.hpp"
#include "squall/web/http.hpp"
#include "squall/web/locale.hpp"
#include "squall/web/routes.hpp"
#include "squall/web/signed_value.hpp"
#include "squall/web/static_files.hpp"
#include "squall/web/xsrf.hpp"
