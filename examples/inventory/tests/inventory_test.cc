#include <gtest/gtest.h>

#include "inventory.h"

using inventory::Inventory;

TEST(Inventory, AddsStock) {
  Inventory stock;
  stock.add("apple", 3);
  stock.add("apple", 2);
  EXPECT_EQ(stock.count("apple"), 5);
}

TEST(Inventory, RemovesStock) {
  Inventory stock;
  stock.add("pear", 4);
  EXPECT_TRUE(stock.remove("pear", 3));
  EXPECT_EQ(stock.count("pear"), 1);
}

TEST(Inventory, RefusesToRemoveMoreThanInStock) {
  Inventory stock;
  stock.add("plum", 1);
  EXPECT_FALSE(stock.remove("plum", 2));
  EXPECT_EQ(stock.count("plum"), 1);
}

TEST(Inventory, UnknownItemHasNoStock) { EXPECT_EQ(Inventory().count("kiwi"), 0); }
