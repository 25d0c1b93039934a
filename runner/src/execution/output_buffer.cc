#include "execution/output_buffer.h"

namespace ptest {

void OutputBuffer::append(std::string_view text) {
  const std::size_t head_share = limit_ / 2;
  if (head_.size() < head_share) {
    const std::size_t taken = std::min(text.size(), head_share - head_.size());
    head_.append(text.substr(0, taken));
    text.remove_prefix(taken);
  }
  if (text.empty()) return;
  const std::size_t tail_share = limit_ - head_share;
  tail_.append(text);
  if (tail_.size() > 2 * tail_share) {
    const std::size_t dropped = tail_.size() - tail_share;
    tail_.erase(0, dropped);
    cut_ += dropped;
  }
}

std::string OutputBuffer::str() const {
  const std::size_t tail_share = limit_ - limit_ / 2;
  std::size_t cut = cut_;
  std::string_view tail = tail_;
  if (tail.size() > tail_share) {
    cut += tail.size() - tail_share;
    tail.remove_prefix(tail.size() - tail_share);
  }
  if (cut == 0) return head_ + tail_;
  return head_ + "\n[ptest: " + std::to_string(cut) + " bytes of output cut here]\n" +
         std::string(tail);
}

void OutputBuffer::clear() {
  head_.clear();
  tail_.clear();
  cut_ = 0;
}

}  // namespace ptest
