// tests/parser/parser_error_test.cpp: syntax errors. The table (expected_errors.inc) holds what
// CPython 3.11 raises for each case of cases.py; the TESTs below cover what CPython's compile()
// cannot show: the REPL's `incomplete` flag, nesting limits, and hostile input.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "parser/parse.hpp"

namespace {

using eddy::parse::Mode;
using eddy::parse::SyntaxErrorInfo;

// The kinds are spelled as CPython's exception names in expected_errors.inc.
struct ErrorCase {
    const char* name;
    const char* source;
    Mode mode;
    const char* kind;
    const char* msg;
    int line, col;
    bool message_only;
};

const ErrorCase ErrorCases[] = {
#include "expected_errors.inc"
};

const char* kind_name(SyntaxErrorInfo::Kind k) {
    switch (k) {
    case SyntaxErrorInfo::Kind::SyntaxError: return "SyntaxError";
    case SyntaxErrorInfo::Kind::IndentationError: return "IndentationError";
    case SyntaxErrorInfo::Kind::TabError: return "TabError";
    }
    return "?";
}

// The SyntaxError of `source`, or a failed expectation when it parses.
SyntaxErrorInfo error_of(std::string_view source, Mode mode = Mode::File) {
    auto result = eddy::parse::parse(source, "<test>", mode);
    if (auto* err = std::get_if<SyntaxErrorInfo>(&result)) return *err;
    ADD_FAILURE() << "parsed without error: " << source;
    return {};
}

// Lets GoogleTest name a failing case instead of dumping its bytes.
void PrintTo(const ErrorCase& c, std::ostream* os) {
    *os << c.name;
}

class ParserError : public testing::TestWithParam<ErrorCase> {};

TEST_P(ParserError, MatchesCPython) {
    const ErrorCase& c = GetParam();
    SyntaxErrorInfo err = error_of(c.source, c.mode);
    EXPECT_STREQ(kind_name(err.kind), c.kind);
    EXPECT_EQ(err.msg, c.msg);
    EXPECT_EQ(err.filename, "<test>");
    if (c.message_only) return;
    EXPECT_EQ(err.line, c.line);
    EXPECT_EQ(err.col, c.col);
}

INSTANTIATE_TEST_SUITE_P(Cases, ParserError, testing::ValuesIn(ErrorCases),
                         [](const testing::TestParamInfo<ErrorCase>& info) {
                             return std::string(info.param.name);
                         });

TEST(ParserError, CarriesSourceLineText) {
    SyntaxErrorInfo err = error_of("x = 1\ny = (1 2)\n");
    EXPECT_EQ(err.line, 2);
    EXPECT_EQ(err.text, "y = (1 2)");
}

TEST(ParserError, ColumnCountsCharactersNotBytes) {
    SyntaxErrorInfo err = error_of("s = 'é' +");
    EXPECT_EQ(err.col, 10);   // CPython's offset: 9 characters, then the missing operand
}

// ---- incomplete input, as the REPL sees it ----

TEST(ParserIncomplete, OpenBracketIsIncomplete) {
    EXPECT_TRUE(error_of("f(1,\n", Mode::Interactive).incomplete);
    EXPECT_TRUE(error_of("x = [\n  1,\n", Mode::Interactive).incomplete);
}

TEST(ParserIncomplete, BlockHeaderIsIncomplete) {
    SyntaxErrorInfo err = error_of("if x:\n", Mode::Interactive);
    EXPECT_TRUE(err.incomplete);
    EXPECT_EQ(err.kind, SyntaxErrorInfo::Kind::IndentationError);
    EXPECT_TRUE(error_of("def f():", Mode::Interactive).incomplete);
    EXPECT_TRUE(error_of("for x in y:\n", Mode::Interactive).incomplete);
}

TEST(ParserIncomplete, TripleQuotedStringIsIncomplete) {
    EXPECT_TRUE(error_of("s = '''abc\n", Mode::Interactive).incomplete);
    EXPECT_TRUE(error_of("s = f\"\"\"abc {x}\n", Mode::Interactive).incomplete);
}

TEST(ParserIncomplete, TrailingBackslashIsIncomplete) {
    EXPECT_TRUE(error_of("x = 1 + \\\n", Mode::Interactive).incomplete);
}

TEST(ParserIncomplete, DecoratorWithoutDefinitionIsIncomplete) {
    EXPECT_TRUE(error_of("@dec\n", Mode::Interactive).incomplete);
}

TEST(ParserIncomplete, RealErrorsAreNotIncomplete) {
    EXPECT_FALSE(error_of("x = 1 +\n", Mode::Interactive).incomplete);
    EXPECT_FALSE(error_of("'abc\n", Mode::Interactive).incomplete);
    EXPECT_FALSE(error_of("f(1))\n", Mode::Interactive).incomplete);
}

// ---- limits: never a C++ stack overflow ----

TEST(ParserLimits, TenThousandNestedBracketsAreASyntaxError) {
    std::string src = std::string(10000, '(') + std::string(10000, ')');
    SyntaxErrorInfo err = error_of(src);
    EXPECT_EQ(err.msg, "too many nested parentheses");
    EXPECT_EQ(err.col, eddy::parse::MaxNesting + 1);
}

TEST(ParserLimits, NestingJustBelowTheLimitParses) {
    int n = eddy::parse::MaxNesting;
    std::string src = std::string(n, '[') + std::string(n, ']');
    EXPECT_TRUE(std::holds_alternative<eddy::ast::Module>(eddy::parse::parse(src, "<test>")));
}

TEST(ParserLimits, DeepUnaryChainIsASyntaxError) {
    SyntaxErrorInfo err = error_of(std::string(10000, '-') + "1");
    EXPECT_NE(err.msg.find("too many nested"), std::string::npos);
}

TEST(ParserLimits, LongBinaryChainIsASyntaxError) {
    std::string src = "1";
    for (int i = 0; i < 100000; ++i) src += "+1";
    EXPECT_NE(error_of(src).msg.find("too many nested"), std::string::npos);
}

TEST(ParserLimits, TooManyIndentationLevels) {
    std::string src;
    for (int i = 0; i < 120; ++i) src += std::string(i, ' ') + "if x:\n";
    src += std::string(120, ' ') + "pass\n";
    EXPECT_EQ(error_of(src).msg, "too many levels of indentation");
}

TEST(ParserLimits, LongFlatProgramParses) {
    std::string src;
    for (int i = 0; i < 20000; ++i) src += "x = x + " + std::to_string(i) + "\n";
    EXPECT_TRUE(std::holds_alternative<eddy::ast::Module>(eddy::parse::parse(src, "<test>")));
}

// ---- hostile input ----

TEST(ParserHostile, NulByteIsASyntaxError) {
    std::string src("x = 1\0\n", 7);
    EXPECT_EQ(error_of(src).msg, "source code string cannot contain null bytes");
}

TEST(ParserHostile, InvalidUtf8IsASyntaxError) {
    SyntaxErrorInfo err = error_of("x = '\xff'\n");
    EXPECT_NE(err.msg.find("can't decode byte 0xff"), std::string::npos);
}

TEST(ParserHostile, TruncatedUtf8AtEndIsASyntaxError) {
    EXPECT_NE(error_of("x = 1 # \xe2\x82").msg.find("can't decode"), std::string::npos);
}

// Random bytes and random token soup: every input either parses or gives a SyntaxError with
// a line inside the source. ASan/UBSan builds turn any overread into a failure here.
TEST(ParserHostile, RandomInputNeverCrashes) {
    std::mt19937 rng(12345);
    const std::string pieces[] = {"(", ")", "[", "]", "{", "}", "'", "\"", "'''", "f'", "{x",
                                  "}", ":", "\n", "    ", "\t", "\\", "if", "else", "lambda",
                                  "x", "1", "1.5e", "0x", "=", ":=", "*", "**", ",", "not",
                                  "in", "is", "#", "yield", "async", "def", "\xc3\xa9", "!r",
                                  "\xff", "\0", "\r", "@", ";", "...", "."};
    for (int round = 0; round < 3000; ++round) {
        std::string src;
        int len = static_cast<int>(rng() % 40);
        for (int i = 0; i < len; ++i) {
            if (round % 3 == 0) src.push_back(static_cast<char>(rng() % 256));
            else src += pieces[rng() % std::size(pieces)];
        }
        for (Mode mode : {Mode::File, Mode::Interactive, Mode::Eval}) {
            auto result = eddy::parse::parse(src, "<fuzz>", mode);
            if (auto* err = std::get_if<SyntaxErrorInfo>(&result)) {
                EXPECT_FALSE(err->msg.empty());
                EXPECT_GE(err->line, 1);
            }
        }
    }
}

} // namespace
