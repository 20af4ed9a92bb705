// tests/parser/parser_modes_test.cpp: the three parse modes, node locations the compiler's
// tracebacks rely on, and the acceptance corpus (/work/shared/conformance) parsing as CPython
// parses it.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parser/ast_dump.hpp"
#include "parser/parse.hpp"

namespace {

namespace fs = std::filesystem;
using eddy::parse::Mode;

std::string dump_of(std::string_view src, Mode mode = Mode::File) {
    auto result = eddy::parse::parse(src, "<test>", mode);
    if (auto* err = std::get_if<eddy::parse::SyntaxErrorInfo>(&result)) return "error: " + err->msg;
    return eddy::ast::dump(std::get<eddy::ast::Module>(result));
}

TEST(ParserModes, EvalGivesOneExprStatement) {
    EXPECT_EQ(dump_of("1 + x\n\n", Mode::Eval),
              "Module(body=[Expr(value=BinOp(left=Constant(value=1), op=Add(), "
              "right=Name(id='x', ctx=Load())))], type_ignores=[])");
}

TEST(ParserModes, EvalIgnoresLeadingIndentation) {
    EXPECT_EQ(dump_of("  x", Mode::Eval),
              "Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])");
}

TEST(ParserModes, EvalRejectsStatements) {
    EXPECT_EQ(dump_of("x = 1", Mode::Eval), "error: invalid syntax");
    EXPECT_EQ(dump_of("pass", Mode::Eval), "error: invalid syntax");
}

TEST(ParserModes, InteractiveAcceptsOneCompoundStatement) {
    EXPECT_EQ(dump_of("if x:\n    y\n\n", Mode::Interactive),
              "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', "
              "ctx=Load()))], orelse=[])], type_ignores=[])");
}

TEST(ParserModes, InteractiveAcceptsSemicolonSeparatedLine) {
    EXPECT_EQ(dump_of("a; b\n", Mode::Interactive),
              "Module(body=[Expr(value=Name(id='a', ctx=Load())), Expr(value=Name(id='b', "
              "ctx=Load()))], type_ignores=[])");
}

TEST(ParserModes, InteractiveAcceptsEmptyInputAndTopLevelAwait) {
    EXPECT_EQ(dump_of("", Mode::Interactive), "Module(body=[], type_ignores=[])");
    EXPECT_EQ(dump_of("await f()\n", Mode::Interactive),
              "Module(body=[Expr(value=Await(value=Call(func=Name(id='f', ctx=Load()), "
              "args=[], keywords=[])))], type_ignores=[])");
}

TEST(ParserModes, EmptyFileIsAnEmptyModule) {
    EXPECT_EQ(dump_of(""), "Module(body=[], type_ignores=[])");
    EXPECT_EQ(dump_of("\n\n# only a comment\n   \n"), "Module(body=[], type_ignores=[])");
}

TEST(ParserLocations, StatementsAndExpressionsCarrySpans) {
    auto result = eddy::parse::parse("x = 1\nif x:\n    print(x +\n          2)\n", "<test>");
    const auto& m = std::get<eddy::ast::Module>(result);
    ASSERT_EQ(m.body.size(), 2u);
    const eddy::ast::Loc& if_loc = m.body[1]->loc;
    EXPECT_EQ(if_loc.line, 2);
    EXPECT_EQ(if_loc.col, 0);
    EXPECT_EQ(if_loc.end_line, 4);
    EXPECT_EQ(if_loc.end_col, 12);
    auto* call_stmt = static_cast<eddy::ast::If*>(m.body[1])->body[0];
    EXPECT_EQ(call_stmt->loc.line, 3);
    EXPECT_EQ(call_stmt->loc.col, 4);
}

TEST(ParserLocations, ColumnsAreUtf8Bytes) {
    auto result = eddy::parse::parse("s = 'é' + x", "<test>");
    const auto& m = std::get<eddy::ast::Module>(result);
    auto* assign = static_cast<eddy::ast::Assign*>(m.body[0]);
    auto* sum = static_cast<eddy::ast::BinOp*>(assign->value);
    EXPECT_EQ(sum->right->loc.col, 11);   // 'é' is two bytes, as in CPython's col_offset
}

// ---- the acceptance corpus ----

fs::path conformance_dir() {
    if (const char* env = std::getenv("EDDY_CONFORMANCE_DIR")) return env;
    return EDDY_CONFORMANCE_DIR;
}

std::vector<fs::path> corpus_files() {
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(conformance_dir(), ec)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(conformance_dir(), ec))
        if (entry.is_regular_file() && entry.path().extension() == ".py")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(Conformance, EveryProgramParses) {
    auto files = corpus_files();
    if (files.empty()) GTEST_SKIP() << "no corpus at " << conformance_dir();
    for (const fs::path& f : files) {
        auto result = eddy::parse::parse(read_file(f), f.string());
        if (auto* err = std::get_if<eddy::parse::SyntaxErrorInfo>(&result))
            ADD_FAILURE() << f << ":" << err->line << ":" << err->col << ": " << err->msg;
    }
}

// With python3 (CPython 3.11) on the PATH, every corpus program must also produce CPython's
// exact ast.dump, locations included.
TEST(Conformance, AstMatchesCPython) {
    auto files = corpus_files();
    if (files.empty()) GTEST_SKIP() << "no corpus at " << conformance_dir();
    std::string cmd =
        "python3 -c \"import ast,sys\nif sys.version_info[:2]!=(3,11): sys.exit(3)\n"
        "for f in sys.argv[1:]: print(ast.dump(ast.parse(open(f,encoding='utf-8').read()),"
        "include_attributes=True))\"";
    for (const fs::path& f : files) cmd += " '" + f.string() + "'";
    cmd += " 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) GTEST_SKIP() << "cannot run python3";
    std::string out;
    char buf[65536];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    if (pclose(pipe) != 0) GTEST_SKIP() << "python3 3.11 not available";
    std::istringstream lines(out);
    for (const fs::path& f : files) {
        std::string expected;
        std::getline(lines, expected);
        auto result = eddy::parse::parse(read_file(f), f.string());
        ASSERT_TRUE(std::holds_alternative<eddy::ast::Module>(result)) << f;
        EXPECT_EQ(eddy::ast::dump(std::get<eddy::ast::Module>(result), true), expected) << f;
    }
}

} // namespace
