// runtime/bool_object.cpp: bool, the int subclass whose only values are the immediates True and
// False (CPython's Objects/boolobject.c). Arithmetic is int's; only & | ^ between two bools give
// a bool back.
#include "float_object.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "types.hpp"

namespace eddy::rt {

namespace {

Result<Value> bool_repr(Interp& in, Value self) {
    return Value::from_obj(in.intern(self.is_true() ? "True" : "False"));
}

// bool_and / bool_or / bool_xor: bool when both operands are bools, else int arithmetic.
Result<Value> bool_binary(Interp& in, Value a, Value b, vm::BinOp op) {
    vm::BinOp base = uint8_t(op) >= vm::InplaceOffset ? vm::BinOp(uint8_t(op) - vm::InplaceOffset) : op;
    if (a.is_bool() && b.is_bool()) {
        bool x = a.is_true(), y = b.is_true();
        switch (base) {
        case vm::BinOp::And: return Value::boolean(x && y);
        case vm::BinOp::Or: return Value::boolean(x || y);
        case vm::BinOp::Xor: return Value::boolean(x != y);
        default: break;
        }
    }
    return int_binary(in, a, b, op);
}

Result<Value> bool_rbinary(Interp& in, Value self, Value other, vm::BinOp op) {
    return bool_binary(in, other, self, op);
}

// bool(x=False, /): the truth value of x.
Result<Value> bool_new_impl(Interp& in, Args args) {
    if (!args.has(1)) return Value::boolean(false);
    bool b = EDDY_TRY(truthy(in, args[1]));
    return Value::boolean(b);
}

Result<Value> bool_new(Interp& in, Type* type, CallArgs args) {
    if (args.kw_count()) return in.raise(in.exc.TypeError, "bool() takes no keyword arguments");
    static constexpr NativeDef def{"bool(cls, x=?, /)", bool_new_impl};
    return call_with_signature(in, def, Value::from_obj(type), args);
}

} // namespace

void init_bool_type(Interp& in) {
    Type* t = in.types.bool_;
    t->base = in.types.int_;
    t->bases = {in.types.int_};
    t->flags &= ~uint32_t(TF_BaseType);
    t->instance_size = sizeof(BigInt);
    t->doc = "bool(x) -> bool";
    t->repr = bool_repr;
    t->binary = bool_binary;
    t->rbinary = bool_rbinary;
    t->new_ = bool_new;
}

} // namespace eddy::rt
