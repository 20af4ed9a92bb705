// api/interactive.cpp: the parts of eddy.hpp behind the REPL: deciding whether the lines typed so
// far form a complete statement (CPython's interactive loop, PyRun_InteractiveOneObject), running
// it with its value echoed, and Tab completion of names and attributes (CPython's rlcompleter).
#include "api/impl.hpp"

#include <algorithm>
#include <cstdio>

#include "runtime/dict_object.hpp"
#include "runtime/function_object.hpp"
#include "runtime/list_object.hpp"
#include "runtime/loop/loop.hpp"
#include "runtime/module_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "vm/run.hpp"
#include "vm/vm_state.hpp"

namespace eddy {

using rt::Value;
namespace lp = rt::loop;

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

void write_stderr(rt::Interp& in, std::string_view text) {
    if (in.stderr_sink) {
        in.stderr_sink->write(text);
        return;
    }
    std::fflush(stdout);
    std::fwrite(text.data(), 1, text.size(), stderr);
}

// Input with top-level await (a coroutine code object) runs as a task on the interpreter's loop,
// as `python -m asyncio` runs it (asyncio/__main__.py's runcode): the loop runs until the task is
// done, other tasks advancing meanwhile. Ctrl-C cancels the task and reports KeyboardInterrupt.
rt::Status run_awaiting(rt::Interp& in, lp::EventLoop* loop, Value coro) {
    lp::Task* task = EDDY_TRY(lp::make_task(in, loop, coro, Value::null()));
    rt::RootedValues root(in.heap);
    root.values.push_back(Value::from_obj(task));
    while (task->state == lp::FutState::Pending) {
        if (!lp::run_once(in, loop).is_error()) continue;
        if (task->state != lp::FutState::Pending) {
            task->log_traceback = false;   // the error printed is the task's own
            return rt::Error{};
        }
        // Ctrl-C while the loop waited: asyncio's REPL cancels the input's task and writes
        // "\nKeyboardInterrupt\n" (the traceback would show no frame of the input).
        lp::task_cancel(in, task, Value::none());
        if (in.exception_matches(in.exc.KeyboardInterrupt)) write_stderr(in, "\n");
        return rt::Error{};
    }
    task->log_traceback = false;
    EDDY_TRY(lp::future_result(in, task));   // raises its exception, or CancelledError
    return rt::ok();
}

rt::Status run_statement(Interpreter::Impl& impl, std::string_view source) {
    rt::Interp& in = impl.in;
    EDDY_CHECK(ensure_main(in));
    Value code = EDDY_TRY(detail::compile_to_code(in, source, "<stdin>", parse::Mode::Interactive));
    // Every input runs with the loop marked running, so that asyncio.create_task() at the
    // prompt schedules onto it, and asyncio.run() refuses as it does in CPython's asyncio REPL.
    LoopRunning running(impl);
    if (!(code.as<rt::CodeObject>()->flags & vm::CO_COROUTINE)) {
        EDDY_TRY(vm::eval_in_main(in, code));
        return rt::ok();
    }
    Value coro = EDDY_TRY(vm::run_in_module_async(in, code, vm::main_module(in)));
    return run_awaiting(in, impl.host_loop(), coro);
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
                         : run_statement(*m_impl, source);
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
