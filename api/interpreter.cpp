// api/interpreter.cpp: implements the core of eddy.hpp: creating an Interpreter and running code
// in it. The one place that wires the pipeline together: parse (parser/) -> compile (compiler/)
// -> load and run (vm/) over the runtime, with the stdlib installed. Script errors become
// eddy::Error here and in the other api/ files, nowhere else.
#include "api/impl.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>

#include "compiler/compile.hpp"
#include "runtime/exception_object.hpp"
#include "runtime/loop/loop.hpp"
#include "runtime/function_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/traceback.hpp"
#include "runtime/tuple_object.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/interpreter.hpp"
#include "vm/run.hpp"
#include "vm/vm_state.hpp"

namespace eddy {

using rt::Value;

Error::Error(std::string type_name, std::string message, std::string traceback)
    : std::runtime_error(type_name + (message.empty() ? "" : ": " + message)),
      m_type_name(std::move(type_name)), m_message(std::move(message)),
      m_traceback(std::move(traceback)) {}

const char* version() { return "0.1.0"; }

namespace detail {

// Built the way CPython builds it: SyntaxError(msg, (filename, lineno, offset, text, end_lineno,
// end_offset)).
rt::Error raise_syntax_error(rt::Interp& in, const parse::SyntaxErrorInfo& info) {
    using Kind = parse::SyntaxErrorInfo::Kind;
    rt::Type* type = info.kind == Kind::TabError           ? in.exc.TabError
                     : info.kind == Kind::IndentationError ? in.exc.IndentationError
                                                           : in.exc.SyntaxError;
    rt::Tuple* details = rt::make_tuple(in, 6);
    details->items()[0] = rt::str_value(in, info.filename);
    details->items()[1] = Value::from_small_int(info.line);
    details->items()[2] = Value::from_small_int(info.col);
    details->items()[3] = rt::str_value(in, info.text + "\n");
    details->items()[4] = Value::from_small_int(info.end_line);
    details->items()[5] = Value::from_small_int(info.end_col);
    rt::Result<Value> exc = rt::call(in, Value::from_obj(type),
                                     {rt::str_value(in, info.msg), Value::from_obj(details)});
    if (exc.is_error()) return rt::Error{};
    return in.raise_value(exc.value());
}

rt::Result<Value> compile_to_code(rt::Interp& in, std::string_view source,
                                  std::string_view filename, parse::Mode mode) {
    parse::ParseResult parsed = parse::parse(source, filename, mode);
    if (auto* error = std::get_if<parse::SyntaxErrorInfo>(&parsed))
        return raise_syntax_error(in, *error);
    comp::CompileResult compiled =
        comp::compile(std::get<ast::Module>(parsed), filename, mode, source);
    if (auto* error = std::get_if<parse::SyntaxErrorInfo>(&compiled))
        return raise_syntax_error(in, *error);
    auto code = std::get<std::shared_ptr<vm::Code>>(std::move(compiled));
    return Value::from_obj(rt::make_code_object(in, std::move(code)));
}

bool read_source(const std::string& path, std::string& source) {
    std::ifstream file(path, std::ios::binary);
    if (!file || std::filesystem::is_directory(path)) return false;
    std::ostringstream text;
    text << file.rdbuf();
    source = text.str();
    return true;
}

} // namespace detail

Interpreter::Impl::Impl(Config config) : m_config(std::move(config)) {
    in.heap.set_stack_base(__builtin_frame_address(0));
    if (m_config.write_stdout) {
        m_stdout = std::make_unique<CallbackOutput>(m_config.write_stdout);
        in.stdout_sink = m_stdout.get();
    }
    if (m_config.write_stderr) {
        m_stderr = std::make_unique<CallbackOutput>(m_config.write_stderr);
        in.stderr_sink = m_stderr.get();
    }
    if (m_config.recursion_limit > 0) in.vm->recursion_limit = m_config.recursion_limit;
    if (m_config.memory_limit > 0) in.heap.set_limit(m_config.memory_limit);
    if (m_config.int_max_str_digits >= 0) in.int_max_str_digits = m_config.int_max_str_digits;
    in.argv = m_config.argv.empty() ? std::vector<std::string>{""} : m_config.argv;
    in.compile_source = [](rt::Interp& in, std::string_view source, std::string_view filename) {
        return detail::compile_to_code(in, source, filename, parse::Mode::File);
    };
    in.heap.add_root_source(this);
    lib::install(in);
    install_limits();
}

Interpreter::Impl::~Impl() {
    m_alive.reset();   // first: promises held anywhere (even in m_callables) must not touch us
    in.heap.remove_root_source(this);
}

void Interpreter::Impl::trace_roots(rt::Tracer& tracer) {
    tracer.mark(std::span<const Value>(m_handles));
    for (const auto& c : m_callables) tracer.mark(std::span<const Value>(c->defaults));
    tracer.mark(m_host_function_type);
    tracer.mark(m_escaped);
    tracer.mark(m_loop);
}

rt::Status Interpreter::Impl::run_main(std::string_view source, std::string_view filename) {
    Value code = EDDY_TRY(detail::compile_to_code(in, source, filename, parse::Mode::File));
    return vm::run_main_module(in, code, filename);
}

Error Interpreter::Impl::take_error() {
    Value exc = in.take_exception();
    std::string traceback = rt::format_exception(in, exc);
    std::string type_name(rt::type_name(in, exc));
    std::string message;
    if (rt::Result<Value> text = rt::str(in, exc); !text.is_error())
        message = std::string(text.value().as<rt::Str>()->view());
    else
        in.take_exception();
    Error error(std::move(type_name), std::move(message), std::move(traceback));
    m_escaped = exc;
    error.set_origin(++m_escaped_id);
    return error;
}

Interpreter::Interpreter(Config config) : m_impl(std::make_unique<Impl>(std::move(config))) {}

Interpreter::~Interpreter() { flush(); }

void Interpreter::flush() {
    rt::Interp& in = m_impl->in;
    if (in.stdout_sink) in.stdout_sink->flush();
    if (in.stderr_sink) in.stderr_sink->flush();
}

void Interpreter::interrupt() {
    m_impl->m_keyboard_interrupt = 1;
    m_impl->in.vm->interrupt_requested = 1;
}

void Interpreter::exec(std::string_view source, std::string_view filename) {
    EDDY_API_ENTRY(*m_impl);
    if (m_impl->run_main(source, filename).is_error()) m_impl->throw_error();
}

void Interpreter::exec_file(const std::string& path) {
    std::string source;
    if (!detail::read_source(path, source)) {
        std::string message = "[Errno 2] No such file or directory: '" + path + "'";
        throw Error("FileNotFoundError", message, "FileNotFoundError: " + message + "\n");
    }
    exec(source, path);
}

std::string Interpreter::eval_repr(std::string_view expression) {
    EDDY_API_ENTRY(*m_impl);
    rt::Interp& in = m_impl->in;
    rt::Result<Value> code =
        detail::compile_to_code(in, expression, "<string>", parse::Mode::Eval);
    if (code.is_error()) m_impl->throw_error();
    rt::Result<Value> value = vm::eval_in_main(in, code.value());
    if (value.is_error()) m_impl->throw_error();
    rt::Result<std::string> text = rt::repr_string(in, value.value());
    if (text.is_error()) m_impl->throw_error();
    return text.value();
}

// CPython 3.11 names the file by its absolute path in this message (pymain_run_file).
int Interpreter::run_main(const std::string& path) {
    std::string source;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        // A directory runs its __main__.py, as CPython's pymain_run_file does through runpy.
        std::string main_file = (std::filesystem::path(path) / "__main__.py").string();
        if (!detail::read_source(main_file, source)) {
            flush();
            std::fprintf(stderr, "eddy: can't find '__main__' module in '%s'\n",
                         std::filesystem::absolute(path, ec).string().c_str());
            return 1;
        }
        return run_main_source(source, main_file);
    }
    if (!detail::read_source(path, source)) {
        flush();
        std::string shown = std::filesystem::absolute(path, ec).string();
        std::fprintf(stderr, "eddy: can't open file '%s': [Errno 2] No such file or directory\n",
                     shown.c_str());
        return 2;
    }
    return run_main_source(source, path);
}

int Interpreter::run_main_source(std::string_view source, std::string_view filename) {
    EDDY_API_ENTRY(*m_impl);
    if (!m_impl->run_main(source, filename).is_error()) {
        flush();
        return 0;
    }
    return vm::handle_uncaught(m_impl->in);
}

} // namespace eddy
