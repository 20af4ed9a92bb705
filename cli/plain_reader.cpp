// cli/plain_reader.cpp: the REPL's line source when stdin is not a terminal (or there is no
// libedit): read(2) on stdin, so that Ctrl-C's EINTR abandons the line, prompts on stderr as
// CPython's PyOS_StdioReadline writes them.
#include <cerrno>
#include <cstdio>
#include <eddy/eddy.hpp>
#include <unistd.h>

#include "cli/interrupt.hpp"
#include "cli/line_reader.hpp"

namespace eddy::cli {

namespace {

class PlainReader final : public LineReader {
public:
    explicit PlainReader(Interpreter& py) : m_py(py) {}

    Status read(const char* prompt, std::string& line) override {
        std::fflush(stdout);
        std::fputs(prompt, stderr);
        std::fflush(stderr);
        line.clear();
        for (;;) {
            size_t newline = m_buffer.find('\n');
            if (newline != std::string::npos) {
                line = m_buffer.substr(0, newline + 1);
                m_buffer.erase(0, newline + 1);
                return Status::Line;
            }
            char chunk[4096];
            if (!wait_for_input(STDIN_FILENO, &m_py)) {
                take_interrupt();
                m_buffer.clear();
                return Status::Interrupted;
            }
            ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR) {
                if (!take_interrupt()) continue;
                m_buffer.clear();
                return Status::Interrupted;
            }
            if (n <= 0) {   // end of input: a last line without '\n' still counts
                line.swap(m_buffer);
                return line.empty() ? Status::Eof : Status::Line;
            }
            m_buffer.append(chunk, size_t(n));
        }
    }

private:
    Interpreter& m_py;      // its event loop runs while we wait
    std::string m_buffer;   // read but not yet returned
};

} // namespace

std::unique_ptr<LineReader> make_plain_reader(Interpreter& py) {
    return std::make_unique<PlainReader>(py);
}

} // namespace eddy::cli
