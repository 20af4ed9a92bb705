// cli/main.cpp: the `eddy` program. Parses the command line the way python3 does and runs the
// program through the public embedding API (eddy.hpp is all it sees).
#include <eddy/eddy.hpp>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace {

const char* const Usage =
    "usage: eddy [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd     program passed in as string (terminates option list)\n"
    "  -h, --help print this help message and exit\n"
    "  --version  print the version number and exit\n"
    "  file       program read from script file\n"
    "  -          program read from stdin\n"
    "  arg ...    arguments passed to program in sys.argv[1:]\n";

eddy::Config config_with_argv(std::vector<std::string> argv) {
    eddy::Config config;
    config.argv = std::move(argv);
    return config;
}

int run_source(const std::string& source, const std::string& filename, std::vector<std::string> argv) {
    eddy::Interpreter py(config_with_argv(std::move(argv)));
    return py.run_main_source(source, filename);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::fputs("eddy: the interactive prompt is not available yet; pass a file\n", stderr);
        std::fputs(Usage, stderr);
        return 2;
    }
    const std::string& first = args[0];
    if (first == "-h" || first == "--help") {
        std::fputs(Usage, stdout);
        return 0;
    }
    if (first == "--version" || first == "-V") {
        std::printf("eddy %s\n", eddy::version());
        return 0;
    }
    if (first == "-c") {
        if (args.size() < 2) {
            std::fputs("Argument expected for the -c option\n", stderr);
            return 2;
        }
        std::vector<std::string> program_argv{"-c"};
        program_argv.insert(program_argv.end(), args.begin() + 2, args.end());
        return run_source(args[1], "<string>", std::move(program_argv));
    }
    if (first == "-") {
        std::string source(std::istreambuf_iterator<char>(std::cin), {});
        std::vector<std::string> program_argv{"-"};
        program_argv.insert(program_argv.end(), args.begin() + 1, args.end());
        return run_source(source, "<stdin>", std::move(program_argv));
    }
    if (first.size() > 1 && first[0] == '-') {
        std::fprintf(stderr, "Unknown option: %s\n%s", first.c_str(), Usage);
        return 2;
    }
    eddy::Interpreter py(config_with_argv(args));
    return py.run_main(first);
}
