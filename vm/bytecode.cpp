// vm/bytecode.cpp: tables generated from opcodes.def (names, operand kinds, stack effects) and the
// `dis`-style disassembler used by `eddy --dis` and the compiler's golden tests. Pure data in,
// text out: nothing here knows about runtime objects.
#include "vm/bytecode.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

namespace eddy::vm {
namespace {

// The effect column of opcodes.def is either a number or `Var`; this sentinel marks `Var`.
constexpr int Var = -1000;

struct OpInfo {
    std::string_view name;
    OperandKind operand;
    int effect;
};

constexpr OpInfo OpTable[] = {
#define EDDY_OP(name, operand, effect) {#name, OperandKind::operand, effect},
#include "opcodes.def"
#undef EDDY_OP
};
static_assert(sizeof(OpTable) / sizeof(OpTable[0]) == OpCount);

// Effects of the `Var` rows, computed from the operand as CPython 3.11's stack_effect() does.
int var_effect(Op op, int arg, bool jump) {
    switch (op) {
    case Op::BUILD_SLICE: return 1 - arg;
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case Op::FOR_ITER: return jump ? -1 : 1;
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING: return 1 - arg;
    case Op::BUILD_MAP: return 1 - 2 * arg;
    case Op::BUILD_CONST_KEY_MAP: return -arg;
    case Op::FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case Op::UNPACK_SEQUENCE: return arg - 1;
    case Op::UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case Op::CALL: return -arg;
    case Op::CALL_METHOD: return -arg - 1;
    case Op::CALL_FUNCTION_EX: return (arg & 1) ? -2 : -1;
    case Op::MAKE_FUNCTION: return -(((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) +
                                     ((arg & 8) != 0));
    case Op::RAISE_VARARGS: return -arg;
    default: return 0;
    }
}

// ---- constant repr, as Python's repr() prints it ----

void repr_str(std::string& out, std::string_view s, char prefix) {
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    if (prefix) out += prefix;
    out += quote;
    for (unsigned char c : s) {
        switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\\': out += "\\\\"; break;
        default:
            if (c == (unsigned char)quote) {
                out += '\\';
                out += char(c);
            } else if (c < 0x20 || c == 0x7f || (prefix == 'b' && c >= 0x80)) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    out += quote;
}

// Shortest round-trip digits laid out as CPython's float repr: exponent form exactly when the
// decimal exponent is below -4 or at least 16, and a trailing ".0" on integral values.
std::string repr_float(double d) {
    if (d != d) return "nan";
    if (d == 1.0 / 0.0) return "inf";
    if (d == -1.0 / 0.0) return "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    size_t e = sci.find('e');
    std::string mant = sci.substr(0, e);
    int exp = std::stoi(sci.substr(e + 1));
    std::string sign;
    if (mant[0] == '-') {
        sign = "-";
        mant.erase(0, 1);
    }
    std::string digits;
    for (char c : mant)
        if (c != '.') digits += c;
    if (exp < -4 || exp >= 16) {
        std::string m = digits.substr(0, 1);
        if (digits.size() > 1) m += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        return sign + m + eb;
    }
    if (exp < 0) return sign + "0." + std::string(size_t(-exp - 1), '0') + digits;
    if (digits.size() <= size_t(exp) + 1) return sign + digits + std::string(exp + 1 - digits.size(), '0') + ".0";
    return sign + digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
}

void repr_const(std::string& out, const Constant& c);

struct ConstRepr {
    std::string& out;
    void operator()(std::monostate) { out += "None"; }
    void operator()(bool b) { out += b ? "True" : "False"; }
    void operator()(int64_t i) { out += std::to_string(i); }
    void operator()(const BigIntDigits& b) { out += (b.negative ? "-" : "") + b.digits; }
    void operator()(double d) { out += repr_float(d); }
    void operator()(const Complex& c) {
        std::string im = repr_float(c.imag);
        if (im.size() > 2 && im.substr(im.size() - 2) == ".0") im.resize(im.size() - 2);
        if (c.real == 0 && !std::signbit(c.real)) {
            out += im + "j";
            return;
        }
        std::string re = repr_float(c.real);
        if (re.size() > 2 && re.substr(re.size() - 2) == ".0") re.resize(re.size() - 2);
        out += "(" + re + (c.imag >= 0 || c.imag != c.imag ? "+" : "") + im + "j)";
    }
    void operator()(const std::string& s) { repr_str(out, s, 0); }
    void operator()(const Bytes& b) { repr_str(out, b.data, 'b'); }
    void operator()(Ellipsis) { out += "Ellipsis"; }
    void operator()(const std::shared_ptr<ConstTuple>& t) {
        if (t->frozenset) out += "frozenset({";
        else out += '(';
        for (size_t i = 0; i < t->items.size(); i++) {
            if (i) out += ", ";
            repr_const(out, t->items[i]);
        }
        if (t->frozenset) out += "})";
        else out += t->items.size() == 1 ? ",)" : ")";
    }
    void operator()(const std::shared_ptr<Code>& c) {
        out += "<code object " + c->name + ", file \"" + c->filename + "\", line " +
               std::to_string(c->first_line) + ">";
    }
};

void repr_const(std::string& out, const Constant& c) { std::visit(ConstRepr{out}, c); }

constexpr const char* BinOpSymbols[] = {
    "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//",
    "+=", "-=", "*=", "@=", "/=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&=", "//=",
};
constexpr const char* CmpOpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

// Flag operands whose bits mean different things per opcode.
std::string flags_repr(Op op, uint32_t arg) {
    std::string s;
    auto add = [&](const char* part) {
        if (!s.empty()) s += ", ";
        s += part;
    };
    if (op == Op::FORMAT_VALUE) {
        constexpr const char* Conv[] = {"", "str", "repr", "ascii"};
        if (arg & 3) add(Conv[arg & 3]);
        if (arg & 4) add("with format");
    } else if (op == Op::MAKE_FUNCTION) {
        if (arg & 1) add("defaults");
        if (arg & 2) add("kwdefaults");
        if (arg & 4) add("annotations");
        if (arg & 8) add("closure");
    }
    return s;
}

std::string deref_name(const Code& code, uint32_t arg) {
    if (arg < code.cellvars.size()) return code.cellvars[arg];
    arg -= uint32_t(code.cellvars.size());
    return arg < code.freevars.size() ? code.freevars[arg] : "?";
}

std::string at(const std::vector<std::string>& v, uint32_t i) { return i < v.size() ? v[i] : "?"; }

// The text in parentheses after an operand, as dis's argrepr.
std::string arg_repr(const Code& code, Instr in) {
    uint32_t arg = in.arg();
    switch (operand_kind(in.op())) {
    case OperandKind::Const: {
        std::string s;
        if (arg < code.consts.size()) repr_const(s, code.consts[arg]);
        return s;
    }
    case OperandKind::Name: return at(code.names, arg);
    case OperandKind::Local: return at(code.varnames, arg);
    case OperandKind::Deref: return deref_name(code, arg);
    case OperandKind::Jump: return "to " + std::to_string(arg);
    case OperandKind::BinKind: return arg < 26 ? BinOpSymbols[arg] : "?";
    case OperandKind::CmpKind: return arg < 6 ? CmpOpSymbols[arg] : "?";
    case OperandKind::Flags: return flags_repr(in.op(), arg);
    default: return "";
    }
}

void pad_right(std::string& s, size_t width) {
    if (s.size() < width) s.append(width - s.size(), ' ');
}

void disassemble_one(const Code& code, std::string& out) {
    std::set<uint32_t> targets;
    for (Instr in : code.instructions)
        if (operand_kind(in.op()) == OperandKind::Jump) targets.insert(in.arg());
    for (const ExceptionEntry& e : code.exception_table) targets.insert(e.target);
    size_t width = std::max<size_t>(4, std::to_string(code.instructions.size()).size());
    int last_line = -1;
    for (size_t i = 0; i < code.instructions.size(); i++) {
        Instr in = code.instructions[i];
        int line = i < code.positions.size() ? code.positions[i].line : 0;
        std::string row;
        if (line != last_line && line > 0) {
            if (i != 0) out += '\n';
            char buf[16];
            std::snprintf(buf, sizeof buf, "%3d", line);
            row += buf;
            last_line = line;
        } else {
            row += "   ";
        }
        row += "     ";   // dis's separator and (empty) current-instruction column
        row += targets.count(uint32_t(i)) ? ">>" : "  ";
        std::string off = std::to_string(i);
        row += ' ' + std::string(width - off.size(), ' ') + off + ' ';
        std::string name(op_name(in.op()));
        if (operand_kind(in.op()) != OperandKind::None) {
            pad_right(name, 20);
            std::string a = std::to_string(in.arg());
            name += ' ' + std::string(a.size() < 5 ? 5 - a.size() : 0, ' ') + a;
            std::string r = arg_repr(code, in);
            if (!r.empty()) name += " (" + r + ")";
        }
        out += row + name + '\n';
    }
    if (!code.exception_table.empty()) {
        out += "ExceptionTable:\n";
        for (const ExceptionEntry& e : code.exception_table) {
            out += "  " + std::to_string(e.start) + " to " + std::to_string(e.end - 1) + " -> " +
                   std::to_string(e.target) + " [" + std::to_string(e.depth) + "]" +
                   (e.push_lasti ? " lasti" : "") + '\n';
        }
    }
}

void disassemble_rec(const Code& code, std::string& out, bool header) {
    if (header) {
        out += "Disassembly of <code object " + code.qualname + ", file \"" + code.filename +
               "\", line " + std::to_string(code.first_line) + ">:\n";
    }
    disassemble_one(code, out);
    for (const Constant& c : code.consts) {
        if (auto* sub = std::get_if<std::shared_ptr<Code>>(&c)) {
            out += '\n';
            disassemble_rec(**sub, out, true);
        }
    }
}

} // namespace

int stack_effect(Instr instr, bool jump) {
    Op op = instr.op();
    // SEND is listed as 0 (its fall-through effect); when the subiterator finishes it pops the
    // sent value and jumps with the result in place of the subiterator, as in CPython 3.11.
    if (op == Op::SEND) return jump ? -1 : 0;
    const OpInfo& info = OpTable[size_t(op)];
    if (info.effect == Var) return var_effect(op, int(instr.arg()), jump);
    return info.effect;
}

std::string_view op_name(Op op) {
    return size_t(op) < size_t(OpCount) ? OpTable[size_t(op)].name : "<bad opcode>";
}

OperandKind operand_kind(Op op) {
    return size_t(op) < size_t(OpCount) ? OpTable[size_t(op)].operand : OperandKind::None;
}

std::string disassemble(const Code& code) {
    std::string out;
    disassemble_rec(code, out, false);
    return out;
}

} // namespace eddy::vm
