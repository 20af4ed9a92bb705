// runtime/slot_specs.cpp: the special-method table (slot_specs.hpp) and per-group slot access,
// written once so that class creation and wrapper generation cannot disagree.
#include "slot_specs.hpp"

namespace eddy::rt {

namespace {

using G = SlotGroup;
using W = WrapKind;
using N = Names;

constexpr uint8_t op(vm::CmpOp o) { return uint8_t(o); }
constexpr uint8_t op(vm::BinOp o) { return uint8_t(o); }

#define BIN(fwd, refl, inpl, kind)                                                               \
    {&N::fwd, G::Binary, W::Binary, op(vm::BinOp::kind)},                                        \
    {&N::refl, G::RBinary, W::RBinary, op(vm::BinOp::kind)},                                     \
    {&N::inpl, G::Binary, W::Binary, uint8_t(op(vm::BinOp::kind) + vm::InplaceOffset)},

const SlotSpec Specs[] = {
    {&N::dunder_repr, G::Repr, W::Unary, 0},
    {&N::dunder_str, G::Str, W::Unary, 0},
    {&N::dunder_hash, G::Hash, W::Hash, 0},
    {&N::dunder_bool, G::Truth, W::Bool, 0},
    {&N::dunder_len, G::Len, W::Len, 0},
    {&N::dunder_call, G::Call, W::Call, 0},
    {&N::dunder_getattribute, G::GetAttr, W::GetAttribute, 0},
    {&N::dunder_getattr, G::GetAttr, W::None, 0},
    {&N::dunder_setattr, G::SetAttr, W::SetAttr, 0},
    {&N::dunder_delattr, G::SetAttr, W::DelAttr, 0},
    {&N::dunder_lt, G::RichCmp, W::RichCmp, op(vm::CmpOp::Lt)},
    {&N::dunder_le, G::RichCmp, W::RichCmp, op(vm::CmpOp::Le)},
    {&N::dunder_eq, G::RichCmp, W::RichCmp, op(vm::CmpOp::Eq)},
    {&N::dunder_ne, G::RichCmp, W::RichCmp, op(vm::CmpOp::Ne)},
    {&N::dunder_gt, G::RichCmp, W::RichCmp, op(vm::CmpOp::Gt)},
    {&N::dunder_ge, G::RichCmp, W::RichCmp, op(vm::CmpOp::Ge)},
    BIN(dunder_add, dunder_radd, dunder_iadd, Add)
    BIN(dunder_sub, dunder_rsub, dunder_isub, Sub)
    BIN(dunder_mul, dunder_rmul, dunder_imul, Mul)
    BIN(dunder_matmul, dunder_rmatmul, dunder_imatmul, MatMul)
    BIN(dunder_truediv, dunder_rtruediv, dunder_itruediv, TrueDiv)
    BIN(dunder_mod, dunder_rmod, dunder_imod, Mod)
    BIN(dunder_pow, dunder_rpow, dunder_ipow, Pow)
    BIN(dunder_lshift, dunder_rlshift, dunder_ilshift, LShift)
    BIN(dunder_rshift, dunder_rrshift, dunder_irshift, RShift)
    BIN(dunder_or, dunder_ror, dunder_ior, Or)
    BIN(dunder_xor, dunder_rxor, dunder_ixor, Xor)
    BIN(dunder_and, dunder_rand, dunder_iand, And)
    BIN(dunder_floordiv, dunder_rfloordiv, dunder_ifloordiv, FloorDiv)
    {&N::dunder_neg, G::Neg, W::Unary, 0},
    {&N::dunder_pos, G::Pos, W::Unary, 0},
    {&N::dunder_invert, G::Invert, W::Unary, 0},
    {&N::dunder_abs, G::Abs, W::Unary, 0},
    {&N::dunder_index, G::Index, W::Unary, 0},
    {&N::dunder_int, G::ToInt, W::Unary, 0},
    {&N::dunder_float, G::ToFloat, W::Unary, 0},
    {&N::dunder_iter, G::Iter, W::Unary, 0},
    {&N::dunder_next, G::Next, W::Next, 0},
    {&N::dunder_getitem, G::GetItem, W::GetItem, 0},
    {&N::dunder_setitem, G::SetItem, W::SetItem, 0},
    {&N::dunder_delitem, G::SetItem, W::DelItem, 0},
    {&N::dunder_contains, G::Contains, W::Contains, 0},
    {&N::dunder_get, G::DescrGet, W::DescrGet, 0},
    {&N::dunder_set, G::DescrSet, W::DescrSet, 0},
    {&N::dunder_delete, G::DescrSet, W::DescrDelete, 0},
    {&N::dunder_new, G::New, W::New, 0},
    {&N::dunder_init, G::Init, W::Init, 0},
};

#undef BIN

} // namespace

std::span<const SlotSpec> slot_specs() { return Specs; }

const char* const BinOpSymbols[26] = {
    "+", "-", "*", "@", "/", "%", "** or pow()", "<<", ">>", "|", "^", "&", "//",
    "+=", "-=", "*=", "@=", "/=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&=", "//=",
};

// Applies `fn(slot_a, slot_b)` to the member of the group in both types.
template <class F>
static auto with_slot(const Type* a, const Type* b, SlotGroup group, F&& fn) {
    switch (group) {
    case G::Repr: return fn(a->repr, b->repr);
    case G::Str: return fn(a->str, b->str);
    case G::Hash: return fn(a->hash, b->hash);
    case G::Truth: return fn(a->truth, b->truth);
    case G::Len: return fn(a->len, b->len);
    case G::Call: return fn(a->call, b->call);
    case G::GetAttr: return fn(a->getattr, b->getattr);
    case G::SetAttr: return fn(a->setattr, b->setattr);
    case G::RichCmp: return fn(a->richcmp, b->richcmp);
    case G::Binary: return fn(a->binary, b->binary);
    case G::RBinary: return fn(a->rbinary, b->rbinary);
    case G::Neg: return fn(a->neg, b->neg);
    case G::Pos: return fn(a->pos, b->pos);
    case G::Invert: return fn(a->invert, b->invert);
    case G::Abs: return fn(a->abs, b->abs);
    case G::Index: return fn(a->index, b->index);
    case G::ToInt: return fn(a->to_int, b->to_int);
    case G::ToFloat: return fn(a->to_float, b->to_float);
    case G::Iter: return fn(a->iter, b->iter);
    case G::Next: return fn(a->next, b->next);
    case G::GetItem: return fn(a->getitem, b->getitem);
    case G::SetItem: return fn(a->setitem, b->setitem);
    case G::Contains: return fn(a->contains, b->contains);
    case G::DescrGet: return fn(a->descr_get, b->descr_get);
    case G::DescrSet: return fn(a->descr_set, b->descr_set);
    case G::New: return fn(a->new_, b->new_);
    case G::Init: return fn(a->init, b->init);
    case G::Count: break;
    }
    return fn(a->repr, b->repr);
}

bool slot_is_filled(const Type* t, SlotGroup group) {
    return with_slot(t, t, group, [](auto x, auto) { return x != nullptr; });
}

bool slot_same_as_base(const Type* t, SlotGroup group) {
    if (!t->base) return false;
    return with_slot(t, t->base, group, [](auto x, auto y) { return x == y; });
}

void copy_slot(Type* to, const Type* from, SlotGroup group) {
    with_slot(to, from, group, [](auto& x, auto y) {
        const_cast<std::remove_const_t<std::remove_reference_t<decltype(x)>>&>(x) = y;
        return true;
    });
}

} // namespace eddy::rt
