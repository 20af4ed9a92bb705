// runtime/exception_object.cpp: BaseException and the built-in hierarchy of exceptions.def
// (CPython's Objects/exceptions.c): construction storing .args, str/repr, the chaining
// attributes (__cause__, __context__, __suppress_context__, __traceback__), add_note and
// with_traceback. Class-specific attributes live in the instance dict; exception_types.cpp adds
// the classes with their own __init__/__str__ (StopIteration, OSError, SyntaxError, ...).
#include "exception_object.hpp"

#include "dict_object.hpp"
#include "interp.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "traceback.hpp"
#include "tuple_object.hpp"
#include "type_inits.hpp"
#include "types.hpp"

namespace eddy::rt {

void init_exception_subtypes(Interp& in);   // exception_types.cpp

// BaseException::dict is the first field after the header: it is the instance dict.
static_assert(sizeof(BaseException) >= sizeof(Obj) + sizeof(Dict*));

static void trace_exception(Obj* obj, Tracer& tracer) {
    auto* e = static_cast<BaseException*>(obj);
    tracer.mark(e->dict);
    tracer.mark(e->args);
    tracer.mark(e->cause);
    tracer.mark(e->context);
    tracer.mark(e->traceback);
    tracer.mark(e->notes);
}

static BaseException* alloc_exception(Interp& in, Type* type, Tuple* args) {
    size_t size = type->instance_size ? type->instance_size : sizeof(BaseException);
    auto* e = in.heap.alloc<BaseException>(type, size);
    if (type->dict_offset && type->dict_offset != sizeof(Obj)) instance_dict_slot(e) = nullptr;
    e->args = args ? args : in.empty_tuple;
    return e;
}

bool is_exception_instance(const Interp& in, Value v) {
    return is_subtype(type_of(in, v), in.exc.BaseException);
}

bool is_exception_class(const Interp& in, Value v) {
    return is_subtype(type_of(in, v), in.types.type) && is_subtype(v.as<Type>(), in.exc.BaseException);
}

static Tuple* positional_tuple(Interp& in, CallArgs args) {
    if (args.count == 0) return in.empty_tuple;
    return make_tuple(in, args.positional());
}

// Built-in classes run their native __init__ so attributes such as StopIteration.value exist even
// for exceptions the runtime raises itself.
BaseException* make_exception(Interp& in, Type* type, Tuple* args) {
    BaseException* e = alloc_exception(in, type, args);
    if (!(type->flags & TF_HeapType) && type->init) {
        Value v = Value::from_obj(e);
        if (type->init(in, v, CallArgs{e->args->items(), e->args->size, nullptr}).is_error())
            in.take_exception();
    }
    return e;
}

BaseException* make_exception(Interp& in, Type* type, std::string_view message) {
    Tuple* args = in.empty_tuple;
    if (!message.empty()) {
        Value m = str_value(in, message);
        args = make_tuple(in, std::span<const Value>(&m, 1));
    }
    return make_exception(in, type, args);
}

// BaseException_new: the instance with .args, before any __init__ runs.
static Result<Value> exception_new(Interp& in, Type* type, CallArgs args) {
    return Value::from_obj(alloc_exception(in, type, positional_tuple(in, args)));
}

static Status exception_init(Interp& in, Value self, CallArgs args) {
    if (args.kw_count())
        return in.raise(in.exc.TypeError, type_of(in, self)->name + "() takes no keyword arguments");
    self.as<BaseException>()->args = positional_tuple(in, args);
    return ok();
}

static BaseException* exc_arg(Args args) { return args[0].as<BaseException>(); }

// BaseException_str: "" for no args, str(arg) for one, str(args) otherwise.
static Result<Value> exception_str(Interp& in, Value self) {
    Tuple* a = self.as<BaseException>()->args;
    if (a->size == 0) return Value::from_obj(in.empty_str);
    if (a->size == 1) return str(in, (*a)[0]);
    return str(in, Value::from_obj(a));
}

// BaseException_repr: "ValueError('x')", "Exception(1, 'two')", "ValueError()".
static Result<Value> exception_repr(Interp& in, Value self) {
    Tuple* a = self.as<BaseException>()->args;
    std::string text = type_of(in, self)->name;
    if (a->size == 1) {
        std::string inner = EDDY_TRY(repr_string(in, (*a)[0]));
        text += "(" + inner + ")";
    } else {
        std::string inner = EDDY_TRY(repr_string(in, Value::from_obj(a)));
        text += a->size == 0 ? "()" : inner;
    }
    return str_value(in, text);
}

static Result<Value> exception_args(Interp&, Args args) { return Value::from_obj(exc_arg(args)->args); }

static Result<Value> exception_set_args(Interp& in, Args args) {
    Value seq = EDDY_TRY(call(in, Value::from_obj(in.types.tuple), {args[1]}));
    exc_arg(args)->args = seq.as<Tuple>();
    return Value::none();
}

static Result<Value> exception_cause(Interp&, Args args) { return exc_arg(args)->cause; }
static Result<Value> exception_context(Interp&, Args args) { return exc_arg(args)->context; }

static Result<Value> exception_set_cause(Interp& in, Args args) {
    if (!args[1].is_none() && !is_exception_instance(in, args[1]))
        return in.raise(in.exc.TypeError, "exception cause must be None or derive from BaseException");
    exc_arg(args)->cause = args[1];
    exc_arg(args)->suppress_context = true;
    return Value::none();
}

static Result<Value> exception_set_context(Interp& in, Args args) {
    if (!args[1].is_none() && !is_exception_instance(in, args[1]))
        return in.raise(in.exc.TypeError, "exception context must be None or derive from BaseException");
    exc_arg(args)->context = args[1];
    return Value::none();
}

static Result<Value> exception_suppress_context(Interp&, Args args) {
    return Value::boolean(exc_arg(args)->suppress_context);
}

static Result<Value> exception_set_suppress_context(Interp& in, Args args) {
    exc_arg(args)->suppress_context = EDDY_TRY(truthy(in, args[1]));
    return Value::none();
}

static Result<Value> exception_traceback(Interp&, Args args) {
    Traceback* tb = exc_arg(args)->traceback;
    return tb ? Value::from_obj(tb) : Value::none();
}

static Result<Value> exception_set_traceback(Interp& in, Args args) {
    Value tb = args[1];
    if (tb.is_none()) {
        exc_arg(args)->traceback = nullptr;
    } else if (type_of(in, tb) == in.types.traceback) {
        exc_arg(args)->traceback = tb.as<Traceback>();
    } else {
        return in.raise(in.exc.TypeError, "__traceback__ must be a traceback or None");
    }
    return Value::none();
}

static Result<Value> exception_with_traceback(Interp& in, Args args) {
    EDDY_TRY(exception_set_traceback(in, args));
    return args[0];
}

static Result<Value> exception_notes(Interp& in, Args args) {
    Value notes = exc_arg(args)->notes;
    if (notes.is_null())
        return in.raise(in.exc.AttributeError, "'" + std::string(type_name(in, args[0])) +
                                                   "' object has no attribute '__notes__'");
    return notes;
}

static Result<Value> exception_set_notes(Interp&, Args args) {
    exc_arg(args)->notes = args[1];
    return Value::none();
}

static Result<Value> exception_add_note(Interp& in, Args args) {
    if (!is_str(in, args[1]))
        return in.raise(in.exc.TypeError, "note must be a str, not '" +
                                              std::string(type_name(in, args[1])) + "'");
    BaseException* e = exc_arg(args);
    if (e->notes.is_null()) e->notes = Value::from_obj(make_list(in));
    if (type_of(in, e->notes) != in.types.list)
        return in.raise(in.exc.TypeError, "Cannot add note: __notes__ is not a list");
    e->notes.as<List>()->items.push_back(args[1]);
    return Value::none();
}

static Result<Value> exception___reduce__(Interp& in, Args args) {
    Value items[2] = {Value::from_obj(type_of(in, args[0])), Value::from_obj(exc_arg(args)->args)};
    return Value::from_obj(make_tuple(in, std::span<const Value>(items)));
}

static void init_base_exception(Interp& in, Type* t) {
    t->flags |= TF_Exception | TF_BaseType;
    t->instance_size = sizeof(BaseException);
    t->dict_offset = sizeof(Obj);
    t->doc = "Common base class for all exceptions";
    t->new_ = exception_new;
    t->init = exception_init;
    t->str = exception_str;
    t->repr = exception_repr;
    t->trace = trace_exception;
    add_getset(in, t, "args", exception_args, exception_set_args);
    add_getset(in, t, "__cause__", exception_cause, exception_set_cause);
    add_getset(in, t, "__context__", exception_context, exception_set_context);
    add_getset(in, t, "__suppress_context__", exception_suppress_context, exception_set_suppress_context);
    add_getset(in, t, "__traceback__", exception_traceback, exception_set_traceback);
    add_getset(in, t, "__notes__", exception_notes, exception_set_notes);
    add_methods(in, t, {
        {"with_traceback(self, tb, /)", exception_with_traceback},
        {"add_note(self, note, /)", exception_add_note},
        {"__reduce__(self, /)", exception___reduce__},
    });
}

// One Type per row of exceptions.def, base before subclass; every class shares BaseException's
// layout and new_, and inherits the rest through finish_builtin_types.
void init_exception_types(Interp& in) {
#define EDDY_EXC(cls, base_cls)                                                                \
    {                                                                                            \
        Type* t = in.heap.alloc<Type>(in.types.type);                                            \
        t->name = t->qualname = #cls;                                                           \
        t->module = "builtins";                                                                  \
        t->dict = make_dict(in);                                                                 \
        in.exc.cls = t;                                                                         \
        if (in.exc.base_cls != t) {                                                             \
            t->base = in.exc.base_cls;                                                          \
            t->bases = {t->base};                                                                \
        } else {                                                                                 \
            t->base = in.types.object;                                                           \
            t->bases = {in.types.object};                                                        \
        }                                                                                        \
        t->flags = TF_Exception | TF_BaseType;                                                   \
        t->instance_size = sizeof(BaseException);                                                \
        t->dict_offset = sizeof(Obj);                                                            \
        t->new_ = exception_new;                                                                 \
    }
#include "exceptions.def"
#undef EDDY_EXC
    init_base_exception(in, in.exc.BaseException);
    init_exception_subtypes(in);
}

} // namespace eddy::rt
