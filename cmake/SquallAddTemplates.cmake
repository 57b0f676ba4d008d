# squall_add_templates(<target> [ROOT <dir>] NAMESPACE <ns> [OUTPUT_DIR <dir>]
#                      [WHITESPACE all|single|oneline] [AUTOESCAPE <function>|None]
#                      [MODULES <dir>] [MODULE_NAMES <name>...])
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
# The generated header is <ns>_templates.hpp; `ns::templates()` returns the template set.
#
# MODULES compiles every module folder under <dir> (docs/ui-modules.md) into a UIModule,
# each with a depfile (its template, the templates it includes, module.json, embedded.*);
# <ns>_modules.hpp declares `ns::add_modules(registry)` and `ns::modules()`. With MODULES or
# MODULE_NAMES (hand-written modules the program registers) the module set is known, and
# every `{% module Name(...) %}` call is checked against it at build time. ROOT may be left
# out to compile only modules.
include_guard(GLOBAL)

function(squall_add_templates target)
  cmake_parse_arguments(ARG "" "ROOT;NAMESPACE;OUTPUT_DIR;WHITESPACE;AUTOESCAPE;MODULES"
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

  target_sources(${target} PRIVATE ${sources})
  target_include_directories(${target} PRIVATE "${out}")
  target_link_libraries(${target} PRIVATE Squall::runtime)
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
      file(REMOVE "${out}/${ns}/${cpp}" "${out}/${ns}/${cpp}.d")
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
      set(touch ${refresh} "${cpp}")
    endif()
    add_custom_command(
      OUTPUT "${cpp}"
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
