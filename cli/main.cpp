// cli/main.cpp: the `eddy` program. Parses the command line the way python3 does (options.cpp),
// then runs the program, the prompt, or both (-i), through the public embedding API: eddy.hpp is
// all it sees. Exit statuses are CPython's: 0, 1 after a traceback, 2 for usage errors, the
// SystemExit code, 130 after Ctrl-C.
#include <eddy/eddy.hpp>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "cli/repl.hpp"

namespace {

using eddy::cli::Options;
using eddy::cli::Program;

eddy::Config make_config(const Options& o) {
    eddy::Config config;
    config.argv = o.argv;
    config.recursion_limit = o.recursion_limit;
    config.int_max_str_digits = o.int_max_str_digits;
    config.memory_limit = o.memory_limit;
    return config;
}

std::string read_stdin() { return std::string(std::istreambuf_iterator<char>(std::cin), {}); }

// --dis FILE: the disassembly on stdout, or the SyntaxError's traceback on stderr.
int disassemble(const Options& o) {
    eddy::Interpreter py(make_config(o));
    std::FILE* file = std::fopen(o.target.c_str(), "rb");
    if (!file) {
        std::fprintf(stderr, "eddy: can't open file '%s': [Errno 2] No such file or directory\n",
                     o.target.c_str());
        return 2;
    }
    std::string source;
    char chunk[4096];
    for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;) source.append(chunk, n);
    std::fclose(file);
    try {
        std::fputs(py.disassemble(source, o.target).c_str(), stdout);
        return 0;
    } catch (const eddy::Error& e) {
        std::fputs(e.traceback().c_str(), stderr);
        return 1;
    }
}

// The program given on the command line; Program::Repl runs nothing here.
int run_program(eddy::Interpreter& py, const Options& o) {
    switch (o.program) {
    case Program::Command: return py.run_main_source(o.target, "<string>");
    case Program::Module: return py.run_module(o.target);
    case Program::File: return py.run_main(o.target);
    case Program::Stdin: return py.run_main_source(read_stdin(), "<stdin>");
    default: return 0;
    }
}

} // namespace

int main(int argc, char** argv) {
    eddy::cli::ParseOutcome parsed =
        eddy::cli::parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.run) {
        std::fputs(parsed.out.c_str(), stdout);
        std::fputs(parsed.err.c_str(), stderr);
        return parsed.status;
    }
    const Options& o = parsed.options;
    if (o.unbuffered) std::setvbuf(stdout, nullptr, _IONBF, 0);
    if (o.program == Program::Disassemble) return disassemble(o);

    eddy::Interpreter py(make_config(o));
    eddy::cli::install_interrupt_handler();
    bool interactive_stdin = isatty(STDIN_FILENO);
    // No program and stdin not a terminal: stdin is the program, as for `eddy -`.
    Options effective = o;
    if (o.program == Program::Repl && !interactive_stdin && !o.inspect)
        effective.program = Program::Stdin;

    eddy::cli::set_running(&py);
    int status = run_program(py, effective);
    eddy::cli::set_running(nullptr);
    py.flush();
    std::fflush(stdout);
    if (effective.program == Program::Repl || o.inspect)
        status = eddy::cli::run_repl(py, effective.program == Program::Repl && !o.quiet &&
                                             interactive_stdin);
    return status;
}
