# The public headers (include/squall/, except abi.hpp and detail/) each compile on their own
# and never include, directly or not, the generated-code header or anything in detail/
# (what it includes, and the typed code's detail/typed.hpp): what a program sees of Squall
# is the documented API, not the code generator's target (docs/cmake.md, "Headers"). Run
# with -DCXX -DINCLUDES (a ;-list) -DROOT (include/) -DWORK (a scratch folder).
file(GLOB_RECURSE headers RELATIVE ${ROOT} ${ROOT}/squall/*.hpp)
list(FILTER headers EXCLUDE REGEX "^squall/(abi\\.hpp|detail/)")
set(flags -std=c++20 -fsyntax-only -Wall -Wextra -Werror)
foreach(dir IN LISTS INCLUDES)
  list(APPEND flags -I${dir})
endforeach()
file(MAKE_DIRECTORY ${WORK})
set(failures "")
foreach(header IN LISTS headers)
  string(MAKE_C_IDENTIFIER ${header} stem)
  set(source ${WORK}/${stem}.cpp)
  file(WRITE ${source} "#include <${header}>\n")
  execute_process(COMMAND ${CXX} ${flags} -MD -MF ${WORK}/${stem}.d ${source}
                  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    string(APPEND failures "${header} does not compile on its own:\n${err}\n")
    continue()
  endif()
  file(READ ${WORK}/${stem}.d deps)
  if(deps MATCHES "squall/(abi\\.hpp|detail/[a-z_]+\\.hpp)")
    string(APPEND failures "${header} includes <squall/${CMAKE_MATCH_1}>\n")
  endif()
endforeach()
list(LENGTH headers count)
if(failures)
  message(FATAL_ERROR "${failures}")
endif()
message(STATUS "${count} public headers: each compiles alone, none includes the generated-code header")
