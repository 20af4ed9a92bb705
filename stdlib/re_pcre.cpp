// stdlib/re_pcre.cpp: the _pcre module, the native core of `re`: compiles a pattern (already
// translated from Python's syntax by stdlib/py/re.py) with PCRE2 in UTF mode and runs matches,
// converting between PCRE2's byte offsets and Python's code-point indices. The Python layer
// builds re.Pattern on top; matches become native re.Match objects (re_match.cpp), and findall
// and template sub run here entirely because they are the hot loops of most scripts.
#include <string>

#include "re_pcre.hpp"

#include "dict_object.hpp"
#include "lib_util.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::lib::pcre {

namespace {

void pattern_trace(rt::Obj* self, rt::Tracer& tracer) {
    auto* p = static_cast<PcrePattern*>(self);
    tracer.mark(p->last_string);
    tracer.mark(p->owner);
    tracer.mark(p->groupindex);
    tracer.mark(p->match_type);
    tracer.mark(p->scanner_type);
}

void pattern_finalize(rt::Obj* self) {
    auto* p = static_cast<PcrePattern*>(self);
    if (p->match_data) pcre2_match_data_free(p->match_data);
    if (p->code) pcre2_code_free(p->code);
    p->~PcrePattern();
}

std::string pcre_message(int code) {
    PCRE2_UCHAR buffer[256];
    int n = pcre2_get_error_message(code, buffer, sizeof buffer);
    return n < 0 ? "unknown PCRE2 error " + std::to_string(code) : std::string(reinterpret_cast<char*>(buffer), size_t(n));
}

// {name: number} from PCRE2's name table.
Result<Value> build_groupindex(Interp& in, PcrePattern* p) {
    uint32_t count = 0, entry_size = 0;
    PCRE2_SPTR table = nullptr;
    pcre2_pattern_info(p->code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(p->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(p->code, PCRE2_INFO_NAMETABLE, &table);
    // Entries are sorted by name; Python lists them by group number.
    std::vector<std::pair<int64_t, std::string>> names;
    for (uint32_t i = 0; i < count; ++i) {
        PCRE2_SPTR e = table + size_t(i) * entry_size;
        names.emplace_back((int64_t(e[0]) << 8) | e[1], std::string(reinterpret_cast<const char*>(e + 2)));
    }
    std::sort(names.begin(), names.end());
    rt::Dict* d = rt::make_dict(in);
    for (auto& [number, name] : names)
        EDDY_CHECK(rt::dict_set(in, d, rt::str_value(in, name), Value::from_small_int(number)));
    return Value::from_obj(d);
}

// _pcre.compile(pattern, options, pattern_type, owner): a PcrePattern for the re.Pattern
// `owner`, or a (message, offset) tuple when PCRE2 rejects the pattern (the Python layer raises
// re.error with it).
Result<Value> pcre_compile(Interp& in, Args args) {
    if (!rt::is_str(in, args[0])) return in.raise(in.exc.TypeError, "pattern must be str");
    rt::Str* pattern = args[0].as<rt::Str>();
    int64_t options = EDDY_TRY(rt::index_as_int64(in, args[1]));
    if (!args[2].is_obj() || rt::type_of(in, args[2]) != in.types.type ||
        static_cast<Type*>(args[2].as_obj())->trace != pattern_trace)
        return in.raise(in.exc.TypeError, "compile() argument 3 must be _pcre.PcrePattern");
    Type* type = static_cast<Type*>(args[2].as_obj());
    int error = 0;
    PCRE2_SIZE error_offset = 0;
    // ALT_CIRCUMFLEX: a multiline ^ also matches after a final newline, as in Python's re.
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern->data()), pattern->size,
                                     uint32_t(options) | PCRE2_UTF | PCRE2_ALT_CIRCUMFLEX, &error,
                                     &error_offset, nullptr);
    if (!code) {
        rt::Tuple* t = rt::make_tuple(in, 2);
        t->items()[0] = rt::str_value(in, pcre_message(error));
        // The offset is in bytes; the message wants a code-point position.
        OffsetMap map;
        map.reset(pattern);
        t->items()[1] = Value::from_small_int(int64_t(map.to_cp(std::min<size_t>(error_offset, pattern->size))));
        return Value::from_obj(t);
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);   // best effort: without JIT, matching interprets
    auto* p = in.heap.alloc<PcrePattern>(type);
    p->code = code;
    p->match_data = pcre2_match_data_create_from_pattern(code, nullptr);
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &p->groups);
    p->owner = args[3];
    p->groupindex = EDDY_TRY(build_groupindex(in, p));
    p->match_type = static_cast<Type*>(rt::dict_get_str(type->dict, in.intern("_match_type")).as_obj());
    p->scanner_type = static_cast<Type*>(rt::dict_get_str(type->dict, in.intern("_scanner_type")).as_obj());
    return Value::from_obj(p);
}

PcrePattern* self_of(Args args) { return args[0].as<PcrePattern>(); }

Result<std::string_view> check_string(Interp& in, Value v) {
    if (!rt::is_str(in, v))
        return in.raise(in.exc.TypeError, "expected string or bytes-like object, got '" + std::string(rt::type_name(in, v)) + "'");
    return v.as<rt::Str>()->view();
}

// Python's clamping of pos and endpos (sre's state_init): each into [0, len(string)].
std::pair<int64_t, int64_t> clamp_range(Value string, int64_t pos, int64_t endpos) {
    auto len = int64_t(string.as<rt::Str>()->length);
    return {std::clamp<int64_t>(pos, 0, len), std::clamp<int64_t>(endpos, 0, len)};
}

} // namespace

Result<int> run(Interp& in, PcrePattern* p, Value string, int64_t pos, int64_t endpos, uint32_t options) {
    rt::Str* s = string.as<rt::Str>();
    if (p->last_string.is_null() || p->last_string.as_obj() != s) {
        p->last_string = string;
        p->offsets = OffsetMap{};
        p->offsets.reset(s);
    }
    int64_t len = int64_t(s->length);
    pos = std::clamp<int64_t>(pos, 0, len);
    endpos = std::clamp<int64_t>(endpos, 0, len);
    if (endpos < pos) return PCRE2_ERROR_NOMATCH;
    size_t start = p->offsets.to_byte(size_t(pos));
    size_t end = p->offsets.to_byte(size_t(endpos));
    int rc = pcre2_match(p->code, reinterpret_cast<PCRE2_SPTR>(s->data()), end, start,
                         options | PCRE2_NO_UTF_CHECK, p->match_data, nullptr);
    if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT)
            return in.raise(in.exc.RecursionError, "maximum recursion limit exceeded");
        return in.raise(in.exc.RuntimeError, "regular expression matching failed: " + pcre_message(rc));
    }
    return rc;
}

namespace {

// Pattern.match(string, pos, endpos, mode): mode 0 searches, 1 anchors at pos (re.match), 2
// also anchors at endpos (re.fullmatch). A re.Match, or None.
Result<Value> pattern_match(Interp& in, Args args) {
    PcrePattern* p = self_of(args);
    EDDY_TRY(check_string(in, args[1]));
    int64_t pos = EDDY_TRY(rt::index_as_int64(in, args[2]));
    int64_t endpos = EDDY_TRY(rt::index_as_int64(in, args[3]));
    int64_t mode = EDDY_TRY(rt::index_as_int64(in, args[4]));
    std::tie(pos, endpos) = clamp_range(args[1], pos, endpos);
    uint32_t options = (mode >= 1 ? PCRE2_ANCHORED : 0) | (mode == 2 ? PCRE2_ENDANCHORED : 0);
    int rc = EDDY_TRY(run(in, p, args[1], pos, endpos, options));
    if (rc == PCRE2_ERROR_NOMATCH) return Value::none();
    return make_match(in, p, args[1], pos, endpos, rc);
}

// Pattern.finditer(string, pos, endpos): the matches as an iterator of re.Match.
Result<Value> pattern_finditer(Interp& in, Args args) {
    PcrePattern* p = self_of(args);
    EDDY_TRY(check_string(in, args[1]));
    int64_t pos = EDDY_TRY(rt::index_as_int64(in, args[2]));
    int64_t endpos = EDDY_TRY(rt::index_as_int64(in, args[3]));
    std::tie(pos, endpos) = clamp_range(args[1], pos, endpos);
    return make_scanner(in, p, args[1], pos, endpos);
}

// The text of group g of the current match ('' when it did not take part, as findall gives).
Value group_text(Interp& in, PcrePattern* p, rt::Str* s, int rc, uint32_t g) {
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p->match_data);
    if (g >= uint32_t(rc) || ov[2 * g] == PCRE2_UNSET) return Value::from_obj(in.empty_str);
    return rt::str_value(in, std::string_view(s->data() + ov[2 * g], ov[2 * g + 1] - ov[2 * g]));
}

// Pattern.findall(string, pos, endpos), with Python's rules for empty matches: after an empty
// match the next one may not be empty at the same place (PCRE2_NOTEMPTY_ATSTART).
Result<Value> pattern_findall(Interp& in, Args args) {
    PcrePattern* p = self_of(args);
    EDDY_TRY(check_string(in, args[1]));
    rt::Str* s = args[1].as<rt::Str>();
    int64_t pos = EDDY_TRY(rt::index_as_int64(in, args[2]));
    int64_t endpos = EDDY_TRY(rt::index_as_int64(in, args[3]));
    rt::List* out = rt::make_list(in);
    bool notempty = false;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p->match_data);
    for (;;) {
        int rc = EDDY_TRY(run(in, p, args[1], pos, endpos, notempty ? PCRE2_NOTEMPTY_ATSTART : 0));
        if (rc == PCRE2_ERROR_NOMATCH) break;
        if (p->groups == 0) {
            out->items.push_back(group_text(in, p, s, rc, 0));
        } else if (p->groups == 1) {
            out->items.push_back(group_text(in, p, s, rc, 1));
        } else {
            rt::Tuple* t = rt::make_tuple(in, p->groups);
            for (uint32_t g = 1; g <= p->groups; ++g) t->items()[g - 1] = group_text(in, p, s, rc, g);
            out->items.push_back(Value::from_obj(t));
        }
        notempty = ov[0] == ov[1];
        pos = int64_t(p->offsets.to_cp(ov[1]));
        if (pos > endpos) break;
    }
    return Value::from_obj(out);
}

// Pattern.sub(template, string, count): re.subn with a parsed template (a list of literal strs
// and group numbers), expanded here without Match objects. Empty-match rules as findall.
Result<Value> pattern_sub(Interp& in, Args args) {
    PcrePattern* p = self_of(args);
    if (!rt::is_list(in, args[1])) return in.raise(in.exc.TypeError, "sub() template must be a list");
    EDDY_TRY(check_string(in, args[2]));
    rt::Str* s = args[2].as<rt::Str>();
    int64_t count = EDDY_TRY(rt::index_as_int64(in, args[3]));
    std::vector<Value> parts = args[1].as<rt::List>()->items;
    for (Value part : parts) {
        if (!rt::is_str(in, part) && !(part.is_small_int() && part.as_small_int() >= 0 &&
                                        part.as_small_int() <= int64_t(p->groups)))
            return in.raise(in.exc.TypeError, "sub() template items must be str or a group number");
    }
    std::string out;
    int64_t n = 0, pos = 0, endpos = int64_t(s->length);
    size_t copied = 0;   // bytes of `s` already in `out`
    bool notempty = false;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(p->match_data);
    while (count == 0 || n < count) {
        int rc = EDDY_TRY(run(in, p, args[2], pos, endpos, notempty ? PCRE2_NOTEMPTY_ATSTART : 0));
        if (rc == PCRE2_ERROR_NOMATCH) break;
        out.append(s->data() + copied, ov[0] - copied);
        for (Value part : parts) {
            if (rt::is_str(in, part)) {
                out += part.as<rt::Str>()->view();
                continue;
            }
            auto g = uint32_t(part.as_small_int());
            if (g < uint32_t(rc) && ov[2 * g] != PCRE2_UNSET) out.append(s->data() + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
        }
        copied = ov[1];
        ++n;
        notempty = ov[0] == ov[1];
        pos = int64_t(p->offsets.to_cp(ov[1]));
        if (pos > endpos) break;
    }
    out.append(s->data() + copied, s->size - copied);
    rt::Tuple* t = rt::make_tuple(in, 2);
    t->items()[0] = Value::from_obj(EDDY_TRY(rt::make_str_checked(in, out)));
    t->items()[1] = Value::from_small_int(n);
    return Value::from_obj(t);
}

Result<Value> pattern_groups(Interp&, Args args) { return Value::from_small_int(self_of(args)->groups); }

// Pattern.groupindex(): a fresh {name: number} for the Python side (the native one stays private).
Result<Value> pattern_groupindex(Interp& in, Args args) { return build_groupindex(in, self_of(args)); }

} // namespace

} // namespace eddy::lib::pcre

namespace eddy::lib {

Result<Value> init__pcre(Interp& in) {
    using namespace pcre;
    rt::Module* module = rt::make_module(in, "_pcre");
    Type* t = make_native_type(in, "PcrePattern", "_pcre", sizeof(PcrePattern));
    t->trace = pattern_trace;
    t->finalize = pattern_finalize;
    rt::add_methods(in, t, {
        {"match(self, string, pos, endpos, mode, /)", pattern_match},
        {"finditer(self, string, pos, endpos, /)", pattern_finditer},
        {"findall(self, string, pos, endpos, /)", pattern_findall},
        {"sub(self, template, string, count, /)", pattern_sub},
        {"groups(self, /)", pattern_groups},
        {"groupindex(self, /)", pattern_groupindex},
    });
    Type* match_type = make_match_type(in);
    rt::dict_set_str(in, t->dict, in.intern("_match_type"), Value::from_obj(match_type));
    rt::dict_set_str(in, t->dict, in.intern("_scanner_type"), Value::from_obj(make_scanner_type(in)));
    finish_native_type(in, t);
    set_module_attr(in, module, "PcrePattern", Value::from_obj(t));
    set_module_attr(in, module, "Match", Value::from_obj(match_type));
    rt::add_functions(in, module, {{"compile(pattern, options, pattern_type, owner, /)", pcre_compile}});
    struct Option { const char* name; uint32_t value; };
    for (Option o : {Option{"CASELESS", PCRE2_CASELESS}, Option{"MULTILINE", PCRE2_MULTILINE},
                     Option{"DOTALL", PCRE2_DOTALL}, Option{"EXTENDED", PCRE2_EXTENDED},
                     Option{"UCP", PCRE2_UCP}})
        set_module_attr(in, module, o.name, Value::from_small_int(o.value));
    return Value::from_obj(module);
}

} // namespace eddy::lib
