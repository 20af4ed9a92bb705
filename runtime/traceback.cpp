// runtime/traceback.cpp: traceback and frame-snapshot objects, and the report of an uncaught
// exception in CPython 3.11's format (Lib/traceback.py: format_exception with its chaining
// messages, the source line stripped and indented four spaces, carets under the failing range).
#include "traceback.hpp"

#include <cstdio>
#include <fstream>
#include <set>
#include <string>

#include "dict_object.hpp"
#include "exception_object.hpp"
#include "function_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "ops.hpp"
#include "str_object.hpp"

namespace eddy::rt {

void traceback_add(Interp& in, Value exc, CodeObject* code, Dict* globals, uint32_t lasti) {
    if (!is_exception_instance(in, exc)) return;
    auto* be = exc.as<BaseException>();
    Traceback* tb = in.heap.alloc<Traceback>(in.types.traceback);
    tb->next = be->traceback;
    tb->code = code;
    tb->globals = globals;
    tb->lasti = int(lasti);
    tb->lineno = code->line_of(lasti);
    be->traceback = tb;
}

Value make_frame_object(Interp& in, CodeObject* code, Dict* globals, int lineno) {
    FrameObject* f = in.heap.alloc<FrameObject>(in.types.frame);
    f->code = code;
    f->globals = globals;
    f->lineno = lineno;
    return Value::from_obj(f);
}

namespace {

std::string strip(std::string_view s) {
    size_t a = s.find_first_not_of(" \t\f\r\n");
    if (a == std::string_view::npos) return "";
    size_t b = s.find_last_not_of(" \t\f\r\n");
    return std::string(s.substr(a, b - a + 1));
}

// Line `lineno` (1-based) of `filename`, or empty when unreadable.
std::string source_line(std::string_view filename, int lineno) {
    if (lineno <= 0 || filename.empty() || filename[0] == '<') return "";
    std::ifstream f{std::string(filename)};
    std::string line;
    for (int i = 1; std::getline(f, line); ++i)
        if (i == lineno) return line;
    return "";
}

// Carets under the instruction's source range, when it is narrower than the whole line
// (CPython 3.11 prints them only then).
std::string caret_line(const std::string& raw, const vm::Position& pos) {
    if (pos.line <= 0 || pos.end_line != pos.line || pos.end_col <= pos.col) return "";
    size_t indent = raw.find_first_not_of(" \t\f");
    if (indent == std::string::npos) return "";
    std::string stripped = strip(raw);
    size_t col = size_t(pos.col), end = size_t(pos.end_col);
    if (col < indent || end > raw.size()) return "";
    if (col == indent && end - indent >= stripped.size()) return "";
    // Columns are UTF-8 byte offsets; count code points for the display width.
    auto width = [&](size_t from, size_t to) {
        size_t n = 0;
        for (size_t i = from; i < to && i < raw.size(); ++i)
            if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) ++n;
        return n;
    };
    return "    " + std::string(width(indent, col), ' ') + std::string(width(col, end), '^') + "\n";
}

void format_tb(Interp&, Traceback* tb, std::string& out) {
    out += "Traceback (most recent call last):\n";
    for (; tb; tb = tb->next) {
        CodeObject* code = tb->code;
        out += "  File \"" + std::string(code->filename->view()) + "\", line " +
               std::to_string(tb->lineno) + ", in " + std::string(code->name->view()) + "\n";
        std::string raw = source_line(code->filename->view(), tb->lineno);
        std::string line = strip(raw);
        if (line.empty()) continue;
        out += "    " + line + "\n";
        const auto& positions = code->code->positions;
        if (tb->lasti >= 0 && size_t(tb->lasti) < positions.size())
            out += caret_line(raw, positions[size_t(tb->lasti)]);
    }
}

std::string str_or_placeholder(Interp& in, Value v) {
    Value s = str(in, v).value();
    if (s.is_error()) {
        in.take_exception();
        return "<exception str() failed>";
    }
    return std::string(s.as<Str>()->view());
}

// SyntaxError's own layout: the file/line header, the offending line and a caret.
void format_syntax_error(Interp& in, BaseException* be, std::string& out) {
    if (!be->dict) return;
    auto get = [&](const char* name) { return dict_get_str(be->dict, in.intern(name)); };
    Value filename = get("filename"), lineno = get("lineno"), text = get("text"), offset = get("offset");
    if (filename.is_null() || filename.is_none()) return;
    out += "  File \"" + str_or_placeholder(in, filename) + "\", line " +
           (lineno.is_null() ? std::string("?") : str_or_placeholder(in, lineno)) + "\n";
    if (text.is_null() || text.is_none() || !is_str(in, text)) return;
    std::string raw(text.as<Str>()->view());
    while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r')) raw.pop_back();
    size_t indent = raw.find_first_not_of(" \t\f");
    if (indent == std::string::npos) indent = raw.size();
    out += "    " + raw.substr(indent) + "\n";
    if (offset.is_small_int()) {
        int64_t col = offset.as_small_int() - 1 - int64_t(indent);
        if (col < 0) col = 0;
        out += "    " + std::string(size_t(col), ' ') + "^\n";
    }
}

void format_one(Interp& in, Value exc, std::string& out, std::set<Obj*>& seen) {
    if (!is_exception_instance(in, exc)) {
        out += format_exception_only(in, exc) + "\n";
        return;
    }
    auto* be = exc.as<BaseException>();
    seen.insert(be);
    if (!be->cause.is_none() && is_exception_instance(in, be->cause) && !seen.count(be->cause.as_obj())) {
        format_one(in, be->cause, out, seen);
        out += "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (!be->suppress_context && !be->context.is_none() && is_exception_instance(in, be->context) &&
               !seen.count(be->context.as_obj())) {
        format_one(in, be->context, out, seen);
        out += "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    if (be->traceback) format_tb(in, be->traceback, out);
    if (is_subtype(be->type, in.exc.SyntaxError)) format_syntax_error(in, be, out);
    out += format_exception_only(in, exc) + "\n";
    if (be->notes.is_obj()) {
        Status st = for_each(in, be->notes, [&](Value note) {
            out += str_or_placeholder(in, note) + "\n";
            return ok();
        });
        if (st.is_error()) in.take_exception();
    }
}

void traceback_trace(Obj* self, Tracer& t) {
    auto* tb = static_cast<Traceback*>(self);
    t.mark(tb->next);
    t.mark(tb->code);
    t.mark(tb->globals);
}

Result<Value> traceback_getattr(Interp& in, Value self, Str* name) {
    auto* tb = self.as<Traceback>();
    std::string_view n = name->view();
    if (n == "tb_next") return tb->next ? Value::from_obj(tb->next) : Value::none();
    if (n == "tb_lineno") return make_int(in, tb->lineno);
    if (n == "tb_lasti") return make_int(in, tb->lasti);
    if (n == "tb_frame") return make_frame_object(in, tb->code, tb->globals, tb->lineno);
    return generic_get_attr(in, self, name);
}

void frame_trace(Obj* self, Tracer& t) {
    auto* f = static_cast<FrameObject*>(self);
    t.mark(f->code);
    t.mark(f->globals);
}

Result<Value> frame_getattr(Interp& in, Value self, Str* name) {
    auto* f = self.as<FrameObject>();
    std::string_view n = name->view();
    if (n == "f_code") return Value::from_obj(f->code);
    if (n == "f_lineno") return make_int(in, f->lineno);
    if (n == "f_globals") return f->globals ? Value::from_obj(f->globals) : Value::none();
    if (n == "f_back") return Value::none();
    return generic_get_attr(in, self, name);
}

} // namespace

// A SyntaxError that knows its location ends its report with the bare `msg`: the file and
// line were already shown above it (CPython's TracebackException._format_syntax_error).
std::string syntax_error_message(Interp& in, Value exc) {
    if (!is_exception_instance(in, exc)) return {};
    auto* be = exc.as<BaseException>();
    if (!is_subtype(be->type, in.exc.SyntaxError) || !be->dict) return {};
    Value filename = dict_get_str(be->dict, in.intern("filename"));
    Value msg = dict_get_str(be->dict, in.intern("msg"));
    if (filename.is_null() || filename.is_none() || msg.is_null() || !is_str(in, msg)) return {};
    return std::string(msg.as<Str>()->view());
}

std::string format_exception_only(Interp& in, Value exc) {
    Type* t = type_of(in, exc);
    std::string name = t->qualname.empty() ? t->name : t->qualname;
    if (!t->module.empty() && t->module != "builtins" && t->module != "__main__") name = t->module + "." + name;
    std::string msg = syntax_error_message(in, exc);
    if (msg.empty()) msg = str_or_placeholder(in, exc);
    if (msg.empty()) return name;
    return name + ": " + msg;
}

std::string format_exception(Interp& in, Value exc) {
    std::string out;
    std::set<Obj*> seen;
    Value saved = in.take_exception();   // formatting may call str(), which must not see it
    format_one(in, exc, out, seen);
    if (!saved.is_null()) in.set_exception(saved);
    return out;
}

void print_exception(Interp& in, Value exc) {
    std::string text = format_exception(in, exc);
    if (in.stderr_sink) {
        in.stderr_sink->write(text);
        in.stderr_sink->flush();
    } else {
        std::fflush(stdout);
        std::fwrite(text.data(), 1, text.size(), stderr);
        std::fflush(stderr);
    }
}

void init_traceback_type(Interp& in) {
    Type* t = in.types.traceback;
    t->base = in.types.object;
    t->bases = {in.types.object};
    t->instance_size = sizeof(Traceback);
    t->trace = traceback_trace;
    t->getattr = traceback_getattr;
    Type* f = in.types.frame;
    f->base = in.types.object;
    f->bases = {in.types.object};
    f->instance_size = sizeof(FrameObject);
    f->trace = frame_trace;
    f->getattr = frame_getattr;
}

} // namespace eddy::rt
