// cli/repl.cpp: the read-eval-print loop, as CPython's PyRun_InteractiveLoop: collect lines until
// Interpreter::run_interactive has a whole statement, run it (its value echoed), print a traceback
// and carry on after an exception, stop at end of input or SystemExit. Ctrl-C at the prompt drops
// the lines typed so far; during a run it raises KeyboardInterrupt in the running code.
#include "cli/repl.hpp"

#include <cstdio>
#include <cstdlib>
#include <eddy/eddy.hpp>
#include <string>

#include "cli/interrupt.hpp"
#include "cli/line_reader.hpp"

namespace eddy::cli {

namespace {

// History lives in ~/.eddy_history, as CPython's in ~/.python_history.
std::string history_path() {
    const char* home = std::getenv("HOME");
    return home && *home ? std::string(home) + "/.eddy_history" : std::string();
}

Interactive run_input(Interpreter& py, const std::string& source) {
    set_running(&py);
    Interactive result = py.run_interactive(source);
    set_running(nullptr);
    return result;
}

} // namespace

int run_repl(Interpreter& py, bool banner) {
    std::unique_ptr<LineReader> reader = make_editing_reader(py, history_path());
    if (!reader) reader = make_plain_reader(py);
    if (banner) {
        std::fprintf(stderr, "eddy %s (a Python 3 subset with native async/await)\n"
                             "Type Ctrl-D to exit, Tab to complete.\n",
                     eddy::version());
    }
    std::string source;   // the lines of the statement being typed
    for (;;) {
        std::string line;
        LineReader::Status status = reader->read(source.empty() ? ">>> " : "... ", line);
        if (status == LineReader::Status::Interrupted) {
            std::fputs("\nKeyboardInterrupt\n", stderr);
            source.clear();
            continue;
        }
        if (status == LineReader::Status::Eof) {
            // End of input ends an open block as a blank line would.
            if (!source.empty() && run_input(py, source + "\n") == Interactive::Exit)
                return py.exit_code();
            std::fputc('\n', stderr);
            return 0;
        }
        if (line.empty() || line.back() != '\n') line += '\n';
        source += line;
        Interactive result = run_input(py, source);
        if (result == Interactive::Incomplete) continue;
        source.clear();
        if (result == Interactive::Exit) return py.exit_code();
    }
}

} // namespace eddy::cli
