#include "reports/terminal_style.h"

#include <gtest/gtest.h>

using namespace ptest;

namespace {

TerminalFacts tty() {
  TerminalFacts facts;
  facts.is_tty = true;
  return facts;
}

}  // namespace

TEST(TerminalStyle, ParsesTheWordsOfProgressAndColorAndNothingElse) {
  EXPECT_EQ(parse_progress_mode("bar"), ProgressMode::bar);
  EXPECT_EQ(parse_progress_mode("counter"), ProgressMode::counter);
  EXPECT_EQ(parse_progress_mode("none"), ProgressMode::none);
  EXPECT_FALSE(parse_progress_mode("Bar"));
  EXPECT_EQ(parse_color_mode("auto"), ColorMode::auto_);
  EXPECT_EQ(parse_color_mode("always"), ColorMode::always);
  EXPECT_EQ(parse_color_mode("never"), ColorMode::never);
  EXPECT_FALSE(parse_color_mode("yes"));
}

TEST(TerminalStyle, TheStatusLineIsDrawnOnlyOnATerminalThatIsNotDumb) {
  EXPECT_EQ(live_progress(ProgressMode::bar, tty()), ProgressMode::bar);
  EXPECT_EQ(live_progress(ProgressMode::counter, tty()), ProgressMode::counter);
  EXPECT_FALSE(live_progress(ProgressMode::none, tty()));
  EXPECT_FALSE(live_progress(ProgressMode::bar, TerminalFacts{}));  // a pipe or a file
  TerminalFacts dumb = tty();
  dumb.dumb = true;
  EXPECT_FALSE(live_progress(ProgressMode::bar, dumb));
}

TEST(TerminalStyle, AlwaysAndNeverWinAutoFollowsTheTerminalAndTheEnvironment) {
  TerminalFacts pipe;
  EXPECT_TRUE(use_color(ColorMode::always, pipe));
  EXPECT_FALSE(use_color(ColorMode::never, tty()));
  EXPECT_TRUE(use_color(ColorMode::auto_, tty()));
  EXPECT_FALSE(use_color(ColorMode::auto_, pipe));
  TerminalFacts no_color = tty();
  no_color.no_color = true;
  EXPECT_FALSE(use_color(ColorMode::auto_, no_color));
  TerminalFacts forced = pipe;
  forced.clicolor_force = true;
  EXPECT_TRUE(use_color(ColorMode::auto_, forced));
  forced.no_color = true;  // NO_COLOR wins over CLICOLOR_FORCE
  EXPECT_FALSE(use_color(ColorMode::auto_, forced));
  TerminalFacts dumb = tty();
  dumb.dumb = true;
  EXPECT_FALSE(use_color(ColorMode::auto_, dumb));
}
