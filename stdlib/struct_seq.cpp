// stdlib/struct_seq.cpp: struct sequences (CPython's Objects/structseq.c): a tuple of values
// plus attribute names, with the repr "time.struct_time(tm_year=2024, ...)". The field names
// live in the type's dict as `_fields` (all names) and `n_sequence_fields`.
#include "struct_seq.hpp"

#include <string>

#include "dict_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::lib {

namespace {

rt::Tuple* field_names(Interp& in, Type* type) {
    return rt::dict_get_str(type->dict, in.intern("_fields")).as<rt::Tuple>();
}

void seq_trace(rt::Obj* self, rt::Tracer& tracer) {
    auto* s = static_cast<StructSeq*>(self);
    tracer.mark(s->fields);
    tracer.mark(s->extra);
}

// The value of field `i` over both parts.
Value field_at(StructSeq* s, size_t i) {
    return i < s->fields->size ? (*s->fields)[i] : (*s->extra)[i - s->fields->size];
}

Result<Value> seq_getattr(Interp& in, Value self, rt::Str* name) {
    auto* s = self.as<StructSeq>();
    rt::Tuple* names = field_names(in, s->type);
    for (size_t i = 0; i < names->size; i++)
        if ((*names)[i].as<rt::Str>() == name) return field_at(s, i);
    return in.types.object->getattr(in, self, name);
}

Result<Value> seq_repr(Interp& in, Value self) {
    auto* s = self.as<StructSeq>();
    rt::Tuple* names = field_names(in, s->type);
    std::string text = s->type->module + "." + s->type->name + "(";
    for (size_t i = 0; i < s->fields->size; i++) {
        if (i) text += ", ";
        text += (*names)[i].as<rt::Str>()->view();
        text += "=";
        text += EDDY_TRY(rt::repr_string(in, (*s->fields)[i]));
    }
    return rt::str_value(in, text + ")");
}

Value as_tuple(Value v) {
    if (v.is_obj() && v.as_obj()->type->trace == seq_trace)
        return Value::from_obj(v.as<StructSeq>()->fields);
    return v;
}

Result<int64_t> seq_len(Interp&, Value self) { return int64_t(self.as<StructSeq>()->fields->size); }
Result<Value> seq_getitem(Interp& in, Value self, Value key) {
    return rt::get_item(in, as_tuple(self), key);
}
Result<Value> seq_iter(Interp& in, Value self) { return rt::get_iter(in, as_tuple(self)); }
Result<int64_t> seq_hash(Interp& in, Value self) { return rt::hash(in, as_tuple(self)); }
Result<bool> seq_contains(Interp& in, Value self, Value item) {
    return rt::contains(in, as_tuple(self), item);
}
Result<Value> seq_richcmp(Interp& in, Value a, Value b, vm::CmpOp op) {
    return rt::compare(in, as_tuple(a), as_tuple(b), op);
}

} // namespace

Type* make_struct_seq_type(Interp& in, std::string_view name, std::string_view module,
                           std::initializer_list<const char*> fields, size_t n_sequence) {
    Type* type = make_native_type(in, name, module, sizeof(StructSeq));
    type->trace = seq_trace;
    type->getattr = seq_getattr;
    type->repr = seq_repr;
    type->len = seq_len;
    type->getitem = seq_getitem;
    type->iter = seq_iter;
    type->hash = seq_hash;
    type->contains = seq_contains;
    type->richcmp = seq_richcmp;
    rt::Tuple* names = rt::make_tuple(in, fields.size());
    size_t i = 0;
    for (const char* f : fields) names->items()[i++] = Value::from_obj(in.intern(f));
    rt::dict_set_str(in, type->dict, in.intern("_fields"), Value::from_obj(names));
    rt::dict_set_str(in, type->dict, in.intern("n_sequence_fields"),
                     Value::from_small_int(int64_t(n_sequence)));
    rt::dict_set_str(in, type->dict, in.intern("n_fields"),
                     Value::from_small_int(int64_t(fields.size())));
    finish_native_type(in, type);
    return type;
}

Value make_struct_seq(Interp& in, Type* type, std::span<const Value> values) {
    size_t n_sequence = size_t(
        rt::dict_get_str(type->dict, in.intern("n_sequence_fields")).as_small_int());
    rt::Tuple* fields = rt::make_tuple(in, values.subspan(0, n_sequence));
    rt::Tuple* extra = rt::make_tuple(in, values.subspan(n_sequence));
    StructSeq* s = in.heap.alloc<StructSeq>(type);
    s->fields = fields;
    s->extra = extra;
    return Value::from_obj(s);
}

} // namespace eddy::lib
