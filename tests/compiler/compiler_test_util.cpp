// tests/compiler/compiler_test_util.cpp: see compiler_test_util.hpp.
#include "tests/compiler/compiler_test_util.hpp"

#include <fstream>
#include <iterator>

namespace eddy::test {

Compiled compile_source(std::string_view source, parse::Mode mode) {
    parse::ParseResult parsed = parse::parse(source, "<test>", mode);
    if (auto* err = std::get_if<parse::SyntaxErrorInfo>(&parsed)) return Compiled{nullptr, *err};
    comp::CompileResult result = comp::compile(std::get<ast::Module>(parsed), "<test>", mode, source);
    if (auto* err = std::get_if<parse::SyntaxErrorInfo>(&result)) return Compiled{nullptr, *err};
    return Compiled{std::get<std::shared_ptr<vm::Code>>(result), std::nullopt};
}

std::string dis_source(std::string_view source, parse::Mode mode) {
    Compiled c = compile_source(source, mode);
    if (c.error)
        return "SyntaxError: " + c.error->msg + " (line " + std::to_string(c.error->line) + ", col " +
               std::to_string(c.error->col) + ")";
    return vm::disassemble(*c.code);
}

namespace {

bool is_terminal(vm::Op op) {
    return op == vm::Op::JUMP || op == vm::Op::RETURN_VALUE || op == vm::Op::RAISE_VARARGS ||
           op == vm::Op::RERAISE;
}

void check_one(const vm::Code& code, std::vector<std::string>& errors) {
    const auto& ins = code.instructions;
    std::vector<int> depth(ins.size(), -1);
    std::vector<size_t> work;
    std::string where = code.qualname + ": ";
    auto reach = [&](size_t pc, int d, size_t from) {
        if (pc >= ins.size()) return errors.push_back(where + "jump out of range at " + std::to_string(from));
        if (d < 0) errors.push_back(where + "negative depth reaching " + std::to_string(pc));
        if (d > code.stacksize) errors.push_back(where + "depth " + std::to_string(d) + " above stacksize at " + std::to_string(pc));
        if (depth[pc] == -1) {
            depth[pc] = d;
            work.push_back(pc);
        } else if (depth[pc] != d) {
            errors.push_back(where + "depths " + std::to_string(depth[pc]) + " and " + std::to_string(d) +
                             " meet at " + std::to_string(pc));
        }
    };
    if (ins.empty()) return errors.push_back(where + "no instructions");
    if (code.positions.size() != ins.size()) errors.push_back(where + "positions/instructions size mismatch");
    reach(0, 0, 0);
    while (!work.empty() && errors.size() < 20) {
        size_t pc = work.back();
        work.pop_back();
        int d = depth[pc];
        for (const vm::ExceptionEntry& e : code.exception_table) {
            if (pc < e.start || pc >= e.end) continue;
            if (e.depth > d) errors.push_back(where + "handler deeper than stack at " + std::to_string(pc));
            reach(e.target, e.depth + (e.push_lasti ? 1 : 0) + 1, pc);
            break;   // the first matching row wins, as in CPython's table lookup
        }
        vm::Instr in = ins[pc];
        int after = d + vm::stack_effect(in, false);
        if (after > code.stacksize || after < 0)
            errors.push_back(where + "depth " + std::to_string(after) + " out of range after " + std::to_string(pc));
        if (vm::operand_kind(in.op()) == vm::OperandKind::Jump) reach(in.arg(), d + vm::stack_effect(in, true), pc);
        if (!is_terminal(in.op())) reach(pc + 1, after, pc);
    }
    for (size_t i = 0; i < ins.size(); i++)
        if (depth[i] == -1) errors.push_back(where + "unreachable instruction " + std::to_string(i));
}

} // namespace

std::vector<std::string> check_stack(const vm::Code& code) {
    std::vector<std::string> errors;
    check_one(code, errors);
    for (const vm::Constant& c : code.consts)
        if (auto* sub = std::get_if<std::shared_ptr<vm::Code>>(&c)) {
            auto more = check_stack(**sub);
            errors.insert(errors.end(), more.begin(), more.end());
        }
    return errors;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace eddy::test
