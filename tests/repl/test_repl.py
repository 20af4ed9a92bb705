# tests/repl/test_repl.py: drives the real `eddy` prompt through a pseudo-terminal, as a person at a
# terminal would: prompts, echoed values, blocks, tracebacks, Ctrl-C, Ctrl-D, history kept between
# sessions, Tab completion. Usage: test_repl.py PATH/TO/eddy
import os
import pty
import re
import select
import signal
import sys
import tempfile
import termios
import time
import unittest

EDDY = os.path.abspath(sys.argv.pop(1))
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x07")


class Session:
    """One eddy process on a pseudo-terminal. Output is kept as plain text (escapes removed)."""

    def __init__(self, home, args=()):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            env = {"HOME": home, "TERM": "xterm", "PATH": os.environ.get("PATH", ""),
                   "LC_ALL": "C.UTF-8"}
            for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):   # sanitizer builds
                if name in os.environ:
                    env[name] = os.environ[name]
            os.execve(EDDY, [EDDY, *args], env)
        self.text = ""

    def read_until(self, pattern, timeout=20):
        """Reads until `pattern` (a regex) matches the output read since the last call."""
        start = len(self.text)
        deadline = time.monotonic() + timeout
        while True:
            m = re.search(pattern, self.text[start:])
            if m:
                self.mark = start + m.end()
                return self.text[start:start + m.end()]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {pattern!r} in {self.text[start:]!r}")
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096).decode("utf-8", "replace")
                except OSError:
                    chunk = ""
                if not chunk:
                    raise AssertionError(f"eddy ended before {pattern!r}: {self.text[start:]!r}")
                self.text += ANSI.sub("", chunk).replace("\r", "")

    def send(self, keys, editing=True):
        """Types `keys`. Like a person, waits first until the line editor owns the terminal:
        keys that arrive while the terminal is still in canonical mode are cooked by the kernel
        (a Ctrl-D becomes an end-of-file marker that reads as NUL once raw mode begins)."""
        if editing:
            self.wait_for_editor()
        os.write(self.fd, keys.encode())

    def wait_for_editor(self, timeout=20):
        deadline = time.monotonic() + timeout
        while termios.tcgetattr(self.fd)[3] & termios.ICANON:   # the slave's modes, on Linux
            if time.monotonic() > deadline:
                raise AssertionError(f"the line editor never took the terminal: {self.text!r}")
            time.sleep(0.002)

    def line(self, text, then=r">>> $"):
        """Types a line and returns what was printed up to the next prompt."""
        self.send(text + "\r")
        return self.read_until(then)

    def wait(self, timeout=20):
        """Waits for eddy to end (reading what it still prints) and returns its exit status."""
        deadline = time.monotonic() + timeout
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            if time.monotonic() > deadline:
                raise AssertionError(f"eddy did not end: {self.text!r}")
            if select.select([self.fd], [], [], 0.01)[0]:
                try:
                    self.text += ANSI.sub("", os.read(self.fd, 4096).decode("utf-8", "replace"))
                except OSError:
                    pass


class Repl(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.TemporaryDirectory()
        self.s = Session(self.home.name)
        self.s.read_until(r">>> $")

    def tearDown(self):
        if self.s.pid:
            try:
                os.kill(self.s.pid, signal.SIGKILL)
                self.s.wait()
            except (ProcessLookupError, ChildProcessError, OSError):
                pass
        self.home.cleanup()

    def quit(self):
        self.s.send("\x04")
        code = self.s.wait()
        self.s.pid = 0
        return code

    def test_banner_and_ctrl_d_exits_0(self):
        self.assertIn("eddy ", self.s.text.splitlines()[0])
        self.assertEqual(self.quit(), 0)

    def test_values_are_echoed_and_kept_in_underscore(self):
        self.assertIn("\n3\n", self.s.line("1 + 2"))
        self.assertIn("\n3\n", self.s.line("_"))
        # None is not echoed. The typed text differs from the repr that would be echoed: a
        # terminal echoes a line twice when it arrives before the line editor's raw mode.
        self.assertNotIn("\nNone\n", self.s.line("(None)"))
        self.assertIn("\n'hi'\n", self.s.line("'hi'"))
        self.assertNotIn("\n1\n", self.s.line("x = 1"))

    def test_blocks_continue_until_a_blank_line(self):
        self.s.line("def double(n):", then=r"\.\.\. $")
        self.s.line("    return n * 2", then=r"\.\.\. $")
        self.s.line("")
        self.assertIn("\n42\n", self.s.line("double(21)"))
        self.s.line("for i in range(2):", then=r"\.\.\. $")
        self.s.line("    print('loop', i)", then=r"\.\.\. $")
        out = self.s.line("")
        self.assertIn("loop 0\nloop 1\n", out)

    def test_a_nested_block_waits_for_its_body(self):
        # A header inside a block used to end the input with "expected an indented block".
        self.s.line("def nested():", then=r"\.\.\. $")
        self.s.line("    for i in range(2):", then=r"\.\.\. $")
        self.s.line("        print('inner', i)", then=r"\.\.\. $")
        self.s.line("")
        self.assertIn("inner 0\ninner 1\n", self.s.line("nested()"))

    def test_open_brackets_continue(self):
        self.s.line("(1 +", then=r"\.\.\. $")
        self.assertIn("\n3\n", self.s.line("2)"))

    def test_a_traceback_does_not_end_the_session(self):
        out = self.s.line("1/0")
        self.assertIn('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
                      "ZeroDivisionError: division by zero\n", out)
        self.assertIn("SyntaxError", self.s.line("1 +"))
        self.assertIn("\n2\n", self.s.line("1 + 1"))

    def test_ctrl_c_abandons_the_line(self):
        self.s.send("print('never')")
        # The whole line echoed first: Ctrl-C raises SIGINT at once, and the terminal drops input
        # the editor has not read yet, which would cut the echo short.
        self.s.read_until(r"print\('never'\)")
        self.s.send("\x03")
        self.s.read_until(r"KeyboardInterrupt\n>>> $")
        self.s.line("if True:", then=r"\.\.\. $")
        self.s.send("\x03")
        self.s.read_until(r"KeyboardInterrupt\n>>> $")
        self.assertIn("\n5\n", self.s.line("5"))
        self.assertNotIn("\nnever\n", self.s.text)   # the abandoned line never ran

    def test_ctrl_c_interrupts_running_code(self):
        self.s.line("while True: pass", then=r"\.\.\. $")
        self.s.send("\r")
        time.sleep(0.3)   # let the loop start; the test passes either way
        self.s.send("\x03", editing=False)
        out = self.s.read_until(r">>> $")
        self.assertIn("KeyboardInterrupt", out)
        self.assertIn("\n6\n", self.s.line("6"))

    def test_system_exit_status(self):
        self.s.send("raise SystemExit(7)\r")
        code = self.s.wait()
        self.s.pid = 0
        self.assertEqual(code, 7)

    def test_tab_completes_names_and_attributes(self):
        self.s.send("pri\t")
        self.s.read_until(r"print\($")
        self.assertIn("tab\n", self.s.line("'tab')"))
        self.s.line("class Box:", then=r"\.\.\. $")
        self.s.line("    capacity = 3", then=r"\.\.\. $")
        self.s.line("")
        self.s.send("Box.cap\t")
        self.s.read_until(r"Box\.capacity$")
        self.assertIn("\n3\n", self.s.line(""))

    def test_history_is_kept_between_sessions(self):
        self.s.line("remembered = 12")
        self.assertEqual(self.quit(), 0)
        with open(os.path.join(self.home.name, ".eddy_history")) as f:
            self.assertIn("remembered", f.read())   # libedit's format encodes the spaces
        self.s = Session(self.home.name)
        self.s.read_until(r">>> $")
        self.s.send("\x1b[A")   # up arrow recalls the last line of the previous session
        self.s.read_until(r"remembered = 12$")
        self.s.line("")
        self.assertIn("\n12\n", self.s.line("remembered"))


class AsyncRepl(unittest.TestCase):
    """Top-level await on one event loop that persists across prompts, as `python3 -m asyncio`."""

    def setUp(self):
        self.home = tempfile.TemporaryDirectory()
        self.s = None

    def start(self, *args):
        self.s = Session(self.home.name, args)
        self.s.read_until(r">>> $")
        self.s.line("import asyncio")

    def tearDown(self):
        if self.s and self.s.pid:
            try:
                os.kill(self.s.pid, signal.SIGKILL)
                self.s.wait()
            except (ProcessLookupError, ChildProcessError, OSError):
                pass
        self.home.cleanup()

    def define_worker(self):
        self.s.line("async def worker(n, delay):", then=r"\.\.\. $")
        self.s.line("    for i in range(n):", then=r"\.\.\. $")
        self.s.line("        await asyncio.sleep(delay)", then=r"\.\.\. $")
        self.s.line("        print('tick', i)", then=r"\.\.\. $")
        self.s.line("    return n", then=r"\.\.\. $")
        self.s.line("")

    def test_await_at_the_prompt_echoes_the_value(self):
        self.start()
        self.assertIn("\n'slept'\n", self.s.line("await asyncio.sleep(0.05, 'slept')"))
        self.assertIn("\n'slept'\n", self.s.line("_"))
        self.assertIn("\n[0, 2, 4]\n", self.s.line("[await asyncio.sleep(0, 2 * i) for i in range(3)]"))
        out = self.s.line("await asyncio.sleep(0, 1 / 0)")
        self.assertIn('  File "<stdin>", line 1, in <module>\nZeroDivisionError: division by zero\n', out)

    def test_a_task_keeps_running_while_the_prompt_waits(self):
        self.start()
        self.define_worker()
        self.s.line("t = asyncio.create_task(worker(3, 0.05))")
        # Nothing more is typed: the ticks come while the line editor waits for a key.
        self.s.read_until(r"tick 0\n(.|\n)*tick 1\n(.|\n)*tick 2\n")
        self.assertIn("\nTrue\n", self.s.line("t.done()"))
        self.assertIn("\n3\n", self.s.line("await t"))

    def test_names_bound_by_an_awaiting_input_stay_in_main(self):
        self.start()
        self.s.line("x = await asyncio.sleep(0, 41)")
        self.assertIn("\n42\n", self.s.line("x + 1"))
        self.s.line("async with asyncio.Lock():", then=r"\.\.\. $")
        self.s.line("    inside = 'locked'", then=r"\.\.\. $")
        self.assertIn("\n'locked'\n", self.s.line("", then=r">>> $") + self.s.line("inside"))

    def test_ctrl_c_cancels_the_await_and_returns_to_the_prompt(self):
        self.start()
        self.s.line("t = asyncio.create_task(asyncio.sleep(30))")
        self.s.send("await t\r")
        time.sleep(0.3)   # let the await begin; the test passes either way
        self.s.send("\x03", editing=False)
        # As asyncio's REPL: no traceback (no frame of the input ran), the message on a new line.
        self.assertRegex(self.s.read_until(r">>> $"), r"\^C\nKeyboardInterrupt\n>>> $")
        self.assertIn("\nTrue\n", self.s.line("t.cancelled()"))
        self.assertIn("\n7\n", self.s.line("7"))

    def test_asyncio_run_refuses_inside_the_running_loop(self):
        # CPython's asyncio REPL runs every input inside its loop, so asyncio.run() refuses there.
        self.start()
        out = self.s.line("asyncio.run(asyncio.sleep(0))")
        self.assertIn("RuntimeError: asyncio.run() cannot be called from a running event loop", out)
        self.assertIn("running=True", self.s.line("asyncio.get_running_loop()"))

    def test_inspect_a_file_then_await_at_the_prompt(self):
        path = os.path.join(self.home.name, "prog.py")
        with open(path, "w") as f:
            f.write("import asyncio\n"
                    "async def answer():\n"
                    "    await asyncio.sleep(0)\n"
                    "    return 42\n"
                    "print(asyncio.run(answer()))\n")
        self.start("-i", path)
        self.assertIn("42\n", self.s.text)
        self.assertIn("\n42\n", self.s.line("await answer()"))

    def test_await_when_stdin_is_not_a_terminal(self):
        import subprocess
        out = subprocess.run([EDDY, "-i", "-q"], input="import asyncio\n"
                             "t = asyncio.create_task(asyncio.sleep(0.01, 'late'))\n"
                             "await asyncio.sleep(0, 'now')\nawait t\n",
                             capture_output=True, text=True, timeout=30)
        self.assertEqual(out.stdout, "'now'\n'late'\n")
        self.assertEqual(out.returncode, 0)


if __name__ == "__main__":
    unittest.main(verbosity=1)
