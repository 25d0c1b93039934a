#include "reports/status_line.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/model.h"

namespace ptest {

namespace {

constexpr const char* kRed = "\033[31m";
constexpr const char* kGreen = "\033[32m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kReset = "\033[0m";

// Visible text and the same with colours: the width counts only the first.
struct Piece {
  std::string plain, styled;
};

Piece piece(const std::string& text, const char* style, bool color) {
  return {text, color && style ? std::string(style) + text + kReset : text};
}

std::string bar(std::size_t done, std::size_t total, std::size_t cells) {
  const std::size_t filled = total == 0 ? cells : std::min(cells, done * cells / total);
  std::string text = "[" + std::string(filled, '=');
  if (filled < cells) text += ">" + std::string(cells - filled - 1, ' ');
  return text + "]";
}

}  // namespace

std::string short_duration(double seconds) {
  char text[32];
  const long whole = std::lround(std::floor(std::max(0.0, seconds)));
  if (seconds < 60) std::snprintf(text, sizeof text, "%.1fs", std::max(0.0, seconds));
  else if (whole < 3600) std::snprintf(text, sizeof text, "%ldm%02lds", whole / 60, whole % 60);
  else std::snprintf(text, sizeof text, "%ldh%02ldm", whole / 3600, whole / 60 % 60);
  return text;
}

std::string status_line(const StatusLineInput& input) {
  if (input.mode == ProgressMode::counter)  // the count alone, as before the bar
    return "[" + std::to_string(input.done) + "/" + std::to_string(input.total) + "] " +
           piece(std::to_string(input.failures) + " failed", input.failures > 0 ? kRed : nullptr, input.color).styled;
  std::vector<Piece> pieces;
  pieces.push_back(piece(short_duration(input.elapsed), kDim, input.color));
  pieces.push_back(piece(bar(input.done, input.total, 20), kGreen, input.color));
  pieces.push_back(piece(std::to_string(input.done) + "/" + std::to_string(input.total), nullptr, input.color));
  pieces.push_back(piece(std::to_string(input.failures) + " failed", input.failures > 0 ? kRed : nullptr, input.color));
  if (input.eta) pieces.push_back(piece("ETA " + short_duration(*input.eta), nullptr, input.color));
  // Whole pieces only, and never the last column, where a terminal wraps.
  std::string line;
  std::size_t used = 0;
  for (const Piece& p : pieces) {
    const std::size_t needed = (used ? 1 : 0) + p.plain.size();
    if (used + needed >= input.width) return line;
    line += (used ? " " : "") + p.styled;
    used += needed;
  }
  // Then the running cases, longest first; a name too long for the room
  // left is cut, so the longest-running case still shows.
  std::vector<RunningCase> running = input.running;
  std::stable_sort(running.begin(), running.end(),
                   [](const RunningCase& a, const RunningCase& b) { return a.seconds > b.seconds; });
  for (const RunningCase& test_case : running) {
    const std::string head = " | " + worker_name(test_case.worker) + " ";
    const std::string tail = " " + short_duration(test_case.seconds);
    const std::size_t room = input.width - 1 - used;
    std::string name = test_case.name;
    if (head.size() + name.size() + tail.size() > room) {
      if (room < head.size() + tail.size() + 8) break;
      name = name.substr(0, room - head.size() - tail.size() - 1) + "~";
    }
    const Piece p = piece(head.substr(1) + name + tail, kDim, input.color);
    line += " " + p.styled;
    used += 1 + p.plain.size();
  }
  return line;
}

}  // namespace ptest
