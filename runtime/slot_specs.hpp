// runtime/slot_specs.hpp (internal to the types files): the table that ties each special method
// name to the Type slot it fills. One source of truth for two directions: a class statement
// turns dunders into slot dispatchers (slot_dispatch.cpp), and finish_builtin_types turns a
// built-in type's filled slots into Python-visible wrappers (slot_wrappers.cpp).
#pragma once

#include <span>

#include "interp.hpp"

namespace eddy::rt {

// The Type slot (group) a special method belongs to. Several names may share a slot: the six
// comparisons share richcmp, __setitem__/__delitem__ share setitem, ...
enum class SlotGroup : uint8_t {
    Repr, Str, Hash, Truth, Len, Call, GetAttr, SetAttr, RichCmp, Binary, RBinary, Neg, Pos,
    Invert, Abs, Index, ToInt, ToFloat, Iter, Next, GetItem, SetItem, Contains, DescrGet,
    DescrSet, New, Init,
    Count
};

// What a wrapper of this name does when called (how it calls the slot).
enum class WrapKind : uint8_t {
    Unary,        // slot(self) -> value:   __repr__, __neg__, __iter__, ...
    Hash, Bool, Len,
    Call,         // slot(self, args)
    GetAttribute, SetAttr, DelAttr,
    RichCmp,      // op in `op`
    Binary, RBinary,
    Next, GetItem, SetItem, DelItem, Contains,
    DescrGet, DescrSet, DescrDelete,
    New, Init,
    None,         // no wrapper (a hook such as __getattr__, or in-place operators)
};

struct SlotSpec {
    Str* Names::*name;
    SlotGroup group;
    WrapKind wrap;
    uint8_t op;          // vm::CmpOp or vm::BinOp for RichCmp/Binary/RBinary
};

std::span<const SlotSpec> slot_specs();

// True when the type's slot for `group` is filled.
bool slot_is_filled(const Type* t, SlotGroup group);
// True when `t` and its base hold the same function in the slot for `group`.
bool slot_same_as_base(const Type* t, SlotGroup group);
// Copies one slot from `from` to `to`.
void copy_slot(Type* to, const Type* from, SlotGroup group);

// The wrapper type's call slot, used to recognise slot wrappers (type_of(x)->call == this).
Result<Value> slot_wrapper_call(Interp& in, Value callee, CallArgs args);

// Names of the binary operators by vm::BinOp index (forward 0..12), as ops.cpp prints them.
extern const char* const BinOpSymbols[26];

} // namespace eddy::rt
