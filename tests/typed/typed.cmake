# Typed templates (docs/typed-templates.md), included from tests/CMakeLists.txt:
# typed_tests renders tests/typed/templates through the interpreter, the by-name compiled
# templates and the typed entry points; its error test compiles deliberate mistakes with
# g++ and clang++ against golden first lines.
squall_test_binary(typed_tests "${CMAKE_CURRENT_SOURCE_DIR}/typed/*_test.cpp")
if(NOT TARGET typed_tests)
  return()
endif()
include(${PROJECT_SOURCE_DIR}/cmake/SquallAddTemplates.cmake)
squall_add_templates(typed_tests ROOT typed/templates NAMESPACE typed_site WHITESPACE all)
target_include_directories(typed_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/typed)
add_dependencies(typed_tests squall)
target_compile_definitions(typed_tests PRIVATE SQUALL_CXX="${CMAKE_CXX_COMPILER}")
