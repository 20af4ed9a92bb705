// stdlib/random_internal.hpp: what random.cpp shares with random_sequences.cpp and
// random_distributions.cpp: the instance layout and the integer draws everything builds on.
#pragma once

#include "lib_util.hpp"
#include "mersenne.hpp"

namespace eddy::lib {

// An instance of random.Random.
struct RandomObj : rt::Obj {
    MersenneTwister mt;
    Value gauss_next = Value::none();   // the second normal deviate gauss() computed, or None
};

// seed(a): None/null from OS entropy, int by absolute value, str/bytes/bytearray by version 2.
Status random_seed_value(Interp& in, RandomObj* self, Value a);
// getrandbits(k) for 0 <= k <= 64, and for any k.
uint64_t random_bits_u64(MersenneTwister& mt, int k);
rt::BigValue random_bits_big(MersenneTwister& mt, int64_t k);
// _randbelow_with_getrandbits(n): uniform in [0, n), n > 0.
uint64_t random_below_u64(MersenneTwister& mt, uint64_t n);
rt::BigValue random_below_big(MersenneTwister& mt, const rt::BigValue& n);

// Adds randrange, randint, choice, choices, shuffle, sample to random.Random.
void add_random_sequence_methods(Interp& in, Type* type);
// Adds uniform, triangular, gauss, normalvariate, expovariate and the other distributions.
void add_random_distribution_methods(Interp& in, Type* type);

} // namespace eddy::lib
