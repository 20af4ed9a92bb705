// stdlib/struct_seq.hpp: named tuples made in C++ (CPython's PyStructSequence): sys.version_info,
// time.struct_time. Indexing, len, iteration, comparison and hashing see the first
// `n_sequence` fields; every field is also an attribute.
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>

#include "lib_util.hpp"

namespace eddy::lib {

struct StructSeq : rt::Obj {
    rt::Tuple* fields = nullptr;    // the sequence part, a real tuple
    rt::Tuple* extra = nullptr;     // fields visible only as attributes (may be empty)
};

// A struct sequence type `module.name` with the given field names; the first `n_sequence`
// are the sequence part.
Type* make_struct_seq_type(Interp& in, std::string_view name, std::string_view module,
                           std::initializer_list<const char*> fields, size_t n_sequence);
// An instance holding `values` (as many as the type has fields).
Value make_struct_seq(Interp& in, Type* type, std::span<const Value> values);

} // namespace eddy::lib
