#include <gtest/gtest.h>
#include <ptest/markers.h>

#include <cstdlib>
#include <string>

#include "store.h"

// Each worker has a scratch directory of its own (PTEST_TMPDIR, also given as
// TEST_TMPDIR), so cases on different workers never write the same file.
static std::string scratch(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir ? dir : "/tmp") + "/" + name;
}

TEST(Store, SavesAndLoads) {
  inventory::Inventory stock;
  stock.add("apple", 7);
  inventory::save(stock, scratch("store.txt"));
  EXPECT_EQ(inventory::load(scratch("store.txt")).count("apple"), 7);
}

TEST(Store, MissingFileLoadsEmpty) {
  EXPECT_TRUE(inventory::load(scratch("does-not-exist.txt")).items().empty());
}

// The ledger cases share one file (LEDGER_PATH, set by ENVIRONMENT in
// CMakeLists.txt): GROUP ledger makes sure no two of them run at once, on
// ptest's workers and under ctest -j alike.
static void record(const std::string& item, int count) {
  const char* path = std::getenv("LEDGER_PATH");
  ASSERT_NE(path, nullptr);
  inventory::Inventory ledger;
  ledger.add(item, count);
  inventory::save(ledger, path);
  EXPECT_EQ(inventory::load(path).count(item), count) << "another case wrote the ledger meanwhile";
}

TEST(Ledger, RecordsSales) { record("sale", 3); }
TEST(Ledger, RecordsReturns) { record("return", 1); }
TEST(Ledger, RecordsWriteOffs) { record("write-off", 2); }

// A whole workflow: receive stock, sell some, save and reload. Marked e2e
// here, next to the test, instead of in CMakeLists.txt.
TEST(Workflow, ReceiveSellAndReload) {
  inventory::Inventory stock;
  stock.add("apple", 10);
  ASSERT_TRUE(stock.remove("apple", 4));
  inventory::save(stock, scratch("workflow.txt"));
  EXPECT_EQ(inventory::load(scratch("workflow.txt")).count("apple"), 6);
}
PTEST_MARK(Workflow, ReceiveSellAndReload, e2e);
