# The UI-module cases compiled into codegen_tests by squall_add_templates (included from
# tests/CMakeLists.txt), the build step users run, with depfiles: the module folders under
# tests/ui_modules/modules (their templates checked against the known module set; the
# test's hand-written modules are declared by name), and the pages under
# tests/ui_modules/pages. The pages are compiled without the module set, because some cases
# make the errors Tornado raises at run time (unknown module, arguments that do not bind),
# which the build-time check would reject; tests/cli checks that rejection.
if(NOT TARGET codegen_tests)
  return()
endif()
include(${PROJECT_SOURCE_DIR}/cmake/SquallAddTemplates.cmake)
squall_add_templates(codegen_tests
  MODULES ${CMAKE_CURRENT_LIST_DIR}/modules
  MODULE_NAMES Counter Weird ListFiles
  NAMESPACE squall_ui_modules)
squall_add_templates(codegen_tests
  ROOT ${CMAKE_CURRENT_LIST_DIR}/pages
  NAMESPACE squall_ui_cases)
