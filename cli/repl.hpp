// cli/repl.hpp: the interactive prompt of the `eddy` program (`eddy` on a terminal, `eddy -i`).
#pragma once

namespace eddy {
class Interpreter;
}

namespace eddy::cli {

// Reads statements at `>>> `/`... ` prompts and runs each in __main__ until end of input or
// SystemExit; returns the exit status. `banner` prints the version line first.
int run_repl(Interpreter& py, bool banner);

} // namespace eddy::cli
