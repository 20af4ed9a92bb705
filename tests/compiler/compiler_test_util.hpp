// tests/compiler/compiler_test_util.hpp: helpers shared by the compiler suites: compile source
// text through eddy's parser (or CPython's, for cross-checks), and verify a code object's stack
// discipline by walking every path through it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/compile.hpp"

namespace eddy::test {

struct Compiled {
    std::shared_ptr<vm::Code> code;              // null on error
    std::optional<parse::SyntaxErrorInfo> error;
};

Compiled compile_source(std::string_view source, parse::Mode mode = parse::Mode::File);

// Disassembly of `source`, or "SyntaxError: msg (line L, col C)" when it does not compile.
std::string dis_source(std::string_view source, parse::Mode mode = parse::Mode::File);

// Simulates the value stack along every path (jumps, fall-through and exception handlers) of
// `code` and its nested code objects. Returns one message per violation: a negative depth, a
// depth above `stacksize`, two paths meeting with different depths, a handler deeper than the
// stack it protects, or an unreachable instruction.
std::vector<std::string> check_stack(const vm::Code& code);

std::string read_text(const std::string& path);

} // namespace eddy::test
