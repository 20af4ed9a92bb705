// api/interactive.cpp: the parts of eddy.hpp behind the REPL: deciding whether the lines typed so
// far form a complete statement (CPython's interactive loop, PyRun_InteractiveOneObject), running
// it with its value echoed, and Tab completion of names and attributes (CPython's rlcompleter).
#include "api/impl.hpp"

#include <algorithm>
#include <cstdio>

#include "runtime/dict_object.hpp"
#include "runtime/list_object.hpp"
#include "runtime/module_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "vm/run.hpp"
#include "vm/vm_state.hpp"

namespace eddy {

using rt::Value;

namespace {

bool is_compound(const ast::Stmt* s) {
    using K = ast::StmtKind;
    switch (s->kind) {
    case K::FunctionDef: case K::ClassDef: case K::For: case K::While: case K::If:
    case K::With: case K::Try:
        return true;
    default:
        return false;
    }
}

// The last line of `source` (which ends in '\n') holds only blanks: it ends a block.
bool ends_with_blank_line(std::string_view source) {
    if (source.empty() || source.back() != '\n') return false;
    std::string_view body = source.substr(0, source.size() - 1);
    size_t start = body.rfind('\n');
    std::string_view last = body.substr(start == std::string_view::npos ? 0 : start + 1);
    return last.find_first_not_of(" \t\f\r") == std::string_view::npos;
}

// An open bracket or triple-quoted string keeps reading through blank lines; an unfinished block
// does not (CPython reports "expected an indented block" once a blank line arrives).
bool waits_through_blank_lines(const parse::SyntaxErrorInfo& e) {
    return e.msg.find("was never closed") != std::string::npos ||
           e.msg.rfind("unterminated triple-quoted", 0) == 0;
}

enum class Shape { Incomplete, Complete, Invalid };

Shape classify(const parse::ParseResult& parsed, std::string_view source) {
    bool blank_end = ends_with_blank_line(source);
    if (auto* e = std::get_if<parse::SyntaxErrorInfo>(&parsed)) {
        if (!e->incomplete) return Shape::Invalid;
        return blank_end && !waits_through_blank_lines(*e) ? Shape::Invalid : Shape::Incomplete;
    }
    const ast::Module& m = std::get<ast::Module>(parsed);
    // A compound statement may go on with more clauses or body lines until a blank line.
    if (!blank_end && !m.body.empty() && is_compound(m.body.back())) return Shape::Incomplete;
    return Shape::Complete;
}

// __main__ for the prompt, created on first use with the current directory on sys.path, as
// CPython's REPL starts with sys.path[0] == ''.
rt::Status ensure_main(rt::Interp& in) {
    if (!rt::dict_get_str(in.modules, in.names.dunder_main).is_null()) return rt::ok();
    Value code = EDDY_TRY(detail::compile_to_code(in, "", "", parse::Mode::File));
    return vm::run_main_module(in, code, "");
}

rt::Status run_statement(rt::Interp& in, std::string_view source) {
    EDDY_CHECK(ensure_main(in));
    Value code = EDDY_TRY(detail::compile_to_code(in, source, "<stdin>", parse::Mode::Interactive));
    EDDY_TRY(vm::eval_in_main(in, code));
    return rt::ok();
}

} // namespace

Interactive Interpreter::run_interactive(std::string_view source) {
    EDDY_API_ENTRY(*m_impl);
    rt::Interp& in = m_impl->in;
    parse::ParseResult parsed = parse::parse(source, "<stdin>", parse::Mode::Interactive);
    Shape shape = classify(parsed, source);
    if (shape == Shape::Incomplete) return Interactive::Incomplete;
    // A Ctrl-C at the prompt is not meant for this code (the limits' hook keeps the flag armed).
    m_impl->m_keyboard_interrupt = 0;
    if (!in.vm->safe_point_hook) in.vm->interrupt_requested = 0;
    rt::Status ran = shape == Shape::Invalid
                         ? detail::raise_syntax_error(in, std::get<parse::SyntaxErrorInfo>(parsed))
                         : run_statement(in, source);
    flush();
    std::fflush(stdout);
    if (!ran.is_error()) return Interactive::Ran;
    if (std::optional<int> status = vm::handle_system_exit(in)) {
        m_impl->m_exit_code = *status;
        return Interactive::Exit;
    }
    vm::print_pending_exception(in);
    return Interactive::Ran;
}

int Interpreter::exit_code() const { return m_impl->m_exit_code; }

} // namespace eddy
