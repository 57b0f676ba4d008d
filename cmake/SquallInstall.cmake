# Installed by `cmake --install` (and packaged by `cpack -G DEB`), included from the
# top-level CMakeLists.txt when SQUALL_INSTALL is on:
#   include/squall/*.hpp                       the public headers, version.hpp included
#   lib/libsquall_runtime.a                    the runtime
#   bin/squall                                 the compiler
#   lib/cmake/Squall/                          the CMake package: SquallConfig.cmake,
#                                              SquallConfigVersion.cmake, SquallTargets.cmake,
#                                              SquallAddTemplates.cmake
#   lib/pkgconfig/squall.pc                    for builds without CMake
#   share/bash-completion/completions/squall   completion of `squall` commands and options
#   share/doc/squall/                          README, CHANGELOG, the docs
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
set_target_properties(squall_runtime PROPERTIES EXPORT_NAME runtime)
set_target_properties(squall PROPERTIES EXPORT_NAME squall)
set_target_properties(squall_interp PROPERTIES EXPORT_NAME interpreter)
set_target_properties(squall_frontend PROPERTIES EXPORT_NAME frontend)
install(TARGETS squall_runtime squall squall_frontend squall_interp EXPORT SquallTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/squall ${PROJECT_BINARY_DIR}/include/squall
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(SQUALL_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Squall)
install(EXPORT SquallTargets NAMESPACE Squall:: DESTINATION ${SQUALL_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/SquallConfig.cmake.in
  ${PROJECT_BINARY_DIR}/SquallConfig.cmake INSTALL_DESTINATION ${SQUALL_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/SquallConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/SquallConfig.cmake ${PROJECT_BINARY_DIR}/SquallConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/SquallAddTemplates.cmake DESTINATION ${SQUALL_CMAKE_DIR})

# pkg-config: prefix is found from the .pc file's own place, so an unpacked package
# (dpkg -x) or a moved prefix works without editing it.
file(RELATIVE_PATH SQUALL_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" SQUALL_PC_TO_PREFIX "${SQUALL_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/squall.pc.in ${PROJECT_BINARY_DIR}/squall.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/squall.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES ${PROJECT_SOURCE_DIR}/scripts/completion/squall.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME squall)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
  FILES_MATCHING PATTERN "*.md")

# `cpack -G DEB` in the build folder makes squall_VERSION_ARCH.deb: the same files under
# /usr. The -dev packages it depends on are what find_package(Squall) and squall.pc need.
set(CPACK_PACKAGE_NAME squall)
set(CPACK_PACKAGE_VENDOR "The Squall project")
set(CPACK_PACKAGE_CONTACT "The Squall project <squall@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Tornado templates compiled to C++: the squall compiler, runtime library and CMake package")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libfmt-dev, libre2-dev, libssl-dev, nlohmann-json3-dev, pkg-config")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
include(CPack)
