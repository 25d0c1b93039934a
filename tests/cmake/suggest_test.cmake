# cmake -DCASES=<suggest_cases.txt> -P suggest_test.cmake
#
# The CMake module's "did you mean" (_ptest_closest_name) must answer every
# case of the table that the runner's closest_name() is tested on too
# (tests/unit/util/suggest_test.cc): one rule on both sides.
cmake_minimum_required(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/PTestHelpers.cmake")

if(NOT EXISTS "${CASES}")
  message(FATAL_ERROR "no table of cases at '${CASES}' (pass -DCASES=<file>)")
endif()
file(STRINGS "${CASES}" lines)
set(cases 0)
set(failures 0)
foreach(line IN LISTS lines)
  if(line STREQUAL "" OR line MATCHES "^#")
    continue()
  endif()
  string(REGEX MATCHALL "[^ \t]+" fields "${line}")
  list(POP_FRONT fields name expected)
  _ptest_closest_name(got "${name}" ${fields})
  if(got STREQUAL "")
    set(got "-")
  endif()
  if(NOT got STREQUAL expected)
    message(SEND_ERROR "'${line}': suggested '${got}', expected '${expected}'")
    math(EXPR failures "${failures} + 1")
  endif()
  math(EXPR cases "${cases} + 1")
endforeach()
if(cases LESS 15)
  message(FATAL_ERROR "read only ${cases} cases from '${CASES}'")
endif()
message(STATUS "${cases} cases, ${failures} failed")
