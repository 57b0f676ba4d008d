# cmake -DCXX=... -DSOURCE=... -DINCLUDES=a;b -DEXPECT=regex -P check_compile_error.cmake
# Compiles SOURCE, which must fail with exactly one error whose text matches EXPECT.
set(flags -std=c++20 -fsyntax-only)
foreach(dir IN LISTS INCLUDES)
  list(APPEND flags -I${dir})
endforeach()
execute_process(COMMAND ${CXX} ${flags} ${SOURCE} RESULT_VARIABLE rc ERROR_VARIABLE err
                OUTPUT_VARIABLE out)
if(rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but must not")
endif()
string(REGEX MATCHALL "error:" errors "${err}")
list(LENGTH errors count)
if(NOT count EQUAL 1 OR NOT err MATCHES "${EXPECT}")
  message(FATAL_ERROR "expected one error matching '${EXPECT}', got ${count}:\n${err}")
endif()
string(LENGTH "${err}" size)
message(STATUS "one error, ${size} bytes of compiler output")
