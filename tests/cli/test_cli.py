# tests/cli/test_cli.py: runs the built `eddy` program with every command-line form and checks
# stdout, stderr and the exit status against what python3 does (CPython 3.11's messages, with
# "eddy" for the program name). Usage: test_cli.py PATH/TO/eddy
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import unittest

EDDY = os.path.abspath(sys.argv.pop(1))
USAGE = ("usage: eddy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
         "Try `eddy -h' for more information.\n")


def run(*args, stdin="", cwd=None):
    p = subprocess.run([EDDY, *args], input=stdin, capture_output=True, text=True, cwd=cwd,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


class Dir(unittest.TestCase):
    """Each test gets a scratch directory holding the files it writes."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = os.path.realpath(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(textwrap.dedent(text))
        return path


class Programs(Dir):
    def test_file_gets_argv_and_exit_status_zero(self):
        path = self.write("p.py", "import sys\nprint(sys.argv)\n")
        self.assertEqual(run(path, "a", "-c"), (0, f"[{path!r}, 'a', '-c']\n", ""))

    def test_command_argv(self):
        self.assertEqual(run("-c", "import sys; print(sys.argv)", "x", "-i"),
                         (0, "['-c', 'x', '-i']\n", ""))

    def test_command_attached_to_option(self):
        self.assertEqual(run("-cprint(7)"), (0, "7\n", ""))

    def test_stdin_dash_argv(self):
        self.assertEqual(run("-", "x", stdin="import sys; print(sys.argv)\n"),
                         (0, "['-', 'x']\n", ""))

    def test_piped_stdin_without_arguments_is_a_program_not_a_prompt(self):
        code, out, err = run(stdin="import sys\nprint(sys.argv)\n1 + 1\n")
        self.assertEqual((code, out, err), (0, "['']\n", ""))

    def test_uncaught_exception_prints_traceback_and_exits_1(self):
        code, out, err = run("-c", "print('before')\n1/0")
        self.assertEqual((code, out), (1, "before\n"))
        self.assertEqual(err, 'Traceback (most recent call last):\n'
                              '  File "<string>", line 2, in <module>\n'
                              'ZeroDivisionError: division by zero\n')

    def test_system_exit_codes(self):
        self.assertEqual(run("-c", "raise SystemExit(3)"), (3, "", ""))
        self.assertEqual(run("-c", "import sys; sys.exit()"), (0, "", ""))
        self.assertEqual(run("-c", "raise SystemExit('bye')"), (1, "", "bye\n"))

    def test_syntax_error_exits_1(self):
        code, out, err = run("-c", "1 +")
        self.assertEqual(code, 1)
        self.assertTrue(err.endswith("SyntaxError: invalid syntax\n"), err)

    def test_missing_file_exits_2(self):
        missing = os.path.join(self.dir, "nope.py")
        self.assertEqual(run(missing), (2, "", f"eddy: can't open file '{missing}': "
                                               "[Errno 2] No such file or directory\n"))

    def test_directory_runs_its_main(self):
        self.write("app/__main__.py", "print('app main', __name__)\n")
        self.assertEqual(run(os.path.join(self.dir, "app")), (0, "app main __main__\n", ""))
        os.makedirs(os.path.join(self.dir, "empty"))
        self.assertEqual(run(os.path.join(self.dir, "empty")),
                         (1, "", f"eddy: can't find '__main__' module in "
                                 f"'{os.path.join(self.dir, 'empty')}'\n"))


class Modules(Dir):
    def test_module_runs_as_main_with_its_path_in_argv(self):
        path = self.write("mm.py", "import sys\nprint(__name__, sys.argv)\n")
        self.assertEqual(run("-m", "mm", "a", cwd=self.dir),
                         (0, f"__main__ [{path!r}, 'a']\n", ""))

    def test_module_imports_its_siblings_from_the_current_directory(self):
        self.write("helper.py", "VALUE = 41\n")
        self.write("mm.py", "import helper\nprint(helper.VALUE + 1)\n")
        self.assertEqual(run("-m", "mm", cwd=self.dir), (0, "42\n", ""))

    def test_package_runs_its_main_submodule(self):
        self.write("pkg/__init__.py", "print('init')\n")
        self.write("pkg/__main__.py", "print('main', __name__)\n")
        self.assertEqual(run("-m", "pkg", cwd=self.dir), (0, "init\nmain __main__\n", ""))

    def test_submodule(self):
        self.write("pkg/__init__.py", "")
        self.write("pkg/tool.py", "print('tool', __name__)\n")
        self.assertEqual(run("-m", "pkg.tool", cwd=self.dir), (0, "tool __main__\n", ""))

    def test_missing_module_exits_1(self):
        self.assertEqual(run("-m", "nonexistent_mod", cwd=self.dir),
                         (1, "", "eddy: No module named nonexistent_mod\n"))

    def test_package_without_main(self):
        self.write("bare/__init__.py", "")
        self.assertEqual(run("-m", "bare", cwd=self.dir),
                         (1, "", "eddy: No module named bare.__main__; 'bare' is a package "
                                 "and cannot be directly executed\n"))

    def test_missing_parent_package(self):
        self.assertEqual(run("-m", "nopkg.sub", cwd=self.dir),
                         (1, "", "eddy: Error while finding module specification for "
                                 "'nopkg.sub' (ModuleNotFoundError: No module named 'nopkg')\n"))

    def test_module_exception_exits_1(self):
        self.write("bad.py", "raise ValueError('no')\n")
        code, out, err = run("-m", "bad", cwd=self.dir)
        self.assertEqual(code, 1)
        self.assertTrue(err.endswith("ValueError: no\n"), err)


class UsageErrors(unittest.TestCase):
    def test_missing_arguments(self):
        for opt in ("-c", "-m", "-X"):
            self.assertEqual(run(opt), (2, "", f"Argument expected for the {opt} option\n" + USAGE))

    def test_unknown_options(self):
        self.assertEqual(run("-Z"), (2, "", "Unknown option: -Z\n" + USAGE))
        self.assertEqual(run("--frobnicate"), (2, "", "unknown option --frobnicate\n" + USAGE))

    def test_help_and_version(self):
        for opt in ("-h", "--help", "-?"):
            code, out, err = run(opt)
            self.assertEqual((code, err), (0, ""))
            self.assertTrue(out.startswith("usage: eddy [option] ..."), out)
            self.assertIn("-m mod", out)
        for opt in ("-V", "--version"):
            code, out, err = run(opt)
            self.assertEqual((code, err), (0, ""))
            self.assertRegex(out, r"^eddy \d+\.\d+\.\d+\n$")


class XOptions(unittest.TestCase):
    def test_recursion_limit(self):
        self.assertEqual(run("-X", "recursionlimit=50", "-c",
                             "import sys; print(sys.getrecursionlimit())"), (0, "50\n", ""))
        code, out, err = run("-Xrecursionlimit=60", "-c", "def f(): f()\nf()")
        self.assertEqual(code, 1)
        self.assertTrue(err.endswith("RecursionError: maximum recursion depth exceeded\n"), err)

    def test_int_max_str_digits(self):
        self.assertEqual(run("-X", "int_max_str_digits=640", "-c",
                             "import sys; print(sys.get_int_max_str_digits())"), (0, "640\n", ""))
        code, out, err = run("-X", "int_max_str_digits=5", "-c", "pass")
        self.assertEqual((code, out), (1, ""))
        self.assertIn("must be >= 640 or 0 for unlimited", err)

    def test_memory_limit(self):
        code, out, err = run("-X", "memory_limit=16M", "-c",
                             "try:\n x = [0] * 10**8\nexcept MemoryError:\n print('MemoryError')")
        self.assertEqual((code, out, err), (0, "MemoryError\n", ""))

    def test_bad_values_and_unknown_names(self):
        self.assertEqual(run("-X", "recursionlimit=x", "-c", "pass")[0], 1)
        self.assertEqual(run("-X", "memory_limit=lots", "-c", "pass")[0], 1)
        # CPython ignores -X options it does not know.
        self.assertEqual(run("-X", "frobnicate", "-c", "print(1)"), (0, "1\n", ""))


class Disassembly(Dir):
    def test_every_code_object_with_line_numbers(self):
        path = self.write("d.py", """\
            def f(a):
                return a + 1
            print(f(1))
            """)
        code, out, err = run("--dis", path)
        self.assertEqual((code, err), (0, ""))
        self.assertIn("Disassembly of <code object f", out)
        self.assertRegex(out, r"(?m)^  2 +0 LOAD_FAST +0 \(a\)$")
        self.assertRegex(out, r"(?m)^  3 +\d+ LOAD_NAME")

    def test_syntax_error(self):
        path = self.write("bad.py", "def f(:\n")
        code, out, err = run("--dis", path)
        self.assertEqual((code, out), (1, ""))
        self.assertIn("SyntaxError", err)

    def test_missing_file(self):
        self.assertEqual(run("--dis", "/nonexistent/x.py")[0], 2)
        self.assertEqual(run("--dis"), (2, "", "Argument expected for the --dis option\n" + USAGE))


class Inspect(unittest.TestCase):
    def test_prompt_after_command_sees_its_names(self):
        code, out, err = run("-i", "-c", "x = 5", stdin="print(x * 2)\nx\n")
        self.assertEqual((code, out), (0, "10\n5\n"))
        self.assertEqual(err, ">>> >>> >>> \n")

    def test_prompt_after_a_traceback(self):
        code, out, err = run("-i", "-c", "x = 5\n1/0", stdin="x\n")
        self.assertEqual((code, out), (0, "5\n"))
        self.assertIn("ZeroDivisionError", err)

    def test_system_exit_at_the_prompt(self):
        self.assertEqual(run("-i", "-c", "", stdin="raise SystemExit(4)\n")[0], 4)

    def test_clustered_with_quiet(self):
        self.assertEqual(run("-qi", "-c", "y = 1", stdin="y + 1\n")[:2], (0, "2\n"))


def without_frames(report):
    """A report on stderr without its tracebacks' frames: python3's include asyncio's own
    sources (Handle._run in events.py, sleep in tasks.py), which eddy has none of."""
    return "".join(line for line in report.splitlines(keepends=True)
                   if not line.startswith(("Traceback", " ")))


class AsyncioReports(Dir):
    """The default exception handler's report of a callback that raised, on stderr: CPython's
    Handle._run names the callback as format_helpers does (eddy used to print its repr)."""

    def test_exception_in_callback_names_the_callback(self):
        path = self.write("report.py", """\
            import asyncio
            import functools


            def fail(*args):
                raise ValueError(args)


            class Job:
                def run(self, n):
                    raise KeyError(n)


            async def main():
                loop = asyncio.get_running_loop()
                loop.call_soon(fail, 1, "two")
                loop.call_soon(Job().run, 3)
                loop.call_soon(functools.partial(fail, 1, k=2), "x" * 40)
                loop.call_soon(lambda: 1 / 0)
                loop.call_soon(int, "z")
                fut = loop.create_future()
                fut.add_done_callback(fail)
                fut.set_result(5)
                loop.call_at(1.5, fail)
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                print("done")

            asyncio.run(main())
            """)
        code, out, err = run(path)
        self.assertEqual((code, out), (0, "done\n"))
        self.assertEqual(without_frames(err), f"""\
Exception in callback fail(1, 'two') at {path}:5
handle: <Handle fail(1, 'two') at {path}:5>
ValueError: (1, 'two')
Exception in callback Job.run(3)
handle: <Handle Job.run(3)>
KeyError: 3
Exception in callback fail(1, k=2)('xxxxxxxxxxxx...xxxxxxxxxxxxx') at {path}:5
handle: <Handle fail(1, k=2)('xxxxxxxxxxxx...xxxxxxxxxxxxx') at {path}:5>
TypeError: fail() got an unexpected keyword argument 'k'
Exception in callback main.<locals>.<lambda>() at {path}:19
handle: <Handle main.<locals>.<lambda>() at {path}:19>
ZeroDivisionError: division by zero
Exception in callback int('z')
handle: <Handle int('z')>
ValueError: invalid literal for int() with base 10: 'z'
Exception in callback fail(<Future finished result=5>) at {path}:5
handle: <Handle fail(<Future finished result=5>) at {path}:5>
ValueError: (<Future finished result=5>,)
Exception in callback fail() at {path}:5
handle: <TimerHandle when=1.5 fail() at {path}:5>
ValueError: ()
""")

    def test_default_handler_prints_the_other_context_keys(self):
        path = self.write("handler.py", """\
            import asyncio


            async def stubborn():
                try:
                    await asyncio.sleep(10)
                finally:
                    raise ValueError("in cleanup")


            async def main():
                asyncio.ensure_future(stubborn())
                await asyncio.sleep(0)
                loop = asyncio.get_running_loop()
                loop.call_exception_handler({"message": "custom", "zeta": [1, 2], "alpha": "a",
                                             "future": loop.create_future()})
                loop.call_exception_handler({"exception": KeyError("k"), "message": ""})

            asyncio.run(main())
            """)
        code, out, err = run(path)
        self.assertEqual((code, out), (0, ""))
        self.assertEqual(without_frames(err), f"""\
custom
alpha: 'a'
future: <Future pending>
zeta: [1, 2]
Unhandled exception in event loop
KeyError: 'k'
unhandled exception during asyncio.run() shutdown
task: <Task finished name='Task-2' coro=<stubborn() done, defined at {path}:4> exception=ValueError('in cleanup')>
asyncio.exceptions.CancelledError

During handling of the above exception, another exception occurred:

ValueError: in cleanup
""")


# Ctrl-C while asyncio.run waits (issue 3): the first SIGINT cancels the main task, whose
# `finally` blocks run, and the run ends in KeyboardInterrupt (Lib/asyncio/runners.py); a second
# one raises at once. The program says "ready" (and "main cleanup") when a signal may come.
CTRL_C_PROGRAM = """\
import asyncio, sys

async def worker():
    try:
        await asyncio.sleep(100)
    finally:
        print("worker cleanup")

async def main():
    asyncio.get_running_loop().create_task(worker())
    try:
        print("ready", flush=True)
        if sys.argv[1] == "sleeping":
            await asyncio.sleep(100)
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("main cancelled")
        raise
    finally:
        print("main cleanup", flush=True)
        if len(sys.argv) > 2:
            await asyncio.sleep(100)

if sys.argv[1] == "plain":
    print("ready", flush=True)
    while True:
        pass
asyncio.run(main())
"""


def interrupted(command, path, mode, signals):
    """Runs the program, sends SIGINT at each point it announces; (status, stdout, last stderr
    line). An uncaught KeyboardInterrupt ends CPython by SIGINT, which a shell reports as 130."""
    p = subprocess.Popen([command, path, *mode], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    out = ""
    try:
        for marker in signals:
            while marker not in out:
                line = p.stdout.readline()
                if not line:
                    break
                out += line
            p.send_signal(signal.SIGINT)
        rest, err = p.communicate(timeout=30)
    finally:
        p.kill()
    status = 128 + signal.SIGINT if p.returncode == -signal.SIGINT else p.returncode
    return status, out + rest, err.rstrip("\n").rsplit("\n", 1)[-1]


class CtrlC(Dir):
    def check(self, mode, signals):
        path = self.write("ctrl_c.py", CTRL_C_PROGRAM)
        expected = interrupted(sys.executable, path, mode, signals)
        self.assertEqual(expected[0], 130)
        self.assertEqual(interrupted(EDDY, path, mode, signals), expected)

    def test_cancels_the_sleeping_main_task(self):
        self.check(["sleeping"], ["ready"])

    def test_cancels_a_main_task_that_never_sleeps(self):
        self.check(["busy"], ["ready"])

    def test_second_interrupt_during_cleanup_raises(self):
        self.check(["sleeping", "slow cleanup"], ["ready", "main cleanup"])

    def test_without_asyncio(self):
        self.check(["plain"], ["ready"])


if __name__ == "__main__":
    unittest.main(verbosity=1)
