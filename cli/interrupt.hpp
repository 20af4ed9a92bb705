// cli/interrupt.hpp: Ctrl-C for the `eddy` program. A SIGINT handler that, while Python code runs,
// asks the interpreter to raise KeyboardInterrupt at its next safe point, and otherwise only
// records the keypress so the prompt can abandon the line being typed.
#pragma once

namespace eddy {
class Interpreter;
}

namespace eddy::cli {

// Installs the handler without SA_RESTART, so a read() blocked at the prompt returns EINTR.
void install_interrupt_handler();
// The interpreter whose running code Ctrl-C interrupts; null while the prompt waits for input.
void set_running(Interpreter* py);
// True if Ctrl-C was pressed and not yet taken.
bool interrupt_pending();
// Waits until `fd` has input; false when Ctrl-C was pressed first. A signal that arrives just
// before a blocking read() would not interrupt it, so the wait polls the flag as well. Meanwhile
// `py`'s event loop (when given) runs its ready callbacks and due timers, so tasks started at
// the prompt go on while the user types, as in `python -m asyncio`.
bool wait_for_input(int fd, Interpreter* py = nullptr);
// True (once) if Ctrl-C was pressed since the last call.
bool take_interrupt();

} // namespace eddy::cli
