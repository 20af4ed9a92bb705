// vm/code_serial.cpp: writes and reads the binary form of vm::Code declared in code_serial.hpp.
// Layout: "EDYC", varint CodeSerialVersion, varint OpCount, then one code object:
//   str name, qualname, filename; svarint first_line; varint flags, argcount, posonlyargcount,
//   kwonlyargcount; str-list varnames, cellvars, freevars; svarint-list cell2arg;
//   instructions (count, then opcode byte + varint operand each); positions (count, then line as
//   a delta from the previous row's, end_line - line, col, end_col - col, all svarint);
//   exception table (count, then start, end, target, depth varints and a push_lasti byte);
//   constants (count, then a tag byte and its payload each); str-list names; varint stacksize.
// Varints are LEB128, svarints zigzag-encoded LEB128, floats their IEEE bits in 8 bytes, little
// endian. The reader trusts nothing: every length is checked against the bytes left.
#include "vm/code_serial.hpp"

#include <bit>
#include <climits>
#include <cstring>

namespace eddy::vm {
namespace {

constexpr char Magic[4] = {'E', 'D', 'Y', 'C'};

// Constant tags. Numbered once; a new kind takes a new number and bumps CodeSerialVersion.
enum class Tag : uint8_t {
    None, False, True, Int, BigInt, Float, Complex, Str, Bytes, Ellipsis, Tuple, FrozenSet, Code,
};

// Nested tuples and code objects deeper than this are refused (the reader recurses per level);
// the parser's own expression limit (parse::MaxExprDepth = 1000) keeps real code well under it.
constexpr int MaxDepth = 3000;

uint64_t zigzag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }
int64_t unzigzag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }

class Writer {
public:
    std::string take() { return std::move(m_out); }

    void byte(uint8_t b) { m_out.push_back(char(b)); }
    void varint(uint64_t v) {
        while (v >= 0x80) {
            byte(uint8_t(v) | 0x80);
            v >>= 7;
        }
        byte(uint8_t(v));
    }
    void svarint(int64_t v) { varint(zigzag(v)); }
    void f64(double d) {
        uint64_t bits = std::bit_cast<uint64_t>(d);
        for (int i = 0; i < 8; ++i) byte(uint8_t(bits >> (8 * i)));
    }
    void str(std::string_view s) {
        varint(s.size());
        m_out.append(s);
    }
    void strs(const std::vector<std::string>& list) {
        varint(list.size());
        for (const std::string& s : list) str(s);
    }

    void code(const Code& c);

private:
    void constant(const Constant& k);
    void positions(const std::vector<Position>& rows);

    std::string m_out;
};

void Writer::positions(const std::vector<Position>& rows) {
    varint(rows.size());
    int prev_line = 0;
    for (const Position& p : rows) {
        svarint(int64_t(p.line) - prev_line);
        svarint(int64_t(p.end_line) - p.line);
        svarint(p.col);
        svarint(int64_t(p.end_col) - p.col);
        prev_line = p.line;
    }
}

void Writer::constant(const Constant& k) {
    struct Visit {
        Writer& w;
        void operator()(std::monostate) { w.byte(uint8_t(Tag::None)); }
        void operator()(bool b) { w.byte(uint8_t(b ? Tag::True : Tag::False)); }
        void operator()(int64_t i) { w.byte(uint8_t(Tag::Int)), w.svarint(i); }
        void operator()(const BigIntDigits& b) {
            w.byte(uint8_t(Tag::BigInt));
            w.byte(b.negative ? 1 : 0);
            w.str(b.digits);
        }
        void operator()(double d) { w.byte(uint8_t(Tag::Float)), w.f64(d); }
        void operator()(const Complex& c) { w.byte(uint8_t(Tag::Complex)), w.f64(c.real), w.f64(c.imag); }
        void operator()(const std::string& s) { w.byte(uint8_t(Tag::Str)), w.str(s); }
        void operator()(const Bytes& b) { w.byte(uint8_t(Tag::Bytes)), w.str(b.data); }
        void operator()(Ellipsis) { w.byte(uint8_t(Tag::Ellipsis)); }
        void operator()(const std::shared_ptr<ConstTuple>& t) {
            w.byte(uint8_t(t->frozenset ? Tag::FrozenSet : Tag::Tuple));
            w.varint(t->items.size());
            for (const Constant& item : t->items) w.constant(item);
        }
        void operator()(const std::shared_ptr<Code>& c) { w.byte(uint8_t(Tag::Code)), w.code(*c); }
    };
    std::visit(Visit{*this}, k);
}

void Writer::code(const Code& c) {
    str(c.name);
    str(c.qualname);
    str(c.filename);
    svarint(c.first_line);
    varint(c.flags);
    varint(uint32_t(c.argcount));
    varint(uint32_t(c.posonlyargcount));
    varint(uint32_t(c.kwonlyargcount));
    strs(c.varnames);
    strs(c.cellvars);
    strs(c.freevars);
    varint(c.cell2arg.size());
    for (int i : c.cell2arg) svarint(i);
    varint(c.instructions.size());
    for (Instr in : c.instructions) byte(uint8_t(in.op())), varint(in.arg());
    positions(c.positions);
    varint(c.exception_table.size());
    for (const ExceptionEntry& e : c.exception_table) {
        varint(e.start), varint(e.end), varint(e.target), varint(e.depth);
        byte(e.push_lasti ? 1 : 0);
    }
    varint(c.consts.size());
    for (const Constant& k : c.consts) constant(k);
    strs(c.names);
    varint(uint32_t(c.stacksize));
}

// Reads with bounds checks. The first failure records its reason and makes every later read
// fail too, so callers check ok() at natural points instead of after each field.
class Reader {
public:
    explicit Reader(std::span<const uint8_t> in) : m_in(in) {}

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    size_t left() const { return m_in.size() - m_pos; }
    // Records the first failure ("<what><detail> at byte N") and ends the input. Out of line and
    // cold, so the checks on the hot paths below stay a compare and a branch.
    [[gnu::cold, gnu::noinline]] bool fail(std::string_view what, std::string_view detail = {}) {
        if (m_error.empty())
            m_error = std::string(what) + std::string(detail) + " at byte " + std::to_string(m_pos);
        m_pos = m_in.size();
        return false;
    }

    uint8_t byte() {
        if (m_pos >= m_in.size()) return fail("truncated"), 0;
        return m_in[m_pos++];
    }
    // One-byte varints (most operands, names' lengths, position deltas) take the inline path.
    uint64_t varint() {
        if (m_pos < m_in.size() && m_in[m_pos] < 0x80) return m_in[m_pos++];
        return long_varint();
    }
    [[gnu::noinline]] uint64_t long_varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            uint8_t b = byte();
            if (!ok()) return 0;
            if (shift == 63 && b > 1) return fail("varint overflow"), 0;
            v |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        return fail("varint overflow"), 0;
    }
    int64_t svarint() { return unzigzag(varint()); }
    // A non-negative value that must fit in `max`.
    uint64_t bounded(uint64_t max, const char* what) {
        uint64_t v = varint();
        if (v > max) return fail(what, " out of range"), 0;
        return v;
    }
    int int_field(const char* what) { return offset_int(0, what); }
    // `base` plus a zigzag delta, which must land in int's range (checked before adding, so a
    // corrupt delta cannot overflow).
    int offset_int(int base, const char* what) {
        int64_t delta = svarint();
        if (delta < int64_t(INT_MIN) - base || delta > int64_t(INT_MAX) - base)
            return fail(what, " out of range"), 0;
        return int(base + delta);
    }
    // A count of items that each take at least `min_bytes`: bounded by what is left, so a
    // corrupt count cannot make the reader reserve gigabytes.
    size_t count(size_t min_bytes, const char* what) {
        uint64_t n = varint();
        if (n > left() / min_bytes) return fail(what, " count exceeds the input"), 0;
        return size_t(n);
    }
    double f64() {
        if (left() < 8) return fail("truncated"), 0.0;
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits |= uint64_t(m_in[m_pos + i]) << (8 * i);
        m_pos += 8;
        return std::bit_cast<double>(bits);
    }
    std::string str() {
        size_t n = count(1, "string length");
        std::string s(reinterpret_cast<const char*>(m_in.data() + m_pos), n);
        m_pos += n;
        return s;
    }
    std::vector<std::string> strs(const char* what) {
        std::vector<std::string> list(count(1, what));
        for (std::string& s : list) s = str();
        return list;
    }

    std::shared_ptr<Code> code(int depth);

private:
    Constant constant(int depth);
    void positions(std::vector<Position>& rows);

    std::span<const uint8_t> m_in;
    size_t m_pos = 0;
    std::string m_error;
};

void Reader::positions(std::vector<Position>& rows) {
    rows.resize(count(4, "position"));
    int line = 0;
    for (Position& p : rows) {
        p.line = offset_int(line, "position");
        p.end_line = offset_int(p.line, "position");
        p.col = offset_int(0, "position");
        p.end_col = offset_int(p.col, "position");
        line = p.line;
    }
}

Constant Reader::constant(int depth) {
    uint8_t tag = byte();
    switch (Tag(tag)) {
    case Tag::None: return std::monostate{};
    case Tag::False: return false;
    case Tag::True: return true;
    case Tag::Int: return svarint();
    case Tag::BigInt: {
        bool negative = byte() != 0;
        return BigIntDigits{str(), negative};
    }
    case Tag::Float: return f64();
    case Tag::Complex: {
        double re = f64();
        return Complex{re, f64()};
    }
    case Tag::Str: return str();
    case Tag::Bytes: return Bytes{str()};
    case Tag::Ellipsis: return Ellipsis{};
    case Tag::Tuple:
    case Tag::FrozenSet: {
        if (depth >= MaxDepth) return fail("constants nested too deeply"), Constant{};
        auto t = std::make_shared<ConstTuple>();
        t->frozenset = Tag(tag) == Tag::FrozenSet;
        t->items.resize(count(1, "tuple item"));
        for (Constant& item : t->items) item = constant(depth + 1);
        return t;
    }
    case Tag::Code: {
        if (depth >= MaxDepth) return fail("code nested too deeply"), Constant{};
        std::shared_ptr<Code> c = code(depth + 1);
        if (!c) return Constant{};
        return c;
    }
    }
    if (ok()) fail("unknown constant tag ", std::to_string(tag));
    return Constant{};
}

std::shared_ptr<Code> Reader::code(int depth) {
    auto c = std::make_shared<Code>();
    c->name = str();
    c->qualname = str();
    c->filename = str();
    c->first_line = int_field("first_line");
    c->flags = uint32_t(bounded(UINT32_MAX, "flags"));
    c->argcount = int(bounded(INT_MAX, "argcount"));
    c->posonlyargcount = int(bounded(INT_MAX, "posonlyargcount"));
    c->kwonlyargcount = int(bounded(INT_MAX, "kwonlyargcount"));
    c->varnames = strs("varname");
    c->cellvars = strs("cellvar");
    c->freevars = strs("freevar");
    c->cell2arg.resize(count(1, "cell2arg"));
    for (int& i : c->cell2arg) i = int_field("cell2arg");
    size_t ninstr = count(2, "instruction");
    c->instructions.reserve(ninstr);
    for (size_t i = 0; i < ninstr && ok(); ++i) {
        uint8_t op = byte();
        uint32_t arg = uint32_t(bounded(Instr::MaxArg, "operand"));
        if (op >= OpCount || is_superinstruction(Op(op)))
            return fail("unknown opcode ", std::to_string(op)), nullptr;
        c->instructions.push_back(Instr(Op(op), arg));
    }
    positions(c->positions);
    c->exception_table.resize(count(5, "exception entry"));
    for (ExceptionEntry& e : c->exception_table) {
        e.start = uint32_t(bounded(UINT32_MAX, "exception start"));
        e.end = uint32_t(bounded(UINT32_MAX, "exception end"));
        e.target = uint32_t(bounded(UINT32_MAX, "exception target"));
        e.depth = uint16_t(bounded(UINT16_MAX, "exception depth"));
        e.push_lasti = byte() != 0;
    }
    c->consts.resize(count(1, "constant"));
    for (Constant& k : c->consts) k = constant(depth);
    c->names = strs("name");
    c->stacksize = int(bounded(INT_MAX, "stacksize"));
    if (!ok()) return nullptr;
    return c;
}

} // namespace

std::string serialize_code(const Code& code) {
    Writer w;
    for (char ch : Magic) w.byte(uint8_t(ch));
    w.varint(CodeSerialVersion);
    w.varint(OpCount);
    w.code(code);
    return w.take();
}

std::shared_ptr<Code> deserialize_code(std::span<const uint8_t> bytes, std::string* error) {
    Reader r(bytes);
    auto reject = [&](const std::string& why) -> std::shared_ptr<Code> {
        if (error) *error = why;
        return nullptr;
    };
    if (bytes.size() < sizeof Magic || std::memcmp(bytes.data(), Magic, sizeof Magic) != 0)
        return reject("not serialized eddy code (bad magic)");
    for (size_t i = 0; i < sizeof Magic; ++i) r.byte();
    uint64_t version = r.varint();
    if (r.ok() && version != CodeSerialVersion)
        return reject("code format version " + std::to_string(version) + ", expected " +
                      std::to_string(CodeSerialVersion));
    uint64_t ops = r.varint();
    if (r.ok() && ops != uint64_t(OpCount))
        return reject("code written for " + std::to_string(ops) + " opcodes, this build has " +
                      std::to_string(OpCount));
    std::shared_ptr<Code> code = r.code(0);
    if (r.ok() && r.left() != 0) r.fail("trailing bytes");
    if (!r.ok()) return reject(r.error());
    return code;
}

} // namespace eddy::vm
