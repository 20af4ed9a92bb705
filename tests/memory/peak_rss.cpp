// tests/memory/peak_rss.cpp: runs a command and fails unless it exits 0 with a peak resident set
// below a limit. Usage: peak_rss LIMIT_MIB COMMAND [ARGS...]. A memory bound, not a timing.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fputs("usage: peak_rss LIMIT_MIB COMMAND [ARGS...]\n", stderr);
        return 2;
    }
    long limit_kib = std::atol(argv[1]) * 1024;
    pid_t child = fork();
    if (child == 0) {
        execv(argv[2], argv + 2);
        std::perror("execv");
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) < 0) {
        std::perror("wait4");
        return 2;
    }
    std::printf("peak RSS %ld KiB (limit %ld KiB)\n", usage.ru_maxrss, limit_kib);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::printf("command failed (status %d)\n", status);
        return 1;
    }
    return usage.ru_maxrss < limit_kib ? 0 : 1;
}
