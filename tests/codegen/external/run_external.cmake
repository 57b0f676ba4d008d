# cmake -DMODE=install|deb|subdirectory -DSQUALL_SOURCE=... -DSQUALL_BUILD=... -DWORK=...
#       -DGENERATOR=Ninja -DCXX=... [-DCPACK=...] -P run_external.cmake
#
# Builds tests/codegen/external (a project that sets no C++ standard) against Squall, runs
# it and compares its output:
#   install       after `cmake --install` into a scratch prefix, with find_package(Squall);
#                 checks the installed files, a pkg-config build, incremental rebuilds with
#                 the test's generator and with Unix Makefiles, and that deleting a template
#                 deletes its generated source;
#   deb           after `cpack -G DEB` and `dpkg -x` of the package, with find_package;
#   subdirectory  with add_subdirectory(squall), which must install nothing and build no
#                 interpreter (its squall render says how to get one);
#   fetchcontent  configured (not built) with FetchContent: no tests, nothing installed.
cmake_minimum_required(VERSION 3.20)  # policies of this century (CMP0054: no ${"deb"})
set(src "${SQUALL_SOURCE}/tests/codegen/external")
set(work "${WORK}/${MODE}")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")
# A private copy of the templates, so the incremental test can edit them.
file(COPY "${src}/" DESTINATION "${work}/project")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "command failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

set(configure_args -S "${work}/project" -B "${work}/build" -G "${GENERATOR}"
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Debug)
# expect_files fails unless every path exists under `root`.
function(expect_files root)
  foreach(path IN LISTS ARGN)
    if(NOT EXISTS "${root}/${path}")
      message(FATAL_ERROR "missing ${root}/${path}")
    endif()
  endforeach()
endfunction()
# The files of a package, for both install and deb (lib may be lib/<multiarch>).
set(package_files bin/squall include/squall/value.hpp include/squall/version.hpp
    include/squall/runtime.hpp include/squall/abi.hpp share/bash-completion/completions/squall)
set(package_lib_files libsquall_runtime.a cmake/Squall/SquallConfig.cmake
    cmake/Squall/SquallConfigVersion.cmake cmake/Squall/SquallTargets.cmake
    cmake/Squall/SquallAddTemplates.cmake pkgconfig/squall.pc)

if(MODE STREQUAL "install")
  set(prefix "${work}/prefix")
  run(${CMAKE_COMMAND} --install "${SQUALL_BUILD}" --prefix "${prefix}")
elseif(MODE STREQUAL "deb")
  run(${CPACK} -G DEB -B "${work}/package" --config "${SQUALL_BUILD}/CPackConfig.cmake")
  file(GLOB deb_file "${work}/package/*.deb")
  list(LENGTH deb_file debs)
  if(NOT debs EQUAL 1)
    message(FATAL_ERROR "cpack made ${debs} .deb files in ${work}/package: ${deb_file}")
  endif()
  run(dpkg -x "${deb_file}" "${work}/root")
  set(prefix "${work}/root/usr")
endif()
if(MODE STREQUAL "fetchcontent")
  run(${CMAKE_COMMAND} ${configure_args} -DSQUALL_MODE=fetchcontent "-DSQUALL_SOURCE=${SQUALL_SOURCE}")
  file(STRINGS "${work}/build/CMakeCache.txt" options
       REGEX "^SQUALL_(BUILD_TESTS|INSTALL|CLI_INTERPRETER|BUILD_BENCH):")
  list(SORT options)
  if(NOT options STREQUAL
     "SQUALL_BUILD_BENCH:BOOL=OFF;SQUALL_BUILD_TESTS:BOOL=OFF;SQUALL_CLI_INTERPRETER:BOOL=OFF;SQUALL_INSTALL:BOOL=OFF"
     OR EXISTS "${work}/build/_deps/squall-build/tests")
    message(FATAL_ERROR "Squall as a FetchContent sub-project: ${options}")
  endif()
  run(${CMAKE_COMMAND} --install "${work}/build" --prefix "${work}/prefix")
  file(GLOB_RECURSE installed "${work}/prefix/*")
  if(installed)
    message(FATAL_ERROR "FetchContent(squall) installed files: ${installed}")
  endif()
  message(STATUS "external project (fetchcontent): no tests, nothing installed")
  return()
elseif(prefix)
  expect_files("${prefix}" ${package_files})
  file(GLOB_RECURSE libdir LIST_DIRECTORIES false "${prefix}/lib*/libsquall_runtime.a")
  get_filename_component(libdir "${libdir}" DIRECTORY)
  expect_files("${libdir}" ${package_lib_files})
  run(${CMAKE_COMMAND} ${configure_args} -DSQUALL_MODE=install "-DCMAKE_PREFIX_PATH=${prefix}")
else()
  run(${CMAKE_COMMAND} ${configure_args} -DSQUALL_MODE=subdirectory "-DSQUALL_SOURCE=${SQUALL_SOURCE}")
endif()
run(${CMAKE_COMMAND} --build "${work}/build")
run("${work}/build/external_app")
file(READ "${src}/expected_output.txt" expected)
if(NOT run_output STREQUAL expected)
  message(FATAL_ERROR "external_app printed:\n${run_output}\nexpected:\n${expected}")
endif()
message(STATUS "external project (${MODE}): output as expected")
# The generated sources have a precompiled header; main.cpp, the target's own, has none.
if(NOT EXISTS "${work}/build/CMakeFiles/external_app_squall_site.dir/cmake_pch.hxx"
   OR EXISTS "${work}/build/CMakeFiles/external_app.dir/cmake_pch.hxx")
  message(FATAL_ERROR "the PCH is not on the generated sources alone")
endif()
if(MODE STREQUAL "subdirectory")
  # add_subdirectory(squall) installs nothing unless SQUALL_INSTALL is asked for.
  run(${CMAKE_COMMAND} --install "${work}/build" --prefix "${work}/prefix")
  file(GLOB_RECURSE installed "${work}/prefix/*")
  if(installed)
    message(FATAL_ERROR "add_subdirectory(squall) installed files: ${installed}")
  endif()
  # Its squall has no interpreter: nothing of it was built, and render says how to get it.
  file(GLOB interp_objects "${work}/build/squall/CMakeFiles/squall_interp.dir/compiler/interp/*.o")
  if(interp_objects)
    message(FATAL_ERROR "add_subdirectory(squall) built the interpreter: ${interp_objects}")
  endif()
  execute_process(COMMAND "${work}/build/squall/squall" render --root "${src}/templates" x.html
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "built without the interpreter; configure Squall with -DSQUALL_CLI_INTERPRETER=ON")
    message(FATAL_ERROR "squall render in a sub-project: exit ${rc}, ${err}")
  endif()
  return()
elseif(MODE STREQUAL "deb")
  return()
endif()

# -- The package's version file turns away a version it is not compatible with.
file(WRITE "${work}/version_check/CMakeLists.txt"
     "cmake_minimum_required(VERSION 3.20)\nproject(version_check NONE)\n"
     "find_package(Squall 9.9 CONFIG REQUIRED)\n")
execute_process(COMMAND ${CMAKE_COMMAND} -S "${work}/version_check" -B "${work}/version_check/build"
                "-DCMAKE_PREFIX_PATH=${prefix}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "SquallConfig.cmake, version: ${SQUALL_VERSION}")
  message(FATAL_ERROR "find_package(Squall 9.9) accepted version ${SQUALL_VERSION}:\n${err}")
endif()

# -- pkg-config: a program built by hand from the flags squall.pc gives (no -std of its own).
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${libdir}/pkgconfig")
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs squall OUTPUT_VARIABLE flags
                RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs squall failed")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CXX} -o "${work}/pc_app" "${src}/pkg_config_main.cpp" ${flags})
run("${work}/pc_app")
if(NOT run_output STREQUAL "[1, 2] squall ${SQUALL_VERSION}\n")
  message(FATAL_ERROR "pc_app printed: ${run_output}")
endif()
message(STATUS "external project: pkg-config build as expected")

# -- Incremental builds. Ninja prints one line per edge it runs.
function(build_and_list var)
  run(${CMAKE_COMMAND} --build "${work}/build")
  set(${var} "${run_output}" PARENT_SCOPE)
endfunction()
function(expect_in log what)
  if(NOT log MATCHES "${what}")
    message(FATAL_ERROR "expected '${what}' in the build log:\n${log}")
  endif()
endfunction()
# Ninja compares modification times, and some filesystems keep them to the second: an edit
# made in the same second as the previous build would look older than that build's
# outputs. Waiting past the second before each edit keeps the test independent of that.
function(wait_for_new_second)
  execute_process(COMMAND ${CMAKE_COMMAND} -E sleep 1.1)
endfunction()
function(expect_not_in log what)
  if(log MATCHES "${what}")
    message(FATAL_ERROR "did not expect '${what}' in the build log:\n${log}")
  endif()
endfunction()

build_and_list(log)
expect_not_in("${log}" "Squall: compiling")

# Touch only: the dependents are regenerated, the outputs are identical, nothing recompiles.
wait_for_new_second()
file(TOUCH "${work}/project/templates/base.html")
build_and_list(log)
expect_in("${log}" "compiling template page.html")
expect_in("${log}" "compiling template base.html")
expect_not_in("${log}" "compiling template other.html")
expect_not_in("${log}" "Building CXX")

# Edit the included partial: only page.html (which includes it) and the partial change.
wait_for_new_second()
file(APPEND "${work}/project/templates/parts/user.html" "<hr>\n")
build_and_list(log)
expect_in("${log}" "compiling template page.html")
expect_in("${log}" "compiling template parts/user.html")
expect_not_in("${log}" "compiling template base.html")
expect_not_in("${log}" "compiling template other.html")
expect_in("${log}" "page.html.cpp.o")
expect_not_in("${log}" "other.html.cpp.o")
expect_not_in("${log}" "base.html.cpp.o")
message(STATUS "external project: incremental rebuilds as expected")

# -- A deleted template takes its generated source with it.
wait_for_new_second()
file(WRITE "${work}/project/templates/extra.html" "extra\n")
build_and_list(log)
expect_in("${log}" "compiling template extra.html")
set(extra_cpp "${work}/build/squall_templates/site/site/extra.html.cpp")
expect_files("/" "${extra_cpp}")
file(REMOVE "${work}/project/templates/extra.html")
build_and_list(log)
if(EXISTS "${extra_cpp}" OR EXISTS "${extra_cpp}.d")
  message(FATAL_ERROR "the source of the deleted extra.html is still there: ${extra_cpp}")
endif()
message(STATUS "external project: deleted template's source removed")

# -- Unix Makefiles: a touched template reruns the compiler once, not on every build. This
# build also has the precompiled header turned off.
run(${CMAKE_COMMAND} -S "${work}/project" -B "${work}/build-make" -G "Unix Makefiles"
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Debug -DSQUALL_MODE=install
    "-DCMAKE_PREFIX_PATH=${prefix}" -DSQUALL_TEMPLATES_PCH=OFF)
run(${CMAKE_COMMAND} --build "${work}/build-make" -j2)
if(EXISTS "${work}/build-make/CMakeFiles/external_app_squall_site.dir")
  message(FATAL_ERROR "SQUALL_TEMPLATES_PCH=OFF still made the object library")
endif()
wait_for_new_second()
file(TOUCH "${work}/project/templates/base.html")
run(${CMAKE_COMMAND} --build "${work}/build-make")
expect_in("${run_output}" "compiling template base.html")
run(${CMAKE_COMMAND} --build "${work}/build-make")
expect_not_in("${run_output}" "Squall: compiling")
message(STATUS "external project: Unix Makefiles rebuilds as expected")
