#pragma once

#include <string>

#include "inventory.h"

namespace inventory {

// Saves an inventory as "item count" lines, and loads it back.
void save(const Inventory& inventory, const std::string& path);
Inventory load(const std::string& path);

}  // namespace inventory
