// cli/line_reader.hpp: where the REPL's lines come from: a terminal with line editing, history and
// Tab completion (libedit), or plain reads from stdin with the prompt on stderr (as CPython does
// when stdin is not a terminal or has no readline).
#pragma once

#include <memory>
#include <string>

namespace eddy {
class Interpreter;
}

namespace eddy::cli {

class LineReader {
public:
    enum class Status { Line, Interrupted, Eof };
    virtual ~LineReader() = default;
    // Shows `prompt` and reads one line into `line` (with its '\n', if one was typed).
    virtual Status read(const char* prompt, std::string& line) = 0;
};

// Line editing on the terminal, completing through `py` and running its event loop while waiting; history in `history_file` (empty: none).
// Null when stdin is not a terminal or eddy was built without libedit.
std::unique_ptr<LineReader> make_editing_reader(Interpreter& py, const std::string& history_file);
// Reads stdin as it comes, prompts on stderr; `py`'s event loop runs while it waits.
std::unique_ptr<LineReader> make_plain_reader(Interpreter& py);

} // namespace eddy::cli
