// stdlib/io_streams.hpp: sys.stdin, sys.stdout and sys.stderr as native text streams, and the
// writes print() and input() make through whatever object sys.stdout/sys.stdin currently is.
//
// stdout goes through C stdio (the process's `stdout` FILE): fully buffered into a pipe or file,
// line-buffered on a terminal, and flushed by exit() even when the script dies with a traceback.
// Anything written to our stderr stream first flushes stdout, so the two interleave in program
// order. When the host set Interp::stdout_sink/stderr_sink, output goes there instead.
#pragma once

#include <string_view>

#include "lib_util.hpp"

namespace eddy::lib {

enum class StreamKind : uint8_t { Stdin, Stdout, Stderr };

// An instance of _io.TextIOWrapper (eddy's: a thin native stream over a standard fd).
struct Stream : rt::Obj {
    StreamKind kind = StreamKind::Stdout;
};

// Creates the stream type and the three standard streams (called by init_sys).
void make_standard_streams(Interp& in, Value& stdin_v, Value& stdout_v, Value& stderr_v);

// True for sys.stdin/stdout/stderr's native streams.
bool is_native_stream(Value v);
// file.write(text): direct for a native stream, else a call of its `write` method.
Status write_to(Interp& in, Value file, std::string_view text);
// file.flush(), likewise.
Status flush_file(Interp& in, Value file);
// One line from `file` (with its "\n"), "" at end of input: file.readline().
Result<Value> read_line(Interp& in, Value file);

// Flushes the process stdout (and the host's stdout sink): before writing to stderr, at exit.
void flush_stdout(Interp& in);

// sys.stdout / sys.stdin as currently set; RuntimeError "lost sys.stdout" when deleted.
Result<Value> current_stream(Interp& in, std::string_view name);

} // namespace eddy::lib
