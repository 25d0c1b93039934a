// A case that leaves a daemon behind the way real ones do: fork, setsid(),
// fork again, close every descriptor, and the middle process exits. The
// daemon escapes the case's process group and holds no pipe of the runner's.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

TEST(Daemon, DoubleForksASetsidDaemon) {
  const pid_t middle = ::fork();
  ASSERT_GE(middle, 0);
  if (middle == 0) {
    ::setsid();
    // Closes on exec: the middle process knows the daemon is under way
    // when it reads the end of the pipe, so the case never ends before it.
    int ready[2];
    if (::pipe2(ready, O_CLOEXEC) != 0) ::_exit(1);
    if (::fork() == 0) {
      for (int fd = 0; fd < 1024; ++fd)
        if (fd != ready[1]) ::close(fd);
      ::execl("/bin/sleep", "ptest-e2e-leaked-daemon", "300", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(ready[1]);
    char byte;
    while (::read(ready[0], &byte, 1) > 0) {
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(middle, &status, 0);
  EXPECT_EQ(status, 0);
}
