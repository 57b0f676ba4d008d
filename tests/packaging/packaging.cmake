# Tests of what a user gets besides the library (label `packaging`): `squall --version`,
# the bash completion, the error for an unsupported reflected field type. The install,
# .deb and add_subdirectory tests are in tests/codegen/codegen.cmake (they build
# tests/codegen/external); the API reference test is in cmake/SquallDocs.cmake.
set(dir ${CMAKE_CURRENT_SOURCE_DIR}/packaging)

add_test(NAME packaging_version COMMAND squall --version)
set_tests_properties(packaging_version PROPERTIES
  PASS_REGULAR_EXPRESSION "^squall ${PROJECT_VERSION}\n$")

add_test(NAME packaging_bash_completion
  COMMAND bash ${dir}/completion_test.sh ${PROJECT_SOURCE_DIR}/scripts/completion/squall.bash
          $<TARGET_FILE:squall>)

# An unsupported reflected field, or typed-function parameter, is one error naming the type.
add_test(NAME packaging_unsupported_field
  COMMAND ${CMAKE_COMMAND} -DCXX=${CMAKE_CXX_COMPILER} -DSOURCE=${dir}/unsupported_field.cpp
          "-DINCLUDES=${PROJECT_SOURCE_DIR}/include;${PROJECT_BINARY_DIR}/include"
          "-DEXPECT=UnsupportedFieldType.*std::chrono::duration<long"
          -P ${dir}/check_compile_error.cmake)
add_test(NAME packaging_unsupported_parameter
  COMMAND ${CMAKE_COMMAND} -DCXX=${CMAKE_CXX_COMPILER} -DSOURCE=${dir}/unsupported_parameter.cpp
          "-DINCLUDES=${PROJECT_SOURCE_DIR}/include;${PROJECT_BINARY_DIR}/include"
          "-DEXPECT=Point.*no ArgConverter|no ArgConverter.*Point"
          -P ${dir}/check_compile_error.cmake)
set_tests_properties(packaging_version packaging_bash_completion packaging_unsupported_field
  packaging_unsupported_parameter PROPERTIES LABELS packaging)

# docs/getting-started.md, followed literally from a clean folder by the docs' checker
# (tests/docs/doc_examples.sh): installs this build into a scratch home and builds the
# page's project against it. The other documents are the test docs_examples (tests/docs).
add_test(NAME packaging_getting_started
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/docs/doc_examples.sh check ${PROJECT_SOURCE_DIR}
          ${PROJECT_BINARY_DIR} ${CMAKE_CURRENT_BINARY_DIR}/getting_started
          ${PROJECT_SOURCE_DIR}/docs/getting-started.md)
set_tests_properties(packaging_getting_started PROPERTIES LABELS "packaging;slow;docs" TIMEOUT 900)

# Each public header is self-contained and free of the generated-code header (issue 19).
add_test(NAME packaging_public_headers
  COMMAND ${CMAKE_COMMAND} -DCXX=${CMAKE_CXX_COMPILER} -DROOT=${PROJECT_SOURCE_DIR}/include
          "-DINCLUDES=${PROJECT_SOURCE_DIR}/include;${PROJECT_BINARY_DIR}/include"
          -DWORK=${CMAKE_CURRENT_BINARY_DIR}/public_headers -P ${dir}/public_headers.cmake)
set_tests_properties(packaging_public_headers PROPERTIES LABELS packaging)

# Without cpp-httplib the top-level configure stops with a message that says what to install
# or which options to turn off; with them off it configures.
add_test(NAME packaging_missing_httplib
  COMMAND ${CMAKE_COMMAND} -DSOURCE=${PROJECT_SOURCE_DIR}
          -DWORK=${CMAKE_CURRENT_BINARY_DIR}/missing_httplib
          -DPKG_CONFIG=${dir}/pkg_config_without_httplib.sh "-DGENERATOR=${CMAKE_GENERATOR}"
          -P ${dir}/missing_httplib.cmake)
set_tests_properties(packaging_missing_httplib PROPERTIES LABELS packaging TIMEOUT 300)
