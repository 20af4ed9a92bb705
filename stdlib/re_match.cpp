// stdlib/re_match.cpp: re.Match and finditer's iterator, native so that a match costs one
// allocation and group()/start()/span() no Python frames (CPython's are C too, in _sre.c). A
// Match copies its spans out of the pattern's PCRE2 match data, which the next run overwrites.
// Only Match.expand goes back to Python, through the owning re.Pattern's _expand_match.
#include <string>

#include "dict_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "re_pcre.hpp"
#include "tuple_object.hpp"
#include "types.hpp"
#include "unicode.hpp"

namespace eddy::lib::pcre {

namespace {

// A match: `count` groups (group 0 included), each as code-point and byte offsets, -1 when the
// group did not take part. The spans follow the header: cp[2 * count], then bytes[2 * count].
struct MatchObj : rt::Obj {
    PcrePattern* code = nullptr;   // the compiled pattern (its owner is Match.re)
    Value string = Value::null();  // the str searched
    int64_t pos = 0, endpos = 0;   // Match.pos/endpos, as passed to the search
    uint32_t count = 0;
    int64_t* cp() { return reinterpret_cast<int64_t*>(this + 1); }
    int64_t* bytes() { return cp() + 2 * count; }
};

void match_trace(rt::Obj* self, rt::Tracer& tracer) {
    auto* m = static_cast<MatchObj*>(self);
    tracer.mark(m->code);
    tracer.mark(m->string);
}

MatchObj* as_match(Value v) { return v.as<MatchObj>(); }

// The text of group g, or `otherwise` when it did not take part.
Value group_value(Interp& in, MatchObj* m, int64_t g, Value otherwise) {
    const int64_t* cp = m->cp();
    if (cp[2 * g] < 0) return otherwise;
    const int64_t* b = m->bytes();
    std::string_view text = m->string.as<rt::Str>()->view().substr(size_t(b[2 * g]), size_t(b[2 * g + 1] - b[2 * g]));
    return Value::from_obj(rt::make_str_with_length(in, text, size_t(cp[2 * g + 1] - cp[2 * g])));
}

// sre's match_getindex: an int-like value is a group number; anything else is looked up among
// the group names. Out of range or unknown: IndexError.
Result<int64_t> group_index(Interp& in, MatchObj* m, Value g) {
    int64_t i = -1;
    if (g.is_small_int()) {
        i = g.as_small_int();
    } else if (g.is_bool()) {
        i = g.is_true();
    } else if (Type* t = rt::type_of(in, g); t->index) {
        Value v = EDDY_TRY(t->index(in, g));
        if (v.is_small_int()) i = v.as_small_int();   // a big int is out of range anyway
    } else {
        Value n = EDDY_TRY(rt::dict_get(in, m->code->groupindex.as<rt::Dict>(), g));
        if (!n.is_null() && n.is_small_int()) i = n.as_small_int();
    }
    if (i < 0 || i >= int64_t(m->count)) return in.raise(in.exc.IndexError, "no such group");
    return i;
}

Result<Value> match_group(Interp& in, Args args) {
    MatchObj* m = as_match(args[0]);
    const rt::Tuple* groups = args[1].as<rt::Tuple>();
    if (groups->size == 0) return group_value(in, m, 0, Value::none());
    if (groups->size == 1) {
        int64_t g = EDDY_TRY(group_index(in, m, (*groups)[0]));
        return group_value(in, m, g, Value::none());
    }
    std::vector<int64_t> indices;   // all checked before any str is made
    for (Value g : groups->span()) indices.push_back(EDDY_TRY(group_index(in, m, g)));
    rt::Tuple* out = rt::make_tuple(in, indices.size());
    for (size_t k = 0; k < indices.size(); ++k) out->items()[k] = group_value(in, m, indices[k], Value::none());
    return Value::from_obj(out);
}

Result<Value> match_getitem(Interp& in, Value self, Value key) {
    int64_t g = EDDY_TRY(group_index(in, as_match(self), key));
    return group_value(in, as_match(self), g, Value::none());
}

Value default_of(Args args, size_t i) { return args.has(i) ? args[i] : Value::none(); }

Result<Value> match_groups(Interp& in, Args args) {
    MatchObj* m = as_match(args[0]);
    rt::Tuple* out = rt::make_tuple(in, m->count - 1);
    for (uint32_t g = 1; g < m->count; ++g) out->items()[g - 1] = group_value(in, m, g, default_of(args, 1));
    return Value::from_obj(out);
}

Result<Value> match_groupdict(Interp& in, Args args) {
    MatchObj* m = as_match(args[0]);
    rt::Dict* out = rt::make_dict(in);
    for (const rt::DictEntry& e : m->code->groupindex.as<rt::Dict>()->entries) {
        if (e.key.is_null()) continue;
        Value text = group_value(in, m, e.value.as_small_int(), default_of(args, 1));
        EDDY_CHECK(rt::dict_set(in, out, e.key, text));
    }
    return Value::from_obj(out);
}

// start/end/span take group=0.
Result<int64_t> group_arg(Interp& in, Args args) {
    if (!args.has(1)) return 0;
    return group_index(in, as_match(args[0]), args[1]);
}

Result<Value> match_start(Interp& in, Args args) {
    int64_t g = EDDY_TRY(group_arg(in, args));
    return Value::from_small_int(as_match(args[0])->cp()[2 * g]);
}

Result<Value> match_end(Interp& in, Args args) {
    int64_t g = EDDY_TRY(group_arg(in, args));
    return Value::from_small_int(as_match(args[0])->cp()[2 * g + 1]);
}

Value span_tuple(Interp& in, MatchObj* m, int64_t g) {
    return Value::from_obj(rt::make_tuple(in, {Value::from_small_int(m->cp()[2 * g]),
                                                Value::from_small_int(m->cp()[2 * g + 1])}));
}

Result<Value> match_span(Interp& in, Args args) {
    int64_t g = EDDY_TRY(group_arg(in, args));
    return span_tuple(in, as_match(args[0]), g);
}

Result<Value> match_expand(Interp& in, Args args) {
    MatchObj* m = as_match(args[0]);
    return rt::call_method(in, m->code->owner, in.intern("_expand_match"), {args[0], args[1]});
}

Result<Value> match_self(Interp&, Args args) { return args[0]; }

Result<Value> match_re(Interp&, Args args) { return as_match(args[0])->code->owner; }
Result<Value> match_string(Interp&, Args args) { return as_match(args[0])->string; }
Result<Value> match_pos(Interp&, Args args) { return Value::from_small_int(as_match(args[0])->pos); }
Result<Value> match_endpos(Interp&, Args args) { return Value::from_small_int(as_match(args[0])->endpos); }

// The group that closed last: among the groups that took part, the one ending furthest right,
// and of those the outermost (smallest start). None when no group took part.
int64_t last_index(MatchObj* m) {
    const int64_t* cp = m->cp();
    int64_t last = -1, best_end = -1;
    for (int64_t g = 1; g < int64_t(m->count); ++g) {
        if (cp[2 * g] < 0 || cp[2 * g + 1] < best_end) continue;
        if (last < 0 || cp[2 * g + 1] > best_end || cp[2 * g] < cp[2 * last]) {
            last = g;
            best_end = cp[2 * g + 1];
        }
    }
    return last;
}

Result<Value> match_lastindex(Interp&, Args args) {
    int64_t last = last_index(as_match(args[0]));
    return last < 0 ? Value::none() : Value::from_small_int(last);
}

Result<Value> match_lastgroup(Interp&, Args args) {
    MatchObj* m = as_match(args[0]);
    int64_t last = last_index(m);
    if (last < 0) return Value::none();
    for (const rt::DictEntry& e : m->code->groupindex.as<rt::Dict>()->entries)
        if (!e.key.is_null() && e.value.is_small_int() && e.value.as_small_int() == last) return e.key;
    return Value::none();
}

Result<Value> match_regs(Interp& in, Args args) {
    MatchObj* m = as_match(args[0]);
    rt::Tuple* out = rt::make_tuple(in, m->count);
    for (uint32_t g = 0; g < m->count; ++g) out->items()[g] = span_tuple(in, m, g);
    return Value::from_obj(out);
}

// CPython's "<re.Match object; span=(s, e), match=%.50R>": the repr cut to 50 code points.
Result<Value> match_repr(Interp& in, Value self) {
    MatchObj* m = as_match(self);
    Value text = EDDY_TRY(rt::repr(in, group_value(in, m, 0, Value::none())));
    std::string_view r = text.as<rt::Str>()->view();
    r = r.substr(0, rt::uni::offset_of(r, std::min<size_t>(50, text.as<rt::Str>()->length)));
    std::string out = "<re.Match object; span=(" + std::to_string(m->cp()[0]) + ", " +
                      std::to_string(m->cp()[1]) + "), match=";
    out.append(r);
    out += '>';
    return rt::str_value(in, out);
}

// finditer's iterator: searches from `pos` on each step; after an empty match the next one may
// not be empty at the same place (PCRE2_NOTEMPTY_ATSTART), Python's rule since 3.7.
struct ScannerObj : rt::Obj {
    PcrePattern* code = nullptr;
    Value string = Value::null();   // null once exhausted
    int64_t origin = 0, pos = 0, endpos = 0;   // origin: Match.pos of every match
    bool notempty = false;
};

void scanner_trace(rt::Obj* self, rt::Tracer& tracer) {
    auto* s = static_cast<ScannerObj*>(self);
    tracer.mark(s->code);
    tracer.mark(s->string);
}

Result<Value> scanner_iter(Interp&, Value self) { return self; }

Result<Value> scanner_next(Interp& in, Value self) {
    auto* s = self.as<ScannerObj>();
    if (s->string.is_null()) return Value::null();
    PcrePattern* p = s->code;
    int rc = EDDY_TRY(run(in, p, s->string, s->pos, s->endpos, s->notempty ? PCRE2_NOTEMPTY_ATSTART : 0));
    if (rc == PCRE2_ERROR_NOMATCH) {
        s->string = Value::null();
        return Value::null();
    }
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p->match_data);
    s->notempty = ov[0] == ov[1];
    s->pos = int64_t(p->offsets.to_cp(ov[1]));
    return make_match(in, p, s->string, s->origin, s->endpos, rc);
}

} // namespace

Value make_match(Interp& in, PcrePattern* p, Value string, int64_t pos, int64_t endpos, int rc) {
    uint32_t count = p->groups + 1;
    auto* m = in.heap.alloc<MatchObj>(p->match_type, sizeof(MatchObj) + 4 * count * sizeof(int64_t));
    m->code = p;
    m->string = string;
    m->pos = pos;
    m->endpos = endpos;
    m->count = count;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p->match_data);
    int64_t* cp = m->cp();
    int64_t* bytes = m->bytes();
    for (uint32_t g = 0; g < count; ++g) {
        bool set = g < uint32_t(rc) && ov[2 * g] != PCRE2_UNSET;
        for (int k = 0; k < 2; ++k) {
            bytes[2 * g + k] = set ? int64_t(ov[2 * g + k]) : -1;
            cp[2 * g + k] = set ? int64_t(p->offsets.to_cp(ov[2 * g + k])) : -1;
        }
    }
    return Value::from_obj(m);
}

Value make_scanner(Interp& in, PcrePattern* p, Value string, int64_t pos, int64_t endpos) {
    auto* s = in.heap.alloc<ScannerObj>(p->scanner_type);
    s->code = p;
    s->string = string;
    s->origin = s->pos = pos;
    s->endpos = endpos;
    return Value::from_obj(s);
}

Type* make_match_type(Interp& in) {
    Type* t = make_native_type(in, "Match", "re", sizeof(MatchObj));
    t->trace = match_trace;
    t->repr = match_repr;
    t->getitem = match_getitem;
    rt::add_methods(in, t, {
        {"group(self, *groups)", match_group},
        {"groups(self, default=None)", match_groups},
        {"groupdict(self, default=None)", match_groupdict},
        {"start(self, group=?, /)", match_start},
        {"end(self, group=?, /)", match_end},
        {"span(self, group=?, /)", match_span},
        {"expand(self, template)", match_expand},
        {"__copy__(self, /)", match_self},
        {"__deepcopy__(self, memo, /)", match_self},
    });
    rt::add_getset(in, t, "re", match_re, nullptr);
    rt::add_getset(in, t, "string", match_string, nullptr);
    rt::add_getset(in, t, "pos", match_pos, nullptr);
    rt::add_getset(in, t, "endpos", match_endpos, nullptr);
    rt::add_getset(in, t, "lastindex", match_lastindex, nullptr);
    rt::add_getset(in, t, "lastgroup", match_lastgroup, nullptr);
    rt::add_getset(in, t, "regs", match_regs, nullptr);
    finish_native_type(in, t);
    rt::add_slot_wrappers(in, t);
    return t;
}

Type* make_scanner_type(Interp& in) {
    Type* t = make_native_type(in, "callable_iterator", "re", sizeof(ScannerObj));
    t->trace = scanner_trace;
    t->iter = scanner_iter;
    t->next = scanner_next;
    finish_native_type(in, t);
    rt::add_slot_wrappers(in, t);   // __iter__ and __next__, as CPython's iterator has
    return t;
}

} // namespace eddy::lib::pcre
