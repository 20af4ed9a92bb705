// tests/compiler/golden_test.cpp: golden disassembly. Each golden/NAME.py compiles to exactly
// golden/NAME.dis (reviewed side by side with `python3 -m dis`). Set EDDY_UPDATE_GOLDEN=1 to
// rewrite the .dis files after an intended change, then review the diff.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/compiler/compiler_test_util.hpp"

namespace fs = std::filesystem;
using namespace eddy;

namespace {

std::vector<std::string> golden_names() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(EDDY_COMPILER_GOLDEN_DIR))
        if (entry.path().extension() == ".py") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

class Golden : public testing::TestWithParam<std::string> {};

TEST_P(Golden, DisassemblyMatches) {
    std::string base = std::string(EDDY_COMPILER_GOLDEN_DIR) + "/" + GetParam();
    std::string actual = test::dis_source(test::read_text(base + ".py"));
    if (std::getenv("EDDY_UPDATE_GOLDEN")) {
        std::ofstream(base + ".dis", std::ios::binary) << actual;
        GTEST_SKIP() << "rewrote " << base << ".dis";
    }
    EXPECT_EQ(test::read_text(base + ".dis"), actual);
}

INSTANTIATE_TEST_SUITE_P(Compiler, Golden, testing::ValuesIn(golden_names()),
                         [](const testing::TestParamInfo<std::string>& info) { return info.param; });

} // namespace
