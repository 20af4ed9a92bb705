// runtime/iterators.hpp: the builtin iterator types: enumerate, zip, map, filter, reversed, the
// sequence iterator over __getitem__ (iter(obj) for old-style sequences) and callable_iterator
// (iter(f, sentinel)). Also shared helpers for the containers' reprs.
#pragma once

#include <string>

#include "heap.hpp"
#include "object.hpp"

namespace eddy::rt {

// iter(seq) for a type with __getitem__ but no __iter__: yields seq[0], seq[1], ... until
// IndexError or StopIteration.
Value make_seq_iterator(Interp& in, Value sequence);
// iter(callable, sentinel)
Value make_callable_iterator(Interp& in, Value callable, Value sentinel);

// Recursion guard for container reprs ("[...]", "{...}"), as CPython's Py_ReprEnter: uses a
// bit of the object's gc_flags, which the containers reserve for this purpose.
bool repr_enter(Obj* obj);   // false when obj's repr is already in progress
void repr_leave(Obj* obj);

// Appends repr(v) to `out`.
Status append_repr(Interp& in, std::string& out, Value v);

// Argument checks for type constructors (the new_ slots get raw CallArgs), with CPython's words:
// "list() takes no keyword arguments", "list expected at most 1 argument, got 2",
// "range expected at least 1 argument, got 0", "filter expected 2 arguments, got 1".
Status check_no_keywords(Interp& in, CallArgs args, const char* name);
Status check_arg_count(Interp& in, CallArgs args, const char* name, size_t min, size_t max);

// Allocates an instance of `type`, a container type or a subclass of one: subclass instances
// are larger (instance_size) and carry an instance dict, which starts out empty.
template <class T>
T* alloc_instance(Heap& heap, Type* type) {
    size_t size = type->instance_size > sizeof(T) ? type->instance_size : sizeof(T);
    T* obj = heap.alloc<T>(type, size);
    if (size > sizeof(T) && type->dict_offset) instance_dict_slot(obj) = nullptr;
    return obj;
}

void init_iterator_types(Interp& in);   // iterators.cpp

} // namespace eddy::rt
