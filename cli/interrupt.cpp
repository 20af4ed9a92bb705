// cli/interrupt.cpp: the SIGINT handler of the `eddy` program (see interrupt.hpp). The handler does
// only async-signal-safe work: it stores flags and asks the interpreter to stop, which itself only
// sets a flag polled at safe points.
#include "cli/interrupt.hpp"

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <optional>
#include <poll.h>
#include <eddy/eddy.hpp>

namespace eddy::cli {

namespace {

volatile std::sig_atomic_t g_pressed = 0;
Interpreter* volatile g_running = nullptr;

void on_sigint(int) {
    g_pressed = 1;
    if (Interpreter* py = g_running) py->interrupt();
}

} // namespace

void install_interrupt_handler() {
    struct sigaction action {};
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;   // no SA_RESTART: the prompt's read() must see EINTR
    sigaction(SIGINT, &action, nullptr);
}

void set_running(Interpreter* py) {
    g_running = py;
    if (py) g_pressed = 0;
}

bool interrupt_pending() { return g_pressed != 0; }

namespace {

// One pass of the interpreter's event loop, Ctrl-C interrupting it. A KeyboardInterrupt is
// reported by the prompt (the key also abandons the line); anything else escaping the loop
// (SystemExit from a task) is shown and the prompt goes on.
void run_ready(Interpreter& py) {
    g_running = &py;
    try {
        py.run_ready();
    } catch (const Error& e) {
        if (e.type_name() != "KeyboardInterrupt") std::fputs(e.traceback().c_str(), stderr);
    }
    g_running = nullptr;
    std::fflush(stdout);
}

// Milliseconds to wait for input before the loop has work again (at most 100, to see Ctrl-C).
int poll_timeout(Interpreter* py) {
    std::optional<double> deadline = py ? py->next_deadline() : std::nullopt;
    if (!deadline) return 100;
    return int(std::min(100.0, std::ceil(*deadline * 1000)));
}

} // namespace

bool wait_for_input(int fd, Interpreter* py) {
    for (;;) {
        if (g_pressed) return false;
        pollfd p{fd, POLLIN, 0};
        int timeout = poll_timeout(py);
        if (timeout > 0 && poll(&p, 1, timeout) > 0) return true;   // input, EOF or an error
        if (timeout == 0 && poll(&p, 1, 0) > 0) return true;
        if (py && py->next_deadline() == 0.0) run_ready(*py);
    }
}

bool take_interrupt() {
    bool pressed = g_pressed != 0;
    g_pressed = 0;
    return pressed;
}

} // namespace eddy::cli
