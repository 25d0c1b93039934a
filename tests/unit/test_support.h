// The builders shared by the unit tests, for the files that include them by
// this name. The fakes (executor, reporter, fixture host, clock) are in
// test_support/ too; include each where it is used.
#pragma once

#include "test_support/builders.h"
