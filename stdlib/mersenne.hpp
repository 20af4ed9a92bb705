// stdlib/mersenne.hpp: the pure-C++ engines behind the random module, with no Interp in sight so
// they can be unit-tested alone: CPython's Mersenne Twister (Modules/_randommodule.c, itself
// Matsumoto and Nishimura's mt19937ar.c) and SHA-512 (FIPS 180-4), which random.seed(str) uses.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace eddy::lib {

class MersenneTwister {
public:
    static constexpr int N = 624;

    // init_genrand: the state from one 32-bit seed.
    void init_genrand(uint32_t seed);
    // init_by_array: the state from a key of 32-bit words, least significant first, as CPython's
    // random_seed passes the absolute value of an int seed.
    void init_by_array(std::span<const uint32_t> key);
    // genrand_uint32: the next 32-bit output.
    uint32_t next_u32();
    // random(): a double in [0, 1) with 53 random bits, from two outputs (a>>5, b>>6).
    double next_double();

    // The raw state for getstate/setstate: 624 words plus the position.
    uint32_t state[N] = {};
    int index = N + 1;
};

using Sha512Digest = std::array<uint8_t, 64>;
Sha512Digest sha512(std::string_view data);

// The init_by_array key random.seed(a) uses for str/bytes `a` (version 2): the big-endian integer
// a + sha512(a).digest(), as 32-bit words, least significant first.
std::vector<uint32_t> seed_key_from_bytes(std::string_view data);

} // namespace eddy::lib
