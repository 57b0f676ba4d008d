# squall_add_templates(<target> [ROOT <dir>] NAMESPACE <ns> [OUTPUT_DIR <dir>]
#                      [WHITESPACE all|single|oneline] [AUTOESCAPE <function>|None]
#                      [MODULES <dir>] [MODULE_NAMES <name>...] [NO_PCH]
#                      [NO_SHARED_LAYOUTS])
#
# Compiles every template under ROOT to C++ at build time and adds the generated sources
# and their include directory to <target>. Each template becomes its own source file with
# a depfile listing every template it reads (parents, includes), so editing a template
# rebuilds exactly the outputs that use it. The list of templates is globbed with
# CONFIGURE_DEPENDS: adding a template is picked up by the next build, and deleting one
# removes its generated source.
#
# WHITESPACE and AUTOESCAPE are Tornado's Loader(whitespace=, autoescape=) settings: the
# default whitespace mode (otherwise derived from each file's extension) and the escape
# function of files without an `{% autoescape %}` directive (otherwise xhtml_escape).
#
# A page that extends a layout calls the layout's body, generated once in the layout's file,
# wherever that renders what Tornado's one flattened function renders (docs/cmake.md,
# "Shared layouts"); NO_SHARED_LAYOUTS flattens every page with its layout instead
# (`squall compile --no-shared-layouts`): larger objects, and a layout edit recompiles
# every page that extends it.
#
# The generated header is <ns>_templates.hpp; `ns::templates()` returns the template set.
#
# MODULES compiles every module folder under <dir> (docs/ui-modules.md) into a UIModule,
# each with a depfile (its template, the templates it includes, module.json, embedded.*);
# <ns>_modules.hpp declares `ns::add_modules(registry)` and `ns::modules()`. With MODULES or
# MODULE_NAMES (hand-written modules the program registers) the module set is known, and
# every `{% module Name(...) %}` call is checked against it at build time. ROOT may be left
# out to compile only modules.
#
# With g++ and clang the generated sources are compiled with a precompiled header of
# <squall/abi.hpp>, which every one of them includes (docs/performance.md, "Build
# cost"). They are built in an OBJECT library, <target>_squall_<ns>, whose objects go into
# <target>: the PCH reaches only the generated sources, never the target's own, and the
# object library takes its include directories, definitions, options, features and
# language settings from <target>, so the generated code compiles with <target>'s settings
# as before. NO_PCH, or SQUALL_TEMPLATES_PCH=OFF for every call, adds the generated sources
# to <target> itself, without a PCH.
include_guard(GLOBAL)

option(SQUALL_TEMPLATES_PCH
       "squall_add_templates: compile generated templates with a precompiled header" ON)

function(squall_add_templates target)
  cmake_parse_arguments(ARG "NO_PCH;NO_SHARED_LAYOUTS" "ROOT;NAMESPACE;OUTPUT_DIR;WHITESPACE;AUTOESCAPE;MODULES"
                        "MODULE_NAMES" ${ARGN})
  if((NOT ARG_ROOT AND NOT ARG_MODULES) OR NOT ARG_NAMESPACE)
    message(FATAL_ERROR "squall_add_templates: NAMESPACE and ROOT or MODULES are required")
  endif()
  if(NOT ARG_NAMESPACE MATCHES "^[A-Za-z][A-Za-z0-9_]*$")
    message(FATAL_ERROR "squall_add_templates: NAMESPACE '${ARG_NAMESPACE}' is not a C++ identifier")
  endif()
  set(settings)
  if(ARG_WHITESPACE)
    if(NOT ARG_WHITESPACE MATCHES "^(all|single|oneline)$")
      message(FATAL_ERROR "squall_add_templates: WHITESPACE '${ARG_WHITESPACE}' is not all, single or oneline")
    endif()
    list(APPEND settings --whitespace ${ARG_WHITESPACE})
  endif()
  if(DEFINED ARG_AUTOESCAPE)
    list(APPEND settings --autoescape "${ARG_AUTOESCAPE}")
  endif()
  if(ARG_NO_SHARED_LAYOUTS)
    list(APPEND settings --no-shared-layouts)
  endif()
  set(out "${ARG_OUTPUT_DIR}")
  if(NOT out)
    set(out "${CMAKE_CURRENT_BINARY_DIR}/squall_templates/${ARG_NAMESPACE}")
  endif()
  if(NOT TARGET Squall::squall)
    message(FATAL_ERROR "squall_add_templates: the Squall::squall compiler target is missing")
  endif()
  set(sources)
  if(ARG_MODULE_NAMES)
    list(JOIN ARG_MODULE_NAMES "," declared)
    list(APPEND settings --module-names "${declared}")
  endif()
  if(ARG_MODULES)
    get_filename_component(modules "${ARG_MODULES}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND settings --modules "${modules}")
    _squall_add_module_folders("${modules}" "${out}" "${ARG_NAMESPACE}" "${settings}" sources)
  endif()
  if(ARG_ROOT)
    get_filename_component(root "${ARG_ROOT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    _squall_add_template_files("${root}" "${out}" "${ARG_NAMESPACE}" "${settings}" sources)
  endif()

  target_include_directories(${target} PRIVATE "${out}")
  target_link_libraries(${target} PRIVATE Squall::runtime)
  if(SQUALL_TEMPLATES_PCH AND NOT ARG_NO_PCH AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    _squall_add_precompiled(${target} ${target}_squall_${ARG_NAMESPACE} "${sources}")
  else()
    target_sources(${target} PRIVATE ${sources})
  endif()
endfunction()

# The generated `sources` compiled in the OBJECT library `objects` with a PCH of
# <squall/abi.hpp>, their objects linked into `target`.
function(_squall_add_precompiled target objects sources)
  # Built when `target` needs it, like the sources it holds were.
  add_library(${objects} OBJECT EXCLUDE_FROM_ALL ${sources})
  # Setting (not appending to) these replaces what the object library took from its folder:
  # each is `target`'s own value, evaluated with the usage requirements of everything it
  # links, so later changes to `target` are followed too.
  foreach(property INCLUDE_DIRECTORIES COMPILE_DEFINITIONS COMPILE_OPTIONS COMPILE_FEATURES)
    set_property(TARGET ${objects} PROPERTY ${property} "$<TARGET_PROPERTY:${target},${property}>")
  endforeach()
  target_link_libraries(${objects} PRIVATE Squall::runtime)
  # Properties without generator expressions are copied once `target` is complete: at the
  # end of the top-level folder, after every command that could set them. A deferred call
  # expands variables when it runs, so the names are written into it now.
  cmake_language(EVAL CODE "cmake_language(DEFER DIRECTORY [[${CMAKE_SOURCE_DIR}]] CALL
                 _squall_copy_settings [[${target}]] [[${objects}]])")
  # Every call for one target shares a PCH: its object libraries all have the target's
  # flags.
  get_property(first GLOBAL PROPERTY _squall_pch_of_${target})
  if(first)
    target_precompile_headers(${objects} REUSE_FROM ${first})
  else()
    target_precompile_headers(${objects} PRIVATE <squall/abi.hpp>)
    set_property(GLOBAL PROPERTY _squall_pch_of_${target} ${objects})
  endif()
  # The objects go in as sources, not through target_link_libraries, so an exported
  # `target` names no extra target. The generated headers the target's own sources include
  # are written before they compile.
  target_sources(${target} PRIVATE $<TARGET_OBJECTS:${objects}>)
  add_dependencies(${target} ${objects})
endfunction()

# The language and code-generation settings of `target` that its generated sources, built
# in `objects`, must share.
function(_squall_copy_settings target objects)
  foreach(property CXX_STANDARD CXX_STANDARD_REQUIRED CXX_EXTENSIONS POSITION_INDEPENDENT_CODE
                   CXX_VISIBILITY_PRESET VISIBILITY_INLINES_HIDDEN INTERPROCEDURAL_OPTIMIZATION
                   COMPILE_FLAGS CXX_COMPILER_LAUNCHER)
    get_target_property(value ${target} ${property})
    if(NOT value STREQUAL "value-NOTFOUND")
      set_property(TARGET ${objects} PROPERTY ${property} "${value}")
    endif()
  endforeach()
  # A shared library's own sources are position independent whatever the property says.
  get_target_property(type ${target} TYPE)
  if(type MATCHES "SHARED_LIBRARY|MODULE_LIBRARY")
    set_property(TARGET ${objects} PROPERTY POSITION_INDEPENDENT_CODE ON)
  endif()
endfunction()

# Every template under `root`: one .cpp per template with its depfile, plus the index.
function(_squall_add_template_files root out ns settings sources_var)
  # Hidden files and folders (editor backups, .git) are not templates; `squall compile`
  # skips them the same way.
  file(GLOB_RECURSE files CONFIGURE_DEPENDS LIST_DIRECTORIES false RELATIVE "${root}" "${root}/*")
  list(FILTER files EXCLUDE REGEX "(^|/)\\.")
  list(SORT files)
  if(NOT files)
    message(FATAL_ERROR "squall_add_templates: no templates under ${root}")
  endif()

  # A template deleted since the last configure leaves no stale source behind: the glob
  # above notices the deletion, and the outputs of names no longer listed go here.
  file(GLOB_RECURSE generated LIST_DIRECTORIES false RELATIVE "${out}/${ns}"
       "${out}/${ns}/*.cpp")
  list(FILTER generated EXCLUDE REGEX "^squall_modules/")  # module folders' outputs
  foreach(cpp IN LISTS generated)
    string(REGEX REPLACE "\\.cpp$" "" name "${cpp}")
    if(NOT name IN_LIST files)
      file(REMOVE "${out}/${ns}/${cpp}" "${out}/${ns}/${cpp}.d" "${out}/${ns}/${name}.hpp")
    endif()
  endforeach()

  # `squall compile` leaves an unchanged output untouched, so nothing recompiles after a
  # template is only touched. Ninja re-reads the output's time (restat) and is content;
  # make compares times only and would rerun the compiler on every build while the template
  # is newer, so there the output's time is brought forward (one recompile, then quiet).
  set(refresh)
  if(NOT CMAKE_GENERATOR MATCHES "Ninja")
    set(refresh COMMAND ${CMAKE_COMMAND} -E touch_nocreate)
  endif()

  set(sources ${${sources_var}})
  foreach(name IN LISTS files)
    set(cpp "${out}/${ns}/${name}.cpp")
    set(touch)
    if(refresh)
      set(touch ${refresh} "${cpp}" "${out}/${ns}/${name}.hpp")
    endif()
    add_custom_command(
      OUTPUT "${cpp}" "${out}/${ns}/${name}.hpp"
      COMMAND Squall::squall compile --root "${root}" --out "${out}" --namespace ${ns}
              --only "${name}" --depfile ${settings}
      ${touch}
      DEPENDS Squall::squall "${root}/${name}"
      DEPFILE "${cpp}.d"
      COMMENT "Squall: compiling template ${name}"
      VERBATIM)
    list(APPEND sources "${cpp}")
  endforeach()

  # The header and the registry depend on the list of names, which is on the command line:
  # a new template changes the command, so they are regenerated.
  set(index "${out}/${ns}_templates.hpp" "${out}/${ns}_registry.cpp")
  add_custom_command(
    OUTPUT ${index}
    COMMAND Squall::squall compile --root "${root}" --out "${out}" --namespace ${ns}
            --index ${files}
    DEPENDS Squall::squall
    COMMENT "Squall: writing the ${ns} template index"
    VERBATIM)
  list(APPEND sources ${index})
  set(${sources_var} ${sources} PARENT_SCOPE)
endfunction()

# Every module folder under `modules`: one .cpp per folder with its depfile, plus the
# module index.
function(_squall_add_module_folders modules out ns settings sources_var)
  file(GLOB children CONFIGURE_DEPENDS LIST_DIRECTORIES true RELATIVE "${modules}" "${modules}/*")
  set(names)
  foreach(child IN LISTS children)
    if(IS_DIRECTORY "${modules}/${child}" AND NOT child MATCHES "^\\.")
      list(APPEND names "${child}")
    endif()
  endforeach()
  list(SORT names)
  set(sources ${${sources_var}})
  foreach(name IN LISTS names)
    set(cpp "${out}/${ns}/squall_modules/${name}.cpp")
    add_custom_command(
      OUTPUT "${cpp}"
      COMMAND Squall::squall compile --out "${out}" --namespace ${ns} --only-module "${name}"
              --depfile ${settings}
      DEPENDS Squall::squall "${modules}/${name}/template.html"
      DEPFILE "${cpp}.d"
      COMMENT "Squall: compiling UI module ${name}"
      VERBATIM)
    list(APPEND sources "${cpp}")
  endforeach()
  set(index "${out}/${ns}_modules.hpp" "${out}/${ns}_modules.cpp")
  add_custom_command(
    OUTPUT ${index}
    COMMAND Squall::squall compile --modules "${modules}" --out "${out}" --namespace ${ns}
            --module-index ${names}
    DEPENDS Squall::squall
    COMMENT "Squall: writing the ${ns} module index"
    VERBATIM)
  list(APPEND sources ${index})
  set(${sources_var} ${sources} PARENT_SCOPE)
endfunction()
