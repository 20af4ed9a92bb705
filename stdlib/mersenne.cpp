// stdlib/mersenne.cpp: Mersenne Twister MT19937 as CPython's _randommodule.c runs it, and
// SHA-512. Both are bit-exact reimplementations of published algorithms; tests/runtime/
// random_test.cpp checks them against numbers printed by CPython and hashlib.
#include "mersenne.hpp"

#include <cstring>
#include <string>

namespace eddy::lib {

namespace {
constexpr int M = 397;
constexpr uint32_t MatrixA = 0x9908b0dfu;
constexpr uint32_t UpperMask = 0x80000000u;
constexpr uint32_t LowerMask = 0x7fffffffu;
} // namespace

void MersenneTwister::init_genrand(uint32_t seed) {
    state[0] = seed;
    for (int i = 1; i < N; i++)
        state[i] = 1812433253u * (state[i - 1] ^ (state[i - 1] >> 30)) + uint32_t(i);
    index = N;
}

// mt19937ar.c's init_by_array, unchanged in CPython: two mixing passes over the key.
void MersenneTwister::init_by_array(std::span<const uint32_t> key) {
    init_genrand(19650218u);
    size_t key_length = key.size();
    size_t i = 1, j = 0;
    for (size_t k = (N > key_length ? N : key_length); k; k--) {
        state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1664525u)) + key[j] +
                   uint32_t(j);
        i++;
        j++;
        if (i >= N) {
            state[0] = state[N - 1];
            i = 1;
        }
        if (j >= key_length) j = 0;
    }
    for (size_t k = N - 1; k; k--) {
        state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1566083941u)) -
                   uint32_t(i);
        i++;
        if (i >= N) {
            state[0] = state[N - 1];
            i = 1;
        }
    }
    state[0] = 0x80000000u;  // MSB is 1, assuring a non-zero initial array
}

uint32_t MersenneTwister::next_u32() {
    static constexpr uint32_t mag01[2] = {0x0u, MatrixA};
    if (index >= N) {
        // Regenerate all N words at once (the "twist").
        int kk = 0;
        for (; kk < N - M; kk++) {
            uint32_t y = (state[kk] & UpperMask) | (state[kk + 1] & LowerMask);
            state[kk] = state[kk + M] ^ (y >> 1) ^ mag01[y & 0x1u];
        }
        for (; kk < N - 1; kk++) {
            uint32_t y = (state[kk] & UpperMask) | (state[kk + 1] & LowerMask);
            state[kk] = state[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1u];
        }
        uint32_t y = (state[N - 1] & UpperMask) | (state[0] & LowerMask);
        state[N - 1] = state[M - 1] ^ (y >> 1) ^ mag01[y & 0x1u];
        index = 0;
    }
    uint32_t y = state[index++];
    // Tempering.
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}

double MersenneTwister::next_double() {
    uint32_t a = next_u32() >> 5, b = next_u32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

// ---- SHA-512 (FIPS 180-4 section 6.4) ----

namespace {

constexpr uint64_t K[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
    0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
    0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
    0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
};

inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

void compress(uint64_t h[8], const uint8_t block[128]) {
    uint64_t w[80];
    for (int t = 0; t < 16; t++) {
        w[t] = 0;
        for (int b = 0; b < 8; b++) w[t] = (w[t] << 8) | block[t * 8 + b];
    }
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; t++) {
        uint64_t S1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + K[t] + w[t];
        uint64_t S0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

} // namespace

Sha512Digest sha512(std::string_view data) {
    uint64_t h[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
                     0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
                     0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
    // Padding: a 1 bit, zeros, then the 128-bit big-endian bit length, to a multiple of 128 bytes.
    std::string msg(data);
    uint64_t bit_len = uint64_t(data.size()) * 8;
    msg.push_back(char(0x80));
    while (msg.size() % 128 != 112) msg.push_back('\0');
    for (int i = 0; i < 8; i++) msg.push_back('\0');  // high 64 bits of the length
    for (int i = 7; i >= 0; i--) msg.push_back(char((bit_len >> (i * 8)) & 0xff));
    for (size_t off = 0; off < msg.size(); off += 128)
        compress(h, reinterpret_cast<const uint8_t*>(msg.data() + off));
    Sha512Digest out;
    for (int i = 0; i < 8; i++)
        for (int b = 0; b < 8; b++) out[i * 8 + b] = uint8_t(h[i] >> (56 - b * 8));
    return out;
}

std::vector<uint32_t> seed_key_from_bytes(std::string_view data) {
    std::string bytes(data);
    Sha512Digest digest = sha512(data);
    bytes.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    // Big-endian bytes -> little-endian words; leading zero words do not count (the key is the
    // integer's value), but there is always at least one word.
    std::vector<uint32_t> words;
    for (size_t end = bytes.size(); end > 0;) {
        size_t start = end >= 4 ? end - 4 : 0;
        uint32_t w = 0;
        for (size_t i = start; i < end; i++) w = (w << 8) | uint8_t(bytes[i]);
        words.push_back(w);
        end = start;
    }
    while (words.size() > 1 && words.back() == 0) words.pop_back();
    return words;
}

} // namespace eddy::lib
