# cmake -DMODE=install|subdirectory -DSQUALL_SOURCE=... -DSQUALL_BUILD=... -DWORK=...
#       -DGENERATOR=Ninja -DCXX=... -P run_external.cmake
#
# Builds tests/codegen/external against Squall, runs it and compares its output. In
# install mode it then checks incremental rebuilds: touching a template reruns the compiler
# for the templates that read it and recompiles nothing (the output did not change);
# editing the parent template regenerates and recompiles exactly its dependents.
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
if(MODE STREQUAL "install")
  run(${CMAKE_COMMAND} --install "${SQUALL_BUILD}" --prefix "${work}/prefix")
  run(${CMAKE_COMMAND} ${configure_args} -DSQUALL_MODE=install "-DCMAKE_PREFIX_PATH=${work}/prefix")
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
if(NOT MODE STREQUAL "install")
  return()
endif()

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
