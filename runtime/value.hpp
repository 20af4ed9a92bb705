// runtime/value.hpp: Value, the one-word representation of every Python value. NaN-boxed: a
// double is stored as itself; the quiet-NaN space with the top 16 bits >= 0xFFF9 holds tagged
// payloads (heap pointers, 48-bit small ints, and a few immediates). A real NaN keeps its bits
// (its payload tells NaN objects apart for `is`), unless they would collide with a tag.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace eddy::rt {

struct Obj;

class Value {
public:
    // Small ints hold 48 bits, two's complement: [-2^47, 2^47 - 1]. Wider results become bigints.
    static constexpr int64_t SmallIntMax = (int64_t(1) << 47) - 1;
    static constexpr int64_t SmallIntMin = -(int64_t(1) << 47);

    constexpr Value() : m_bits(NullBits) {}

    static Value from_float(double d) {
        uint64_t bits = std::bit_cast<uint64_t>(d);
        if ((bits >> 48) >= TagObj) return Value(CanonicalNaN);   // a NaN in the tagged space
        return Value(bits);
    }
    // A quiet NaN whose payload is `serial`: each float('nan') gets its own, so that two of
    // them are not `is`-identical (nor `in` each other's lists), as two NaN objects in CPython.
    static double nan_with_serial(uint64_t serial) {
        constexpr uint64_t PayloadBelowQuietBit = (uint64_t(1) << 51) - 1;
        return std::bit_cast<double>(CanonicalNaN | (serial & PayloadBelowQuietBit));
    }
    static constexpr bool fits_small_int(int64_t i) { return i >= SmallIntMin && i <= SmallIntMax; }
    // Precondition: fits_small_int(i). Use rt::make_int() for any int64.
    static constexpr Value from_small_int(int64_t i) {
        return Value((TagInt << 48) | (uint64_t(i) & PayloadMask));
    }
    static Value from_obj(const Obj* o) {
        return Value((TagObj << 48) | uint64_t(reinterpret_cast<uintptr_t>(o)));
    }
    static constexpr Value none() { return Value(NoneBits); }
    static constexpr Value boolean(bool b) { return Value(b ? TrueBits : FalseBits); }
    static constexpr Value not_implemented() { return Value(NotImplementedBits); }
    static constexpr Value ellipsis() { return Value(EllipsisBits); }
    // Internal markers, never visible to Python code: `null` is an unbound local, a missing
    // optional argument, the LOAD_METHOD marker, or "iterator exhausted"; `error` is the failed
    // Result<Value> (the exception itself is pending in the Interp).
    static constexpr Value null() { return Value(NullBits); }
    static constexpr Value error() { return Value(ErrorBits); }

    bool is_float() const { return (m_bits >> 48) < TagObj; }
    bool is_small_int() const { return (m_bits >> 48) == TagInt; }
    bool is_obj() const { return (m_bits >> 48) == TagObj; }
    bool is_none() const { return m_bits == NoneBits; }
    bool is_bool() const { return m_bits == TrueBits || m_bits == FalseBits; }
    bool is_true() const { return m_bits == TrueBits; }
    bool is_false() const { return m_bits == FalseBits; }
    bool is_not_implemented() const { return m_bits == NotImplementedBits; }
    bool is_ellipsis() const { return m_bits == EllipsisBits; }
    bool is_null() const { return m_bits == NullBits; }
    bool is_error() const { return m_bits == ErrorBits; }
    bool is_special() const { return (m_bits >> 48) == TagSpecial; }

    double as_float() const { return std::bit_cast<double>(m_bits); }
    int64_t as_small_int() const { return int64_t(m_bits << 16) >> 16; }
    Obj* as_obj() const { return reinterpret_cast<Obj*>(uintptr_t(m_bits & PayloadMask)); }
    template <class T> T* as() const { return static_cast<T*>(as_obj()); }

    // Identity (Python's `is`): the same bits.
    bool is(Value other) const { return m_bits == other.m_bits; }
    uint64_t bits() const { return m_bits; }
    static constexpr Value from_bits(uint64_t bits) { return Value(bits); }

private:
    explicit constexpr Value(uint64_t bits) : m_bits(bits) {}

    static constexpr uint64_t TagObj = 0xFFF9, TagInt = 0xFFFA, TagSpecial = 0xFFFB;
    static constexpr uint64_t PayloadMask = (uint64_t(1) << 48) - 1;
    static constexpr uint64_t CanonicalNaN = 0x7FF8000000000000ull;
    static constexpr uint64_t NoneBits = (TagSpecial << 48) | 1;
    static constexpr uint64_t FalseBits = (TagSpecial << 48) | 2;
    static constexpr uint64_t TrueBits = (TagSpecial << 48) | 3;
    static constexpr uint64_t NotImplementedBits = (TagSpecial << 48) | 4;
    static constexpr uint64_t EllipsisBits = (TagSpecial << 48) | 5;
    static constexpr uint64_t NullBits = (TagSpecial << 48) | 6;
    static constexpr uint64_t ErrorBits = (TagSpecial << 48) | 7;

    uint64_t m_bits;
};

static_assert(sizeof(Value) == 8);

} // namespace eddy::rt
