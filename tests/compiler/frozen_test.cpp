// tests/compiler/frozen_test.cpp: the stdlib modules frozen into the binary at build time
// (stdlib/freeze_tool.cpp) are exactly the .py files of the source tree's stdlib/py/
// (EDDY_STDLIB_PY_DIR, from CMake), each named from its path and holding the code a fresh compile
// of that file gives, under the name the import system shows in tracebacks ("<frozen NAME>").
// The table carries no source, so the files are read from the tree.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/compile.hpp"
#include "frozen.hpp"
#include "vm/code_serial.hpp"

using namespace eddy;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<vm::Code> fresh_compile(const std::string& source, const std::string& filename) {
    parse::ParseResult parsed = parse::parse(source, filename, parse::Mode::File);
    if (!std::holds_alternative<ast::Module>(parsed)) return nullptr;
    comp::CompileResult compiled =
        comp::compile(std::get<ast::Module>(parsed), filename, parse::Mode::File, source);
    auto* code = std::get_if<std::shared_ptr<vm::Code>>(&compiled);
    return code ? *code : nullptr;
}

std::string read_file(const fs::path& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream text;
    text << f.rdbuf();
    return text.str();
}

// A file under stdlib/py/ as the import system names it: "p/s.py" is module "p.s",
// "p/__init__.py" is package "p". Written out here, apart from the freeze tool's own rule, so a
// change to either shows up as a mismatch.
struct SourceFile {
    fs::path path;
    std::string name;
    bool package;
};

std::vector<SourceFile> stdlib_py_files() {
    const fs::path root = EDDY_STDLIB_PY_DIR;
    std::vector<SourceFile> files;
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file() || e.path().extension() != ".py") continue;
        fs::path rel = fs::relative(e.path(), root).replace_extension();
        bool package = rel.filename() == "__init__";
        if (package) rel = rel.parent_path();
        std::string name = rel.generic_string();
        std::replace(name.begin(), name.end(), '/', '.');
        files.push_back({e.path(), name, package});
    }
    return files;
}

TEST(Frozen, EveryStdlibFileIsFrozenAsAFreshCompileGivesIt) {
    std::vector<SourceFile> files = stdlib_py_files();
    ASSERT_FALSE(files.empty());
    EXPECT_EQ(files.size(), lib::frozen_modules().size());
    for (const SourceFile& file : files) {
        SCOPED_TRACE(file.path.string());
        const lib::FrozenModule* m = lib::find_frozen_module(file.name);
        ASSERT_TRUE(m);
        EXPECT_EQ(m->is_package, file.package);
        std::string filename = "<frozen " + file.name + ">";
        std::shared_ptr<vm::Code> fresh = fresh_compile(read_file(file.path), filename);
        ASSERT_TRUE(fresh);
        std::string error;
        std::shared_ptr<vm::Code> frozen = vm::deserialize_code(
            {reinterpret_cast<const uint8_t*>(m->code.data()), m->code.size()}, &error);
        ASSERT_TRUE(frozen) << error;
        EXPECT_EQ(frozen->filename, filename);
        EXPECT_EQ(vm::disassemble(*frozen), vm::disassemble(*fresh));
        EXPECT_EQ(std::string(m->code), vm::serialize_code(*fresh));
    }
}

TEST(Frozen, PackagesAndSubmodulesAreNamedFromTheirPaths) {
    const lib::FrozenModule* package = lib::find_frozen_module("asyncio");
    ASSERT_TRUE(package);
    EXPECT_TRUE(package->is_package);
    const lib::FrozenModule* sub = lib::find_frozen_module("asyncio.locks");
    ASSERT_TRUE(sub);
    EXPECT_FALSE(sub->is_package);
    const lib::FrozenModule* nested = lib::find_frozen_module("_frozen_test.inner");
    ASSERT_TRUE(nested);
    EXPECT_TRUE(nested->is_package);
    EXPECT_EQ(lib::find_frozen_module("asyncio.missing"), nullptr);
}

} // namespace
