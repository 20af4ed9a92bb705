// runtime/function_object.cpp: code objects (materialising a vm::Code's constants), functions,
// bound methods and cells: construction, tracing, and their Python-visible attributes
// (__name__, __defaults__, __code__, co_name, cell_contents, ...).
#include "function_object.hpp"

#include <cctype>
#include <cstdio>
#include <string>

#include "dict_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "module_object.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "bytes_object.hpp"
#include "set_object.hpp"
#include "vm/interpreter.hpp"

namespace eddy::rt {

namespace {

bool identifier_like(std::string_view s) {
    if (s.size() > 40) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

Value materialise(Interp& in, const vm::Constant& c);

struct ConstMaker {
    Interp& in;
    Value operator()(std::monostate) { return Value::none(); }
    Value operator()(bool b) { return Value::boolean(b); }
    Value operator()(int64_t i) { return make_int(in, i); }
    Value operator()(const vm::BigIntDigits& b) { return make_int_from_digits(in, b.digits, b.negative); }
    Value operator()(double d) { return Value::from_float(d); }
    Value operator()(const vm::Complex& c) {
        Value v = call(in, Value::from_obj(in.types.complex), {Value::from_float(c.real), Value::from_float(c.imag)}).value();
        if (v.is_error()) {
            in.take_exception();
            return Value::none();
        }
        return v;
    }
    Value operator()(const std::string& s) {
        return Value::from_obj(identifier_like(s) ? in.intern(s) : make_str(in, s));
    }
    Value operator()(const vm::Bytes& b) { return Value::from_obj(make_bytes(in, b.data)); }
    Value operator()(vm::Ellipsis) { return Value::ellipsis(); }
    Value operator()(const std::shared_ptr<vm::ConstTuple>& t) {
        Tuple* tup = make_tuple(in, t->items.size());
        for (size_t i = 0; i < t->items.size(); ++i) tup->items()[i] = materialise(in, t->items[i]);
        if (!t->frozenset) return Value::from_obj(tup);
        Result<Set*> frozen = make_frozenset_constant(in, tup->span());
        return frozen.is_error() ? Value::none() : Value::from_obj(frozen.value());
    }
    Value operator()(const std::shared_ptr<vm::Code>& code) {
        return Value::from_obj(make_code_object(in, code));
    }
};

Value materialise(Interp& in, const vm::Constant& c) { return std::visit(ConstMaker{in}, c); }

Tuple* interned_tuple(Interp& in, const std::vector<std::string>& a,
                      const std::vector<std::string>* b = nullptr,
                      const std::vector<std::string>* c = nullptr) {
    size_t n = a.size() + (b ? b->size() : 0) + (c ? c->size() : 0);
    Tuple* t = make_tuple(in, n);
    size_t k = 0;
    for (auto* v : {&a, b, c})
        if (v)
            for (auto& s : *v) t->items()[k++] = Value::from_obj(in.intern(s));
    return t;
}

std::string address_of(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}

// The loop's copy of the instructions: each cached instruction's operand becomes the index of
// its cache entry, which remembers the name (and its dict key bit), and the first of a common
// pair becomes the superinstruction that runs both (vm::fuse_pair).
void quicken(CodeObject* co) {
    const auto& src = co->code->instructions;
    size_t ncaches = 0;
    for (vm::Instr i : src) ncaches += vm::is_cached_op(i.op());
    co->quickened.reserve(src.size());
    co->caches = std::make_unique<vm::InlineCache[]>(ncaches);
    size_t next = 0;
    for (size_t k = 0; k < src.size(); ++k) {
        vm::Instr i = src[k];
        if (vm::is_cached_op(i.op())) {
            vm::InlineCache& c = co->caches[next];
            c.name = co->names->items()[i.arg()].as<Str>();
            c.name_bit = dict_str_key_bit(c.name);
            i = vm::Instr(i.op(), uint32_t(next++));
        } else if (k + 1 < src.size()) {
            i = vm::Instr(vm::fuse_pair(i.op(), src[k + 1].op()), i.arg());
        }
        co->quickened.push_back(i);
    }
    co->instrs = co->quickened.data();
}

} // namespace

int CodeObject::line_of(uint32_t index) const {
    if (index < code->positions.size()) return code->positions[index].line;
    return code->first_line;
}

CodeObject* make_code_object(Interp& in, std::shared_ptr<const vm::Code> code) {
    CodeObject* co = in.heap.alloc<CodeObject>(in.types.code);
    co->code = code;
    co->name = in.intern(code->name);
    co->qualname = in.intern(code->qualname.empty() ? code->name : code->qualname);
    co->filename = in.intern(code->filename);
    co->nlocals = uint32_t(code->varnames.size());
    co->ncells = uint32_t(code->cellvars.size());
    co->nfrees = uint32_t(code->freevars.size());
    co->nlocalsplus = co->nlocals + co->ncells + co->nfrees;
    co->framesize = co->nlocalsplus + uint32_t(code->stacksize);
    co->flags = code->flags;
    co->names = interned_tuple(in, code->names);
    quicken(co);
    constexpr uint32_t special = vm::CO_VARARGS | vm::CO_VARKEYWORDS | vm::CO_GENERATOR |
                                 vm::CO_COROUTINE | vm::CO_ASYNC_GENERATOR;
    bool simple = !(code->flags & special) && code->kwonlyargcount == 0 && co->ncells == 0 &&
                  co->nfrees == 0;
    co->simple_argcount = simple ? code->argcount : -1;
    constexpr uint32_t binding = vm::CO_VARARGS | vm::CO_VARKEYWORDS;
    bool simple_coro = (code->flags & vm::CO_COROUTINE) && !(code->flags & binding) &&
                       code->kwonlyargcount == 0 && co->ncells == 0 && co->nfrees == 0;
    co->awaited_argcount = simple_coro ? code->argcount : -1;
    for (vm::Instr i : code->instructions)
        if (i.op() == vm::Op::PUSH_EXC_INFO) co->handles_exceptions = true;
    co->localsplus_names = interned_tuple(in, code->varnames, &code->cellvars, &code->freevars);
    Tuple* consts = make_tuple(in, code->consts.size());
    co->consts = consts;
    for (size_t i = 0; i < code->consts.size(); ++i) consts->items()[i] = materialise(in, code->consts[i]);
    return co;
}

Dict* builtins_for_globals(Interp& in, Dict* globals) {
    Value b = globals ? dict_get_str(globals, in.names.dunder_builtins) : Value::null();
    if (b.is_obj()) {
        if (b.as_obj()->type == in.types.module) return b.as<Module>()->dict;
        if (b.as_obj()->type == in.types.dict) return b.as<Dict>();
    }
    if (in.builtins) return in.builtins->dict;
    // No builtins module yet (unit tests): an empty namespace, created once.
    if (in.vm && !in.vm->empty_builtins) in.vm->empty_builtins = make_dict(in);
    return in.vm->empty_builtins;
}

Function* make_function(Interp& in, CodeObject* code, Dict* globals) {
    Function* fn = in.heap.alloc<Function>(in.types.function);
    fn->code = code;
    fn->globals = globals;
    fn->builtins = builtins_for_globals(in, globals);
    fn->name = code->name;
    fn->qualname = code->qualname;
    Value mod = globals ? dict_get_str(globals, in.names.dunder_name) : Value::null();
    fn->module = mod.is_null() ? Value::none() : mod;
    // CPython 3.11's convention: a function's docstring is its first constant.
    if (code->consts->size && is_str(in, (*code->consts)[0])) fn->doc = (*code->consts)[0];
    return fn;
}

BoundMethod* make_bound_method(Interp& in, Value func, Value self) {
    BoundMethod* m = in.heap.alloc<BoundMethod>(in.types.bound_method);
    m->func = func;
    m->self = self;
    return m;
}

Cell* make_cell(Interp& in, Value value) {
    Cell* c = in.heap.alloc<Cell>(in.types.cell);
    c->value = value;
    return c;
}

bool is_function(const Interp& in, Value v) { return v.is_obj() && v.as_obj()->type == in.types.function; }
bool is_code(const Interp& in, Value v) { return v.is_obj() && v.as_obj()->type == in.types.code; }

// ---- function ----

namespace {

void function_trace(Obj* self, Tracer& t) {
    auto* f = static_cast<Function*>(self);
    t.mark(f->dict);
    t.mark(f->code);
    t.mark(f->globals);
    t.mark(f->builtins);
    t.mark(f->name);
    t.mark(f->qualname);
    t.mark(f->defaults);
    t.mark(f->kwdefaults);
    t.mark(f->closure);
    t.mark(f->doc);
    t.mark(f->module);
    t.mark(f->annotations);
}

Value or_none(Obj* o) { return o ? Value::from_obj(o) : Value::none(); }

Result<Value> function_getattr(Interp& in, Value self, Str* name) {
    auto* f = self.as<Function>();
    auto& n = in.names;
    if (name == n.dunder_name) return Value::from_obj(f->name);
    if (name == n.dunder_qualname) return Value::from_obj(f->qualname);
    if (name == n.dunder_doc) return f->doc;
    if (name == n.dunder_module) return f->module;
    if (name == n.dunder_defaults) return or_none(f->defaults);
    if (name == n.dunder_kwdefaults) return or_none(f->kwdefaults);
    if (name == n.dunder_code) return Value::from_obj(f->code);
    if (name == n.dunder_globals) return Value::from_obj(f->globals);
    if (name == n.dunder_closure) return or_none(f->closure);
    if (name == n.dunder_builtins) return Value::from_obj(f->builtins);
    if (name == n.dunder_dict) {
        if (!f->dict) f->dict = make_dict(in);
        return Value::from_obj(f->dict);
    }
    if (name == n.dunder_annotations) {
        if (!f->annotations) f->annotations = make_dict(in);
        return Value::from_obj(f->annotations);
    }
    return generic_get_attr(in, self, name);
}

Status function_setattr(Interp& in, Value self, Str* name, Value value) {
    auto* f = self.as<Function>();
    auto& n = in.names;
    bool del = value.is_null();
    if (name == n.dunder_name || name == n.dunder_qualname) {
        if (del || !is_str(in, value)) {
            return in.raise(in.exc.TypeError, std::string(name->view()) + " must be set to a string object");
        }
        (name == n.dunder_name ? f->name : f->qualname) = value.as<Str>();
        return ok();
    }
    if (name == n.dunder_doc) {
        f->doc = del ? Value::none() : value;
        return ok();
    }
    if (name == n.dunder_module) {
        f->module = del ? Value::none() : value;
        return ok();
    }
    if (name == n.dunder_defaults) {
        if (del || value.is_none()) f->defaults = nullptr;
        else if (is_tuple(in, value)) f->defaults = value.as<Tuple>();
        else return in.raise(in.exc.TypeError, "__defaults__ must be set to a tuple object");
        return ok();
    }
    if (name == n.dunder_kwdefaults) {
        if (del || value.is_none()) f->kwdefaults = nullptr;
        else if (is_dict(in, value)) f->kwdefaults = value.as<Dict>();
        else return in.raise(in.exc.TypeError, "__kwdefaults__ must be set to a dict object");
        return ok();
    }
    if (name == n.dunder_dict) {
        if (del || !is_dict(in, value)) return in.raise(in.exc.TypeError, "__dict__ must be set to a dictionary, not a '" + std::string(type_name(in, value)) + "'");
        f->dict = value.as<Dict>();
        return ok();
    }
    if (name == n.dunder_annotations) {
        f->annotations = (del || value.is_none()) ? nullptr : value.as<Dict>();
        return ok();
    }
    if (!f->dict) f->dict = make_dict(in);
    return generic_set_attr(in, self, name, value);
}

Result<Value> function_descr_get(Interp& in, Value descr, Value instance, Value) {
    if (instance.is_null() || instance.is_none()) return descr;
    return Value::from_obj(make_bound_method(in, descr, instance));
}

Result<Value> function_repr(Interp& in, Value self) {
    auto* f = self.as<Function>();
    return str_value(in, "<function " + std::string(f->qualname->view()) + " at " + address_of(f) + ">");
}

// ---- method ----

void method_trace(Obj* self, Tracer& t) {
    auto* m = static_cast<BoundMethod*>(self);
    t.mark(m->func);
    t.mark(m->self);
}

Result<Value> method_call(Interp& in, Value callee, CallArgs args) {
    auto* m = callee.as<BoundMethod>();
    size_t total = args.count + args.kw_count();
    Value small[16];
    std::vector<Value> big;
    Value* buf = small;
    if (total + 1 > 16) {
        big.resize(total + 1);
        buf = big.data();
    }
    buf[0] = m->self;
    for (size_t i = 0; i < total; ++i) buf[i + 1] = args.values[i];
    CallArgs ca{buf, args.count + 1, args.kwnames};
    if (is_function(in, m->func)) return vm::call_function(in, m->func.as<Function>(), ca);
    return call(in, m->func, ca);
}

Result<Value> method_getattr(Interp& in, Value self, Str* name) {
    auto* m = self.as<BoundMethod>();
    if (name == in.names.dunder_func) return m->func;
    if (name == in.names.dunder_self) return m->self;
    Value v = EDDY_TRY(generic_get_attr(in, self, name));
    if (!v.is_null()) return v;
    return get_attr_or_null(in, m->func, name);
}

Result<Value> method_repr(Interp& in, Value self) {
    auto* m = self.as<BoundMethod>();
    Value qn = EDDY_TRY(get_attr_or_null(in, m->func, in.names.dunder_qualname));
    std::string name = "?";
    if (!qn.is_null() && is_str(in, qn)) name = std::string(qn.as<Str>()->view());
    std::string self_repr = EDDY_TRY(repr_string(in, m->self));
    return str_value(in, "<bound method " + name + " of " + self_repr + ">");
}

Result<Value> method_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    if ((op != vm::CmpOp::Eq && op != vm::CmpOp::Ne) || !b.is_obj() || b.as_obj()->type != in.types.bound_method)
        return Value::not_implemented();
    auto* x = a.as<BoundMethod>();
    auto* y = b.as<BoundMethod>();
    bool eq = x->self.is(y->self) && EDDY_TRY(equal(in, x->func, y->func));
    return Value::boolean(eq == (op == vm::CmpOp::Eq));
}

Result<int64_t> method_hash(Interp& in, Value self) {
    auto* m = self.as<BoundMethod>();
    int64_t h = EDDY_TRY(hash(in, m->func));
    return h ^ int64_t(m->self.bits() >> 3);
}

// ---- code and cell ----

void code_trace(Obj* self, Tracer& t) {
    auto* c = static_cast<CodeObject*>(self);
    t.mark(c->consts);
    t.mark(c->names);
    t.mark(c->localsplus_names);
    t.mark(c->name);
    t.mark(c->qualname);
    t.mark(c->filename);
}

void code_finalize(Obj* self) { static_cast<CodeObject*>(self)->~CodeObject(); }

Tuple* names_tuple(Interp& in, const std::vector<std::string>& names) { return interned_tuple(in, names); }

Result<Value> code_getattr(Interp& in, Value self, Str* name) {
    auto* c = self.as<CodeObject>();
    std::string_view n = name->view();
    const vm::Code& co = *c->code;
    if (n == "co_name") return Value::from_obj(c->name);
    if (n == "co_qualname") return Value::from_obj(c->qualname);
    if (n == "co_filename") return Value::from_obj(c->filename);
    if (n == "co_firstlineno") return make_int(in, co.first_line);
    if (n == "co_argcount") return make_int(in, co.argcount);
    if (n == "co_posonlyargcount") return make_int(in, co.posonlyargcount);
    if (n == "co_kwonlyargcount") return make_int(in, co.kwonlyargcount);
    if (n == "co_nlocals") return make_int(in, int64_t(co.varnames.size()));
    if (n == "co_flags") return make_int(in, co.flags);
    if (n == "co_stacksize") return make_int(in, co.stacksize);
    if (n == "co_consts") return Value::from_obj(c->consts);
    if (n == "co_names") return Value::from_obj(c->names);
    if (n == "co_varnames") return Value::from_obj(names_tuple(in, co.varnames));
    if (n == "co_cellvars") return Value::from_obj(names_tuple(in, co.cellvars));
    if (n == "co_freevars") return Value::from_obj(names_tuple(in, co.freevars));
    return generic_get_attr(in, self, name);
}

Result<Value> code_repr(Interp& in, Value self) {
    auto* c = self.as<CodeObject>();
    return str_value(in, "<code object " + std::string(c->name->view()) + " at " + address_of(c) +
                             ", file \"" + std::string(c->filename->view()) + "\", line " +
                             std::to_string(c->code->first_line) + ">");
}

void cell_trace(Obj* self, Tracer& t) { t.mark(static_cast<Cell*>(self)->value); }

Result<Value> cell_getattr(Interp& in, Value self, Str* name) {
    if (name->view() == "cell_contents") {
        Value v = self.as<Cell>()->value;
        if (v.is_null()) return in.raise(in.exc.ValueError, "Cell is empty");
        return v;
    }
    return generic_get_attr(in, self, name);
}

Result<Value> cell_repr(Interp& in, Value self) {
    auto* c = self.as<Cell>();
    if (c->value.is_null()) return str_value(in, "<cell at " + address_of(c) + ": empty>");
    return str_value(in, "<cell at " + address_of(c) + ": " + std::string(type_name(in, c->value)) +
                             " object at " + address_of(c->value.is_obj() ? c->value.as_obj() : nullptr) + ">");
}

void setup_type(Interp& in, Type* t, uint32_t size) {
    t->base = in.types.object;
    t->bases = {in.types.object};
    t->instance_size = size;
}

} // namespace

void init_function_types(Interp& in) {
    Type* f = in.types.function;
    setup_type(in, f, sizeof(Function));
    // Function is not standard-layout (it derives from Obj), but its layout is plain: no virtual
    // bases, so offsetof is exact on every compiler we build with.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
    f->dict_offset = offsetof(Function, dict);
#pragma GCC diagnostic pop
    f->trace = function_trace;
    f->call = vm::function_call_slot;
    f->getattr = function_getattr;
    f->setattr = function_setattr;
    f->descr_get = function_descr_get;
    f->repr = function_repr;

    Type* m = in.types.bound_method;
    setup_type(in, m, sizeof(BoundMethod));
    m->trace = method_trace;
    m->call = method_call;
    m->getattr = method_getattr;
    m->repr = method_repr;
    m->richcmp = method_richcmp;
    m->hash = method_hash;

    Type* c = in.types.code;
    setup_type(in, c, sizeof(CodeObject));
    c->trace = code_trace;
    c->finalize = code_finalize;
    c->getattr = code_getattr;
    c->repr = code_repr;

    Type* cell = in.types.cell;
    setup_type(in, cell, sizeof(Cell));
    cell->trace = cell_trace;
    cell->getattr = cell_getattr;
    cell->repr = cell_repr;
}

} // namespace eddy::rt
