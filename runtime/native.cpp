// runtime/native.cpp: native functions and methods (native.hpp): parsing signature strings once,
// binding call arguments to them with CPython's TypeError wording (getargs.c and Argument
// Clinic's _PyArg_UnpackKeywords), and the builtin_function_or_method / method_descriptor types.
// A call whose positional arguments fill a plain signature exactly reaches the function without
// copying or allocating.
#include "native.hpp"

#include <cstdio>
#include <cstdlib>

#include "dict_object.hpp"
#include "heap.hpp"
#include "int_object.hpp"
#include "interp.hpp"
#include "module_object.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"

namespace eddy::rt {

// ---- signature parsing ----

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The parameter of `list` starting at `pos`, trimmed; `pos` moves past the comma ending it, and
// `more` says whether one did. Only top-level commas split: a quoted default may contain commas.
// (Walked in place rather than split into a vector: every signature is parsed at start-up.)
std::string_view next_param(std::string_view list, size_t& pos, bool& more) {
    char quote = 0;
    size_t start = pos;
    for (; pos < list.size(); ++pos) {
        char c = list[pos];
        if (quote) {
            if (c == '\\') ++pos;
            else if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == ',') {
            more = true;
            return trim(list.substr(start, pos++ - start));
        }
    }
    more = false;
    return trim(list.substr(start));
}

std::string unescape(std::string_view body) {
    std::string out;
    for (size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c != '\\' || i + 1 == body.size()) {
            out += c;
            continue;
        }
        char e = body[++i];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == '0' ? '\0' : e;
    }
    return out;
}

// A default written in the signature: None, True, False, (), ints, floats, quoted strings, `?`.
bool parse_default(Interp& in, std::string_view text, Value& out) {
    if (text == "?") { out = Value::null(); return true; }
    if (text == "None") { out = Value::none(); return true; }
    if (text == "True") { out = Value::boolean(true); return true; }
    if (text == "False") { out = Value::boolean(false); return true; }
    if (text == "()") { out = Value::from_obj(in.empty_tuple); return true; }
    if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') && text.back() == text.front()) {
        out = Value::from_obj(in.intern(unescape(text.substr(1, text.size() - 2))));
        return true;
    }
    std::string s(text);
    char* end = nullptr;
    long long i = std::strtoll(s.c_str(), &end, 10);
    if (end && *end == '\0' && !s.empty()) { out = make_int(in, int64_t(i)); return true; }
    double d = std::strtod(s.c_str(), &end);
    if (end && *end == '\0' && !s.empty()) { out = Value::from_float(d); return true; }
    return false;
}

bool add_param(Interp& in, Signature& sig, std::string_view p, bool& kwonly, std::string& error) {
    using K = Signature::Kind;
    if (p == "/") {
        for (auto& q : sig.params) q.kind = K::PositionalOnly;
        return true;
    }
    if (p == "*") { kwonly = true; return true; }
    Signature::Param param;
    if (p.starts_with("**")) {
        param.kind = K::VarKeywords;
        param.name = std::string(trim(p.substr(2)));
    } else if (p.starts_with("*")) {
        param.kind = K::VarArgs;
        param.name = std::string(trim(p.substr(1)));
        kwonly = true;
    } else {
        param.kind = kwonly ? K::KeywordOnly : K::PositionalOrKeyword;
        size_t eq = p.find('=');
        param.name = std::string(trim(p.substr(0, eq)));
        if (eq != std::string_view::npos) {
            param.has_default = true;
            if (!parse_default(in, trim(p.substr(eq + 1)), param.default_value)) {
                error = "bad default in parameter '" + std::string(p) + "'";
                return false;
            }
        }
    }
    if (param.name.empty()) {
        error = "empty parameter name";
        return false;
    }
    sig.params.push_back(std::move(param));
    return true;
}

// The most parameters a by-position signature may have: call_native fills that many slots on the
// stack. Every str method str_ops calls has at most 4.
constexpr size_t ByPositionMax = 8;

// Counted in locals and stored once: every native function's signature passes through here at
// start-up.
void summarise(Signature& sig) {
    using K = Signature::Kind;
    bool leading = true, defaults_trail = true, plain = true;
    bool varargs = false, varkw = false, kwonly = false;
    size_t min = 0, max = 0;
    for (const auto& p : sig.params) {
        bool positional = p.kind == K::PositionalOnly || p.kind == K::PositionalOrKeyword;
        if (positional) ++max;
        if (positional && !p.has_default && leading) ++min;
        if (p.has_default) leading = false;
        else if (!leading) defaults_trail = false;
        varargs |= p.kind == K::VarArgs;
        varkw |= p.kind == K::VarKeywords;
        kwonly |= p.kind == K::KeywordOnly;
        // Keyword-capable parameters keep the no-copy path: a call filling them all by position
        // binds them just as positional-only ones.
        if (!positional || p.has_default) plain = false;
    }
    sig.min_positional = min;
    sig.max_positional = max;
    sig.has_varargs = varargs;
    sig.has_varkw = varkw;
    sig.has_kwonly = kwonly;
    sig.plain = plain;
    sig.by_position = !varargs && !varkw && !kwonly && defaults_trail && sig.params.size() <= ByPositionMax;
}

} // namespace

std::unique_ptr<Signature> parse_signature(Interp& in, std::string_view text, std::string& error) {
    size_t open = text.find('('), close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        error = "signature must look like name(params)";
        return nullptr;
    }
    auto sig = std::make_unique<Signature>();
    if (text.starts_with("def ")) {
        sig->python_words = true;
        text.remove_prefix(4);
        open -= 4;
        close -= 4;
    }
    sig->name = std::string(trim(text.substr(0, open)));
    sig->text = std::string(text);
    bool kwonly = false;
    std::string_view list = text.substr(open + 1, close - open - 1);
    if (!trim(list).empty()) {
        size_t pos = 0;
        for (bool more = true; more;)
            if (!add_param(in, *sig, next_param(list, pos, more), kwonly, error)) return nullptr;
    }
    summarise(*sig);
    if (sig->python_words && (sig->has_varargs || sig->has_varkw)) {
        error = "a def signature binds no *args or **kwargs";
        return nullptr;
    }
    return sig;
}

static const Signature* signature_for(Interp& in, const char* text) {
    auto it = in.signatures.find(text);
    if (it != in.signatures.end()) return it->second.get();
    std::string error;
    auto sig = parse_signature(in, text, error);
    if (!sig) {
        std::fprintf(stderr, "eddy: bad native signature \"%s\": %s\n", text, error.c_str());
        std::abort();
    }
    const Signature* raw = sig.get();
    in.signatures.emplace(text, std::move(sig));
    return raw;
}

// ---- binding ----

namespace {

// A stack buffer of N values left unset: binding writes every slot a call uses, and setting all
// N (24 for the binder) first cost more than binding a one-argument call.
template <size_t N> union ValueBuffer {
    ValueBuffer() {}
    Value v[N];
};

// Who is being called, for messages: `name` as Argument Clinic prints it, `qualname` ("list.append")
// as METH_O / METH_NOARGS print it, and `skip` receivers not counted in argument counts.
// The qualname is built only when a message needs it: building it on every call cost a malloc.
struct Callee {
    const Signature& sig;
    const Type* owner;
    size_t skip;
    std::string qualname() const { return owner ? owner->name + "." + sig.name : sig.name; }
};

std::string plural(size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

bool accepts_keywords(const Signature& sig) {
    for (auto& p : sig.params)
        if (p.kind != Signature::Kind::PositionalOnly && p.kind != Signature::Kind::VarArgs) return true;
    return false;
}

// Count errors for signatures that take no keywords (getargs.c's _PyArg_CheckPositional and the
// METH_O / METH_NOARGS messages).
Error positional_count_error(Interp& in, const Callee& c, size_t npos) {
    const Signature& sig = c.sig;
    size_t n = npos - c.skip, max = sig.max_positional - c.skip, min = sig.min_positional - c.skip;
    if (max == 0 && !sig.has_varargs)
        return in.raise(in.exc.TypeError, c.qualname() + "() takes no arguments (" + std::to_string(n) + " given)");
    if (max == 1 && min == 1 && !sig.has_varargs)
        return in.raise(in.exc.TypeError, c.qualname() + "() takes exactly one argument (" +
                                              std::to_string(n) + " given)");
    bool too_few = n < min;
    size_t k = too_few ? min : max;
    const char* qualifier = (min == max && !sig.has_varargs) ? "" : too_few ? "at least " : "at most ";
    return in.raise(in.exc.TypeError, sig.name + " expected " + qualifier + plural(k, "argument") +
                                          ", got " + std::to_string(n));
}

// Count errors for keyword-capable signatures (_PyArg_UnpackKeywords).
Error keyword_count_error(Interp& in, const Callee& c, size_t npos, size_t nkw) {
    const Signature& sig = c.sig;
    size_t total = 0;
    for (auto& p : sig.params)
        if (p.kind != Signature::Kind::VarArgs && p.kind != Signature::Kind::VarKeywords) ++total;
    total -= c.skip;
    size_t n = npos - c.skip, maxpos = sig.max_positional - c.skip;
    if (!sig.has_varargs && !sig.has_varkw && n + nkw > total)
        return in.raise(in.exc.TypeError, sig.name + "() takes at most " + std::to_string(total) + " " +
                                              (n == 0 ? "keyword " : "") +
                                              (total == 1 ? "argument" : "arguments") + " (" +
                                              std::to_string(n + nkw) + " given)");
    if (maxpos == 0)
        return in.raise(in.exc.TypeError, sig.name + "() takes no positional arguments");
    const char* how = sig.min_positional < sig.max_positional ? "at most" : "exactly";
    return in.raise(in.exc.TypeError, sig.name + "() takes " + how + " " +
                                          plural(maxpos, "positional argument") + " (" +
                                          std::to_string(n) + " given)");
}

// Places keyword argument `value` named `key`; `kwargs` collects the ones **kwargs takes.
Status bind_keyword(Interp& in, const Callee& c, Str* key, Value value, size_t npos, Value* out,
                    Dict*& kwargs) {
    const Signature& sig = c.sig;
    for (size_t i = 0; i < sig.params.size(); ++i) {
        auto& p = sig.params[i];
        if (p.kind != Signature::Kind::PositionalOrKeyword && p.kind != Signature::Kind::KeywordOnly) continue;
        if (p.name != key->view()) continue;
        bool filled_by_position = p.kind == Signature::Kind::PositionalOrKeyword && i < npos;
        if (filled_by_position || !out[i].is_null())
            return in.raise(in.exc.TypeError, "argument for " + sig.name + "() given by name ('" +
                                                  p.name + "') and position (" +
                                                  std::to_string(i + 1 - c.skip) + ")");
        out[i] = value;
        return ok();
    }
    if (!sig.has_varkw)
        return in.raise(in.exc.TypeError, "'" + std::string(key->view()) +
                                              "' is an invalid keyword argument for " + sig.name + "()");
    if (!kwargs) kwargs = make_dict(in);
    dict_set_str(in, kwargs, key, value);
    return ok();
}

// Fills defaults and reports the first missing required parameter.
Status fill_missing(Interp& in, const Callee& c, Value* out, size_t npos) {
    const Signature& sig = c.sig;
    for (size_t i = 0; i < sig.params.size(); ++i) {
        auto& p = sig.params[i];
        if (!out[i].is_null() || p.kind == Signature::Kind::VarArgs ||
            p.kind == Signature::Kind::VarKeywords)
            continue;
        if (p.has_default) {
            out[i] = p.default_value;
            continue;
        }
        if (p.kind == Signature::Kind::PositionalOnly) return positional_count_error(in, c, npos);
        return in.raise(in.exc.TypeError, sig.name + "() missing required argument '" + p.name +
                                              "' (pos " + std::to_string(i + 1 - c.skip) + ")");
    }
    return ok();
}

// The common case of `s.split(":")` or `d.get(k, 0)`: positional arguments only, the rest filled
// from defaults. Returns false (nothing reported) when the general binder must decide.
bool bind_positional(const Signature& sig, const Value* values, size_t npos, Value* out) {
    if (sig.has_varargs || sig.has_varkw || npos < sig.min_positional || npos > sig.max_positional)
        return false;
    size_t n = sig.params.size();
    for (size_t i = npos; i < n; ++i) {
        if (!sig.params[i].has_default) return false;
        out[i] = sig.params[i].default_value;
    }
    for (size_t i = 0; i < npos; ++i) out[i] = values[i];
    return true;
}

// ---- a Python function's wording (CPython 3.11 ceval.c: initialize_locals) ----

Error missing_error(Interp& in, const Callee& c, const Value* out, bool positional) {
    std::vector<std::string> names;
    for (size_t i = 0; i < c.sig.params.size(); ++i) {
        auto& p = c.sig.params[i];
        bool is_positional = p.kind == Signature::Kind::PositionalOnly || p.kind == Signature::Kind::PositionalOrKeyword;
        bool wanted = positional ? is_positional : p.kind == Signature::Kind::KeywordOnly;
        if (wanted && out[i].is_null() && !p.has_default) names.push_back(p.name);
    }
    return in.raise(in.exc.TypeError, missing_arguments_message(c.qualname(), names, positional));
}

Error too_many_error(Interp& in, const Callee& c, const Value* out, size_t npos) {
    const Signature& sig = c.sig;
    size_t kwonly_given = 0;
    for (size_t i = 0; i < sig.params.size(); ++i)
        if (sig.params[i].kind == Signature::Kind::KeywordOnly && !out[i].is_null()) ++kwonly_given;
    return in.raise(in.exc.TypeError, too_many_positional_message(c.qualname(), sig.min_positional,
                                                                  sig.max_positional, npos, kwonly_given));
}

// Binds as a Python function would, for a `def` signature without *args or **kwargs: keywords
// first (an unknown or repeated one is the error), then the positional count, then what is missing.
Status bind_python_words(Interp& in, const Callee& c, const Value* values, size_t npos, Tuple* kwnames,
                         Value* out) {
    const Signature& sig = c.sig;
    size_t n = sig.params.size();
    for (size_t i = 0; i < n; ++i) out[i] = i < npos && i < sig.max_positional ? values[i] : Value::null();
    for (size_t k = 0, nkw = kwnames ? kwnames->size : 0; k < nkw; ++k) {
        std::string_view key = (*kwnames)[k].as<Str>()->view();
        size_t i = 0;
        while (i < n && (sig.params[i].kind == Signature::Kind::PositionalOnly || sig.params[i].name != key)) ++i;
        if (i == n)
            return in.raise(in.exc.TypeError, c.qualname() + "() got an unexpected keyword argument '" +
                                                  std::string(key) + "'");
        if (!out[i].is_null())
            return in.raise(in.exc.TypeError, c.qualname() + "() got multiple values for argument '" +
                                                  std::string(key) + "'");
        out[i] = values[npos + k];
    }
    if (npos > sig.max_positional) return too_many_error(in, c, out, npos);
    for (bool positional : {true, false}) {
        for (size_t i = 0; i < n; ++i) {
            auto& p = sig.params[i];
            if ((p.kind == Signature::Kind::KeywordOnly) == positional || !out[i].is_null()) continue;
            if (!p.has_default) return missing_error(in, c, out, positional);
        }
    }
    for (size_t i = 0; i < n; ++i)
        if (out[i].is_null()) out[i] = sig.params[i].default_value;
    return ok();
}

// The general binder: positional values, *args, keywords, **kwargs, defaults.
Status bind(Interp& in, const Callee& c, const Value* values, size_t npos, Tuple* kwnames, Value* out) {
    const Signature& sig = c.sig;
    if (!kwnames && bind_positional(sig, values, npos, out)) return ok();
    if (sig.python_words) return bind_python_words(in, c, values, npos, kwnames, out);
    size_t nkw = kwnames ? kwnames->size : 0;
    bool kw_ok = accepts_keywords(sig);
    if (nkw && !kw_ok)
        return in.raise(in.exc.TypeError, (c.skip ? c.qualname() : sig.name) + "() takes no keyword arguments");
    if (npos > sig.max_positional && !sig.has_varargs)
        return kw_ok ? keyword_count_error(in, c, npos, nkw) : positional_count_error(in, c, npos);
    if (kw_ok && !sig.has_varargs && !sig.has_varkw &&
        npos + nkw > sig.params.size())
        return keyword_count_error(in, c, npos, nkw);
    for (size_t i = 0; i < sig.params.size(); ++i) out[i] = Value::null();
    size_t filled = std::min(npos, sig.max_positional);
    for (size_t i = 0; i < filled; ++i) out[i] = values[i];
    Dict* kwargs = nullptr;
    for (size_t k = 0; k < nkw; ++k)
        EDDY_CHECK(bind_keyword(in, c, (*kwnames)[k].as<Str>(), values[npos + k], npos, out, kwargs));
    for (size_t i = 0; i < sig.params.size(); ++i) {
        auto kind = sig.params[i].kind;
        if (kind == Signature::Kind::VarArgs) {
            size_t extra = npos > filled ? npos - filled : 0;
            out[i] = extra ? Value::from_obj(make_tuple(in, std::span<const Value>(values + filled, extra)))
                           : Value::from_obj(in.empty_tuple);
        } else if (kind == Signature::Kind::VarKeywords) {
            out[i] = Value::from_obj(kwargs ? kwargs : make_dict(in));
        }
    }
    if (npos < sig.min_positional && !kw_ok) return positional_count_error(in, c, npos);
    return fill_missing(in, c, out, npos);
}

// Binds into a stack buffer (or a rooted vector for huge signatures) and runs `fn`.
Result<Value> bind_and_run(Interp& in, const Callee& c, NativeFn fn, const Value* values,
                           size_t npos, Tuple* kwnames) {
    size_t n = c.sig.params.size();
    constexpr size_t Small = 24;
    if (n <= Small) {
        ValueBuffer<Small> slots;
        EDDY_CHECK(bind(in, c, values, npos, kwnames, slots.v));
        return fn(in, Args(slots.v, n));
    }
    RootedValues slots(in.heap);
    slots.values.resize(n);
    EDDY_CHECK(bind(in, c, values, npos, kwnames, slots.values.data()));
    return fn(in, Args(slots.values.data(), n));
}

// Runs `fn` with `self` prepended to the call's values (a bound method).
Result<Value> run_with_self(Interp& in, const Callee& c, NativeFn fn, Value self, CallArgs args) {
    size_t total = args.count + args.kw_count();
    constexpr size_t Small = 16;
    if (total < Small) {
        ValueBuffer<Small> buf;
        buf.v[0] = self;
        for (size_t i = 0; i < total; ++i) buf.v[i + 1] = args.values[i];
        if (c.sig.plain && !args.kwnames && args.count + 1 == c.sig.params.size())
            return fn(in, Args(buf.v, args.count + 1));
        return bind_and_run(in, c, fn, buf.v, args.count + 1, args.kwnames);
    }
    Tuple* holder = make_tuple(in, total + 1);
    holder->items()[0] = self;
    for (size_t i = 0; i < total; ++i) holder->items()[i + 1] = args.values[i];
    return bind_and_run(in, c, fn, holder->items(), args.count + 1, args.kwnames);
}

} // namespace

// Whether `self` may be the receiver of a method of `owner`: the exact type (the usual case)
// without a call, else along its MRO.
static bool receiver_fits(Interp& in, Value self, const Type* owner) {
    if (self.is_obj() && self.as_obj()->type == owner) return true;
    return is_subtype(type_of(in, self), owner);
}

Result<Value> call_native(Interp& in, NativeFunction* fn, CallArgs args) {
    const Signature& sig = *fn->sig;
    // The hot path (CALL_METHOD passes self first): positional arguments only, filling a plain
    // signature exactly or a by-position one within its counts, so nothing can fail to bind and
    // the general binder is not needed.
    size_t n = args.count, slots = sig.params.size();
    bool exact = sig.plain && n == slots;
    if (fn->self.is_null() && !args.kwnames &&
        (exact || (sig.by_position && n >= sig.min_positional && n <= sig.max_positional)) &&
        (!fn->owner || (n > 0 && receiver_fits(in, args.values[0], fn->owner)))) {
        if (n == slots) return fn->fn(in, Args(args.values, n));
        ValueBuffer<ByPositionMax> buf;
        for (size_t i = 0; i < n; ++i) buf.v[i] = args.values[i];
        for (size_t i = n; i < slots; ++i) buf.v[i] = sig.params[i].default_value;
        return fn->fn(in, Args(buf.v, slots));
    }
    Callee c{sig, fn->owner, fn->owner || !fn->self.is_null() ? size_t(1) : size_t(0)};
    if (!fn->self.is_null()) return run_with_self(in, c, fn->fn, fn->self, args);
    if (fn->owner) {
        if (args.count == 0)
            return in.raise(in.exc.TypeError, "unbound method " + c.qualname() + "() needs an argument");
        if (!is_subtype(type_of(in, args.values[0]), fn->owner))
            return in.raise(in.exc.TypeError, "descriptor '" + sig.name + "' for '" + fn->owner->name +
                                                  "' objects doesn't apply to a '" +
                                                  std::string(type_name(in, args.values[0])) + "' object");
    }
    return bind_and_run(in, c, fn->fn, args.values, args.count, args.kwnames);
}

Result<Value> call_with_signature(Interp& in, const NativeDef& def, Value self, CallArgs args) {
    const Signature* sig = signature_for(in, def.signature);
    Callee c{*sig, nullptr, self.is_null() ? size_t(0) : size_t(1)};
    if (!self.is_null()) return run_with_self(in, c, def.fn, self, args);
    if (sig->plain && !args.kwnames && args.count == sig->params.size())
        return def.fn(in, Args(args.values, args.count));
    return bind_and_run(in, c, def.fn, args.values, args.count, args.kwnames);
}

// ---- the function objects ----

NativeFunction* make_native_function(Interp& in, const NativeDef& def, Str* module) {
    auto* f = in.heap.alloc<NativeFunction>(in.types.native_function);
    f->fn = def.fn;
    f->sig = signature_for(in, def.signature);
    f->module = module;
    return f;
}

NativeFunction* bind_native_method(Interp& in, NativeFunction* method, Value self) {
    auto* f = in.heap.alloc<NativeFunction>(in.types.native_function);
    f->fn = method->fn;
    f->sig = method->sig;
    f->self = self;
    f->owner = method->owner;
    f->module = method->module;
    f->await_form = method->await_form;
    return f;
}

void set_await_form(Interp& in, Type* type, const char* name, AwaitFormFn form) {
    Value v = dict_get_str(type->dict, in.intern(name));
    if (!v.is_obj() || v.as_obj()->type != in.types.method_descriptor) {
        std::fprintf(stderr, "eddy: no native method %s.%s for an await form\n", type->name.c_str(), name);
        std::abort();
    }
    v.as<NativeFunction>()->await_form = form;
}

Result<Value> call_native_await(Interp& in, NativeFunction* fn, const Value* args, size_t n, bool& done) {
    done = false;
    const Signature& sig = *fn->sig;
    if (sig.plain && fn->self.is_null() && n == sig.params.size() && n > 0 &&
        (!fn->owner || is_subtype(type_of(in, args[0]), fn->owner)))
        return fn->await_form(in, Args(args, n), done);
    constexpr size_t Small = 8;
    if (fn->self.is_null() && !fn->owner && sig.params.size() <= Small) {
        // A module function given some of its defaulted parameters (`await asyncio.sleep(0)`).
        ValueBuffer<Small> buf;
        if (bind_positional(sig, args, n, buf.v)) return fn->await_form(in, Args(buf.v, sig.params.size()), done);
    }
    if (sig.plain && !fn->self.is_null() && n + 1 == sig.params.size() && n < Small) {
        // A bound method (`async with`'s __aexit__): its receiver goes first. Every value here
        // stays rooted by the caller's stack and the bound method.
        Value buf[Small];
        buf[0] = fn->self;
        for (size_t i = 0; i < n; ++i) buf[i + 1] = args[i];
        return fn->await_form(in, Args(buf, n + 1), done);
    }
    return call_native(in, fn, CallArgs{args, n, nullptr});
}

void add_methods(Interp& in, Type* type, std::initializer_list<NativeDef> defs) {
    for (const NativeDef& def : defs) {
        auto* f = in.heap.alloc<NativeFunction>(in.types.method_descriptor);
        f->fn = def.fn;
        f->sig = signature_for(in, def.signature);
        f->owner = type;
        dict_set_str(in, type->dict, in.intern(f->sig->name), Value::from_obj(f));
    }
}

void add_functions(Interp& in, Module* module, std::initializer_list<NativeDef> defs) {
    for (const NativeDef& def : defs) {
        NativeFunction* f = make_native_function(in, def, module->name);
        dict_set_str(in, module->dict, in.intern(f->sig->name), Value::from_obj(f));
    }
}

// ---- a Python function's wording, shared with vm/call.cpp ----

namespace {

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'".
std::string quoted_names(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0, n = names.size(); i < n; ++i) {
        if (i) out += (n == 2) ? " and " : (i == n - 1 ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

} // namespace

std::string missing_arguments_message(std::string_view qualname, const std::vector<std::string>& names,
                                      bool positional) {
    return std::string(qualname) + "() missing " + std::to_string(names.size()) + " required " +
           (positional ? "positional" : "keyword-only") + " argument" +
           (names.size() == 1 ? "" : "s") + ": " + quoted_names(names);
}

std::string too_many_positional_message(std::string_view qualname, size_t min, size_t max,
                                        size_t given, size_t kwonly_given) {
    std::string takes = min < max ? "from " + std::to_string(min) + " to " + std::to_string(max)
                                  : std::to_string(max);
    std::string msg = std::string(qualname) + "() takes " + takes + " positional argument" +
                      (min < max || max != 1 ? "s" : "") + " but " + std::to_string(given);
    if (kwonly_given)
        msg += std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
               plural(kwonly_given, "keyword-only argument") + ")";
    return msg + (given == 1 && !kwonly_given ? " was" : " were") + " given";
}

} // namespace eddy::rt
