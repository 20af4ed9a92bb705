// tests/compiler/conformance_test.cpp: every program in the shared conformance corpus compiles
// without error and with a sound stack; and, where python3 is available, compiling CPython's own
// AST of each program gives byte-for-byte the same disassembly as compiling eddy's parse.
#include <filesystem>

#include <gtest/gtest.h>

#include "tests/compiler/compiler_test_util.hpp"
#include "tests/compiler/py_ast.hpp"

namespace fs = std::filesystem;
using namespace eddy;

namespace {

std::vector<fs::path> corpus() {
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(EDDY_CONFORMANCE_DIR, ec)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(EDDY_CONFORMANCE_DIR, ec))
        if (entry.path().extension() == ".py") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(CompilerConformance, EveryProgramCompiles) {
    auto files = corpus();
    if (files.empty()) GTEST_SKIP() << "no conformance corpus at " << EDDY_CONFORMANCE_DIR;
    for (const fs::path& p : files) {
        test::Compiled c = test::compile_source(test::read_text(p.string()));
        if (!c.code) {
            ADD_FAILURE() << p << ": " << c.error->msg << " at line " << c.error->line;
            continue;
        }
        for (const std::string& e : test::check_stack(*c.code)) ADD_FAILURE() << p << ": " << e;
    }
}

TEST(CompilerConformance, SameCodeFromCPythonAst) {
    auto files = corpus();
    if (files.empty()) GTEST_SKIP() << "no conformance corpus";
    if (!test::python_available()) GTEST_SKIP() << "python3 not available";
    std::vector<std::string> paths;
    for (const fs::path& p : files) paths.push_back(p.string());
    auto modules = test::python_parse_files(paths);
    ASSERT_EQ(modules.size(), paths.size()) << "py_ast_dump.py failed";
    for (size_t i = 0; i < paths.size(); i++) {
        if (!modules[i]) continue;   // CPython rejects it too: nothing to compare
        std::string source = test::read_text(paths[i]);
        auto theirs = comp::compile(*modules[i], "<test>", parse::Mode::File, source);
        auto* code = std::get_if<std::shared_ptr<vm::Code>>(&theirs);
        if (!code) continue;
        EXPECT_EQ(test::dis_source(source), vm::disassemble(**code)) << paths[i];
    }
}

} // namespace
