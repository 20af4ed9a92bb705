// runtime/exception_types.cpp: the built-in exception classes with behaviour of their own
// (CPython's Objects/exceptions.c): StopIteration.value, SystemExit.code, KeyError's str,
// ImportError/AttributeError/NameError keyword attributes, OSError's errno fields and subclass
// mapping, SyntaxError's location, the Unicode errors and the basics of exception groups.
#include <cstdio>

#include "dict_object.hpp"
#include "exception_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

namespace {

Dict* exc_dict(Interp& in, BaseException* e) {
    if (!e->dict) e->dict = make_dict(in);
    return e->dict;
}

void set_field(Interp& in, Value self, const char* name, Value v) {
    dict_set_str(in, exc_dict(in, self.as<BaseException>()), in.intern(name), v);
}

Value get_field(Interp& in, Value self, const char* name) {
    Dict* d = self.as<BaseException>()->dict;
    Value v = d ? dict_get_str(d, in.intern(name)) : Value::null();
    return v.is_null() ? Value::none() : v;
}

Tuple* args_of(Value self) { return self.as<BaseException>()->args; }

Status store_args(Interp& in, Value self, CallArgs args) {
    self.as<BaseException>()->args = args.count ? make_tuple(in, args.positional()) : in.empty_tuple;
    return ok();
}

Status no_keywords(Interp& in, Value self, CallArgs args) {
    if (args.kw_count())
        return in.raise(in.exc.TypeError, type_of(in, self)->name + "() takes no keyword arguments");
    return ok();
}

Value arg_or_none(Value self, size_t i) {
    Tuple* a = args_of(self);
    return i < a->size ? (*a)[i] : Value::none();
}

// ---- StopIteration, SystemExit, KeyError ----

Status stop_iteration_init(Interp& in, Value self, CallArgs args) {
    EDDY_CHECK(no_keywords(in, self, args));
    EDDY_CHECK(store_args(in, self, args));
    set_field(in, self, "value", arg_or_none(self, 0));
    return ok();
}

Status system_exit_init(Interp& in, Value self, CallArgs args) {
    EDDY_CHECK(no_keywords(in, self, args));
    EDDY_CHECK(store_args(in, self, args));
    Tuple* a = args_of(self);
    set_field(in, self, "code", a->size == 0 ? Value::none() : a->size == 1 ? (*a)[0] : Value::from_obj(a));
    return ok();
}

Result<Value> key_error_str(Interp& in, Value self) {
    Tuple* a = args_of(self);
    if (a->size == 1) return repr(in, (*a)[0]);
    return in.exc.BaseException->str(in, self);
}

// ---- keyword attributes: ImportError(msg, name=, path=), AttributeError(name=, obj=), ... ----

Result<Value> import_error___init__(Interp& in, Args args) {
    Value self = args[0];
    Tuple* pos = args[1].as<Tuple>();
    self.as<BaseException>()->args = pos;
    set_field(in, self, "msg", pos->size == 1 ? (*pos)[0] : Value::none());
    set_field(in, self, "name", args[2]);
    set_field(in, self, "path", args[3]);
    return Value::none();
}

Status import_error_init(Interp& in, Value self, CallArgs args) {
    static const NativeDef def{"ImportError(self, *args, name=None, path=None)", import_error___init__};
    return call_with_signature(in, def, self, args).is_error() ? Status(Error{}) : ok();
}

Result<Value> import_error_str(Interp& in, Value self) {
    Value msg = get_field(in, self, "msg");
    if (!msg.is_none()) return str(in, msg);
    return in.exc.BaseException->str(in, self);
}

Result<Value> attribute_error___init__(Interp& in, Args args) {
    args[0].as<BaseException>()->args = args[1].as<Tuple>();
    set_field(in, args[0], "name", args[2]);
    set_field(in, args[0], "obj", args[3]);
    return Value::none();
}

Status attribute_error_init(Interp& in, Value self, CallArgs args) {
    static const NativeDef def{"AttributeError(self, *args, name=None, obj=None)", attribute_error___init__};
    return call_with_signature(in, def, self, args).is_error() ? Status(Error{}) : ok();
}

Result<Value> name_error___init__(Interp& in, Args args) {
    args[0].as<BaseException>()->args = args[1].as<Tuple>();
    set_field(in, args[0], "name", args[2]);
    return Value::none();
}

Status name_error_init(Interp& in, Value self, CallArgs args) {
    static const NativeDef def{"NameError(self, *args, name=None)", name_error___init__};
    return call_with_signature(in, def, self, args).is_error() ? Status(Error{}) : ok();
}

// ---- OSError ----

// OSError(errno, ...) becomes the subclass for that errno (CPython's errnomap).
Type* oserror_subclass(Interp& in, int64_t code) {
    struct { int code; Type* ExceptionTypes::*type; } map[] = {
        {2, &ExceptionTypes::FileNotFoundError}, {17, &ExceptionTypes::FileExistsError},
        {13, &ExceptionTypes::PermissionError}, {1, &ExceptionTypes::PermissionError},
        {20, &ExceptionTypes::NotADirectoryError}, {21, &ExceptionTypes::IsADirectoryError},
        {4, &ExceptionTypes::InterruptedError}, {32, &ExceptionTypes::BrokenPipeError},
        {110, &ExceptionTypes::TimeoutError}, {111, &ExceptionTypes::ConnectionRefusedError},
        {104, &ExceptionTypes::ConnectionResetError}, {103, &ExceptionTypes::ConnectionAbortedError},
        {11, &ExceptionTypes::BlockingIOError}, {3, &ExceptionTypes::ProcessLookupError},
        {10, &ExceptionTypes::ChildProcessError},
    };
    for (auto& row : map)
        if (row.code == code) return in.exc.*row.type;
    return nullptr;
}

Result<Value> oserror_new(Interp& in, Type* type, CallArgs args) {
    if (type == in.exc.OSError && args.count >= 2) {
        if (auto code = is_int(in, args.values[0]) ? int_to_int64(in, args.values[0]) : std::nullopt)
            if (Type* sub = oserror_subclass(in, *code)) type = sub;
    }
    return Value::from_obj(make_exception(in, type, args.count ? make_tuple(in, args.positional())
                                                               : in.empty_tuple));
}

Status oserror_init(Interp& in, Value self, CallArgs args) {
    EDDY_CHECK(no_keywords(in, self, args));
    EDDY_CHECK(store_args(in, self, args));
    Tuple* a = args_of(self);
    bool fields = a->size >= 2 && a->size <= 5;
    set_field(in, self, "errno", fields ? (*a)[0] : Value::none());
    set_field(in, self, "strerror", fields ? (*a)[1] : Value::none());
    set_field(in, self, "filename", fields && a->size >= 3 ? (*a)[2] : Value::none());
    set_field(in, self, "filename2", fields && a->size == 5 ? (*a)[4] : Value::none());
    if (fields && a->size >= 3) {   // args keeps only (errno, strerror), as CPython
        Value two[2] = {(*a)[0], (*a)[1]};
        self.as<BaseException>()->args = make_tuple(in, std::span<const Value>(two));
    }
    return ok();
}

Result<Value> oserror_str(Interp& in, Value self) {
    Value err = get_field(in, self, "errno"), msg = get_field(in, self, "strerror");
    Value file = get_field(in, self, "filename"), file2 = get_field(in, self, "filename2");
    if (err.is_none() && msg.is_none()) return in.exc.BaseException->str(in, self);
    std::string text = "[Errno " + std::string(EDDY_TRY(str(in, err)).as<Str>()->view()) + "] " +
                       std::string(EDDY_TRY(str(in, msg)).as<Str>()->view());
    if (!file.is_none()) {
        text += ": " + EDDY_TRY(repr_string(in, file));
        if (!file2.is_none()) text += " -> " + EDDY_TRY(repr_string(in, file2));
    }
    return str_value(in, text);
}

// ---- SyntaxError ----

Status syntax_error_init(Interp& in, Value self, CallArgs args) {
    EDDY_CHECK(no_keywords(in, self, args));
    EDDY_CHECK(store_args(in, self, args));
    Tuple* a = args_of(self);
    static const char* const Fields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
    set_field(in, self, "msg", arg_or_none(self, 0));
    Value info = a->size == 2 ? (*a)[1] : Value::none();
    if (!info.is_none() && !is_tuple(in, info))
        return in.raise(in.exc.TypeError, "SyntaxError() argument 2 must be tuple");
    Tuple* t = info.is_none() ? nullptr : info.as<Tuple>();
    if (t && (t->size < 4 || t->size > 6))
        return in.raise(in.exc.IndexError, "tuple index out of range");
    for (size_t i = 0; i < 6; ++i) set_field(in, self, Fields[i], t && i < t->size ? (*t)[i] : Value::none());
    set_field(in, self, "print_file_and_line", Value::none());
    return ok();
}

// SyntaxError_str: "msg (file.py, line 3)", with the file's basename.
Result<Value> syntax_error_str(Interp& in, Value self) {
    Value msg = EDDY_TRY(str(in, get_field(in, self, "msg")));
    Value file = get_field(in, self, "filename"), line = get_field(in, self, "lineno");
    std::string text(msg.as<Str>()->view());
    std::string name;
    if (is_str(in, file)) {
        name = std::string(file.as<Str>()->view());
        size_t slash = name.rfind('/');
        if (slash != std::string::npos) name = name.substr(slash + 1);
    }
    bool has_line = is_int(in, line);
    std::string line_text = has_line ? std::string(EDDY_TRY(str(in, line)).as<Str>()->view()) : "";
    if (!name.empty() && has_line) text += " (" + name + ", line " + line_text + ")";
    else if (!name.empty()) text += " (" + name + ")";
    else if (has_line) text += " (line " + line_text + ")";
    return str_value(in, text);
}

// ---- Unicode errors ----

Status unicode_error_init(Interp& in, Value self, CallArgs args) {
    EDDY_CHECK(no_keywords(in, self, args));
    EDDY_CHECK(store_args(in, self, args));
    Tuple* a = args_of(self);
    bool translate = is_subtype(type_of(in, self), in.exc.UnicodeTranslateError);
    size_t want = translate ? 4 : 5;
    if (a->size != want) return ok();   // UnicodeError itself takes anything
    size_t i = 0;
    if (!translate) set_field(in, self, "encoding", (*a)[i++]);
    set_field(in, self, "object", (*a)[i++]);
    set_field(in, self, "start", (*a)[i++]);
    set_field(in, self, "end", (*a)[i++]);
    set_field(in, self, "reason", (*a)[i++]);
    return ok();
}

// "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".
Result<Value> unicode_error_str(Interp& in, Value self) {
    Value reason = get_field(in, self, "reason");
    if (reason.is_none()) return in.exc.BaseException->str(in, self);
    Type* t = type_of(in, self);
    bool decode = is_subtype(t, in.exc.UnicodeDecodeError);
    bool encode = is_subtype(t, in.exc.UnicodeEncodeError);
    int64_t start = EDDY_TRY(index_as_int64(in, get_field(in, self, "start")));
    int64_t end = EDDY_TRY(index_as_int64(in, get_field(in, self, "end")));
    std::string enc = decode || encode ? "'" + std::string(EDDY_TRY(str(in, get_field(in, self, "encoding"))).as<Str>()->view()) + "' codec " : "";
    std::string verb = decode ? "decode" : encode ? "encode" : "translate";
    std::string why(EDDY_TRY(str(in, reason)).as<Str>()->view());
    std::string what;
    if (end == start + 1) {
        Value item = EDDY_TRY(get_item(in, get_field(in, self, "object"), make_int(in, start)));
        char buf[32];
        if (decode) {
            int64_t b = EDDY_TRY(index_as_int64(in, item));
            std::snprintf(buf, sizeof buf, "byte 0x%02x", unsigned(b));
            what = buf;
        } else {
            what = "character " + std::string(EDDY_TRY(ascii(in, item)).as<Str>()->view());
        }
    } else {
        what = std::string(decode ? "bytes" : "characters") + " in position " + std::to_string(start) +
               "-" + std::to_string(end - 1);
        return str_value(in, enc + "can't " + verb + " " + what + ": " + why);
    }
    return str_value(in, enc + "can't " + verb + " " + what + " in position " + std::to_string(start) +
                             ": " + why);
}

// ---- exception groups (construction, message and exceptions; no split/subgroup yet) ----

Result<Value> exception_group_new(Interp& in, Type* type, CallArgs args) {
    if (args.count != 2)
        return in.raise(in.exc.TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (" +
                                              std::to_string(args.count) + " given)");
    Value msg = args.values[0];
    if (!is_str(in, msg))
        return in.raise(in.exc.TypeError, "argument 1 must be str, not " + std::string(type_name(in, msg)));
    Value seq = EDDY_TRY(call(in, Value::from_obj(in.types.tuple), {args.values[1]}));
    Tuple* excs = seq.as<Tuple>();
    if (excs->size == 0)
        return in.raise(in.exc.ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool all_exceptions = true;
    for (Value e : excs->span()) {
        if (!is_exception_instance(in, e))
            return in.raise(in.exc.ValueError, "Item " + std::to_string(&e - excs->items()) +
                                                   " of second argument (exceptions) is not an exception");
        all_exceptions &= is_subtype(type_of(in, e), in.exc.Exception);
    }
    if (type == in.exc.BaseExceptionGroup && all_exceptions) type = in.exc.ExceptionGroup;
    if (is_subtype(type, in.exc.Exception) && !all_exceptions)
        return in.raise(in.exc.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    Value self = Value::from_obj(make_exception(in, type, make_tuple(in, args.positional())));
    set_field(in, self, "message", msg);
    set_field(in, self, "exceptions", seq);
    return self;
}

Status exception_group_init(Interp& in, Value self, CallArgs args) { return no_keywords(in, self, args); }

Result<Value> exception_group_str(Interp& in, Value self) {
    Value msg = EDDY_TRY(str(in, get_field(in, self, "message")));
    Value excs = get_field(in, self, "exceptions");
    size_t n = is_tuple(in, excs) ? excs.as<Tuple>()->size : 0;
    return str_value(in, std::string(msg.as<Str>()->view()) + " (" + std::to_string(n) +
                             (n == 1 ? " sub-exception)" : " sub-exceptions)"));
}

} // namespace

void init_exception_subtypes(Interp& in) {
    auto& e = in.exc;
    e.ExceptionGroup->base = e.BaseExceptionGroup;   // class ExceptionGroup(BaseExceptionGroup, Exception)
    e.ExceptionGroup->bases = {e.BaseExceptionGroup, e.Exception};
    e.StopIteration->init = stop_iteration_init;
    e.SystemExit->init = system_exit_init;
    e.KeyError->str = key_error_str;
    e.ImportError->init = import_error_init;
    e.ImportError->str = import_error_str;
    e.AttributeError->init = attribute_error_init;
    e.NameError->init = name_error_init;
    e.OSError->new_ = oserror_new;
    e.OSError->init = oserror_init;
    e.OSError->str = oserror_str;
    for (Type* t : {e.SyntaxError, e.IndentationError, e.TabError}) {
        t->init = syntax_error_init;
        t->str = syntax_error_str;
    }
    for (Type* t : {e.UnicodeError, e.UnicodeDecodeError, e.UnicodeEncodeError, e.UnicodeTranslateError}) {
        t->init = unicode_error_init;
        t->str = unicode_error_str;
    }
    for (Type* t : {e.BaseExceptionGroup, e.ExceptionGroup}) {
        t->new_ = exception_group_new;
        t->init = exception_group_init;
        t->str = exception_group_str;
    }
    // Exception subclasses that share OSError's layout get its constructor too.
#define EDDY_EXC(cls, base)                                                                      \
    if (is_subtype(e.cls, e.OSError) && e.cls != e.OSError) e.cls->new_ = e.OSError->new_;
#include "exceptions.def"
#undef EDDY_EXC
}

} // namespace eddy::rt
