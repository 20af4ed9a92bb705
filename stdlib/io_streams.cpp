// stdlib/io_streams.cpp: the standard streams (sys.stdin/stdout/stderr) and the helpers print()
// and input() use to write to and read from whatever object sys.stdout/sys.stdin is. See
// io_streams.hpp for the buffering policy.
#include "io_streams.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "dict_object.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"

namespace eddy::lib {

namespace {

Result<Value> stream_new(Interp& in, Type* type, rt::CallArgs) {
    return in.raise(in.exc.TypeError, "cannot create '_io." + type->name + "' instances");
}

Stream* stream_of(Args args) { return args[0].as<Stream>(); }

// Replaces bytes that are not UTF-8 with U+FFFD, so text read from stdin is always a valid str.
std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        auto c = uint8_t(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = n > 0 && i + n <= s.size();
        for (size_t k = 1; ok && k < n; k++) ok = (uint8_t(s[i + k]) & 0xC0) == 0x80;
        if (ok) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            out.append("\xEF\xBF\xBD");
            i += 1;
        }
    }
    return out;
}

void write_stdout(Interp& in, std::string_view text) {
    if (in.stdout_sink) in.stdout_sink->write(text);
    else fwrite(text.data(), 1, text.size(), stdout);
}

void write_stderr(Interp& in, std::string_view text) {
    flush_stdout(in);
    if (in.stderr_sink) {
        in.stderr_sink->write(text);
        in.stderr_sink->flush();
    } else {
        fwrite(text.data(), 1, text.size(), stderr);
        fflush(stderr);
    }
}

// A line from the process stdin, with its newline; "" at end of input.
std::string read_stdin_line() {
    std::string line;
    int c;
    while ((c = getc(stdin)) != EOF) {
        line.push_back(char(c));
        if (c == '\n') break;
    }
    return valid_utf8(line);
}

Result<Value> stream_write(Interp& in, Args args) {
    Stream* self = stream_of(args);
    if (!rt::is_str(in, args[1]))
        return in.raise(in.exc.TypeError, "write() argument must be str, not " +
                                              std::string(rt::type_name(in, args[1])));
    if (self->kind == StreamKind::Stdin)
        return in.raise(in.exc.OSError, "not writable");
    auto* s = args[1].as<rt::Str>();
    if (self->kind == StreamKind::Stdout) write_stdout(in, s->view());
    else write_stderr(in, s->view());
    return rt::make_int(in, int64_t(s->length));
}

Result<Value> stream_flush(Interp& in, Args args) {
    Stream* self = stream_of(args);
    if (self->kind == StreamKind::Stdout) flush_stdout(in);
    return Value::none();
}

Result<Value> stream_readline(Interp& in, Args args) {
    if (stream_of(args)->kind != StreamKind::Stdin)
        return in.raise(in.exc.OSError, "not readable");
    return rt::str_value(in, read_stdin_line());
}

Result<Value> stream_read(Interp& in, Args args) {
    if (stream_of(args)->kind != StreamKind::Stdin)
        return in.raise(in.exc.OSError, "not readable");
    std::string all;
    int c;
    while ((c = getc(stdin)) != EOF) all.push_back(char(c));
    return rt::str_value(in, valid_utf8(all));
}

Result<Value> stream_readlines(Interp& in, Args args) {
    if (stream_of(args)->kind != StreamKind::Stdin)
        return in.raise(in.exc.OSError, "not readable");
    rt::List* lines = rt::make_list(in);
    for (;;) {
        std::string line = read_stdin_line();
        if (line.empty()) break;
        lines->items.push_back(rt::str_value(in, line));
    }
    return Value::from_obj(lines);
}

Result<Value> stream_isatty(Interp&, Args args) {
    int fd = int(stream_of(args)->kind);
    return Value::boolean(isatty(fd) == 1);
}

Result<Value> stream_fileno(Interp&, Args args) {
    return Value::from_small_int(int64_t(stream_of(args)->kind));
}

Result<Value> stream_readable(Interp&, Args args) {
    return Value::boolean(stream_of(args)->kind == StreamKind::Stdin);
}

Result<Value> stream_writable(Interp&, Args args) {
    return Value::boolean(stream_of(args)->kind != StreamKind::Stdin);
}

Result<Value> stream_iter(Interp&, Value self) { return self; }

// Iterating sys.stdin yields lines until end of input.
Result<Value> stream_next(Interp& in, Value self) {
    if (self.as<Stream>()->kind != StreamKind::Stdin)
        return in.raise(in.exc.OSError, "not readable");
    std::string line = read_stdin_line();
    if (line.empty()) return Value::null();
    return rt::str_value(in, line);
}

Result<Value> stream_repr(Interp& in, Value self) {
    static constexpr const char* names[] = {"<stdin>", "<stdout>", "<stderr>"};
    std::string text = "<_io.TextIOWrapper name='" +
                       std::string(names[int(self.as<Stream>()->kind)]) +
                       "' mode='" + (self.as<Stream>()->kind == StreamKind::Stdin ? "r" : "w") +
                       "' encoding='utf-8'>";
    return rt::str_value(in, text);
}

} // namespace

void make_standard_streams(Interp& in, Value& stdin_v, Value& stdout_v, Value& stderr_v) {
    Type* type = make_native_type(in, "TextIOWrapper", "_io", sizeof(Stream));
    type->new_ = stream_new;
    type->repr = stream_repr;
    type->iter = stream_iter;
    type->next = stream_next;
    rt::add_methods(in, type, {
        {"write(self, s, /)", stream_write},
        {"flush(self, /)", stream_flush},
        {"readline(self, size=-1, /)", stream_readline},
        {"read(self, size=-1, /)", stream_read},
        {"readlines(self, hint=-1, /)", stream_readlines},
        {"isatty(self, /)", stream_isatty},
        {"fileno(self, /)", stream_fileno},
        {"readable(self, /)", stream_readable},
        {"writable(self, /)", stream_writable},
    });
    rt::dict_set_str(in, type->dict, in.intern("encoding"), rt::str_value(in, "utf-8"));
    finish_native_type(in, type);
    auto make = [&](StreamKind kind) {
        Stream* s = in.heap.alloc<Stream>(type);
        s->kind = kind;
        return Value::from_obj(s);
    };
    stdin_v = make(StreamKind::Stdin);
    stdout_v = make(StreamKind::Stdout);
    stderr_v = make(StreamKind::Stderr);
}

bool is_native_stream(Value v) {
    return v.is_obj() && v.as_obj()->type->new_ == stream_new;
}

void flush_stdout(Interp& in) {
    if (in.stdout_sink) in.stdout_sink->flush();
    fflush(stdout);
}

Status write_to(Interp& in, Value file, std::string_view text) {
    if (is_native_stream(file)) {
        switch (file.as<Stream>()->kind) {
        case StreamKind::Stdout: write_stdout(in, text); return rt::ok();
        case StreamKind::Stderr: write_stderr(in, text); return rt::ok();
        case StreamKind::Stdin: return in.raise(in.exc.OSError, "not writable");
        }
    }
    Value s = rt::str_value(in, text);
    EDDY_TRY(rt::call_method(in, file, in.intern("write"), {s}));
    return rt::ok();
}

Status flush_file(Interp& in, Value file) {
    if (is_native_stream(file)) {
        if (file.as<Stream>()->kind == StreamKind::Stdout) flush_stdout(in);
        return rt::ok();
    }
    EDDY_TRY(rt::call_method(in, file, in.intern("flush"), {}));
    return rt::ok();
}

Result<Value> read_line(Interp& in, Value file) {
    if (is_native_stream(file) && file.as<Stream>()->kind == StreamKind::Stdin)
        return rt::str_value(in, read_stdin_line());
    return rt::call_method(in, file, in.intern("readline"), {});
}

Result<Value> current_stream(Interp& in, std::string_view name) {
    Value v = in.sys ? get_module_attr(in, in.sys, name) : Value::null();
    if (v.is_null()) return in.raise(in.exc.RuntimeError, "lost sys." + std::string(name));
    return v;
}

} // namespace eddy::lib
