# The differential generator (included from tests/CMakeLists.txt):
#   - squall_differential: interpreter vs generated C++ built by g++ and clang++, on
#     generated templates (docs/differential.md); a short run is the ctest test
#     `differential_short` (label `differential`);
#   - the stored sample checked against Tornado 6.2 runs in interp_tests.
add_library(squall_differential_generator STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/differential/template_generator.cpp)
target_include_directories(squall_differential_generator PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(squall_differential_generator PRIVATE squall_warnings)

add_executable(squall_differential ${CMAKE_CURRENT_SOURCE_DIR}/differential/differential_main.cpp)
target_link_libraries(squall_differential PRIVATE squall_differential_generator squall_compiler
  nlohmann_json::nlohmann_json squall_warnings)
target_compile_definitions(squall_differential PRIVATE
  SQUALL_BINARY="$<TARGET_FILE:squall>"
  SQUALL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  SQUALL_INCLUDE_DIR="${PROJECT_SOURCE_DIR}/include"
  SQUALL_RUNTIME_LIB="$<TARGET_FILE:squall_runtime>"
  SQUALL_RUNTIME_LINK="-lfmt -lre2 -lpthread"
  # The harness links the runtime as built: the same sanitizer (or other) flags.
  SQUALL_HARNESS_FLAGS="${CMAKE_CXX_FLAGS} ${CMAKE_EXE_LINKER_FLAGS}")
add_dependencies(squall_differential squall squall_runtime)

find_program(SQUALL_CLANGXX NAMES clang++ clang++-14)
set(differential_compilers ${CMAKE_CXX_COMPILER})
if(SQUALL_CLANGXX)
  set(differential_compilers "${CMAKE_CXX_COMPILER},${SQUALL_CLANGXX}")
endif()
add_test(NAME differential_short
  COMMAND squall_differential --seed 1 --expressions 240 --templates 12 --batch 12
          --cxx ${differential_compilers} --work ${CMAKE_CURRENT_BINARY_DIR}/differential_short)
set_tests_properties(differential_short PROPERTIES LABELS differential TIMEOUT 900)

if(TARGET interp_tests)
  target_link_libraries(interp_tests PRIVATE squall_differential_generator)
endif()

add_test(NAME differential_progress
  COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:squall_differential> -DCXX=${CMAKE_CXX_COMPILER}
          -DWORK=${CMAKE_CURRENT_BINARY_DIR}/differential_progress
          -P ${CMAKE_CURRENT_SOURCE_DIR}/differential/progress_test.cmake)
set_tests_properties(differential_progress PROPERTIES LABELS differential TIMEOUT 300)
