// tests/lexer/lexer_test.cpp: the scanner's token streams, rendered one token per word:
// layout tokens by kind (NEWLINE INDENT DEDENT END), names/numbers/strings with their values
// (a newline inside a value shows as <nl>, a tab as <tab>), everything else by its spelling.
// Errors end the stream as "ERROR(message @line:col)".
#include <gtest/gtest.h>

#include <string>

#include "lexer/lexer.hpp"
#include "parser/builder.hpp"

namespace {

using eddy::lex::Lexer;
using eddy::lex::Symbol;
using eddy::parse::ErrorState;
using eddy::parse::Mode;
using eddy::parse::NumberLit;
using eddy::parse::Parser;
using eddy::parse::StringLit;
using Kind = Parser::symbol_kind;

// Shows control characters so expectations stay on one line.
std::string visible(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += "<nl>";
        else if (c == '\t') out += "<tab>";
        else out.push_back(c);
    }
    return out;
}

std::string render(const Symbol& s) {
    switch (s.kind()) {
    case Kind::S_NEWLINE: return "NEWLINE";
    case Kind::S_INDENT: return "INDENT";
    case Kind::S_DEDENT: return "DEDENT";
    case Kind::S_YYEOF: return "END";
    case Kind::S_NAME: return "NAME:" + s.value.as<std::string>();
    case Kind::S_FSTRING_START: return "FSTART";
    case Kind::S_FSTRING_END: return "FEND";
    case Kind::S_FSTRING_MIDDLE: return "FMID:" + visible(s.value.as<std::string>());
    case Kind::S_FSTRING_EQ: return "FEQ:" + s.value.as<std::string>();
    case Kind::S_STRING: {
        const StringLit& lit = s.value.as<StringLit>();
        return std::string(lit.is_bytes ? "BYTES:" : "STR:") + visible(lit.value);
    }
    case Kind::S_NUMBER: {
        const NumberLit& n = s.value.as<NumberLit>();
        switch (n.kind) {
        case NumberLit::Kind::Int: return "INT:" + std::to_string(n.i);
        case NumberLit::Kind::BigInt: return "BIG:" + n.text;
        case NumberLit::Kind::Float: return "FLOAT:" + std::to_string(n.f);
        case NumberLit::Kind::Imag: return "IMAG:" + std::to_string(n.f);
        }
        return "?";
    }
    default: return Parser::symbol_name(s.kind());
    }
}

// The whole token stream of `src` (after the mode's start token), space-separated.
std::string tokens(std::string_view src, Mode mode = Mode::File) {
    ErrorState err;
    Lexer lexer(src, mode, err);
    lexer.next();   // START_FILE / START_INTERACTIVE / START_EVAL
    std::string out;
    for (int guard = 0; guard < 10000; ++guard) {
        Symbol s = lexer.next();
        if (s.kind() == Kind::S_YYerror) {
            return out + "ERROR(" + err.msg + " @" + std::to_string(err.loc.begin.line) + ":" +
                   std::to_string(err.loc.begin.col) + ")";
        }
        out += render(s);
        if (s.kind() == Kind::S_YYEOF) return out;
        out += ' ';
    }
    return out + "...";
}

// "kind@line:col-line:col" of every token, for position checks.
std::string positions(std::string_view src) {
    ErrorState err;
    Lexer lexer(src, Mode::File, err);
    lexer.next();
    std::string out;
    for (;;) {
        Symbol s = lexer.next();
        if (s.kind() == Kind::S_YYEOF || s.kind() == Kind::S_YYerror) return out;
        const auto& l = s.location;
        out += render(s) + "@" + std::to_string(l.begin.line) + ":" + std::to_string(l.begin.col) +
               "-" + std::to_string(l.end.line) + ":" + std::to_string(l.end.col) + " ";
    }
}

// ---- layout ----

TEST(Lexer, SimpleStatement) {
    EXPECT_EQ(tokens("x = 1\n"), "NAME:x = INT:1 NEWLINE END");
}

TEST(Lexer, MissingFinalNewlineStillEndsTheLine) {
    EXPECT_EQ(tokens("x"), "NAME:x NEWLINE END");
}

TEST(Lexer, IndentAndDedent) {
    EXPECT_EQ(tokens("if x:\n    y\nz\n"),
              "if NAME:x : NEWLINE INDENT NAME:y NEWLINE DEDENT NAME:z NEWLINE END");
}

TEST(Lexer, DedentsAfterBlankLineAtEndOfBlock) {
    EXPECT_EQ(tokens("if x:\n    y\n\nz\n"),
              "if NAME:x : NEWLINE INDENT NAME:y NEWLINE DEDENT NAME:z NEWLINE END");
}

TEST(Lexer, SeveralDedentsAtOnce) {
    EXPECT_EQ(tokens("if a:\n  if b:\n    c\nd\n"),
              "if NAME:a : NEWLINE INDENT if NAME:b : NEWLINE INDENT NAME:c NEWLINE DEDENT "
              "DEDENT NAME:d NEWLINE END");
}

TEST(Lexer, DedentsAtEndOfFileWithoutNewline) {
    EXPECT_EQ(tokens("if a:\n  if b:\n    c"),
              "if NAME:a : NEWLINE INDENT if NAME:b : NEWLINE INDENT NAME:c NEWLINE DEDENT "
              "DEDENT END");
}

TEST(Lexer, CommentAndBlankLinesDoNotAffectIndentation) {
    EXPECT_EQ(tokens("if a:\n    b\n  # odd comment\n\n        \n    c\n"),
              "if NAME:a : NEWLINE INDENT NAME:b NEWLINE NAME:c NEWLINE DEDENT END");
}

TEST(Lexer, CommentOnlyFileHasNoTokens) {
    EXPECT_EQ(tokens("# just a comment\n\n   # another"), "END");
}

TEST(Lexer, TabsIndentToMultiplesOfEight) {
    // "    \t" and "  \t" both reach column 8, then "\t\t" reaches 16.
    EXPECT_EQ(tokens("if a:\n    \tb\n    \tif c:\n    \t    \td\n"),
              "if NAME:a : NEWLINE INDENT NAME:b NEWLINE if NAME:c : NEWLINE INDENT NAME:d "
              "NEWLINE DEDENT DEDENT END");
}

TEST(Lexer, TabsAndSpacesMixedInconsistentlyIsTabError) {
    // A tab and eight spaces are the same column only when tabs are 8 wide: CPython refuses.
    EXPECT_EQ(tokens("if a:\n\tb\n        c\n"),
              "if NAME:a : NEWLINE INDENT NAME:b NEWLINE "
              "ERROR(inconsistent use of tabs and spaces in indentation @3:0)");
}

TEST(Lexer, UnindentToUnknownLevelIsIndentationError) {
    EXPECT_EQ(tokens("if a:\n    b\n  c\n"),
              "if NAME:a : NEWLINE INDENT NAME:b NEWLINE "
              "ERROR(unindent does not match any outer indentation level @3:4)");
}

TEST(Lexer, BracketsJoinLines) {
    EXPECT_EQ(tokens("x = (1,\n  2\n)\ny"),
              "NAME:x = ( INT:1 , INT:2 ) NEWLINE NAME:y NEWLINE END");
}

TEST(Lexer, IndentationInsideBracketsIsIgnored) {
    EXPECT_EQ(tokens("if a:\n    f(1,\n2)\n    b\n"),
              "if NAME:a : NEWLINE INDENT NAME:f ( INT:1 , INT:2 ) NEWLINE NAME:b NEWLINE "
              "DEDENT END");
}

TEST(Lexer, BackslashJoinsLines) {
    EXPECT_EQ(tokens("x = 1 + \\\n      2\n"), "NAME:x = INT:1 + INT:2 NEWLINE END");
}

TEST(Lexer, CarriageReturnsAreNewlines) {
    EXPECT_EQ(tokens("a\r\nb\rc"), "NAME:a NEWLINE NAME:b NEWLINE NAME:c NEWLINE END");
}

TEST(Lexer, TracksLineAndColumnOfEveryToken) {
    EXPECT_EQ(positions("ab = 1\n  # c\nif x:\n    y\n"),
              "NAME:ab@1:0-1:2 =@1:3-1:4 INT:1@1:5-1:6 NEWLINE@1:6-1:6 if@3:0-3:2 "
              "NAME:x@3:3-3:4 :@3:4-3:5 NEWLINE@3:5-3:5 INDENT@4:4-4:4 NAME:y@4:4-4:5 "
              "NEWLINE@4:5-4:5 DEDENT@4:5-4:5 ");
}

TEST(Lexer, ColumnsAreBytes) {
    EXPECT_EQ(positions("'é' x"), "STR:é@1:0-1:4 NAME:x@1:5-1:6 NEWLINE@1:6-1:6 ");
}

// ---- names, keywords, operators ----

TEST(Lexer, KeywordsAndNames) {
    EXPECT_EQ(tokens("if iffy async await None _x x1 café"),
              "if NAME:iffy async await None NAME:_x NAME:x1 NAME:café NEWLINE END");
}

TEST(Lexer, NotInAndIsNotAreFused) {
    EXPECT_EQ(tokens("a not in b is not c"), "NAME:a not in NAME:b is not NAME:c NEWLINE END");
}

TEST(Lexer, NotInIsFusedAcrossLinesInBrackets) {
    EXPECT_EQ(tokens("(a not\n in b)"), "( NAME:a not in NAME:b ) NEWLINE END");
}

TEST(Lexer, LoneNotAndIsStayAlone) {
    EXPECT_EQ(tokens("not a is b is not not c"),
              "not NAME:a is NAME:b is not not NAME:c NEWLINE END");
}

TEST(Lexer, MultiCharacterOperators) {
    EXPECT_EQ(tokens("a **= b // c -> d := e ... f != g <<= h"),
              "NAME:a **= NAME:b // NAME:c -> NAME:d := NAME:e ... NAME:f != NAME:g <<= NAME:h "
              "NEWLINE END");
}

// ---- numbers ----

TEST(Lexer, IntegerForms) {
    EXPECT_EQ(tokens("0 7 1_000 0x_Ff 0o17 0b1010 00"),
              "INT:0 INT:7 INT:1000 INT:255 INT:15 INT:10 INT:0 NEWLINE END");
}

TEST(Lexer, IntegersBeyondInt64KeepDecimalDigits) {
    EXPECT_EQ(tokens("9223372036854775807 9223372036854775808 0x10000000000000000"),
              "INT:9223372036854775807 BIG:9223372036854775808 BIG:18446744073709551616 "
              "NEWLINE END");
}

TEST(Lexer, FloatsAndImaginary) {
    EXPECT_EQ(tokens("1.5 1. .25 1e3 1_000.5 2j 1.5J"),
              "FLOAT:1.500000 FLOAT:1.000000 FLOAT:0.250000 FLOAT:1000.000000 "
              "FLOAT:1000.500000 IMAG:2.000000 IMAG:1.500000 NEWLINE END");
}

TEST(Lexer, KeywordMayFollowNumber) {
    EXPECT_EQ(tokens("1if x else 2"), "INT:1 if NAME:x else INT:2 NEWLINE END");
}

TEST(Lexer, LetterAfterNumberIsInvalidDecimalLiteral) {
    EXPECT_EQ(tokens("x = 1abc"), "NAME:x = ERROR(invalid decimal literal @1:4)");
}

TEST(Lexer, LeadingZerosAreRejected) {
    EXPECT_EQ(tokens("0777"),
              "ERROR(leading zeros in decimal integer literals are not permitted; use an 0o "
              "prefix for octal integers @1:0)");
}

// ---- strings ----

TEST(Lexer, StringPrefixesAndQuotes) {
    EXPECT_EQ(tokens("'a' \"b\" r'\\n' B'c' Rb'\\x' u'd' '''e\nf'''"),
              "STR:a STR:b STR:\\n BYTES:c BYTES:\\x STR:d STR:e<nl>f NEWLINE END");
}

TEST(Lexer, EscapeSequencesAreDecoded) {
    EXPECT_EQ(tokens(R"('\t\x41\u00e9\U0001F600\101\\\'\q')"),
              "STR:<tab>Aé😀A\\'\\q NEWLINE END");
}

TEST(Lexer, BytesEscapesStayBytes) {
    ErrorState err;
    Lexer lexer(R"(b'\xff\000\n')", Mode::File, err);
    lexer.next();
    Symbol s = lexer.next();
    ASSERT_EQ(s.kind(), Kind::S_STRING);
    EXPECT_EQ(s.value.as<StringLit>().value, std::string("\xff\0\n", 3));
}

TEST(Lexer, NamedUnicodeEscapeIsRejected) {
    EXPECT_NE(tokens(R"('\N{DASH}')").find("ERROR((unicode error)"), std::string::npos);
}

TEST(Lexer, UnterminatedStringReportsDetectionLine) {
    EXPECT_EQ(tokens("x = 'abc\ny"),
              "NAME:x = ERROR(unterminated string literal (detected at line 1) @1:4)");
}

TEST(Lexer, UnterminatedTripleQuotedStringIsIncomplete) {
    ErrorState err;
    Lexer lexer("'''abc\n\n", Mode::File, err);
    lexer.next();
    EXPECT_EQ(lexer.next().kind(), Kind::S_YYerror);
    EXPECT_EQ(err.msg, "unterminated triple-quoted string literal (detected at line 3)");
    EXPECT_TRUE(err.incomplete);
}

// ---- f-strings ----

TEST(Lexer, FStringIsSplitIntoPieces) {
    EXPECT_EQ(tokens("f'a{x}b'"), "FSTART FMID:a { NAME:x } FMID:b FEND NEWLINE END");
}

TEST(Lexer, FStringConversionAndNestedSpec) {
    EXPECT_EQ(tokens("f'{x!r:>{w}}'"),
              "FSTART { NAME:x ! NAME:r : FMID:> { NAME:w } } FEND NEWLINE END");
}

TEST(Lexer, FStringDoubledBracesAreText) {
    EXPECT_EQ(tokens("f'{{a}}{b}'"), "FSTART FMID:{a} { NAME:b } FEND NEWLINE END");
}

TEST(Lexer, FStringDebugEqualsCarriesSourceText) {
    EXPECT_EQ(tokens("f'{ x + 1 = }'"), "FSTART { NAME:x + INT:1 FEQ: x + 1 =  } FEND NEWLINE END");
}

TEST(Lexer, FStringComparisonIsNotDebug) {
    EXPECT_EQ(tokens("f'{a==b}{a!=b}'"),
              "FSTART { NAME:a == NAME:b } { NAME:a != NAME:b } FEND NEWLINE END");
}

TEST(Lexer, FStringFieldMayHoldStringsAndBrackets) {
    EXPECT_EQ(tokens("f\"{d['k']} {f(a, [1])}\""),
              "FSTART { NAME:d [ STR:k ] } FMID:  { NAME:f ( NAME:a , [ INT:1 ] ) } FEND "
              "NEWLINE END");
}

TEST(Lexer, FStringTripleQuotedSpansLines) {
    EXPECT_EQ(tokens("f'''a\n{x}\n'''"), "FSTART FMID:a<nl> { NAME:x } FMID:<nl> FEND NEWLINE END");
}

TEST(Lexer, FStringSingleClosingBraceIsAnError) {
    // Reported just past the literal, where CPython 3.11 points.
    EXPECT_EQ(tokens("f'a}'"), "FSTART FMID:a ERROR(f-string: single '}' is not allowed @1:5)");
}

TEST(Lexer, FStringWalrusColonStartsFormatSpec) {
    EXPECT_EQ(tokens("f'{x:=5}'"), "FSTART { NAME:x : FMID:=5 } FEND NEWLINE END");
}

// ---- brackets and bad input ----

TEST(Lexer, NeverClosedBracketIsIncomplete) {
    ErrorState err;
    Lexer lexer("f(1,\n  [2,\n", Mode::File, err);
    while (lexer.next().kind() != Kind::S_YYerror) {}
    EXPECT_EQ(err.msg, "'[' was never closed");
    EXPECT_EQ(err.loc.begin.line, 2);
    EXPECT_TRUE(err.incomplete);
}

TEST(Lexer, UnmatchedClosingBracket) {
    EXPECT_EQ(tokens("a)"), "NAME:a ERROR(unmatched ')' @1:1)");
}

TEST(Lexer, MismatchedClosingBracket) {
    EXPECT_EQ(tokens("(a]"), "( NAME:a ERROR(closing parenthesis ']' does not match opening "
                              "parenthesis '(' @1:2)");
}

TEST(Lexer, TooManyNestedBrackets) {
    std::string deep(eddy::parse::MaxNesting + 1, '[');
    EXPECT_NE(tokens(deep).find("ERROR(too many nested parentheses"), std::string::npos);
}

TEST(Lexer, StrayAsciiCharacterIsInvalidSyntax) {
    EXPECT_EQ(tokens("a $ b"), "NAME:a ERROR(invalid syntax @1:2)");
}

TEST(Lexer, NonAsciiSymbolIsInvalidCharacter) {
    EXPECT_EQ(tokens("a = €"), "NAME:a = ERROR(invalid character '€' (U+20AC) @1:4)");
}

TEST(Lexer, NonAsciiSymbolAfterNumberIsInvalidCharacter) {
    EXPECT_EQ(tokens("5€"), "ERROR(invalid character '€' (U+20AC) @1:1)");
}

TEST(Lexer, NulByteIsRejected) {
    EXPECT_EQ(tokens(std::string_view("a\0b", 3)),
              "ERROR(source code string cannot contain null bytes @1:1)");
}

TEST(Lexer, InvalidUtf8IsRejected) {
    EXPECT_EQ(tokens("# \xc3\x28"),
              "ERROR((unicode error) 'utf-8' codec can't decode byte 0xc3 in position 2: "
              "invalid start byte @1:2)");
}

TEST(Lexer, ByteOrderMarkIsSkipped) {
    EXPECT_EQ(tokens("\xEF\xBB\xBFx"), "NAME:x NEWLINE END");
}

TEST(Lexer, KeepsReturningEndAfterEnd) {
    ErrorState err;
    Lexer lexer("x", Mode::File, err);
    for (int i = 0; i < 3; ++i) lexer.next();   // START, NAME, NEWLINE
    EXPECT_EQ(lexer.next().kind(), Kind::S_YYEOF);
    EXPECT_EQ(lexer.next().kind(), Kind::S_YYEOF);
}

TEST(Lexer, EvalModeIgnoresIndentation) {
    EXPECT_EQ(tokens("   x", Mode::Eval), "NAME:x NEWLINE END");
}

} // namespace
