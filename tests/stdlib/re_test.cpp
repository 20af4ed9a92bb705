// tests/stdlib/re_test.cpp: the PCRE2 core of re (stdlib/re_pcre.cpp, re_match.cpp) called
// directly: code-point offsets over UTF-8 text, Python's empty-match rules in findall/finditer/
// sub, native Match objects and compile errors. The expected values are what CPython 3.11's re
// gives for the same pattern and text (patterns here need no translation from Python syntax).
#include "stdlib_fixture.hpp"

namespace eddy::lib {

class ReTest : public StdlibTest {
protected:
    // _pcre.compile(pattern, options, PcrePattern, owner=None).
    Result<Value> compile(std::string_view pattern, int64_t options = 0) {
        Value pcre = module("_pcre");
        Value type = attr(pcre, "PcrePattern").value();
        return rt::call(in, attr(pcre, "compile").value(), {s(pattern), i(options), type, none()});
    }
    Value code(std::string_view pattern, int64_t options = 0) { return compile(pattern, options).value(); }
    int64_t option(const char* name) { return attr(module("_pcre"), name).value().as_small_int(); }
    // mode 0: search, 1: match, 2: fullmatch; over the whole string.
    Result<Value> run(Value c, std::string_view text, int64_t mode = 0) {
        Value str = s(text);
        return rt::call_method(in, c, in.intern("match"),
                               {str, i(0), i(int64_t(str.as<rt::Str>()->length)), i(mode)});
    }
    std::string all(Value c, const char* how, std::string_view text) {
        Value str = s(text);
        return method(c, how, {str, i(0), i(int64_t(str.as<rt::Str>()->length))});
    }
};

TEST_F(ReTest, MatchReportsCodePointOffsets) {
    Value m = run(code("(é+)(x)?(?<n>ñ)"), "aaééñb").value();
    EXPECT_EQ(shown(m), "<re.Match object; span=(2, 5), match='ééñ'>");
    EXPECT_EQ(method(m, "span", {i(1)}), "(2, 4)");
    EXPECT_EQ(method(m, "span", {i(2)}), "(-1, -1)");
    EXPECT_EQ(method(m, "group", {s("n"), i(1), i(2)}), "('ñ', 'éé', None)");
    EXPECT_EQ(method(m, "groups", {s("-")}), "('éé', '-', 'ñ')");
    EXPECT_EQ(method(m, "groupdict", {}), "{'n': 'ñ'}");
    EXPECT_EQ(shown(attr(m, "lastindex")), "3");
    EXPECT_EQ(shown(attr(m, "lastgroup")), "'n'");
    EXPECT_EQ(shown(attr(m, "regs")), "((2, 5), (2, 4), (-1, -1), (4, 5))");
    EXPECT_EQ(method(m, "group", {i(4)}), "<IndexError: no such group>");
    EXPECT_EQ(method(m, "start", {s("x")}), "<IndexError: no such group>");
}

TEST_F(ReTest, AnchoringModes) {
    Value c = code("\\d+");
    EXPECT_EQ(shown(run(c, "ab12")), "<re.Match object; span=(2, 4), match='12'>");
    EXPECT_EQ(shown(run(c, "ab12", 1)), "None");
    EXPECT_EQ(shown(run(c, "12a", 2)), "None");
    EXPECT_EQ(shown(run(c, "123", 2)), "<re.Match object; span=(0, 3), match='123'>");
}

TEST_F(ReTest, EmptyMatchesFollowPythonsRules) {
    EXPECT_EQ(all(code("x*"), "findall", "axxb"), "['', 'xx', '', '']");
    Value it = rt::call_method(in, code("x*"), in.intern("finditer"), {s("axxb"), i(0), i(4)}).value();
    std::string spans;
    for (;;) {
        Result<Value> next = rt::call_method(in, it, in.intern("__next__"), {});
        if (next.is_error()) {
            in.take_exception();
            break;
        }
        spans += method(next.value(), "span", {}) + " ";
    }
    EXPECT_EQ(spans, "(0, 0) (1, 3) (3, 3) (4, 4) ");
    // sub's template: literal strs and group numbers; an unmatched group expands to ''.
    Value t = lst({s("<"), i(1), s("|"), i(2), s(">")});
    EXPECT_EQ(method(code("(b*)(q)?"), "sub", {t, s("abbc"), i(0)}), "('<|>a<bb|><|>c<|>', 4)");
    EXPECT_EQ(method(code("a"), "sub", {lst({s("-")}), s("banana"), i(2)}), "('b-n-na', 2)");
}

TEST_F(ReTest, MultilineCaretMatchesAfterAFinalNewline) {
    EXPECT_EQ(all(code("^", option("MULTILINE")), "findall", "a\nb\n"), "['', '', '']");
    EXPECT_EQ(all(code("(\\w)(\\d)?", option("UCP")), "findall", "a1bç2"), "[('a', '1'), ('b', ''), ('ç', '2')]");
}

TEST_F(ReTest, BadPatternsAndSubjects) {
    // A pattern PCRE2 rejects comes back as (message, offset) for re.error; PCRE2 reports the
    // end of "é(", byte 3, which is code point 2.
    Value bad = compile("é(").value();
    ASSERT_TRUE(rt::is_tuple(in, bad));
    EXPECT_EQ(shown((*bad.as<rt::Tuple>())[1]), "2");
    EXPECT_EQ(shown(rt::call_method(in, code("a"), in.intern("match"), {i(5), i(0), i(1), i(0)})),
              "<TypeError: expected string or bytes-like object, got 'int'>");
}

} // namespace eddy::lib
