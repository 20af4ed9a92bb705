// stdlib/builtins_io.cpp: print() and input(), written against whatever objects sys.stdout and
// sys.stdin currently are (the native streams of io_streams.cpp, or any object with write /
// readline), as CPython's builtin_print and builtin_input do.
#include <string>

#include "builtins_internal.hpp"
#include "import.hpp"
#include "io_streams.hpp"
#include "module_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::lib {

namespace {

// sep/end: None means the default; anything else must be a str.
Result<std::string_view> separator(Interp& in, Value v, const char* what, std::string_view dflt) {
    if (v.is_none()) return dflt;
    if (!rt::is_str(in, v))
        return in.raise(in.exc.TypeError, std::string(what) + " must be None or a string, not " +
                                              std::string(rt::type_name(in, v)));
    return v.as<rt::Str>()->view();
}

// print(*args, sep=' ', end='\n', file=None, flush=False). The whole line is assembled first
// and written once; a Python file object gets one write() per piece, as in CPython.
Result<Value> builtin_print(Interp& in, Args args) {
    auto* items = args[0].as<rt::Tuple>();
    Value sep_v = Value::none(), end_v = Value::none(), file = Value::none();
    Value flush_v = Value::boolean(false);
    EDDY_CHECK(take_keywords(in, args[1], "print",
                             {{"sep", &sep_v}, {"end", &end_v}, {"file", &file}, {"flush", &flush_v}}));
    std::string_view sep = EDDY_TRY(separator(in, sep_v, "sep", " "));
    std::string_view end = EDDY_TRY(separator(in, end_v, "end", "\n"));
    if (file.is_none()) {
        file = EDDY_TRY(current_stream(in, "stdout"));
        if (file.is_none()) return Value::none();
    }
    bool direct = is_native_stream(file);
    std::string line;
    for (size_t i = 0; i < items->size; i++) {
        Value item = (*items)[i];
        Value text = rt::is_str(in, item) && rt::type_of(in, item) == in.types.str
                         ? item
                         : EDDY_TRY(rt::str(in, item));
        if (direct) {
            if (i) line.append(sep);
            line.append(text.as<rt::Str>()->view());
            continue;
        }
        if (i) EDDY_CHECK(write_to(in, file, sep));
        EDDY_CHECK(write_to(in, file, text.as<rt::Str>()->view()));
    }
    if (direct) {
        line.append(end);
        EDDY_CHECK(write_to(in, file, line));
    } else {
        EDDY_CHECK(write_to(in, file, end));
    }
    bool flush = EDDY_TRY(rt::truthy(in, flush_v));
    if (flush) EDDY_CHECK(flush_file(in, file));
    return Value::none();
}

// input(prompt=''): the prompt goes to sys.stdout (flushed), the line comes from sys.stdin
// without its newline; EOFError at end of input.
Result<Value> builtin_input(Interp& in, Args args) {
    Value out = EDDY_TRY(current_stream(in, "stdout"));
    if (args.has(0)) {
        Value prompt = EDDY_TRY(rt::str(in, args[0]));
        EDDY_CHECK(write_to(in, out, prompt.as<rt::Str>()->view()));
    }
    EDDY_CHECK(flush_file(in, out));
    Value input = EDDY_TRY(current_stream(in, "stdin"));
    Value line = EDDY_TRY(read_line(in, input));
    if (!rt::is_str(in, line))
        return in.raise(in.exc.TypeError, "object.readline() returned non-string");
    std::string_view text = line.as<rt::Str>()->view();
    if (text.empty()) return in.raise(in.exc.EOFError, "EOF when reading a line");
    if (text.back() == '\n') text.remove_suffix(1);
    return rt::str_value(in, text);
}

// open(...): io.open, imported on first use so that start-up does not load the io module.
Result<Value> builtin_open(Interp& in, Args args) {
    Value io = EDDY_TRY(rt::import_module(in, "io"));
    Value open = EDDY_TRY(rt::get_attr(in, io, in.intern("open")));
    return rt::call(in, open, rt::CallArgs{args.data(), args.size(), nullptr});
}

} // namespace

void add_io_builtins(Interp& in, rt::Module* builtins) {
    rt::add_functions(in, builtins, {
        // print(*args, sep=' ', end='\n', file=None, flush=False); the keywords are unpacked by hand
        // (take_keywords) until the binder places keyword-only parameters after *args.
        {"print(*args, **kwargs)", builtin_print},
        {"input(prompt=?, /)", builtin_input},
        {"open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
         builtin_open},
    });
}

} // namespace eddy::lib
