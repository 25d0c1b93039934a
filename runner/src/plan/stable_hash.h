// A hash that is the same on every machine and in every run (FNV-1a, 64
// bits): shards that never talk to each other must compute the same plan,
// so std::hash, which may differ between builds, will not do.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace ptest {

inline std::uint64_t stable_hash(std::string_view text, std::uint64_t hash = 14695981039346656037ull) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// 16 lower-case hex digits.
inline std::string hex_digest(std::uint64_t hash) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

}  // namespace ptest
