// runtime/interp.cpp: building an interpreter's runtime (types, names, exceptions), interning,
// raising, and tracing the interpreter's own roots.
#include "interp.hpp"

#include <cstring>

#include "dict_object.hpp"
#include "exception_object.hpp"
#include "module_object.hpp"
#include "native.hpp"
#include "str_impl.hpp"
#include "str_object.hpp"
#include "unicode.hpp"
#include "tuple_object.hpp"
#include "type_inits.hpp"
#include "loop/loop.hpp"
#include "vm/vm_state.hpp"

namespace eddy::rt {

Interp::Interp() {
    heap.add_root_source(this);
    create_types();
    intern_names();
    empty_tuple = make_tuple(*this, 0);
    empty_str = intern("");
    for (Type* t : {
#define EDDY_TYPE(field, pyname, owner) types.field,
#include "builtin_types.def"
#undef EDDY_TYPE
         })
        t->dict = make_dict(*this);
    init_core_types(*this);
    init_number_types(*this);
    init_text_types(*this);
    init_container_types(*this);
    init_vm_types(*this);
    init_exception_types(*this);
    finish_builtin_types(*this);
    modules = make_dict(*this);
    vm = std::make_unique<vm::VmState>(*this);
}

Interp::~Interp() {
    vm.reset();
    heap.remove_root_source(this);
}

// Step 1 of start-up: a bare Type object per row of builtin_types.def, so that later steps can
// allocate strs and dicts (which need their Type pointers) before any type is filled in.
void Interp::create_types() {
#define EDDY_TYPE(field, pyname, owner)                                                          \
    types.field = heap.alloc<Type>(nullptr);                                                     \
    types.field->name = pyname;                                                                  \
    types.field->qualname = pyname;                                                              \
    types.field->module = "builtins";
#include "builtin_types.def"
#undef EDDY_TYPE
#define EDDY_TYPE(field, pyname, owner) types.field->type = types.type;
#include "builtin_types.def"
#undef EDDY_TYPE
}

void Interp::intern_names() {
#define EDDY_NAME(field, text) names.field = intern(text);
#include "names.def"
#undef EDDY_NAME
}

Str* Interp::intern(std::string_view text) {
    auto it = m_interned.find(text);
    if (it != m_interned.end()) return it->second;
    // Allocated directly: make_str itself interns one-character strings.
    Str* s = str_alloc_raw(*this, text.size(), uni::count(text));
    if (!text.empty()) std::memcpy(s->data(), text.data(), text.size());
    s->interned = true;
    m_interned.emplace(s->view(), s);
    return s;
}

Error Interp::raise(Type* type, std::string_view message) {
    m_exception = Value::from_obj(make_exception(*this, type, message));
    return Error{};
}

Error Interp::raise(Type* type) { return raise(type, std::string_view{}); }

Error Interp::raise_value(Value exception) {
    m_exception = exception;
    return Error{};
}

Error Interp::raise_memory_error() {
    // TODO(core): preallocate, so MemoryError never needs the heap it reports exhausted.
    return raise(exc.MemoryError);
}

Value Interp::take_exception() {
    Value e = m_exception;
    m_exception = Value::null();
    return e;
}

bool Interp::exception_matches(Type* type) const {
    return has_exception() && is_subtype(type_of(*this, m_exception), type);
}

void Interp::trace_roots(Tracer& tracer) {
#define EDDY_TYPE(field, pyname, owner) tracer.mark(types.field);
#include "builtin_types.def"
#undef EDDY_TYPE
#define EDDY_EXC(name, base) tracer.mark(exc.name);
#include "exceptions.def"
#undef EDDY_EXC
    for (auto& [text, s] : m_interned) tracer.mark(s);
    for (auto& [text, sig] : signatures)
        for (auto& p : sig->params) tracer.mark(p.default_value);
    tracer.mark(m_exception);
    tracer.mark(modules);
    tracer.mark(builtins);
    tracer.mark(sys);
    tracer.mark(empty_tuple);
    tracer.mark(empty_str);
    if (vm) vm->trace(tracer);
}

} // namespace eddy::rt

namespace eddy::rt {

size_t CallArgs::kw_count() const { return kwnames ? kwnames->size : 0; }

} // namespace eddy::rt
