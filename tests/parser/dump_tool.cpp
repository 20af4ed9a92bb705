// tests/parser/dump_tool.cpp: `eddy_parse_dump [--attributes] [--mode file|single|eval] [FILE]`
// prints ast.dump() of the source (stdin without FILE) or the SyntaxError on one line, for
// comparing eddy's parser with CPython by hand. A developer tool, not part of the product.
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "parser/ast_dump.hpp"
#include "parser/parse.hpp"

int main(int argc, char** argv) {
    eddy::parse::Mode mode = eddy::parse::Mode::File;
    const char* path = nullptr;
    bool attributes = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--attributes") == 0) {
            attributes = true;
        } else if (std::strcmp(argv[i], "--mode") == 0 && i + 1 < argc) {
            std::string m = argv[++i];
            mode = m == "eval" ? eddy::parse::Mode::Eval
                 : m == "single" ? eddy::parse::Mode::Interactive
                                 : eddy::parse::Mode::File;
        } else {
            path = argv[i];
        }
    }
    std::stringstream buf;
    if (path) buf << std::ifstream(path, std::ios::binary).rdbuf();
    else buf << std::cin.rdbuf();
    auto result = eddy::parse::parse(buf.str(), path ? path : "<stdin>", mode);
    if (auto* module = std::get_if<eddy::ast::Module>(&result)) {
        std::cout << eddy::ast::dump(*module, attributes) << "\n";
        return 0;
    }
    const auto& e = std::get<eddy::parse::SyntaxErrorInfo>(result);
    static const char* const kinds[] = {"SyntaxError", "IndentationError", "TabError"};
    std::cout << kinds[static_cast<int>(e.kind)] << ": " << e.msg << " (" << e.line << ", "
              << e.col << ")" << (e.incomplete ? " incomplete" : "") << "\n";
    return 1;
}
