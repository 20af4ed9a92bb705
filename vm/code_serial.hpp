// vm/code_serial.hpp: a compact, versioned binary form of vm::Code (with its nested constants and
// code objects), as CPython's marshal is for its frozen modules. The build compiles stdlib/py
// with it once (stdlib/freeze_tool.cpp) and the import of an embedded module only reads it back.
// Plain data both ways: nothing here touches the GC heap.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "vm/bytecode.hpp"

namespace eddy::vm {

// Bump whenever the byte layout below or the meaning of any opcode or operand changes: a blob
// written under another version is rejected rather than misread. (The build regenerates the
// frozen modules whenever the compiler or this format changes, so a mismatch means stale data.)
inline constexpr uint32_t CodeSerialVersion = 1;

// The bytes of `code`: a header (magic, CodeSerialVersion, the opcode count) then the code object.
// Deterministic: equal code gives equal bytes.
std::string serialize_code(const Code& code);

// The code object `bytes` holds, or null when they are truncated, corrupt, or written by another
// format version (with a one-line reason in *error when given). Never reads past `bytes`, and
// every count is checked against what is left before anything is allocated for it.
std::shared_ptr<Code> deserialize_code(std::span<const uint8_t> bytes, std::string* error = nullptr);

} // namespace eddy::vm
