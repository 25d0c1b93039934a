#include "store.h"

#include <fstream>

namespace inventory {

void save(const Inventory& inventory, const std::string& path) {
  std::ofstream out(path);
  for (const auto& [item, count] : inventory.items()) out << item << ' ' << count << '\n';
}

Inventory load(const std::string& path) {
  Inventory inventory;
  std::ifstream in(path);
  std::string item;
  int count = 0;
  while (in >> item >> count) inventory.add(item, count);
  return inventory;
}

}  // namespace inventory
