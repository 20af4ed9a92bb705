// tests/py_runner.cpp: the project's own differential runner. Each tests/py/**/NAME.py (and each
// examples/*.py with a NAME.py.exp beside it) is one test: it runs under the built eddy in its
// own folder and must print exactly NAME.py.exp, produced by python3 and checked in, and exit
// with the status in NAME.py.code (0 when absent). Folders and files starting with "_" are
// helper modules, not tests.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool is_helper(const fs::path& relative) {
    for (const auto& part : relative)
        if (!part.empty() && part.string()[0] == '_') return true;
    return false;
}

std::vector<fs::path> collect(const fs::path& root, bool require_exp) {
    std::vector<fs::path> found;
    if (!fs::exists(root)) return found;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const fs::path& path = entry.path();
        if (path.extension() != ".py" || is_helper(fs::relative(path, root))) continue;
        if (require_exp && !fs::exists(path.string() + ".exp")) continue;
        found.push_back(path);
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::vector<fs::path> all_programs() {
    auto programs = collect(EDDY_PY_TESTS, false);
    for (auto& example : collect(EDDY_EXAMPLES, true)) programs.push_back(example);
    return programs;
}

struct Outcome {
    std::string out;
    int status = -1;
};

// Runs the program in its own folder with stdin from /dev/null, as the shared difftest does.
Outcome run(const fs::path& program) {
    std::string command = "cd '" + program.parent_path().string() + "' && PYTHONHASHSEED=0 '" +
                          EDDY_BINARY + "' '" + program.filename().string() +
                          "' </dev/null 2>/dev/null";
    Outcome outcome;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return outcome;
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) outcome.out.append(buffer.data(), n);
    int raw = pclose(pipe);
    outcome.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    return outcome;
}

class Program : public testing::TestWithParam<fs::path> {};

TEST_P(Program, PrintsWhatCPythonPrints) {
    const fs::path& program = GetParam();
    fs::path exp = program.string() + ".exp", code = program.string() + ".code";
    ASSERT_TRUE(fs::exists(exp)) << "missing " << exp << " (produce it with python3)";
    int expected_status = fs::exists(code) ? std::stoi(read_file(code)) : 0;
    Outcome outcome = run(program);
    EXPECT_EQ(outcome.out, read_file(exp)) << program;
    EXPECT_EQ(outcome.status, expected_status) << program;
}

std::string test_name(const testing::TestParamInfo<fs::path>& info) {
    std::string name = fs::relative(info.param, fs::path(EDDY_PY_TESTS).parent_path().parent_path()).string();
    for (char& c : name)
        if (!isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Py, Program, testing::ValuesIn(all_programs()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Program);

} // namespace
