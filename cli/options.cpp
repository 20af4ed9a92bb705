// cli/options.cpp: parses the `eddy` command line (see options.hpp), following CPython's
// _PyOS_GetOpt and config_parse_cmdline: short options may be clustered (`-qi`), an option's
// argument may be attached (`-cprint(1)`) or follow, and -c/-m end the option list.
#include "cli/options.hpp"

#include <charconv>
#include <eddy/eddy.hpp>

namespace eddy::cli {

namespace {

const char* const ShortUsage =
    "usage: eddy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Try `eddy -h' for more information.\n";

const char* const Help =
    "usage: eddy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-u     : force the stdout stream to be unbuffered\n"
    "-B, -E, -I, -s, -S : accepted for compatibility with python3; no effect (eddy writes no\n"
    "         bytecode files, reads no environment variables and has no site module)\n"
    "-V     : print the version number and exit (also --version)\n"
    "-X opt : set an implementation-specific option:\n"
    "         -X recursionlimit=N: Python frames allowed before RecursionError (default 1000)\n"
    "         -X int_max_str_digits=N: limit of int<->str conversion digits (0 = no limit)\n"
    "         -X memory_limit=N[K|M|G]: heap bytes allowed before MemoryError\n"
    "--dis file : print a disassembly of every code object in file, and exit\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

ParseOutcome fail(const std::string& message, int status = 2) {
    ParseOutcome out;
    out.run = false;
    out.status = status;
    out.err = message + "\n" + (status == 2 ? ShortUsage : "");
    return out;
}

bool parse_count(std::string_view text, long long& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

// -X name=value. Unknown names are ignored, as CPython ignores unknown -X options.
bool apply_x_option(const std::string& opt, Options& o, std::string& error) {
    size_t eq = opt.find('=');
    std::string name = opt.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : opt.substr(eq + 1);
    long long n = 0;
    if (name == "recursionlimit") {
        if (!parse_count(value, n) || n < 1 || n > 1000000) {
            error = "-X recursionlimit: invalid limit; must be a positive integer (at most 1000000).";
            return false;
        }
        o.recursion_limit = int(n);
    } else if (name == "int_max_str_digits") {
        if (!parse_count(value, n) || (n != 0 && n < 640) || n > 1000000000) {
            error = "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.";
            return false;
        }
        o.int_max_str_digits = int(n);
    } else if (name == "memory_limit") {
        std::size_t scale = 1;
        char unit = value.empty() ? 0 : value.back();
        if (unit == 'K' || unit == 'k') scale = 1u << 10;
        if (unit == 'M' || unit == 'm') scale = 1u << 20;
        if (unit == 'G' || unit == 'g') scale = 1u << 30;
        if (scale != 1) value.pop_back();
        if (!parse_count(value, n) || n < 1 || std::size_t(n) > (std::size_t(1) << 50) / scale) {
            error = "-X memory_limit: invalid size; must be a positive number of bytes, "
                    "optionally followed by K, M or G.";
            return false;
        }
        o.memory_limit = std::size_t(n) * scale;
    }
    return true;
}

struct Cursor {
    const std::vector<std::string>& args;
    size_t index = 0;
};

// The argument of option `letter` in the cluster `arg` at position `pos`: the rest of the cluster,
// else the next command-line word. False when there is none.
bool option_argument(Cursor& c, const std::string& arg, size_t pos, std::string& out) {
    if (pos + 1 < arg.size()) {
        out = arg.substr(pos + 1);
        return true;
    }
    if (c.index + 1 >= c.args.size()) return false;
    out = c.args[++c.index];
    return true;
}

} // namespace

ParseOutcome parse_options(const std::vector<std::string>& args) {
    ParseOutcome result;
    Options& o = result.options;
    Cursor c{args};
    for (; c.index < args.size(); ++c.index) {
        const std::string& arg = args[c.index];
        if (arg == "--") { ++c.index; break; }
        if (arg.size() < 2 || arg[0] != '-') break;   // a file, or `-` for stdin
        if (arg == "--help") { result.run = false; result.out = Help; return result; }
        if (arg == "--version") {
            result.run = false;
            result.out = std::string("eddy ") + eddy::version() + "\n";
            return result;
        }
        if (arg == "--dis") {
            if (c.index + 1 >= args.size()) return fail("Argument expected for the --dis option");
            o.program = Program::Disassemble;
            o.target = args[++c.index];
            return result;
        }
        if (arg.rfind("--", 0) == 0) return fail("unknown option " + arg);
        for (size_t pos = 1; pos < arg.size(); ++pos) {
            char letter = arg[pos];
            std::string value;
            switch (letter) {
            case 'c': case 'm':
                if (!option_argument(c, arg, pos, value))
                    return fail(std::string("Argument expected for the -") + letter + " option");
                o.program = letter == 'c' ? Program::Command : Program::Module;
                o.target = value;
                o.argv = {letter == 'c' ? "-c" : "-m"};
                o.argv.insert(o.argv.end(), args.begin() + c.index + 1, args.end());
                return result;
            case 'X': {
                if (!option_argument(c, arg, pos, value))
                    return fail("Argument expected for the -X option");
                std::string error;
                if (!apply_x_option(value, o, error)) return fail("eddy: " + error, 1);
                pos = arg.size();
                break;
            }
            case 'i': o.inspect = true; break;
            case 'q': o.quiet = true; break;
            case 'u': o.unbuffered = true; break;
            case 'B': case 'E': case 'I': case 's': case 'S': break;
            case 'h': case '?': result.run = false; result.out = Help; return result;
            case 'V':
                result.run = false;
                result.out = std::string("eddy ") + eddy::version() + "\n";
                return result;
            default:
                return fail(std::string("Unknown option: -") + letter);
            }
        }
    }
    if (c.index < args.size()) {
        const std::string& first = args[c.index];
        o.program = first == "-" ? Program::Stdin : Program::File;
        o.target = first;
        o.argv.assign(args.begin() + c.index, args.end());
    } else {
        o.argv = {""};
    }
    return result;
}

} // namespace eddy::cli
