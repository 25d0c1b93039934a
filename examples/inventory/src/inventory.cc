#include "inventory.h"

namespace inventory {

void Inventory::add(const std::string& item, int count) { items_[item] += count; }

bool Inventory::remove(const std::string& item, int count) {
  auto it = items_.find(item);
  if (it == items_.end() || it->second < count) return false;
  it->second -= count;
  return true;
}

int Inventory::count(const std::string& item) const {
  auto it = items_.find(item);
  return it == items_.end() ? 0 : it->second;
}

long total_cents(int count, long unit_cents) {
  const long total = count * unit_cents;
  return count >= 100 ? total - total / 10 : total;
}

}  // namespace inventory
