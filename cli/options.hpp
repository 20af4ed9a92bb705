// cli/options.hpp: the `eddy` command line, parsed the way CPython's getopt does it
// (Python/getopt.c, Python/initconfig.c): clustered short options, -c/-m ending the option list,
// CPython's messages for usage errors. Knows nothing about running programs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace eddy::cli {

// What to run, from the first of: -c CMD, -m MOD, --dis FILE, FILE, `-`, nothing.
enum class Program { Repl, Command, Module, File, Stdin, Disassemble };

struct Options {
    Program program = Program::Repl;
    std::string target;               // the command, module name or file
    std::vector<std::string> argv;    // sys.argv as CPython builds it
    bool inspect = false;             // -i: the prompt after the program
    bool quiet = false;               // -q: no banner
    bool unbuffered = false;          // -u
    int recursion_limit = 0;          // -X recursionlimit=N
    int int_max_str_digits = -1;      // -X int_max_str_digits=N
    std::size_t memory_limit = 0;     // -X memory_limit=N[K|M|G]
};

// The outcome of parsing: run, or print `message` and exit with `status` (help, version, errors).
struct ParseOutcome {
    bool run = true;
    int status = 0;
    std::string out;   // for stdout (help, version)
    std::string err;   // for stderr (usage errors)
    Options options;
};

ParseOutcome parse_options(const std::vector<std::string>& args);

} // namespace eddy::cli
