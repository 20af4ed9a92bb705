// stdlib/freeze_tool.cpp: the build's host tool that freezes stdlib/py, as CPython's
// Programs/_freeze_module does. `eddy_freeze PY_ROOT OUTPUT` compiles every .py under PY_ROOT
// as stdlib.cpp's loader names it (Mode::File, code filename "<frozen NAME>") and writes a C++
// file defining frozen.hpp's table: each module's code in vm/code_serial's binary form, without its
// source, which nothing reads at run time (tracebacks show no source line for "<frozen NAME>",
// as CPython's do not). A file that does not compile fails the build with the compiler's message.
// Sees the lexer, parser, compiler and bytecode format; never the runtime.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/compile.hpp"
#include "parser/parse.hpp"
#include "vm/code_serial.hpp"

namespace fs = std::filesystem;
using namespace eddy;

namespace {

struct Module {
    std::string name;   // dotted: stdlib/py/p/s.py is "p.s", p/__init__.py is package "p"
    std::string rel;    // path under PY_ROOT, '/'-separated
    bool package = false;
    std::string source;   // read to compile it, not written out
    std::string code;     // serialize_code's bytes
};

bool read_file(const fs::path& path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::ostringstream text;
    text << f.rdbuf();
    out = text.str();
    return true;
}

// Every .py under `root`, sorted by relative path so the output does not depend on the order the
// file system lists them in.
std::vector<Module> find_modules(const fs::path& root) {
    std::vector<Module> found;
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file() || e.path().extension() != ".py") continue;
        Module m;
        m.rel = fs::relative(e.path(), root).generic_string();
        std::string stem = m.rel.substr(0, m.rel.size() - 3);
        if (stem == "__init__" || stem.ends_with("/__init__")) {   // package P from P/__init__.py
            m.package = true;
            constexpr std::string_view suffix = "/__init__";
            stem = stem == "__init__" ? "" : stem.substr(0, stem.size() - suffix.size());
        }
        std::replace(stem.begin(), stem.end(), '/', '.');
        m.name = stem;
        found.push_back(std::move(m));
    }
    std::sort(found.begin(), found.end(),
              [](const Module& a, const Module& b) { return a.rel < b.rel; });
    return found;
}

void report(const fs::path& file, const parse::SyntaxErrorInfo& e) {
    const char* kind = e.kind == parse::SyntaxErrorInfo::Kind::TabError           ? "TabError"
                       : e.kind == parse::SyntaxErrorInfo::Kind::IndentationError ? "IndentationError"
                                                                                 : "SyntaxError";
    std::fprintf(stderr, "%s:%d:%d: %s: %s\n    %s\n", file.string().c_str(), e.line, e.col, kind,
                 e.msg.c_str(), e.text.c_str());
}

// Compiles `m.source` as stdlib/stdlib.cpp's loader names it; false (after reporting) on error.
bool freeze(Module& m, const fs::path& file) {
    std::string filename = "<frozen " + m.name + ">";
    parse::ParseResult parsed = parse::parse(m.source, filename, parse::Mode::File);
    if (auto* error = std::get_if<parse::SyntaxErrorInfo>(&parsed)) return report(file, *error), false;
    comp::CompileResult compiled =
        comp::compile(std::get<ast::Module>(parsed), filename, parse::Mode::File, m.source);
    if (auto* error = std::get_if<parse::SyntaxErrorInfo>(&compiled)) return report(file, *error), false;
    m.code = vm::serialize_code(*std::get<std::shared_ptr<vm::Code>>(compiled));
    return true;
}

// `bytes` as a C++ string literal, split into lines. Octal escapes take at most three digits, so
// unlike \x they can never swallow a following digit.
std::string literal(std::string_view bytes) {
    std::string out = "\n    \"";
    size_t line_start = out.size();
    for (unsigned char ch : bytes) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += char(ch);
        } else if (ch >= 0x20 && ch < 0x7f && ch != '?') {   // "??=" would draw -Wtrigraphs
            out += char(ch);
        } else {
            char esc[5];
            std::snprintf(esc, sizeof esc, "\\%03o", ch);
            out += esc;
        }
        if (out.size() - line_start >= 96) {
            out += "\"\n    \"";
            line_start = out.size();
        }
    }
    return out + "\"";
}

std::string generate(const std::vector<Module>& modules) {
    std::string arrays, rows;
    for (size_t i = 0; i < modules.size(); ++i) {
        const Module& m = modules[i];
        std::string n = std::to_string(i);
        arrays += "// " + m.rel + "\nconst char Code" + n + "[] =" + literal(m.code) + ";\n\n";
        rows += "    {\"" + m.name + "\", {Code" + n + ", " + std::to_string(m.code.size()) +
                "}, " + (m.package ? "true" : "false") + "},\n";
    }
    return "// generated from stdlib/py/ by stdlib/freeze_tool.cpp: do not edit.\n"
           "#include \"frozen.hpp\"\n\nnamespace eddy::lib {\n\nnamespace {\n\n" +
           arrays + "const FrozenModule Table[] = {\n" + rows +
           "    {\"\", {}, false},\n};\n\n} // namespace\n\n"
           "std::span<const FrozenModule> frozen_modules() {\n"
           "    return {Table, sizeof(Table) / sizeof(Table[0]) - 1};\n}\n\n"
           "} // namespace eddy::lib\n";
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: eddy_freeze PY_ROOT OUTPUT.cpp\n");
        return 2;
    }
    fs::path root = argv[1], output = argv[2];
    std::vector<Module> modules = find_modules(root);
    bool ok = true;
    for (Module& m : modules) {
        fs::path file = root / m.rel;
        if (!read_file(file, m.source)) {
            std::fprintf(stderr, "%s: cannot read\n", file.string().c_str());
            ok = false;
        } else {
            ok = freeze(m, file) && ok;
        }
    }
    if (!ok) return 1;
    std::string text = generate(modules);
    // Rewrite only on change, so an unchanged result does not recompile the file; through a
    // temporary file, so a failed write never leaves a half-written output that looks current.
    std::string old;
    if (read_file(output, old) && old == text) return 0;
    fs::path temp = output;
    temp += ".tmp";
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    bool written = !out.fail();
    std::error_code error;
    if (written) fs::rename(temp, output, error);
    if (!written || error) {
        std::fprintf(stderr, "%s: cannot write\n", output.string().c_str());
        return 1;
    }
    return 0;
}
