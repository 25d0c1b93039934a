#pragma once

#include <map>
#include <string>

namespace inventory {

// Stock counts by item name.
class Inventory {
 public:
  void add(const std::string& item, int count);
  // Returns false (and changes nothing) when there is not enough stock.
  bool remove(const std::string& item, int count);
  int count(const std::string& item) const;
  const std::map<std::string, int>& items() const { return items_; }

 private:
  std::map<std::string, int> items_;
};

// Price of `count` items at `unit_cents`, with 10% off from 100 items on.
long total_cents(int count, long unit_cents);

}  // namespace inventory
