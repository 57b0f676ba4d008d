# The examples of docs/*.md (label `docs`), read by tests/docs/doc_examples.sh:
#   - each document's C++ blocks become one GoogleTest program, docs_examples_<doc>,
#     built with the tests (a compile error points at the document's line) and run;
#   - the test docs_examples follows every other block: runs the shell blocks and squall
#     commands, compares outputs, checks the diagnostics, configures the CMake blocks.
# docs/getting-started.md is followed by packaging_getting_started (tests/packaging).
set(docs_dir ${CMAKE_CURRENT_SOURCE_DIR}/docs)
set(docs_script ${docs_dir}/doc_examples.sh)
file(GLOB docs_md CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
list(SORT docs_md)
# Which documents have C++ is decided when configuring: rerun it when one changes.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${docs_md} ${docs_script})

# What the examples take as given: the reader's template sets and application code
# (tests/docs/context).
add_library(docs_examples_context STATIC ${docs_dir}/context/context.cpp)
squall_add_templates(docs_examples_context ROOT ${docs_dir}/context/blog/templates
  NAMESPACE blog NO_PCH)
squall_add_templates(docs_examples_context ROOT ${docs_dir}/context/site/templates
  MODULES ${docs_dir}/context/site/modules MODULE_NAMES Greeting NAMESPACE site NO_PCH)
target_link_libraries(docs_examples_context PUBLIC squall_runtime squall_interp squall_web
  PkgConfig::SQUALL_HTTPLIB GTest::gtest GTest::gtest_main)
if(TARGET squall_web_httplib)
  target_link_libraries(docs_examples_context PUBLIC squall_web_httplib)
endif()
target_include_directories(docs_examples_context PUBLIC ${docs_dir}/context
  ${CMAKE_CURRENT_BINARY_DIR}/squall_templates/blog ${CMAKE_CURRENT_BINARY_DIR}/squall_templates/site)
target_compile_definitions(docs_examples_context PUBLIC
  BLOG_SOURCE_DIR="${docs_dir}/context/blog")

set(docs_gen ${CMAKE_CURRENT_BINARY_DIR}/docs_examples)
execute_process(COMMAND bash ${docs_script} cpp-docs ${docs_md}
  OUTPUT_VARIABLE docs_with_cpp RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tests/docs/doc_examples.sh cannot read docs/")
endif()
string(STRIP "${docs_with_cpp}" docs_with_cpp)
string(REPLACE "\n" ";" docs_with_cpp "${docs_with_cpp}")
foreach(doc IN LISTS docs_with_cpp)
  get_filename_component(stem ${doc} NAME_WE)
  set(context ${docs_dir}/context/app.hpp)
  if(EXISTS ${docs_dir}/context/${stem}.hpp)
    set(context ${docs_dir}/context/${stem}.hpp)
  endif()
  string(REPLACE "-" "_" target docs_examples_${stem})
  add_custom_command(OUTPUT ${docs_gen}/${stem}.cpp
    COMMAND bash ${docs_script} cpp ${doc} ${docs_gen}/${stem}.cpp ${context}
    DEPENDS ${docs_script} ${doc}
    COMMENT "Squall: the C++ examples of docs/${stem}.md"
    VERBATIM)
  add_executable(${target} ${docs_gen}/${stem}.cpp)
  target_link_libraries(${target} PRIVATE docs_examples_context squall_warnings)
  gtest_discover_tests(${target} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS docs)
endforeach()

# Every other block of every document.
set(docs_checked ${docs_md})
list(FILTER docs_checked EXCLUDE REGEX "/getting-started\\.md$")
add_test(NAME docs_examples
  COMMAND bash ${docs_script} check ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}
          ${CMAKE_CURRENT_BINARY_DIR}/docs_examples_work ${docs_checked})
# Label `external`: it installs this build and builds outside projects against it with the
# default compiler and flags, which a sanitizer build's library cannot link into.
set_tests_properties(docs_examples PROPERTIES LABELS "docs;external" TIMEOUT 300)

# The checker itself: a page of wrong examples must fail with each expected message.
add_test(NAME docs_examples_selftest
  COMMAND bash ${docs_dir}/selftest/selftest.sh ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}
          ${CMAKE_CURRENT_BINARY_DIR}/docs_examples_selftest)
set_tests_properties(docs_examples_selftest PROPERTIES LABELS "docs;external" TIMEOUT 300)
