// runtime/ops.hpp: the generic object protocol, the runtime's API for everything "Python-level":
// what the VM's slow paths, the builtins and the stdlib call. Each function follows the CPython
// 3.11 abstract-object function it names (PyObject_GetAttr, PyNumber_Add, PyObject_RichCompare,
// ...), dispatching through Type slots, with CPython's exact TypeError wording.
#pragma once

#include <string>
#include <string_view>

#include "object.hpp"

namespace eddy::rt {

// ---- calls (re-enter the VM for Python callables; counted against the recursion limit) ----
Result<Value> call(Interp& in, Value callable, CallArgs args);
Result<Value> call(Interp& in, Value callable, std::initializer_list<Value> positional);
// obj.name(args...)
Result<Value> call_method(Interp& in, Value obj, Str* name, std::initializer_list<Value> positional);
bool is_callable(Interp& in, Value v);

// ---- native recursion (CPython's Py_EnterRecursiveCall) ----
// Comparison and repr recurse natively through nested containers. Each level counts against the
// recursion limit as a Python call does, and is refused near the end of the native stack, so
// `[[[...]]] == [[[...]]]` 100,000 deep raises RecursionError ("maximum recursion depth
// exceeded" + `where`) instead of overflowing. Every successful enter is paired with a leave.
Status enter_recursive_call(Interp& in, const char* where);
void leave_recursive_call(Interp& in);
// Only the native-stack check, for recursion CPython does not count (hashing nested tuples).
Status check_native_stack(Interp& in);

// ---- attributes ----
Result<Value> get_attr(Interp& in, Value obj, Str* name);          // AttributeError when missing
Result<Value> get_attr_or_null(Interp& in, Value obj, Str* name);  // null when missing, no error
Status set_attr(Interp& in, Value obj, Str* name, Value value);
Status del_attr(Interp& in, Value obj, Str* name);
// Looks `name` up along type's MRO (class dicts only, no descriptors applied); null if absent.
Value type_lookup(Type* type, Str* name);
// object.__getattribute__ / object.__setattr__: the default slots, usable by other types.
Result<Value> generic_get_attr(Interp& in, Value obj, Str* name);
Status generic_set_attr(Interp& in, Value obj, Str* name, Value value);

// ---- conversions ----
Result<Value> repr(Interp& in, Value v);                 // a str
Result<Value> str(Interp& in, Value v);                  // a str
Result<Value> ascii(Interp& in, Value v);
Result<Value> format(Interp& in, Value v, Value spec);   // format(v, spec) -> str
Result<bool> truthy(Interp& in, Value v);
Result<int64_t> hash(Interp& in, Value v);               // TypeError "unhashable type: 'list'"
Result<int64_t> length(Interp& in, Value v);             // len()
// An index (__index__) as int64: TypeError for non-ints, IndexError-free; OverflowError when huge.
Result<int64_t> index_as_int64(Interp& in, Value v);
// The repr/str as a C++ string, for messages.
Result<std::string> repr_string(Interp& in, Value v);
std::string_view type_name(const Interp& in, Value v);  // "int", "MyClass"

// ---- operators ----
Result<Value> binary_op(Interp& in, Value a, Value b, vm::BinOp op);   // with reflected fallback
Result<Value> compare(Interp& in, Value a, Value b, vm::CmpOp op);     // with reflected fallback
Result<bool> equal(Interp& in, Value a, Value b);                      // a == b, identity first
Result<bool> less_than(Interp& in, Value a, Value b);                  // a < b as a bool (sorting)
Result<Value> negate(Interp& in, Value v);
Result<Value> positive(Interp& in, Value v);
Result<Value> invert(Interp& in, Value v);
Result<bool> contains(Interp& in, Value container, Value item);        // `item in container`

// ---- items ----
Result<Value> get_item(Interp& in, Value container, Value key);
Status set_item(Interp& in, Value container, Value key, Value value);
Status del_item(Interp& in, Value container, Value key);

// ---- iteration ----
Result<Value> get_iter(Interp& in, Value iterable);      // TypeError "'int' object is not iterable"
// The next item, or null when exhausted (StopIteration is consumed, no error set).
Result<Value> next(Interp& in, Value iterator);
// Calls `fn` for each item; stops early if it returns an error.
template <class F>
Status for_each(Interp& in, Value iterable, F&& fn) {
    Value it = EDDY_TRY(get_iter(in, iterable));
    for (;;) {
        Value item = EDDY_TRY(next(in, it));
        if (item.is_null()) return ok();
        EDDY_CHECK(fn(item));
    }
}

// ---- type checks ----
Result<bool> is_instance(Interp& in, Value obj, Value cls_or_tuple);   // isinstance()
Result<bool> is_subclass(Interp& in, Value cls, Value cls_or_tuple);   // issubclass()

} // namespace eddy::rt
