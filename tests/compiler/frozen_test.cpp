// tests/compiler/frozen_test.cpp: the stdlib modules frozen into the binary at build time
// (stdlib/freeze_tool.cpp) hold exactly the code a fresh compile of their embedded source gives,
// under the name the import system shows in tracebacks ("<frozen NAME>").
#include <gtest/gtest.h>

#include "compiler/compile.hpp"
#include "frozen.hpp"
#include "vm/code_serial.hpp"

using namespace eddy;

namespace {

std::shared_ptr<vm::Code> fresh_compile(const lib::FrozenModule& m, std::string filename) {
    parse::ParseResult parsed = parse::parse(m.source, filename, parse::Mode::File);
    if (!std::holds_alternative<ast::Module>(parsed)) return nullptr;
    comp::CompileResult compiled =
        comp::compile(std::get<ast::Module>(parsed), filename, parse::Mode::File, m.source);
    auto* code = std::get_if<std::shared_ptr<vm::Code>>(&compiled);
    return code ? *code : nullptr;
}

TEST(Frozen, EveryModuleMatchesAFreshCompile) {
    ASSERT_FALSE(lib::frozen_modules().empty());
    for (const lib::FrozenModule& m : lib::frozen_modules()) {
        SCOPED_TRACE(std::string(m.path));
        std::string filename = "<frozen " + std::string(m.name) + ">";
        std::shared_ptr<vm::Code> fresh = fresh_compile(m, filename);
        ASSERT_TRUE(fresh);
        std::string error;
        std::shared_ptr<vm::Code> frozen = vm::deserialize_code(
            {reinterpret_cast<const uint8_t*>(m.code.data()), m.code.size()}, &error);
        ASSERT_TRUE(frozen) << error;
        EXPECT_EQ(frozen->filename, filename);
        EXPECT_EQ(vm::disassemble(*frozen), vm::disassemble(*fresh));
        EXPECT_EQ(std::string(m.code), vm::serialize_code(*fresh));
    }
}

TEST(Frozen, PackagesAndSubmodulesAreNamedFromTheirPaths) {
    const lib::FrozenModule* package = lib::find_frozen_module("asyncio");
    ASSERT_TRUE(package);
    EXPECT_TRUE(package->is_package);
    EXPECT_EQ(package->path, "asyncio/__init__.py");
    const lib::FrozenModule* sub = lib::find_frozen_module("asyncio.locks");
    ASSERT_TRUE(sub);
    EXPECT_FALSE(sub->is_package);
    EXPECT_EQ(sub->path, "asyncio/locks.py");
    EXPECT_EQ(lib::find_frozen_module("asyncio.missing"), nullptr);
}

} // namespace
