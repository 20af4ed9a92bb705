// cli/interrupt.cpp: the SIGINT handler of the `eddy` program (see interrupt.hpp). The handler does
// only async-signal-safe work: it stores flags and asks the interpreter to stop, which itself only
// sets a flag polled at safe points.
#include "cli/interrupt.hpp"

#include <csignal>
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

bool wait_for_input(int fd) {
    for (;;) {
        if (g_pressed) return false;
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 100) > 0) return true;   // input, end of input or an error: read() tells
    }
}

bool take_interrupt() {
    bool pressed = g_pressed != 0;
    g_pressed = 0;
    return pressed;
}

} // namespace eddy::cli
