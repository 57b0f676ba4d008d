# Configures the project as on a machine without cpp-httplib (a pkg-config that does not
# find it): the top-level configure, which builds `squall preview`, the tests and the
# example site, must stop with the message naming the Debian package and the three options;
# with exactly those options off it must succeed (the advice works as given).
#   cmake -DSOURCE=<project> -DWORK=<scratch> -DPKG_CONFIG=<wrapper> -DGENERATOR=<gen>
#         -P missing_httplib.cmake
file(REMOVE_RECURSE "${WORK}")

execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${WORK}/default" -G "${GENERATOR}"
          -DPKG_CONFIG_EXECUTABLE=${PKG_CONFIG}
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(status EQUAL 0)
  message(FATAL_ERROR "configure without cpp-httplib succeeded:\n${out}${err}")
endif()
string(REPLACE "\n" " " one_line "${err}")
string(REGEX REPLACE " +" " " one_line "${one_line}")
foreach(expected "need cpp-httplib" "libcpp-httplib-dev" "-DSQUALL_CLI_INTERPRETER=OFF"
                 "-DSQUALL_BUILD_TESTS=OFF" "-DSQUALL_BUILD_EXAMPLES=OFF")
  string(FIND "${one_line}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the configure error does not say \"${expected}\":\n${err}")
  endif()
endforeach()

execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${WORK}/without" -G "${GENERATOR}"
          -DPKG_CONFIG_EXECUTABLE=${PKG_CONFIG} -DSQUALL_CLI_INTERPRETER=OFF
          -DSQUALL_BUILD_TESTS=OFF -DSQUALL_BUILD_EXAMPLES=OFF
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "configure with the options the message names failed:\n${out}${err}")
endif()
file(REMOVE_RECURSE "${WORK}")
