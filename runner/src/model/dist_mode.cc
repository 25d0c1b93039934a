#include "model/dist_mode.h"

namespace ptest {

namespace {

struct Name {
  DistMode mode;
  const char* text;
};
constexpr Name kNames[] = {
    {DistMode::worksteal, "worksteal"}, {DistMode::load, "load"},
    {DistMode::loadscope, "loadscope"}, {DistMode::loadfile, "loadfile"},
    {DistMode::loadgroup, "loadgroup"}, {DistMode::no, "no"},
};

}  // namespace

std::optional<DistMode> parse_dist_mode(std::string_view text) {
  for (const Name& name : kNames)
    if (text == name.text) return name.mode;
  return std::nullopt;
}

const char* dist_mode_name(DistMode mode) {
  for (const Name& name : kNames)
    if (mode == name.mode) return name.text;
  return "?";
}

}  // namespace ptest
