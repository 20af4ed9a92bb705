// tests/compiler/symtable_test.cpp: scope analysis against CPython 3.11's symtable results
// (checked with `python3 -c "import symtable; ..."`): cells and frees, class scopes that do not
// leak into methods, the implicit __class__ cell, comprehension scopes and walrus targets.
#include <gtest/gtest.h>

#include "compiler/symtable.hpp"

using namespace eddy;
using comp::Scope;

namespace {

class Scopes {
public:
    explicit Scopes(std::string_view source) {
        parse::ParseResult parsed = parse::parse(source, "<test>", parse::Mode::File);
        auto* module = std::get_if<ast::Module>(&parsed);
        if (!module) {
            ADD_FAILURE() << "parse failed: " << std::get<parse::SyntaxErrorInfo>(parsed).msg;
            return;
        }
        m_module = std::move(*module);
        auto result = comp::build_symtable(m_module, parse::Mode::File);
        if (auto* err = std::get_if<comp::SymError>(&result)) {
            ADD_FAILURE() << "symtable failed: " << err->msg;
            return;
        }
        m_table = std::move(std::get<std::unique_ptr<comp::SymTable>>(result));
    }

    // The first block named `block` in creation order ("top" is the module).
    const comp::SymTableEntry* block(std::string_view name) const {
        if (!m_table) return nullptr;
        for (const auto& e : m_table->entries)
            if (e->name == name) return e.get();
        return nullptr;
    }
    Scope scope(std::string_view blk, std::string_view name) const {
        const comp::SymTableEntry* e = block(blk);
        return e ? e->scope_of(name) : Scope::Unknown;
    }

private:
    ast::Module m_module;
    std::unique_ptr<comp::SymTable> m_table;
};

TEST(CompilerSymtable, CellsAndFrees) {
    Scopes s("def f(x):\n"
             "    y = 1\n"
             "    def g():\n"
             "        nonlocal y\n"
             "        y = 2\n"
             "        return x + z\n"
             "    return g\n");
    EXPECT_EQ(s.scope("f", "x"), Scope::Cell);
    EXPECT_EQ(s.scope("f", "y"), Scope::Cell);
    EXPECT_EQ(s.scope("f", "g"), Scope::Local);
    EXPECT_EQ(s.scope("g", "x"), Scope::Free);
    EXPECT_EQ(s.scope("g", "y"), Scope::Free);
    EXPECT_EQ(s.scope("g", "z"), Scope::GlobalImplicit);
    EXPECT_EQ(s.scope("top", "f"), Scope::Local);
}

TEST(CompilerSymtable, FreeVariablePassesThroughIntermediateFunction) {
    Scopes s("def a():\n    v = 1\n    def b():\n        def c():\n            return v\n");
    EXPECT_EQ(s.scope("a", "v"), Scope::Cell);
    EXPECT_EQ(s.scope("b", "v"), Scope::Free);
    EXPECT_EQ(s.scope("c", "v"), Scope::Free);
}

TEST(CompilerSymtable, ClassScopeDoesNotLeakIntoMethods) {
    Scopes s("class C:\n    a = 1\n    def m(self):\n        return a\n");
    EXPECT_EQ(s.scope("C", "a"), Scope::Local);
    EXPECT_EQ(s.scope("m", "a"), Scope::GlobalImplicit);
    EXPECT_FALSE(s.block("C")->needs_class_closure);
}

TEST(CompilerSymtable, SuperNeedsClassCell) {
    Scopes s("class C:\n    def m(self):\n        return super().m()\n"
             "class D:\n    def n(self):\n        return __class__\n");
    EXPECT_TRUE(s.block("C")->needs_class_closure);
    EXPECT_EQ(s.scope("m", "__class__"), Scope::Free);
    EXPECT_TRUE(s.block("D")->needs_class_closure);
    EXPECT_EQ(s.scope("n", "__class__"), Scope::Free);
}

TEST(CompilerSymtable, FreeNameAlsoBoundInClassBody) {
    Scopes s("def outer():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n"
             "            return x\n    return C\n");
    EXPECT_EQ(s.scope("outer", "x"), Scope::Cell);
    EXPECT_EQ(s.scope("C", "x"), Scope::Local);
    EXPECT_TRUE(s.block("C")->flags_of("x") & comp::DefFreeClass);
    EXPECT_EQ(s.scope("m", "x"), Scope::Free);
}

TEST(CompilerSymtable, ComprehensionIsAFunctionScope) {
    Scopes s("def f(xs):\n    return [x for x in xs if x]\n");
    const comp::SymTableEntry* comp = s.block("listcomp");
    ASSERT_TRUE(comp);
    EXPECT_EQ(comp->kind, comp::BlockKind::Function);
    EXPECT_EQ(comp->params, std::vector<std::string>{".0"});
    EXPECT_EQ(s.scope("listcomp", "x"), Scope::Local);
    EXPECT_EQ(s.scope("f", "xs"), Scope::Local);   // the first iterable is evaluated in f
    EXPECT_EQ(s.scope("listcomp", "xs"), Scope::Unknown);
}

TEST(CompilerSymtable, WalrusInComprehensionBindsInEnclosingFunction) {
    Scopes s("def f(xs):\n    [last := x for x in xs]\n    return last\n"
             "[top := y for y in range(3)]\n");
    EXPECT_EQ(s.scope("f", "last"), Scope::Cell);
    EXPECT_EQ(s.scope("listcomp", "last"), Scope::Free);
    EXPECT_EQ(s.scope("top", "top"), Scope::GlobalExplicit);
}

TEST(CompilerSymtable, GlobalDeclarations) {
    Scopes s("def f():\n    global g\n    g = 1\n    return h\ng = 0\n");
    EXPECT_EQ(s.scope("f", "g"), Scope::GlobalExplicit);
    EXPECT_EQ(s.scope("f", "h"), Scope::GlobalImplicit);
    EXPECT_EQ(s.scope("top", "g"), Scope::GlobalExplicit);   // as CPython: STORE_GLOBAL at top
}

TEST(CompilerSymtable, LambdaAndGeneratorFlags) {
    Scopes s("def f(a):\n    return lambda: a\ndef g():\n    yield 1\nasync def h():\n    await x\n");
    EXPECT_EQ(s.scope("f", "a"), Scope::Cell);
    EXPECT_EQ(s.scope("lambda", "a"), Scope::Free);
    EXPECT_TRUE(s.block("g")->generator);
    EXPECT_TRUE(s.block("h")->coroutine);
    EXPECT_FALSE(s.block("h")->generator);
}

TEST(CompilerSymtable, PrivateNamesAreMangled) {
    EXPECT_EQ(comp::mangle("C", "__x"), "_C__x");
    EXPECT_EQ(comp::mangle("_C", "__x"), "_C__x");
    EXPECT_EQ(comp::mangle("C", "__x__"), "__x__");
    EXPECT_EQ(comp::mangle("C", "_x"), "_x");
    EXPECT_EQ(comp::mangle("___", "__x"), "__x");
    Scopes s("class C:\n    __a = 1\n    def m(self, __b):\n        return __b\n");
    EXPECT_EQ(s.scope("C", "_C__a"), Scope::Local);
    EXPECT_EQ(s.scope("m", "_C__b"), Scope::Local);
}

} // namespace
