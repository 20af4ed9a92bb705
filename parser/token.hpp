// parser/token.hpp: the plain data the lexer hands the parser besides token kinds: source
// positions (line, byte column, byte offset) and decoded literal values. Shared by lexer/ and
// the Bison grammar; knows nothing about the AST arena.
#pragma once

#include <cstdint>
#include <string>

namespace eddy::parse {

// One point in the source. Lines are 1-based; `col` is a 0-based UTF-8 byte column (what the
// AST stores); `offset` is the byte offset into the lexer's buffer (f-string debug text uses it).
struct Pos {
    int line = 1, col = 0, offset = 0;
};

// Bison's location type (api.location.type): the half-open span [begin, end) of a symbol.
struct Location {
    Pos begin, end;
};

// A numeric literal, already converted. Integers beyond int64 keep base-10 digits in `text`.
struct NumberLit {
    enum class Kind : uint8_t { Int, BigInt, Float, Imag } kind = Kind::Int;
    int64_t i = 0;
    double f = 0;
    std::string text;
};

// One plain (non-f) string or bytes literal with its escapes already decoded.
struct StringLit {
    std::string value;
    bool is_bytes = false;
};

} // namespace eddy::parse
