# squall_docs: the API reference of the public headers, made by Doxygen (Debian `doxygen`)
# from cmake/Doxyfile.in into build/docs/api/html/. It fails on any warning, so every
# public declaration stays documented; the test docs_doxygen runs it.
find_package(Doxygen QUIET)
configure_file(${PROJECT_SOURCE_DIR}/cmake/Doxyfile.in ${PROJECT_BINARY_DIR}/Doxyfile @ONLY)
file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/docs/api)  # Doxygen makes only the last level
if(DOXYGEN_FOUND)
  add_custom_target(squall_docs
    COMMAND Doxygen::doxygen ${PROJECT_BINARY_DIR}/Doxyfile
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR}
    COMMENT "Doxygen: the API reference of include/squall/"
    VERBATIM)
endif()
if(SQUALL_BUILD_TESTS)
  if(DOXYGEN_FOUND)
    add_test(NAME docs_doxygen COMMAND Doxygen::doxygen ${PROJECT_BINARY_DIR}/Doxyfile
      WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
  else()
    # Skipped, not failed, where doxygen is missing; scripts/install-deps.sh installs it.
    add_test(NAME docs_doxygen COMMAND ${CMAKE_COMMAND} -E echo "doxygen not found: skipped")
    set_tests_properties(docs_doxygen PROPERTIES SKIP_REGULAR_EXPRESSION "skipped")
  endif()
  set_tests_properties(docs_doxygen PROPERTIES LABELS "docs" TIMEOUT 300)
endif()
