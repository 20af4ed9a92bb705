// runtime/ops_number.cpp: operators of the object protocol: binary operators with the reflected
// operand rules of CPython's binary_op1, rich comparison (do_richcompare), unary operators and
// `in`. Types are only reached through their slots; the VM inlines its own fast paths.
#include "interp.hpp"
#include "ops.hpp"
#include "slot_specs.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

static std::string operand_types(Interp& in, Value a, Value b) {
    return "'" + std::string(type_name(in, a)) + "' and '" + std::string(type_name(in, b)) + "'";
}

// The name of the reflected method of `op` ("__radd__"), to compare overrides.
static Str* reflected_name(Interp& in, vm::BinOp op) {
    for (const SlotSpec& s : slot_specs())
        if (s.group == SlotGroup::RBinary && s.op == uint8_t(op)) return in.names.*s.name;
    return nullptr;
}

// Does b's type override the reflected method it inherits from a's type?
static bool overrides_reflected(Interp& in, Type* ta, Type* tb, vm::BinOp op) {
    if (tb->rbinary != ta->rbinary) return true;
    if (!(tb->flags & TF_HeapType)) return false;
    Str* name = reflected_name(in, op);
    return name && !type_lookup(tb, name).is(type_lookup(ta, name));
}

// binary_op1: a's slot, b's reflected slot (first when b's type is a subclass that overrides
// it); NotImplemented when neither handles the pair.
static Result<Value> binary_op1(Interp& in, Value a, Value b, vm::BinOp op) {
    Type* ta = type_of(in, a);
    Type* tb = type_of(in, b);
    BinarySlot sb = tb != ta ? tb->rbinary : nullptr;
    if (sb && is_subtype(tb, ta) && overrides_reflected(in, ta, tb, op)) {
        Value r = EDDY_TRY(sb(in, b, a, op));
        if (!r.is_not_implemented()) return r;
        sb = nullptr;
    }
    if (ta->binary) {
        Value r = EDDY_TRY(ta->binary(in, a, b, op));
        if (!r.is_not_implemented()) return r;
    }
    if (sb) return sb(in, b, a, op);
    return Value::not_implemented();
}

Result<Value> binary_op(Interp& in, Value a, Value b, vm::BinOp op) {
    vm::BinOp base = op;
    if (uint8_t(op) >= vm::InplaceOffset) {
        // a += b: the left operand's in-place method first, then the plain operator.
        base = vm::BinOp(uint8_t(op) - vm::InplaceOffset);
        if (BinarySlot slot = type_of(in, a)->binary) {
            Value r = EDDY_TRY(slot(in, a, b, op));
            if (!r.is_not_implemented()) return r;
        }
    }
    Value r = EDDY_TRY(binary_op1(in, a, b, base));
    if (!r.is_not_implemented()) return r;
    return in.raise(in.exc.TypeError, std::string("unsupported operand type(s) for ") +
                                          BinOpSymbols[uint8_t(op)] + ": " + operand_types(in, a, b));
}

static vm::CmpOp swapped(vm::CmpOp op) {
    switch (op) {
    case vm::CmpOp::Lt: return vm::CmpOp::Gt;
    case vm::CmpOp::Le: return vm::CmpOp::Ge;
    case vm::CmpOp::Gt: return vm::CmpOp::Lt;
    case vm::CmpOp::Ge: return vm::CmpOp::Le;
    default: return op;
    }
}

static const char* const CmpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

static Result<Value> compare_slots(Interp& in, Value a, Value b, vm::CmpOp op);

// PyObject_RichCompare: containers compare their items through here, so each level of nesting
// counts against the recursion limit.
Result<Value> compare(Interp& in, Value a, Value b, vm::CmpOp op) {
    if (!a.is_obj()) return compare_slots(in, a, b, op);   // inline ints and floats do not nest
    EDDY_CHECK(enter_recursive_call(in, " in comparison"));
    Result<Value> r = compare_slots(in, a, b, op);
    leave_recursive_call(in);
    return r;
}

// do_richcompare: the reflected side first when b's type is a proper subclass of a's.
static Result<Value> compare_slots(Interp& in, Value a, Value b, vm::CmpOp op) {
    Type* ta = type_of(in, a);
    Type* tb = type_of(in, b);
    bool checked_reverse = false;
    if (ta != tb && tb->richcmp && is_subtype(tb, ta)) {
        checked_reverse = true;
        Value r = EDDY_TRY(tb->richcmp(in, b, a, swapped(op)));
        if (!r.is_not_implemented()) return r;
    }
    if (ta->richcmp) {
        Value r = EDDY_TRY(ta->richcmp(in, a, b, op));
        if (!r.is_not_implemented()) return r;
    }
    if (!checked_reverse && tb->richcmp) {
        Value r = EDDY_TRY(tb->richcmp(in, b, a, swapped(op)));
        if (!r.is_not_implemented()) return r;
    }
    if (op == vm::CmpOp::Eq) return Value::boolean(a.is(b));
    if (op == vm::CmpOp::Ne) return Value::boolean(!a.is(b));
    return in.raise(in.exc.TypeError, std::string("'") + CmpSymbols[uint8_t(op)] +
                                          "' not supported between instances of " +
                                          operand_types(in, a, b));
}

// == on two exact tuples (tuplerichcompare): items pairwise until one differs, then the sizes.
static Result<bool> tuple_items_equal(Interp& in, const Tuple* a, const Tuple* b) {
    size_t n = std::min(a->size, b->size);
    for (size_t i = 0; i < n; ++i) {
        bool eq = EDDY_TRY(equal(in, (*a)[i], (*b)[i]));
        if (!eq) return false;
    }
    return a->size == b->size;
}

// Counted as a comparison level, as the generic path through compare() would be.
static Result<bool> tuples_equal(Interp& in, const Tuple* a, const Tuple* b) {
    EDDY_CHECK(enter_recursive_call(in, " in comparison"));
    Result<bool> r = tuple_items_equal(in, a, b);
    leave_recursive_call(in);
    return r;
}

// PyObject_RichCompareBool: identity implies equality. Exact strs and tuples (dict keys) compare
// without the slot dispatch.
Result<bool> equal(Interp& in, Value a, Value b) {
    if (a.is(b)) return true;
    if (a.is_obj() && b.is_obj()) {
        Type* ta = a.as_obj()->type;
        if (ta == b.as_obj()->type) {
            if (ta == in.types.str) return str_equal(a.as<Str>(), b.as<Str>());
            if (ta == in.types.tuple) return tuples_equal(in, a.as<Tuple>(), b.as<Tuple>());
        }
    }
    Value r = EDDY_TRY(compare(in, a, b, vm::CmpOp::Eq));
    if (r.is_bool()) return r.is_true();
    return truthy(in, r);
}

Result<bool> less_than(Interp& in, Value a, Value b) {
    Value r = EDDY_TRY(compare(in, a, b, vm::CmpOp::Lt));
    if (r.is_bool()) return r.is_true();
    return truthy(in, r);
}

static Result<Value> unary(Interp& in, Value v, UnarySlot slot, const char* symbol) {
    if (!slot)
        return in.raise(in.exc.TypeError, std::string("bad operand type for unary ") + symbol +
                                              ": '" + std::string(type_name(in, v)) + "'");
    return slot(in, v);
}

Result<Value> negate(Interp& in, Value v) { return unary(in, v, type_of(in, v)->neg, "-"); }
Result<Value> positive(Interp& in, Value v) { return unary(in, v, type_of(in, v)->pos, "+"); }
Result<Value> invert(Interp& in, Value v) { return unary(in, v, type_of(in, v)->invert, "~"); }

// PySequence_Contains: __contains__, else compare against each item of the iteration.
Result<bool> contains(Interp& in, Value container, Value item) {
    Type* t = type_of(in, container);
    if (t->contains) return t->contains(in, container, item);
    if (!t->iter && !t->getitem)
        return in.raise(in.exc.TypeError, "argument of type '" + std::string(type_name(in, container)) +
                                              "' is not iterable");
    Value it = EDDY_TRY(get_iter(in, container));
    for (;;) {
        Value v = EDDY_TRY(next(in, it));
        if (v.is_null()) return false;
        if (EDDY_TRY(equal(in, v, item))) return true;
    }
}

} // namespace eddy::rt
