# Extra build steps of codegen_tests (included from tests/CMakeLists.txt):
#   - the conformance cases compiled to C++ by `squall compile` at build time
#     (tools/gen_conformance.cpp), linked into codegen_tests with -Werror;
#   - the golden generated C++ (tests/golden/codegen/*.cpp) compiled with -Werror;
#   - the templates of codegen/cpp_values, compiled by squall_add_templates;
#   - the corpus check (label `corpus`) and the external-project tests (label `slow`).
if(NOT TARGET codegen_tests)
  return()
endif()

set(squall_codegen_werror -Wall -Wextra -Werror)

# -- Conformance cases, compiled.
add_executable(gen_conformance ${CMAKE_CURRENT_SOURCE_DIR}/codegen/tools/gen_conformance.cpp)
target_link_libraries(gen_conformance PRIVATE nlohmann_json::nlohmann_json)
target_include_directories(gen_conformance PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})  # support/
file(GLOB squall_conformance_json CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/conformance/*.json)
list(SORT squall_conformance_json)
set(gen_dir ${CMAKE_CURRENT_BINARY_DIR}/codegen_conformance)
set(chunks 4)
set(outputs ${gen_dir}/gen/conformance_index.cpp)
math(EXPR last "${chunks} - 1")
foreach(i RANGE 0 ${last})
  list(APPEND outputs ${gen_dir}/gen/conformance_${i}.cpp)
endforeach()
add_custom_command(
  OUTPUT ${outputs}
  COMMAND gen_conformance $<TARGET_FILE:squall> ${gen_dir} ${chunks} ${squall_conformance_json}
  DEPENDS gen_conformance squall ${squall_conformance_json}
  COMMENT "Squall: compiling the conformance cases to C++"
  VERBATIM)
set_source_files_properties(${outputs} PROPERTIES COMPILE_OPTIONS "${squall_codegen_werror}")
target_sources(codegen_tests PRIVATE ${outputs})

# -- The fixed-bugs table (tests/parity/fixed-bugs.json), compiled the same way.
set(fixed_bugs_json ${PROJECT_SOURCE_DIR}/tests/parity/fixed-bugs.json)
set(fixed_dir ${CMAKE_CURRENT_BINARY_DIR}/codegen_fixed_bugs)
set(fixed_outputs ${fixed_dir}/gen/fixed_bug_cases_index.cpp ${fixed_dir}/gen/fixed_bug_cases_0.cpp)
add_custom_command(
  OUTPUT ${fixed_outputs}
  COMMAND gen_conformance $<TARGET_FILE:squall> ${fixed_dir} 1 --index fixed_bug_cases
          ${fixed_bugs_json}
  DEPENDS gen_conformance squall ${fixed_bugs_json}
  COMMENT "Squall: compiling the fixed-bugs table to C++"
  VERBATIM)
set_source_files_properties(${fixed_outputs} PROPERTIES COMPILE_OPTIONS "${squall_codegen_werror}")
target_sources(codegen_tests PRIVATE ${fixed_outputs})

# -- Golden generated C++ (and the golden registry): compiled warning-free and linked in, so
# golden_render_test.cpp renders them through both back ends.
file(GLOB squall_golden_cpp CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/golden/codegen/*.cpp)
set_source_files_properties(${squall_golden_cpp} PROPERTIES COMPILE_OPTIONS "${squall_codegen_werror}")
target_sources(codegen_tests PRIVATE ${squall_golden_cpp})

# -- Templates rendered with C++ arguments through both back ends (cpp_values_test.cpp).
squall_add_templates(codegen_tests ROOT codegen/cpp_values NAMESPACE cpp_values)

# -- One layout and page compiled twice: shared (the default) and NO_SHARED_LAYOUTS
# (shared_layouts_test.cpp reads both generated pages).
squall_add_templates(codegen_tests ROOT codegen/layouts NAMESPACE layouts_shared)
squall_add_templates(codegen_tests ROOT codegen/layouts NAMESPACE layouts_flat NO_SHARED_LAYOUTS)
target_compile_definitions(codegen_tests PRIVATE
  SQUALL_LAYOUTS_OUT="${CMAKE_CURRENT_BINARY_DIR}/squall_templates")

# -- Corpus: every real-world template compiles to C++ that g++ accepts.
add_executable(codegen_corpus_check ${CMAKE_CURRENT_SOURCE_DIR}/codegen/tools/corpus_check.cpp)
target_link_libraries(codegen_corpus_check PRIVATE squall_compiler nlohmann_json::nlohmann_json squall_warnings)
target_include_directories(codegen_corpus_check PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})  # support/
target_compile_definitions(codegen_corpus_check PRIVATE
  SQUALL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  SQUALL_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
  SQUALL_CXX="${CMAKE_CXX_COMPILER}")
add_test(NAME codegen_corpus COMMAND codegen_corpus_check ${CMAKE_CURRENT_BINARY_DIR}/codegen_corpus)
set_tests_properties(codegen_corpus PROPERTIES LABELS corpus TIMEOUT 900 SKIP_RETURN_CODE 77)

# -- External project: squall_add_templates() from add_subdirectory, find_package after
# `cmake --install`, and find_package after `cpack -G DEB` + `dpkg -x`; FetchContent
# configured only (label `packaging`).
foreach(mode install deb subdirectory fetchcontent)
  add_test(NAME codegen_external_${mode}
    COMMAND ${CMAKE_COMMAND} -DMODE=${mode} -DSQUALL_SOURCE=${PROJECT_SOURCE_DIR}
            -DSQUALL_BUILD=${PROJECT_BINARY_DIR} -DWORK=${CMAKE_CURRENT_BINARY_DIR}/codegen_external
            -DGENERATOR=${CMAKE_GENERATOR} -DCXX=${CMAKE_CXX_COMPILER} -DCPACK=${CMAKE_CPACK_COMMAND}
            -DSQUALL_VERSION=${PROJECT_VERSION}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/codegen/external/run_external.cmake)
endforeach()
set_tests_properties(codegen_external_install codegen_external_deb PROPERTIES
  LABELS "slow;packaging" TIMEOUT 900)
set_tests_properties(codegen_external_fetchcontent PROPERTIES LABELS packaging TIMEOUT 300)
set_tests_properties(codegen_external_subdirectory PROPERTIES LABELS "slow;packaging" TIMEOUT 1800)
