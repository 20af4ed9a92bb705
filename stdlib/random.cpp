// stdlib/random.cpp: the random module. random.Random wraps the Mersenne Twister of
// mersenne.hpp (CPython's _random.Random) and implements the methods of CPython 3.11's
// Lib/random.py on top of it, step for step, so seeded sequences match CPython exactly. The
// module-level functions are bound methods of one hidden instance, as in Lib/random.py.
#include <sys/random.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <vector>

#include "bytes_object.hpp"
#include "dict_object.hpp"
#include "lib_util.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "mersenne.hpp"
#include "random_internal.hpp"
#include "set_object.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::lib {

using rt::BigValue;

namespace {

RandomObj* self_of(Args args) { return args[0].as<RandomObj>(); }

void random_trace(rt::Obj* self, rt::Tracer& tracer) {
    tracer.mark(static_cast<RandomObj*>(self)->gauss_next);
}

// The 32-bit words of a non-negative integer, least significant first; [0] for zero (CPython's
// random_seed always passes at least one key word).
std::vector<uint32_t> words_of(const BigValue& n) {
    std::vector<uint32_t> words;
    if (n != 0) boost::multiprecision::export_bits(n, std::back_inserter(words), 32, false);
    if (words.empty()) words.push_back(0);
    return words;
}

void seed_from_entropy(MersenneTwister& mt) {
    uint32_t key[MersenneTwister::N];
    ssize_t got = getrandom(key, sizeof key, 0);
    if (got != ssize_t(sizeof key)) {
        // No entropy source: fall back to the clock, as CPython's random_seed_time_pid does.
        auto now = std::chrono::system_clock::now().time_since_epoch().count();
        key[0] = uint32_t(now);
        key[1] = uint32_t(uint64_t(now) >> 32);
        key[2] = uint32_t(getpid());
        mt.init_by_array(std::span<const uint32_t>(key, 3));
        return;
    }
    mt.init_by_array(key);
}

} // namespace

// Random.seed(a=None, version=2): Lib/random.py's seed for str/bytes, then _random's
// random_seed (abs of an int, the hash of anything else) into init_by_array.
Status random_seed_value(Interp& in, RandomObj* self, Value a) {
    self->gauss_next = Value::none();
    if (a.is_null() || a.is_none()) {
        seed_from_entropy(self->mt);
        return rt::ok();
    }
    BigValue n;
    if (rt::is_int(in, a)) {
        n = rt::int_to_big(in, a);
        if (n < 0) n = -n;
    } else if (rt::is_str(in, a) || rt::is_bytes(in, a) ||
               rt::type_of(in, a) == in.types.bytearray) {
        std::string_view data = rt::is_str(in, a)     ? a.as<rt::Str>()->view()
                                : rt::is_bytes(in, a) ? a.as<rt::Bytes>()->view()
                                                      : std::string_view(a.as<rt::ByteArray>()->bytes);
        self->mt.init_by_array(seed_key_from_bytes(data));
        return rt::ok();
    } else if (a.is_float()) {
        int64_t h = EDDY_TRY(rt::hash(in, a));
        n = BigValue(uint64_t(h));   // PyLong_FromSize_t((size_t)hash)
    } else {
        return in.raise(in.exc.TypeError, "The only supported seed types are: None,\n"
                                          "int, float, str, bytes, and bytearray.");
    }
    std::vector<uint32_t> key = words_of(n);
    self->mt.init_by_array(key);
    return rt::ok();
}

uint64_t random_bits_u64(MersenneTwister& mt, int k) {
    if (k <= 0) return 0;
    if (k <= 32) return mt.next_u32() >> (32 - k);
    uint64_t low = mt.next_u32();
    uint32_t high = mt.next_u32();
    if (k < 64) high >>= (64 - k);
    return low | (uint64_t(high) << 32);
}

// getrandbits(k) for any k: 32-bit words from least to most significant, the last one shifted
// down to the bits still wanted (_random_Random_getrandbits_impl).
BigValue random_bits_big(MersenneTwister& mt, int64_t k) {
    if (k <= 64) return BigValue(random_bits_u64(mt, int(k)));
    std::vector<uint32_t> words;
    for (; k > 0; k -= 32) {
        uint32_t r = mt.next_u32();
        if (k < 32) r >>= (32 - k);
        words.push_back(r);
    }
    BigValue n;
    boost::multiprecision::import_bits(n, words.begin(), words.end(), 32, false);
    return n;
}

// _randbelow_with_getrandbits(n) for 0 < n < 2^64.
uint64_t random_below_u64(MersenneTwister& mt, uint64_t n) {
    int k = 64 - std::countl_zero(n);
    uint64_t r = random_bits_u64(mt, k);
    while (r >= n) r = random_bits_u64(mt, k);
    return r;
}

BigValue random_below_big(MersenneTwister& mt, const BigValue& n) {
    if (n <= BigValue(UINT64_MAX)) return BigValue(random_below_u64(mt, n.convert_to<uint64_t>()));
    int64_t k = int64_t(boost::multiprecision::msb(n)) + 1;
    BigValue r = random_bits_big(mt, k);
    while (r >= n) r = random_bits_big(mt, k);
    return r;
}

namespace {

Result<Value> random_new(Interp& in, Type* type, rt::CallArgs args) {
    if (args.count > 1)
        return in.raise(in.exc.TypeError, "Random() expected at most 1 argument, got " +
                                              std::to_string(args.count));
    auto* self = in.heap.alloc<RandomObj>(type, size_t(type->instance_size));
    EDDY_CHECK(random_seed_value(in, self, args.count ? args.values[0] : Value::none()));
    return Value::from_obj(self);
}

// __new__ already seeded (with the same argument), as _random.Random.__new__ does; Lib/random.py's
// __init__ seeds again, which gives the same state.
Status random_init(Interp&, Value, rt::CallArgs) { return rt::ok(); }

Result<Value> random_seed(Interp& in, Args args) {
    EDDY_CHECK(random_seed_value(in, self_of(args), args[1]));
    return Value::none();
}

Result<Value> random_random(Interp&, Args args) {
    return Value::from_float(self_of(args)->mt.next_double());
}

Result<Value> random_getrandbits(Interp& in, Args args) {
    int64_t k = EDDY_TRY(rt::index_as_int64(in, args[1]));
    if (k < 0) return in.raise(in.exc.ValueError, "number of bits must be non-negative");
    MersenneTwister& mt = self_of(args)->mt;
    if (k < 63) return rt::make_int(in, int64_t(random_bits_u64(mt, int(k))));
    return rt::make_int(in, random_bits_big(mt, k));
}

Result<Value> random_randbytes(Interp& in, Args args) {
    int64_t n = EDDY_TRY(rt::index_as_int64(in, args[1]));
    if (n < 0) return in.raise(in.exc.ValueError, "negative argument not allowed");
    // getrandbits(n * 8).to_bytes(n, 'little'): whole words, the last one shifted down.
    MersenneTwister& mt = self_of(args)->mt;
    std::string out;
    for (int64_t bits = n * 8; bits > 0; bits -= 32) {
        uint32_t r = mt.next_u32();
        if (bits < 32) r >>= (32 - bits);
        for (int b = 0; b < 4 && int64_t(out.size()) < n; b++) out.push_back(char(r >> (8 * b)));
    }
    return Value::from_obj(rt::make_bytes(in, out));
}

Result<Value> random_getstate(Interp& in, Args args) {
    RandomObj* self = self_of(args);
    rt::Tuple* inner = rt::make_tuple(in, MersenneTwister::N + 1);
    for (int i = 0; i < MersenneTwister::N; i++)
        inner->items()[i] = rt::make_int(in, int64_t(self->mt.state[i]));
    inner->items()[MersenneTwister::N] = rt::make_int(in, int64_t(self->mt.index));
    rt::Tuple* state = rt::make_tuple(in, 3);
    state->items()[0] = Value::from_small_int(3);
    state->items()[1] = Value::from_obj(inner);
    state->items()[2] = self->gauss_next;
    return Value::from_obj(state);
}

// random_setstate in _randommodule.c plus the version-3 branch of Lib/random.py's setstate.
Result<Value> random_setstate(Interp& in, Args args) {
    RandomObj* self = self_of(args);
    Value state = args[1];
    Value version = EDDY_TRY(rt::get_item(in, state, Value::from_small_int(0)));
    if (!(version.is_small_int() && version.as_small_int() == 3)) {
        std::string v = EDDY_TRY(rt::repr_string(in, version));
        return in.raise(in.exc.ValueError, "state with version " + v +
                                               " passed to Random.setstate() of version 3");
    }
    if (!rt::is_tuple(in, state) || state.as<rt::Tuple>()->size != 3)
        return in.raise(in.exc.ValueError, "too many values to unpack (expected 3)");
    Value inner = (*state.as<rt::Tuple>())[1];
    if (!rt::is_tuple(in, inner))
        return in.raise(in.exc.TypeError, "state vector must be a tuple");
    auto* t = inner.as<rt::Tuple>();
    if (t->size != MersenneTwister::N + 1)
        return in.raise(in.exc.ValueError, "state vector is the wrong size");
    MersenneTwister mt;
    for (int i = 0; i <= MersenneTwister::N; i++) {
        rt::BigValue w = EDDY_TRY(to_big_index(in, (*t)[i]));
        if (w < 0 || w > BigValue(UINT32_MAX))
            return in.raise(in.exc.OverflowError, "Python int too large to convert to C unsigned long");
        if (i < MersenneTwister::N) mt.state[i] = w.convert_to<uint32_t>();
        else mt.index = w.convert_to<int>();
    }
    if (mt.index < 0 || mt.index > MersenneTwister::N)
        return in.raise(in.exc.ValueError, "invalid state");
    self->mt = mt;
    self->gauss_next = (*state.as<rt::Tuple>())[2];
    return Value::none();
}

} // namespace

Result<Value> init_random(Interp& in) {
    rt::Module* module = rt::make_module(in, "random");
    Type* type = make_native_type(in, "Random", "random", sizeof(RandomObj));
    type->flags |= rt::TF_BaseType;
    type->new_ = random_new;
    type->init = random_init;
    type->trace = random_trace;
    rt::add_methods(in, type, {
        {"seed(self, a=None, version=2)", random_seed},
        {"random(self, /)", random_random},
        {"getrandbits(self, k, /)", random_getrandbits},
        {"randbytes(self, n, /)", random_randbytes},
        {"getstate(self, /)", random_getstate},
        {"setstate(self, state, /)", random_setstate},
    });
    add_random_sequence_methods(in, type);
    add_random_distribution_methods(in, type);
    finish_native_type(in, type);
    set_module_attr(in, module, "Random", Value::from_obj(type));

    auto* inst = in.heap.alloc<RandomObj>(type, size_t(type->instance_size));
    EDDY_CHECK(random_seed_value(in, inst, Value::none()));
    set_module_attr(in, module, "_inst", Value::from_obj(inst));
    for (const char* name :
         {"seed", "random", "getrandbits", "randbytes", "getstate", "setstate", "randrange",
          "randint", "choice", "choices", "shuffle", "sample", "uniform", "triangular", "gauss",
          "normalvariate", "lognormvariate", "expovariate", "vonmisesvariate", "gammavariate",
          "betavariate", "paretovariate", "weibullvariate"})
        set_module_attr(in, module, name, bound_method(in, type, name, Value::from_obj(inst)));
    return Value::from_obj(module);
}

} // namespace eddy::lib
