// Keeps what a test printed within a fixed memory budget: the first and the
// last bytes, and a count of what was cut between them. A case that prints
// 50 MB costs the runner no more than the budget.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ptest {

class OutputBuffer {
 public:
  explicit OutputBuffer(std::size_t limit) : limit_(limit) {}

  void append(std::string_view text);
  bool empty() const { return head_.empty(); }
  // The kept text; a cut is marked with a line saying how many bytes went.
  std::string str() const;
  void clear();

 private:
  std::size_t limit_;
  std::string head_;
  std::string tail_;  // grows to twice its share, then drops its oldest half
  std::size_t cut_ = 0;
};

}  // namespace ptest
