#[=======================================================================[.rst:
PTest
-----

Discovers GoogleTest, Catch2 and doctest cases at build time (and takes
plain test commands), gives each case markers and scope
metadata, registers every case with CTest and writes the manifest that the
``ptest`` runner executes in parallel. Reference: ``docs/cmake.md``.

The commands are public; everything named ``_ptest_*`` is private and lives
in ``PTestHelpers.cmake``, next to this file.
#]=======================================================================]

#[=======================================================================[.rst:
.. command:: ptest_discover_tests

  Registers every GoogleTest case of an executable target, under CTest and
  in the runner's manifest::

    ptest_discover_tests(<target>
                         [MARKERS <marker>...]
                         [MARK <marker> <pattern>...]...
                         [GROUP <name> <pattern>...]...
                         [SERIAL <pattern>...]
                         [FIXTURES <fixture>...]
                         [TIMEOUT <seconds>]
                         [WORKING_DIRECTORY <dir>]
                         [EXTRA_ARGS <arg>...]
                         [ENVIRONMENT <NAME=value>...]
                         [DISCOVERY_MODE POST_BUILD|PRE_TEST]
                         [DISCOVERY_TIMEOUT <seconds>]
                         [CTEST_MODE CASES|RUNNER]
                         [STRICT]
                         [FRAMEWORK auto|gtest|catch2|doctest|plain]
                         [LAUNCHER <command>...])

  Each case gets the id ``<target>::<Suite>.<Test>``. The first call also
  arranges for the ``ptest`` custom target, which builds every discovered
  test binary and runs the runner over the whole manifest with the
  ``PTEST_ARGS`` cache variable's arguments. An unknown keyword or a bad
  value fails the configure step.

  ``<target>``
    An executable target of this project, linked with GoogleTest. A target
    can be discovered once.

  ``MARKERS <marker>...``
    Markers for every case of the target. A marker is a name of letters,
    digits and ``_``, not first a digit, and must be registered with
    ``ptest_markers()``.

  ``MARK <marker> <pattern>...``
    Gives ``<marker>`` to the cases whose ``<Suite>.<Test>`` matches one of
    the globs (``*``, ``?``). Repeatable.

  ``GROUP <name> <pattern>...``
    Keeps the matching cases on one worker, one after another, and mutually
    exclusive under CTest (``RESOURCE_LOCK ptest_group_<name>``).
    Repeatable; a case joins the first group it matches.

  ``SERIAL <pattern>...``
    ``MARK serial <pattern>...``: the matching cases run while nothing else
    runs (``RUN_SERIAL`` under CTest).

  ``FIXTURES <fixture>...``
    Fixtures (``ptest_add_fixture()``, declared before) that every case of
    the target needs.

  ``TIMEOUT <seconds>``
    Each case's time limit. A marker's ``ptest_marker_defaults()`` timeout
    replaces it for the marker's cases. Default: none.

  ``WORKING_DIRECTORY <dir>``
    Where the cases run. Default: the current binary directory.

  ``EXTRA_ARGS <arg>...``
    Arguments for the binary after ptest's own, when listing and running.

  ``ENVIRONMENT <NAME=value>...``
    Environment variables for the cases.

  ``DISCOVERY_MODE POST_BUILD|PRE_TEST``
    List the cases right after each link (``POST_BUILD``, the default), or
    when ``ctest`` starts and whenever the binary is newer (``PRE_TEST``).

  ``DISCOVERY_TIMEOUT <seconds>``
    How long listing the cases may take. Default: 5.

  ``CTEST_MODE CASES|RUNNER``
    One CTest test per case (``CASES``, the default), or one per distinct
    marker set of the target's cases, each running the runner on exactly
    those cases (``RUNNER``).

  ``STRICT``
    A target whose binary turns out not to be a GoogleTest binary is, by
    default, registered as one plain case (its exit status is the outcome)
    with a build-time warning; with ``STRICT`` that is an error that fails
    the build.

  ``FRAMEWORK auto|gtest|catch2|doctest|plain``
    The binary's test framework; ``auto`` (the default) reads it from the
    binary's bytes. A declared framework, and Catch2 or doctest found, must
    list the cases, or the build fails. Catch2's tags are markers.

  ``LAUNCHER <command>...``
    A command the binary runs under, listed and in every batch and CTest
    test (default: CMake 3.29's ``TEST_LAUNCHER`` property); the target's
    ``CROSSCOMPILING_EMULATOR`` follows it. Each case then runs in a process
    of its own, whose exit status counts.
#]=======================================================================]

#[=======================================================================[.rst:
.. command:: ptest_add_test

  Registers a plain test, one case whose process's exit status is the
  outcome, in the manifest and under CTest::

    ptest_add_test(NAME <name> COMMAND <command> [<arg>...]
                   [MARKERS <marker>...] [GROUP <group>] [TIMEOUT <seconds>]
                   [SERIAL] [WORKING_DIRECTORY <dir>] [FIXTURES <fixture>...]
                   [ENVIRONMENT <NAME=value>...] [LAUNCHER <command>...]
                   [SKIP_RETURN_CODE <status>])

  The case is ``<name>::<name>``. The command is not run at build time.

  ``NAME <name>``
    Letters, digits, ``_``, ``.`` and ``-``; unique among tests and
    discovered targets.

  ``COMMAND <command> [<arg>...]``
    A target name becomes the target's file; a bare name is found in
    ``PATH``.

  ``GROUP <group>``, ``SERIAL``
    The case joins the group; it is marked ``serial``.

  ``SKIP_RETURN_CODE <status>``
    The exit status (1-255) that means skipped, as CTest's property.

  ``MARKERS``, ``TIMEOUT``, ``WORKING_DIRECTORY``, ``FIXTURES``, ``ENVIRONMENT``, ``LAUNCHER``
    As for ``ptest_discover_tests()``.
#]=======================================================================]

#[=======================================================================[.rst:
.. command:: ptest_markers

  Registers markers for the project::

    ptest_markers(<name> "<description>" [<name> "<description>"]...)

  ``unit``, ``integration``, ``smoke``, ``slow`` and ``serial`` are
  registered already. Only registered markers may be used in ``MARKERS``,
  ``MARK``, ``PTEST_MARK()`` and the runner's ``-m``. Register a marker
  before the ``ptest_discover_tests()`` calls that use it.

  ``<name>``
    The marker: letters, digits and ``_``, not first a digit. Registering a
    name again replaces its description.

  ``<description>``
    What the marker means, shown by ``ptest --markers``.
#]=======================================================================]

#[=======================================================================[.rst:
.. command:: ptest_marker_defaults

  Settings for every case that carries a marker, under CTest and the runner
  alike::

    ptest_marker_defaults(<marker> [TIMEOUT <seconds>] [RERUNS <count>] [SLOW <seconds>])

  Call it before the ``ptest_discover_tests()`` calls it should affect.

  ``<marker>``
    A registered marker.

  ``TIMEOUT <seconds>``
    Replaces the target's ``TIMEOUT`` for the marker's cases; with several
    such markers on a case, the largest wins.

  ``RERUNS <count>``
    The runner runs a failed, crashed or timed-out case with the marker
    again, up to ``<count>`` more times, each time alone in a new process;
    one that then passes is ``flaky``. With several such markers on a case,
    the largest wins; ``ptest --reruns`` replaces it for a run. CTest has no
    per-test retry, so under ``ctest`` it does nothing: ``ctest --repeat
    until-pass:<n>`` retries every test instead, and records a plain pass.

  ``SLOW <seconds>``
    The runner announces a case with the marker each time it has run
    another ``<seconds>`` (``SLOW [> 120s] <id>``), instead of every
    ``ptest --slow`` seconds; ``--slow 0`` still silences every case. With
    several such markers on a case, the largest wins. A positive number.
    Runner only: nothing in CTest maps to it.

  At least one of the three is needed.
#]=======================================================================]

#[=======================================================================[.rst:
.. command:: ptest_add_fixture

  Work done once per run around the cases that need it::

    ptest_add_fixture(<name> SETUP <command>... [CLEANUP <command>...]
                      [WORKING_DIRECTORY <dir>])

  The cases of ``ptest_discover_tests(... FIXTURES <name>)`` need it.
  Declare a fixture before the targets that use it. Under CTest the same
  commands become tests ``ptest_fixture::<name>::setup`` and ``::cleanup``
  with ``FIXTURES_SETUP`` / ``FIXTURES_CLEANUP``, and the cases get
  ``FIXTURES_REQUIRED``.

  ``<name>``
    The fixture: letters, digits, ``_``, ``.`` and ``-``; declared once.

  ``SETUP <command>...``
    Runs once per run, before the first case that needs the fixture,
    whatever the number of workers. The ``NAME=VALUE`` lines it writes to
    the file named by ``PTEST_ENV`` reach those cases' environment.
    Required.

  ``CLEANUP <command>...``
    Runs once, after the last such case.

  ``WORKING_DIRECTORY <dir>``
    Where both commands run. Default: the current binary directory.
#]=======================================================================]

#[=======================================================================[.rst:
Variables
^^^^^^^^^

.. variable:: PTEST_ARGS

  Cache variable, default empty: the runner arguments of the ``ptest``
  target, split like a shell command line.

Global properties
^^^^^^^^^^^^^^^^^

The module's whole state, kept in global properties because the commands
are called from many directories (and ptest itself may be an
``add_subdirectory()``), where variables would not be seen. All are
private; registration order is kept wherever it matters.

``_PTEST_MARKER_NAMES``
  The registered markers, in registration order (the defaults first). The
  order of "did you mean" suggestions and of ``ptest --markers``.

``_PTEST_MARKER_DESCRIPTION_<marker>``
  Each registered marker's description.

``_PTEST_MARKER_TIMEOUT_<marker>``
  A marker's ``ptest_marker_defaults(... TIMEOUT)``, copied into the spec of
  every later ``ptest_discover_tests()`` that uses the marker.

``_PTEST_MARKER_RERUNS_<marker>``
  A marker's ``ptest_marker_defaults(... RERUNS)``, copied likewise.

``_PTEST_MARKER_SLOW_<marker>``
  A marker's ``ptest_marker_defaults(... SLOW)``, copied likewise.

``_PTEST_FIXTURES``
  The declared fixtures, in order.

``_PTEST_FIXTURE_JSON_<fixture>``
  Each fixture as the index's JSON object (name, setup, cleanup,
  working directory).

``_PTEST_TARGETS``
  The discovered targets and the ``ptest_add_test()`` names, in order; the
  ``ptest`` target depends on the targets.

``_PTEST_FRAGMENTS``
  Each discovered target's manifest fragment, in the order of
  ``_PTEST_TARGETS``.

``_PTEST_ADDED_TEST_TARGETS``
  The names of the ``ptest_add_test()`` tests (also in ``_PTEST_TARGETS``),
  each registered by the build target ``_ptest_test_<name>``.

``_PTEST_PRE_TEST_SPECS``
  The specs of the ``DISCOVERY_MODE PRE_TEST`` targets, which the ``ptest``
  target discovers before it runs.

``_PTEST_FINALIZE_SCHEDULED``
  Set by the first ``ptest_discover_tests()``, which defers the writing of
  ``<build>/ptest/index.json`` and ``<build>/ptest/ptest`` and the adding of
  the ``ptest`` target to the end of the top-level directory.
#]=======================================================================]

include_guard(GLOBAL)
# Functions defined here keep these policies whatever the including project sets.
cmake_policy(VERSION 3.20)

# From this file's own directory, so that find_package(), add_subdirectory()
# and FetchContent all find it.
include("${CMAKE_CURRENT_LIST_DIR}/PTestHelpers.cmake")

set(PTEST_ARGS "" CACHE STRING "Arguments the 'ptest' build target passes to the runner")

function(ptest_discover_tests target)
  _ptest_take_blocks(_blocks ${ARGN})
  cmake_parse_arguments(arg "STRICT"
                        "TIMEOUT;WORKING_DIRECTORY;DISCOVERY_MODE;DISCOVERY_TIMEOUT;CTEST_MODE;FRAMEWORK"
                        "MARKERS;FIXTURES;EXTRA_ARGS;ENVIRONMENT;LAUNCHER" ${_blocks_REST})
  if(arg_UNPARSED_ARGUMENTS)
    _ptest_keywords(keywords)
    list(JOIN keywords ", " keywords)
    _ptest_fail("unknown argument(s) '${arg_UNPARSED_ARGUMENTS}' for target '${target}' "
                "(keywords: ${keywords})")
  endif()
  _ptest_check_target("${target}")
  _ptest_check_markers("${arg_MARKERS}" "${_blocks_MARK_NAMES}")
  _ptest_check_fixtures("${arg_FIXTURES}")
  _ptest_settle_arguments()

  # <ptest/markers.h> for PTEST_MARK() in the target's sources.
  target_include_directories(${target} PRIVATE $<TARGET_PROPERTY:PTest::markers,INTERFACE_INCLUDE_DIRECTORIES>)

  _ptest_marker_defaults_json(marker_timeouts TIMEOUT "${arg_MARKERS}" "${_blocks_MARK_NAMES}")
  _ptest_marker_defaults_json(marker_reruns RERUNS "${arg_MARKERS}" "${_blocks_MARK_NAMES}")
  _ptest_marker_defaults_json(marker_slow SLOW "${arg_MARKERS}" "${_blocks_MARK_NAMES}")
  _ptest_spec_json(spec_json "${target}" "${_blocks_MARK_JSON}" "${_blocks_GROUP_JSON}" "${marker_timeouts}"
                   "${marker_reruns}" "${marker_slow}")
  _ptest_write_spec("${target}" "${spec_json}")
  if(arg_DISCOVERY_MODE STREQUAL "POST_BUILD")
    _ptest_discover_post_build("${target}" "${spec_json}")
  else()
    _ptest_discover_pre_test("${target}")
  endif()
  _ptest_remember_target("${target}")
endfunction()

function(ptest_add_test)
  cmake_parse_arguments(PARSE_ARGV 0 arg "SERIAL" "NAME;GROUP;TIMEOUT;WORKING_DIRECTORY;SKIP_RETURN_CODE"
                        "COMMAND;MARKERS;FIXTURES;ENVIRONMENT;LAUNCHER")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ptest_add_test(): unknown argument(s) '${arg_UNPARSED_ARGUMENTS}' (keywords: NAME, "
                        "COMMAND, MARKERS, GROUP, TIMEOUT, SERIAL, WORKING_DIRECTORY, FIXTURES, ENVIRONMENT, "
                        "LAUNCHER, SKIP_RETURN_CODE)")
  endif()
  _ptest_check_added_test("${arg_NAME}" "${arg_COMMAND}")
  if(arg_SERIAL)
    list(APPEND arg_MARKERS serial)
  endif()
  foreach(marker IN LISTS arg_MARKERS)
    _ptest_check_marker("ptest_add_test()" "${marker}")
    _ptest_require_registered("ptest_add_test()" "${marker}")
  endforeach()
  _ptest_check_fixtures("${arg_FIXTURES}")
  set(arg_FRAMEWORK plain)
  _ptest_settle_arguments()
  list(POP_FRONT arg_COMMAND arg_EXECUTABLE)
  set(arg_COMMAND_TARGET "")
  if(TARGET "${arg_EXECUTABLE}")
    set(arg_COMMAND_TARGET "${arg_EXECUTABLE}")
    set(arg_EXECUTABLE "$<TARGET_FILE:${arg_EXECUTABLE}>")
  endif()
  set(arg_EXTRA_ARGS ${arg_COMMAND})
  set(groups "[]")
  if(DEFINED arg_GROUP)
    _ptest_json_string(group_json "${arg_GROUP}")
    set(groups "[{\"name\": ${group_json}, \"patterns\": [\"*\"]}]")
  endif()
  _ptest_marker_defaults_json(marker_timeouts TIMEOUT "${arg_MARKERS}" "")
  _ptest_marker_defaults_json(marker_reruns RERUNS "${arg_MARKERS}" "")
  _ptest_marker_defaults_json(marker_slow SLOW "${arg_MARKERS}" "")
  _ptest_spec_json(spec_json "${arg_NAME}" "[]" "${groups}" "${marker_timeouts}" "${marker_reruns}"
                   "${marker_slow}")
  _ptest_write_spec("${arg_NAME}" "${spec_json}")
  _ptest_add_plain_test("${arg_NAME}" "${spec_json}")
  _ptest_remember_target("${arg_NAME}")
endfunction()

function(ptest_markers)
  set(args "${ARGN}")
  list(LENGTH args count)
  math(EXPR odd "${count} % 2")
  if(count EQUAL 0 OR odd)
    message(FATAL_ERROR "ptest_markers(): expected <name> \"<description>\" pairs, got '${ARGN}'")
  endif()
  while(args)
    list(POP_FRONT args name description)
    _ptest_check_marker("ptest_markers()" "${name}")
    get_property(registered GLOBAL PROPERTY _PTEST_MARKER_NAMES)
    if(NOT name IN_LIST registered)
      set_property(GLOBAL APPEND PROPERTY _PTEST_MARKER_NAMES "${name}")
    endif()
    set_property(GLOBAL PROPERTY _PTEST_MARKER_DESCRIPTION_${name} "${description}")
  endwhile()
endfunction()

function(ptest_marker_defaults marker)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TIMEOUT;RERUNS;SLOW" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ptest_marker_defaults(): unknown argument(s) '${arg_UNPARSED_ARGUMENTS}' "
                        "(keywords: TIMEOUT, RERUNS, SLOW)")
  endif()
  _ptest_require_registered("ptest_marker_defaults()" "${marker}")
  if(NOT DEFINED arg_TIMEOUT AND NOT DEFINED arg_RERUNS AND NOT DEFINED arg_SLOW)
    message(FATAL_ERROR "ptest_marker_defaults(): give at least one of TIMEOUT <seconds>, RERUNS <count>, "
                        "SLOW <seconds>")
  endif()
  if(DEFINED arg_TIMEOUT)
    if(NOT arg_TIMEOUT MATCHES "^[0-9]+(\\.[0-9]+)?$")
      message(FATAL_ERROR "ptest_marker_defaults(): TIMEOUT '${arg_TIMEOUT}' is not a number of seconds")
    endif()
    set_property(GLOBAL PROPERTY _PTEST_MARKER_TIMEOUT_${marker} "${arg_TIMEOUT}")
  endif()
  if(DEFINED arg_RERUNS)
    if(NOT arg_RERUNS MATCHES "^[0-9]+$")
      message(FATAL_ERROR "ptest_marker_defaults(): RERUNS '${arg_RERUNS}' is not a whole number from 0")
    endif()
    set_property(GLOBAL PROPERTY _PTEST_MARKER_RERUNS_${marker} "${arg_RERUNS}")
  endif()
  if(DEFINED arg_SLOW)
    # Positive: "never announce" is the run's to say (--slow 0), not a marker's.
    if(NOT arg_SLOW MATCHES "^[0-9]+(\\.[0-9]+)?$" OR arg_SLOW EQUAL 0)
      message(FATAL_ERROR "ptest_marker_defaults(): SLOW '${arg_SLOW}' is not a positive number of seconds")
    endif()
    set_property(GLOBAL PROPERTY _PTEST_MARKER_SLOW_${marker} "${arg_SLOW}")
  endif()
endfunction()

function(ptest_add_fixture name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "WORKING_DIRECTORY" "SETUP;CLEANUP")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "ptest_add_fixture(): unknown argument(s) '${arg_UNPARSED_ARGUMENTS}' "
                        "(keywords: SETUP, CLEANUP, WORKING_DIRECTORY)")
  endif()
  _ptest_check_fixture("${name}" "${arg_SETUP}")
  if(NOT arg_WORKING_DIRECTORY)
    set(arg_WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  _ptest_fixture_json(fixture_json "${name}" "${arg_SETUP}" "${arg_CLEANUP}" "${arg_WORKING_DIRECTORY}")
  set_property(GLOBAL APPEND PROPERTY _PTEST_FIXTURES "${name}")
  set_property(GLOBAL PROPERTY _PTEST_FIXTURE_JSON_${name} "${fixture_json}")
  _ptest_add_fixture_tests("${name}" "${arg_SETUP}" "${arg_CLEANUP}" "${arg_WORKING_DIRECTORY}")
endfunction()

ptest_markers(
  unit "fast, isolated tests of one unit"
  integration "tests that use real dependencies: files, databases, services"
  smoke "critical paths, run before a deploy"
  slow "long-running tests, left out of quick runs"
  serial "runs while no other case runs")
