# Private helpers of PTest.cmake, which includes this file from its own
# directory; nothing here is meant to be called by a project. The state they
# share is the global properties documented at the top of PTest.cmake.

include_guard(GLOBAL)
# Functions defined here keep these policies whatever the including project sets.
cmake_policy(VERSION 3.20)

# Variables set here would be seen only in the scope that included this
# file, and add_subdirectory(ptest) includes it in ptest's own scope: what
# the functions need, they define themselves.
macro(_ptest_keywords out)
  set(${out} MARKERS MARK GROUP SERIAL FIXTURES TIMEOUT WORKING_DIRECTORY EXTRA_ARGS ENVIRONMENT
      DISCOVERY_MODE DISCOVERY_TIMEOUT CTEST_MODE STRICT FRAMEWORK LAUNCHER)
endmacro()

function(_ptest_fail message)
  message(FATAL_ERROR "ptest_discover_tests(): ${message}")
endfunction()

# --- Markers -----------------------------------------------------------------

# A marker must work as a -m name and as a CTest label. `command` names the
# caller in the message.
function(_ptest_check_marker command marker)
  if(NOT marker MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "${command}: marker '${marker}' is not a valid name "
                        "(letters, digits and '_', not first a digit)")
  endif()
endfunction()

# Edit distance of two short strings, counting an insertion, a deletion, a
# substitution or a swap of two neighbours as one edit (optimal string
# alignment): "slwo" is one edit from "slow". The same distance as
# edit_distance() in runner/src/util/suggest.cc. Rows of the usual table:
# `current` is row i, `previous` row i-1, `before` row i-2.
function(_ptest_edit_distance out a b)
  string(LENGTH "${a}" la)
  string(LENGTH "${b}" lb)
  set(before "")
  set(previous "")
  foreach(j RANGE ${lb})
    list(APPEND previous ${j})
  endforeach()
  if(la GREATER 0)
    foreach(i RANGE 1 ${la})
      math(EXPR i0 "${i} - 1")
      string(SUBSTRING "${a}" ${i0} 1 ca)
      set(ca_before "")
      if(i GREATER 1)
        math(EXPR i1 "${i} - 2")
        string(SUBSTRING "${a}" ${i1} 1 ca_before)
      endif()
      set(current ${i})
      if(lb GREATER 0)
        foreach(j RANGE 1 ${lb})
          math(EXPR j0 "${j} - 1")
          string(SUBSTRING "${b}" ${j0} 1 cb)
          list(GET previous ${j} up)
          list(GET previous ${j0} diagonal)
          list(GET current ${j0} left)
          if(NOT ca STREQUAL cb)
            math(EXPR diagonal "${diagonal} + 1")
          endif()
          math(EXPR up "${up} + 1")
          math(EXPR left "${left} + 1")
          set(candidates ${diagonal} ${up} ${left})
          if(i GREATER 1 AND j GREATER 1)
            math(EXPR j1 "${j} - 2")
            string(SUBSTRING "${b}" ${j1} 1 cb_before)
            if(ca STREQUAL cb_before AND ca_before STREQUAL cb)
              list(GET before ${j1} swap)
              math(EXPR swap "${swap} + 1")
              list(APPEND candidates ${swap})
            endif()
          endif()
          list(GET candidates 0 best)
          foreach(candidate IN LISTS candidates)
            if(candidate LESS best)
              set(best ${candidate})
            endif()
          endforeach()
          list(APPEND current ${best})
        endforeach()
      endif()
      set(before ${previous})
      set(previous ${current})
    endforeach()
  endif()
  list(GET previous ${lb} distance)
  set(${out} ${distance} PARENT_SCOPE)
endfunction()

# "Did you mean": sets `out` to the candidate (ARGN) closest to the misspelt
# `name`, the first of equally close ones, if it is at most max(1, length of
# `name` / 3) edits away (rounded down), and to "" otherwise. The runner's
# closest_name() (runner/src/util/suggest.cc) keeps the same rule, and both
# are tested on tests/unit/util/suggest_cases.txt.
function(_ptest_closest_name out name)
  string(LENGTH "${name}" length)
  math(EXPR allowed "${length} / 3")
  if(allowed LESS 1)
    set(allowed 1)
  endif()
  math(EXPR best_distance "${allowed} + 1")
  set(closest "")
  foreach(candidate IN LISTS ARGN)
    _ptest_edit_distance(distance "${name}" "${candidate}")
    if(distance LESS best_distance)
      set(best_distance ${distance})
      set(closest "${candidate}")
    endif()
  endforeach()
  set(${out} "${closest}" PARENT_SCOPE)
endfunction()

# Fails unless `marker` is registered, suggesting the closest registered one.
function(_ptest_require_registered command marker)
  get_property(registered GLOBAL PROPERTY _PTEST_MARKER_NAMES)
  if(marker IN_LIST registered)
    return()
  endif()
  _ptest_closest_name(closest "${marker}" ${registered})
  set(hint ".")
  if(NOT closest STREQUAL "")  # (a marker may be called "off")
    set(hint "; did you mean '${closest}'?")
  endif()
  list(JOIN registered ", " registered)
  message(FATAL_ERROR "${command}: marker '${marker}' is not registered${hint} Register a marker with "
                      "ptest_markers(<name> \"<description>\") before using it (registered: ${registered})")
endfunction()

# --- JSON --------------------------------------------------------------------

# A CMake string as a JSON string literal.
function(_ptest_json_string out value)
  string(REPLACE "\\" "\\\\" value "${value}")
  string(REPLACE "\"" "\\\"" value "${value}")
  string(REPLACE "\n" "\\n" value "${value}")
  string(REPLACE "\r" "\\r" value "${value}")
  string(REPLACE "\t" "\\t" value "${value}")
  set(${out} "\"${value}\"" PARENT_SCOPE)
endfunction()

# A CMake list as a JSON array of strings.
function(_ptest_json_array out)
  set(items "")
  foreach(item IN LISTS ARGN)
    _ptest_json_string(quoted "${item}")
    list(APPEND items "${quoted}")
  endforeach()
  list(JOIN items ", " joined)
  set(${out} "[${joined}]" PARENT_SCOPE)
endfunction()

# --- ptest_discover_tests(): arguments ---------------------------------------

# Takes the repeatable MARK and GROUP blocks out of the arguments, since
# cmake_parse_arguments would run repeated blocks together. Sets
# <prefix>_REST (the other arguments), <prefix>_MARK_NAMES (the markers the
# MARK and SERIAL blocks give), <prefix>_MARK_JSON and <prefix>_GROUP_JSON
# (JSON arrays of {name, patterns} objects).
function(_ptest_take_blocks prefix)
  _ptest_keywords(keywords)
  set(rest "")
  set(mark_names "")
  set(marks "")
  set(groups "")
  set(block "")
  set(block_args "")
  foreach(arg IN LISTS ARGN)
    if(arg IN_LIST keywords)
      if(block)
        _ptest_close_block()
      endif()
      set(block "")
      if(arg STREQUAL "MARK" OR arg STREQUAL "GROUP" OR arg STREQUAL "SERIAL")
        set(block "${arg}")
        set(block_args "")
        continue()
      endif()
    endif()
    if(block)
      list(APPEND block_args "${arg}")
    else()
      list(APPEND rest "${arg}")
    endif()
  endforeach()
  if(block)
    _ptest_close_block()
  endif()
  list(JOIN marks ", " marks)
  list(JOIN groups ", " groups)
  set(${prefix}_REST "${rest}" PARENT_SCOPE)
  set(${prefix}_MARK_NAMES "${mark_names}" PARENT_SCOPE)
  set(${prefix}_MARK_JSON "[${marks}]" PARENT_SCOPE)
  set(${prefix}_GROUP_JSON "[${groups}]" PARENT_SCOPE)
endfunction()

# Part of _ptest_take_blocks: turns the collected block into JSON.
macro(_ptest_close_block)
  if(block STREQUAL "SERIAL")  # SERIAL <pattern>... is MARK serial <pattern>...
    set(block MARK)
    list(PREPEND block_args serial)
  endif()
  list(LENGTH block_args _ptest_count)
  if(_ptest_count LESS 2)
    _ptest_fail("${block} needs a name and at least one pattern, got '${block_args}'")
  endif()
  list(POP_FRONT block_args _ptest_name)
  if(block STREQUAL "MARK")
    _ptest_check_marker("ptest_discover_tests()" "${_ptest_name}")
    list(APPEND mark_names "${_ptest_name}")
  endif()
  _ptest_json_string(_ptest_name_json "${_ptest_name}")
  _ptest_json_array(_ptest_patterns_json ${block_args})
  if(block STREQUAL "MARK")
    list(APPEND marks "{\"marker\": ${_ptest_name_json}, \"patterns\": ${_ptest_patterns_json}}")
  else()
    list(APPEND groups "{\"name\": ${_ptest_name_json}, \"patterns\": ${_ptest_patterns_json}}")
  endif()
endmacro()

# Fails unless `target` is an executable target not discovered yet.
function(_ptest_check_target target)
  if(NOT TARGET ${target})
    _ptest_fail("no target named '${target}'")
  endif()
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "EXECUTABLE")
    _ptest_fail("target '${target}' is a ${type}, not an executable")
  endif()
  get_property(done GLOBAL PROPERTY _PTEST_TARGETS)
  if(target IN_LIST done)
    _ptest_fail("target '${target}' is already discovered")
  endif()
endfunction()

# Fails unless every marker of the target is a valid name (`markers`, from
# MARKERS; those of `mark_names`, from MARK blocks, were checked with their
# block) and registered.
function(_ptest_check_markers markers mark_names)
  foreach(marker IN LISTS markers)
    _ptest_check_marker("ptest_discover_tests()" "${marker}")
  endforeach()
  foreach(marker IN LISTS markers mark_names)
    _ptest_require_registered("ptest_discover_tests()" "${marker}")
  endforeach()
endfunction()

# Fails unless every fixture is declared.
function(_ptest_check_fixtures fixtures)
  get_property(declared GLOBAL PROPERTY _PTEST_FIXTURES)
  foreach(fixture IN LISTS fixtures)
    if(NOT fixture IN_LIST declared)
      _ptest_fail("no fixture named '${fixture}' (declare it with ptest_add_fixture() before using it)")
    endif()
  endforeach()
endfunction()

# For a keyword that takes one of a few words: arg_<keyword> gets the first
# (the default) when absent, and anything else fails. ARGN: the words.
macro(_ptest_choose keyword)
  set(_ptest_choices ${ARGN})
  if(NOT DEFINED arg_${keyword})
    list(GET _ptest_choices 0 arg_${keyword})
  endif()
  if(NOT arg_${keyword} IN_LIST _ptest_choices)
    list(JOIN _ptest_choices " or " _ptest_choices)
    _ptest_fail("${keyword} '${arg_${keyword}}' is not ${_ptest_choices}")
  endif()
endmacro()

# Part of ptest_discover_tests(), on its arg_* variables: checks the keywords
# that take a word or a number of seconds, and fills in the defaults.
macro(_ptest_settle_arguments)
  _ptest_choose(CTEST_MODE CASES RUNNER)
  _ptest_choose(DISCOVERY_MODE POST_BUILD PRE_TEST)
  _ptest_choose(FRAMEWORK auto gtest catch2 doctest plain)
  foreach(_ptest_keyword TIMEOUT DISCOVERY_TIMEOUT)
    if(DEFINED arg_${_ptest_keyword} AND NOT arg_${_ptest_keyword} MATCHES "^[0-9]+(\\.[0-9]+)?$")
      _ptest_fail("${_ptest_keyword} '${arg_${_ptest_keyword}}' is not a number of seconds")
    endif()
  endforeach()
  if(NOT DEFINED arg_TIMEOUT)
    set(arg_TIMEOUT 0)
  endif()
  if(NOT DEFINED arg_DISCOVERY_TIMEOUT)
    set(arg_DISCOVERY_TIMEOUT 5)
  endif()
  if(NOT arg_WORKING_DIRECTORY)
    set(arg_WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
endmacro()

# --- ptest_discover_tests(): the spec and the discovery step ------------------

# Where ptest keeps `target`'s files: sets dir (<build>/ptest), spec,
# fragment, ctest_file and include_file (the script CTest reads when it
# starts, in the directory of the ptest_discover_tests() call).
macro(_ptest_target_files target)
  set(dir "${CMAKE_BINARY_DIR}/ptest")
  set(spec "${dir}/specs/${target}.json")
  set(fragment "${dir}/fragments/${target}.json")
  set(ctest_file "${dir}/ctest/${target}.cmake")
  set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_ptest_include.cmake")
endmacro()

# The JSON members "<marker>": <value> of the target's markers (from
# MARKERS and from MARK blocks) that have a default `setting` (TIMEOUT,
# RERUNS or SLOW, from ptest_marker_defaults()).
function(_ptest_marker_defaults_json out setting markers mark_names)
  set(values "")
  foreach(marker IN LISTS markers mark_names)
    get_property(value GLOBAL PROPERTY _PTEST_MARKER_${setting}_${marker})
    if(NOT "${value}" STREQUAL "")
      list(APPEND values "\"${marker}\": ${value}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES values)
  list(JOIN values ", " values)
  set(${out} "${values}" PARENT_SCOPE)
endfunction()

# The JSON of `target`'s spec, which `ptest discover` reads: the settled
# arg_* variables of the calling ptest_discover_tests(), the JSON arrays of
# its MARK (`marks`) and GROUP (`groups`) blocks, and the JSON members of its
# markers' default timeouts, reruns and slow periods.
function(_ptest_spec_json out target marks groups marker_timeouts marker_reruns marker_slow)
  _ptest_target_files("${target}")
  _ptest_json_string(j_target "${target}")
  if(DEFINED arg_EXECUTABLE)  # ptest_add_test(): the COMMAND's first word
    _ptest_json_string(j_executable "${arg_EXECUTABLE}")
  else()
    _ptest_json_string(j_executable "$<TARGET_FILE:${target}>")
  endif()
  if(NOT DEFINED arg_SKIP_RETURN_CODE)
    set(arg_SKIP_RETURN_CODE 0)
  endif()
  _ptest_json_array(j_arguments ${arg_EXTRA_ARGS})
  _ptest_json_string(j_working_directory "${arg_WORKING_DIRECTORY}")
  _ptest_json_array(j_environment ${arg_ENVIRONMENT})
  _ptest_json_array(j_markers ${arg_MARKERS})
  _ptest_json_array(j_fixtures ${arg_FIXTURES})
  _ptest_json_string(j_fragment "${fragment}")
  _ptest_json_string(j_ctest_file "${ctest_file}")
  _ptest_json_string(j_index "${dir}/index.json")
  _ptest_json_string(j_manifest "${dir}/manifest.json")
  if(arg_STRICT)
    set(j_strict true)
  else()
    set(j_strict false)
  endif()
  set(command_target "${target}")
  if(DEFINED arg_COMMAND_TARGET)  # ptest_add_test(): the target its COMMAND names, if any
    set(command_target "${arg_COMMAND_TARGET}")
  endif()
  _ptest_launcher(launcher "${command_target}" "${arg_LAUNCHER}")
  _ptest_json_array(j_launcher ${launcher})
  string(CONCAT json "{
  \"target\": ${j_target},
  \"executable\": ${j_executable},
  \"arguments\": ${j_arguments},
  \"working_directory\": ${j_working_directory},
  \"environment\": ${j_environment},
  \"markers\": ${j_markers},
  \"fixtures\": ${j_fixtures},
  \"mark\": ${marks},
  \"groups\": ${groups},
  \"timeout\": ${arg_TIMEOUT},
  \"marker_timeouts\": {${marker_timeouts}},
  \"marker_reruns\": {${marker_reruns}},
  \"marker_slow\": {${marker_slow}},
  \"discovery_timeout\": ${arg_DISCOVERY_TIMEOUT},
  \"ctest_mode\": \"${arg_CTEST_MODE}\",
  \"strict\": ${j_strict},
  \"framework\": \"${arg_FRAMEWORK}\",
  \"skip_return_code\": ${arg_SKIP_RETURN_CODE},
  \"launcher\": ${j_launcher},
  \"fragment\": ${j_fragment},
  \"ctest_file\": ${j_ctest_file},
  \"index\": ${j_index},
  \"manifest\": ${j_manifest}
}
")
  set(${out} "${json}" PARENT_SCOPE)
endfunction()

# The command `target` runs under, listed and in every batch, as CTest
# starts tests: the LAUNCHER keyword's (or, from CMake 3.29, the target's
# TEST_LAUNCHER), then the target's CROSSCOMPILING_EMULATOR.
function(_ptest_launcher out target launcher)
  set(emulator "")
  if(TARGET "${target}")
    if(NOT launcher AND CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
      get_target_property(launcher ${target} TEST_LAUNCHER)
    endif()
    get_target_property(emulator ${target} CROSSCOMPILING_EMULATOR)
  endif()
  set(command "")
  foreach(part IN ITEMS launcher emulator)
    if(${part})
      list(APPEND command ${${part}})
    endif()
  endforeach()
  set(${out} "${command}" PARENT_SCOPE)
endfunction()

# Writes `target`'s spec at generate time, with the directories discovery
# writes into.
function(_ptest_write_spec target spec_json)
  _ptest_target_files("${target}")
  file(MAKE_DIRECTORY "${dir}/specs" "${dir}/fragments" "${dir}/ctest")
  file(GENERATE OUTPUT "${spec}" CONTENT "${spec_json}")
endfunction()

# DISCOVERY_MODE POST_BUILD: `ptest discover` lists the cases right after
# each link. CTest reads the include file each time it starts; it includes
# the cases' script once discovery has written it.
function(_ptest_discover_post_build target spec_json)
  _ptest_target_files("${target}")
  # The spec's hash is part of the POST_BUILD command line, so a changed
  # MARK, GROUP or TIMEOUT changes the command and the build runs discovery
  # again even though the binary itself is unchanged.
  string(MD5 spec_hash "${spec_json}")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND PTest::ptest discover "${spec}" "${spec_hash}"
    COMMENT "ptest: discovering the cases of ${target}"
    VERBATIM)
  _ptest_include_when_built("${target}")
endfunction()

# The include file CTest reads each time it starts: it includes the cases'
# script once the build has written it, and shows a placeholder test before.
function(_ptest_include_when_built target)
  _ptest_target_files("${target}")
  file(WRITE "${include_file}"
    "if(EXISTS \"${ctest_file}\")\n"
    "  include(\"${ctest_file}\")\n"
    "else()\n"
    "  add_test(${target}_NOT_BUILT ${target}_NOT_BUILT)\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()

# DISCOVERY_MODE PRE_TEST: the include file CTest reads when it starts
# discovers first, and again whenever the binary is newer than the cases'
# script; the 'ptest' target discovers before it runs.
function(_ptest_discover_pre_test target)
  _ptest_target_files("${target}")
  string(CONCAT content
    "if(NOT EXISTS \"${ctest_file}\" OR \"$<TARGET_FILE:${target}>\" IS_NEWER_THAN \"${ctest_file}\")\n"
    "  execute_process(COMMAND \"$<TARGET_FILE:PTest::ptest>\" discover \"${spec}\" RESULT_VARIABLE result)\n"
    "  if(NOT result EQUAL 0)\n"
    "    message(FATAL_ERROR \"ptest: discovery of ${target} failed\")\n"
    "  endif()\n"
    "endif()\n"
    "include(\"${ctest_file}\")\n")
  file(GENERATE OUTPUT "${include_file}" CONTENT "${content}")
  set_property(GLOBAL APPEND PROPERTY _PTEST_PRE_TEST_SPECS "${spec}")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()

# Records `target` as discovered; the first time, schedules _ptest_finalize
# for the end of the top-level directory.
function(_ptest_remember_target target)
  _ptest_target_files("${target}")
  set_property(GLOBAL APPEND PROPERTY _PTEST_TARGETS ${target})
  set_property(GLOBAL APPEND PROPERTY _PTEST_FRAGMENTS "${fragment}")
  get_property(scheduled GLOBAL PROPERTY _PTEST_FINALIZE_SCHEDULED)
  if(NOT scheduled)
    set_property(GLOBAL PROPERTY _PTEST_FINALIZE_SCHEDULED TRUE)
    cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _ptest_finalize)
  endif()
endfunction()

# --- ptest_add_test() --------------------------------------------------------

# Fails unless `name` is a valid test name not used by another test or
# discovered target, and `command` is not empty.
function(_ptest_check_added_test name command)
  if(NOT name MATCHES "^[A-Za-z0-9_.-]+$")
    message(FATAL_ERROR "ptest_add_test(): NAME '${name}' is not a valid name (letters, digits, '_', '.', '-')")
  endif()
  if(NOT command)
    message(FATAL_ERROR "ptest_add_test(): test '${name}' needs a COMMAND")
  endif()
  get_property(done GLOBAL PROPERTY _PTEST_TARGETS)
  if(name IN_LIST done)
    message(FATAL_ERROR "ptest_add_test(): the name '${name}' is already a test or a discovered target")
  endif()
  if(DEFINED arg_SKIP_RETURN_CODE AND NOT arg_SKIP_RETURN_CODE MATCHES "^([1-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])$")
    message(FATAL_ERROR "ptest_add_test(): SKIP_RETURN_CODE '${arg_SKIP_RETURN_CODE}' is not an exit status from 1 to 255")
  endif()
endfunction()

# The plain case's fragment and CTest script: `ptest discover` writes them
# (without running the command) when the spec changes, in a target of
# their own that every build brings up to date and that depends on the
# COMMAND's target (arg_COMMAND_TARGET of the calling ptest_add_test()).
function(_ptest_add_plain_test name spec_json)
  _ptest_target_files("${name}")
  add_custom_command(OUTPUT "${fragment}"
    COMMAND PTest::ptest discover "${spec}"
    DEPENDS "${spec}" PTest::ptest
    COMMENT "ptest: registering the test ${name}"
    VERBATIM)
  add_custom_target(_ptest_test_${name} ALL DEPENDS "${fragment}")
  if(arg_COMMAND_TARGET)  # so that the 'ptest' target builds what the test runs
    add_dependencies(_ptest_test_${name} ${arg_COMMAND_TARGET})
  endif()
  _ptest_include_when_built("${name}")
  set_property(GLOBAL APPEND PROPERTY _PTEST_ADDED_TEST_TARGETS "${name}")
endfunction()

# --- ptest_add_fixture() -----------------------------------------------------

# Fails unless `name` is a valid, new fixture name with a SETUP command.
function(_ptest_check_fixture name setup)
  if(NOT name MATCHES "^[A-Za-z0-9_.-]+$")
    message(FATAL_ERROR "ptest_add_fixture(): fixture '${name}' is not a valid name (letters, digits, '_', '.', '-')")
  endif()
  if(NOT setup)
    message(FATAL_ERROR "ptest_add_fixture(): fixture '${name}' needs a SETUP command")
  endif()
  get_property(declared GLOBAL PROPERTY _PTEST_FIXTURES)
  if(name IN_LIST declared)
    message(FATAL_ERROR "ptest_add_fixture(): fixture '${name}' is already declared")
  endif()
endfunction()

# The fixture as the runner sees it, in the index.
function(_ptest_fixture_json out name setup cleanup working_directory)
  _ptest_json_string(j_name "${name}")
  _ptest_json_array(j_setup ${setup})
  _ptest_json_array(j_cleanup ${cleanup})
  _ptest_json_string(j_directory "${working_directory}")
  set(${out} "{\"name\": ${j_name}, \"setup\": ${j_setup}, \"cleanup\": ${j_cleanup}, \"working_directory\": ${j_directory}}"
      PARENT_SCOPE)
endfunction()

# Under CTest: the fixture's commands as fixture tests. The setup starts with
# a fresh PTEST_ENV file, which `ptest exec --env-file` reads for each case.
function(_ptest_add_fixture_tests name setup cleanup working_directory)
  set(dir "${CMAKE_BINARY_DIR}/ptest")
  file(MAKE_DIRECTORY "${dir}/fixtures")
  set(env_file "${dir}/fixtures/${name}.env")
  add_test(NAME ptest_fixture::${name}::setup
    COMMAND PTest::ptest exec --slots "${dir}/workers" --new-env-file "${env_file}" -- ${setup})
  set_tests_properties(ptest_fixture::${name}::setup PROPERTIES
    FIXTURES_SETUP "${name}" WORKING_DIRECTORY "${working_directory}")
  if(cleanup)
    add_test(NAME ptest_fixture::${name}::cleanup
      COMMAND PTest::ptest exec --slots "${dir}/workers" --env-file "${env_file}" -- ${cleanup})
    set_tests_properties(ptest_fixture::${name}::cleanup PROPERTIES
      FIXTURES_CLEANUP "${name}" WORKING_DIRECTORY "${working_directory}")
  endif()
endfunction()

# --- The end of configuring ---------------------------------------------------

# Runs once at the end of configuring the top-level directory, when every
# ptest_discover_tests() call is known: writes the index of fragments that
# discovery merges into the manifest and the build/ptest/ptest script, and
# adds the 'ptest' target.
function(_ptest_finalize)
  set(dir "${CMAKE_BINARY_DIR}/ptest")
  _ptest_write_index("${dir}/index.json")
  # build/ptest/ptest runs the runner on this build's manifest from anywhere,
  # whichever way the project got ptest.
  file(GENERATE OUTPUT "${dir}/ptest" CONTENT
    "#!/bin/sh\nexec \"$<TARGET_FILE:PTest::ptest>\" --manifest \"${dir}/manifest.json\" \"$@\"\n"
    FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  _ptest_add_ptest_target("${dir}")
endfunction()

# The index: every discovered target with its fragment, the marker registry
# and the fixtures.
function(_ptest_write_index path)
  get_property(targets GLOBAL PROPERTY _PTEST_TARGETS)
  get_property(fragments GLOBAL PROPERTY _PTEST_FRAGMENTS)
  set(entries "")
  foreach(target fragment IN ZIP_LISTS targets fragments)
    _ptest_json_string(j_target "${target}")
    _ptest_json_string(j_fragment "${fragment}")
    list(APPEND entries "    {\"name\": ${j_target}, \"fragment\": ${j_fragment}}")
  endforeach()
  list(JOIN entries ",\n" entries)
  get_property(names GLOBAL PROPERTY _PTEST_MARKER_NAMES)
  set(markers "")
  foreach(name IN LISTS names)
    get_property(description GLOBAL PROPERTY _PTEST_MARKER_DESCRIPTION_${name})
    _ptest_json_string(j_name "${name}")
    _ptest_json_string(j_description "${description}")
    list(APPEND markers "    {\"name\": ${j_name}, \"description\": ${j_description}}")
  endforeach()
  list(JOIN markers ",\n" markers)
  get_property(fixture_names GLOBAL PROPERTY _PTEST_FIXTURES)
  set(fixtures "")
  foreach(name IN LISTS fixture_names)
    get_property(fixture GLOBAL PROPERTY _PTEST_FIXTURE_JSON_${name})
    list(APPEND fixtures "    ${fixture}")
  endforeach()
  list(JOIN fixtures ",\n" fixtures)
  # GENERATE, so that fixture commands may name targets with $<TARGET_FILE:...>.
  file(GENERATE OUTPUT "${path}" CONTENT
    "{\n  \"targets\": [\n${entries}\n  ],\n  \"markers\": [\n${markers}\n  ],\n  \"fixtures\": [\n${fixtures}\n  ]\n}\n")
endfunction()

# The 'ptest' target: builds every discovered binary, lists the PRE_TEST
# ones, and runs the runner on the manifest with PTEST_ARGS.
function(_ptest_add_ptest_target dir)
  if(TARGET ptest)
    message(WARNING "ptest: a target named 'ptest' exists already; the runner target is not added")
    return()
  endif()
  separate_arguments(args UNIX_COMMAND "${PTEST_ARGS}")
  # PRE_TEST targets are listed here too, as ctest would list them.
  get_property(pre_test_specs GLOBAL PROPERTY _PTEST_PRE_TEST_SPECS)
  set(discover_commands "")
  foreach(spec IN LISTS pre_test_specs)
    list(APPEND discover_commands COMMAND PTest::ptest discover "${spec}")
  endforeach()
  get_property(targets GLOBAL PROPERTY _PTEST_TARGETS)
  get_property(added_tests GLOBAL PROPERTY _PTEST_ADDED_TEST_TARGETS)
  add_custom_target(ptest
    ${discover_commands}
    COMMAND PTest::ptest --manifest "${dir}/manifest.json" ${args}
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}"
    COMMENT "ptest: running the manifest"
    USES_TERMINAL
    VERBATIM)
  foreach(target IN LISTS targets)
    if(NOT target IN_LIST added_tests)  # a ptest_add_test() name, not a target
      add_dependencies(ptest ${target})
    endif()
  endforeach()
  foreach(name IN LISTS added_tests)
    add_dependencies(ptest _ptest_test_${name})
  endforeach()
endfunction()
