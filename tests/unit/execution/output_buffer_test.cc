#include "execution/output_buffer.h"

#include <gtest/gtest.h>

using ptest::OutputBuffer;

TEST(OutputBuffer, KeepsEverythingUnderTheLimit) {
  OutputBuffer buffer(100);
  buffer.append("hello ");
  buffer.append("world");
  EXPECT_EQ(buffer.str(), "hello world");
}

TEST(OutputBuffer, KeepsHeadAndTailAndSaysWhatWasCut) {
  OutputBuffer buffer(10);
  buffer.append("HEAD5");
  for (int i = 0; i < 1000; ++i) buffer.append("m");
  buffer.append("TAIL5");
  EXPECT_EQ(buffer.str(), "HEAD5\n[ptest: 1000 bytes of output cut here]\nTAIL5");
}

TEST(OutputBuffer, ClearForgetsEverything) {
  OutputBuffer buffer(10);
  buffer.append(std::string(50, 'x'));
  buffer.clear();
  EXPECT_TRUE(buffer.empty());
  buffer.append("ok");
  EXPECT_EQ(buffer.str(), "ok");
}
