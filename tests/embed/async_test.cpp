// tests/embed/async_test.cpp: native async for hosts: eddy::Promise returned by a native function
// and settled later by the host, and the host driving the interpreter's event loop
// (create_task, run_ready, next_deadline, run_until_complete).
#include <eddy/eddy.hpp>
#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace {

// A host with a native `assets.load(name)` whose promises it keeps, to settle them later.
struct Host {
    eddy::Interpreter py;
    std::vector<std::pair<std::string, eddy::Promise>> loads;

    explicit Host(eddy::Config config = {}) : py(std::move(config)) {
        py.module("assets").def("load", [this](std::string name) {
            eddy::Promise p = py.promise();
            loads.emplace_back(name, p);
            return p;
        });
    }

    // Runs the loop until nothing is ready now (timers aside).
    void settle_ready() {
        for (int i = 0; i < 100 && py.next_deadline() == 0.0; ++i) py.run_ready();
    }
};

TEST(Async, ResolvedPromiseWakesTheAwaitingScript) {
    Host h;
    h.py.exec("import assets\n"
              "async def main():\n"
              "    texture = await assets.load('hero.png')\n"
              "    return 'got ' + texture\n");
    eddy::Object task = h.py.create_task(h.py.global("main")());
    h.settle_ready();
    ASSERT_EQ(h.loads.size(), 1u);
    EXPECT_EQ(h.loads[0].first, "hero.png");
    EXPECT_FALSE(task.attr("done")().as<bool>());
    EXPECT_TRUE(h.loads[0].second.pending());
    h.loads[0].second.resolve("texture#7");
    EXPECT_FALSE(h.loads[0].second.pending());
    h.settle_ready();
    ASSERT_TRUE(task.attr("done")().as<bool>());
    EXPECT_EQ(task.attr("result")().as<std::string>(), "got texture#7");
}

TEST(Async, RejectedPromiseRaisesInTheScript) {
    Host h;
    h.py.exec("import assets\n"
              "async def main():\n"
              "    try:\n"
              "        await assets.load('missing.png')\n"
              "    except FileNotFoundError as e:\n"
              "        return 'caught ' + str(e)\n");
    eddy::Object task = h.py.create_task(h.py.global("main")());
    h.settle_ready();
    ASSERT_EQ(h.loads.size(), 1u);
    h.loads[0].second.reject(eddy::Error("FileNotFoundError", "no missing.png"));
    h.settle_ready();
    EXPECT_EQ(task.attr("result")().as<std::string>(), "caught no missing.png");
}

TEST(Async, RunUntilCompleteReturnsTheResultOrThrows) {
    eddy::Interpreter py;
    py.exec("import asyncio\n"
            "async def add(a, b):\n"
            "    await asyncio.sleep(0.001)\n"
            "    return a + b\n"
            "async def fail():\n"
            "    await asyncio.sleep(0)\n"
            "    raise ValueError('bad')\n");
    EXPECT_EQ(py.run_until_complete(py.global("add")(40, 2)).as<int>(), 42);
    try {
        py.run_until_complete(py.global("fail")());
        FAIL() << "no exception";
    } catch (const eddy::Error& e) {
        EXPECT_EQ(e.type_name(), "ValueError");
        EXPECT_EQ(e.message(), "bad");
    }
    EXPECT_THROW(py.run_until_complete(py.value(3)), eddy::Error);
}

TEST(Async, ResolvingTwiceIsAnError) {
    Host h;
    h.py.exec("import assets\nasync def main():\n    return await assets.load('a')\n");
    eddy::Object task = h.py.create_task(h.py.global("main")());
    h.settle_ready();
    ASSERT_EQ(h.loads.size(), 1u);
    h.loads[0].second.resolve(1);
    try {
        h.loads[0].second.resolve(2);
        FAIL() << "no exception";
    } catch (const eddy::Error& e) {
        EXPECT_EQ(e.type_name(), "InvalidStateError");
    }
    EXPECT_THROW(h.loads[0].second.reject(eddy::Error("ValueError", "late")), eddy::Error);
    h.settle_ready();
    EXPECT_EQ(task.attr("result")().as<int>(), 1);
    EXPECT_THROW(eddy::Promise().resolve(), eddy::Error);
}

TEST(Async, SettlingAPromiseTheScriptStoppedAwaitingDoesNothing) {
    Host h;
    h.py.exec("import asyncio, assets\n"
              "async def main():\n"
              "    try:\n"
              "        await asyncio.wait_for(assets.load('slow'), 0.001)\n"
              "    except asyncio.TimeoutError:\n"
              "        return 'timed out'\n");
    eddy::Object result = h.py.run_until_complete(h.py.global("main")());
    EXPECT_EQ(result.as<std::string>(), "timed out");
    ASSERT_EQ(h.loads.size(), 1u);
    EXPECT_FALSE(h.loads[0].second.pending());
    h.loads[0].second.resolve("too late");   // no error: the future was cancelled
}

TEST(Async, NeverResolvedPromiseAtShutdownIsHarmless) {
    std::vector<eddy::Promise> kept;
    {
        auto h = std::make_unique<Host>();
        h->py.exec("import assets\nasync def main():\n    await assets.load('never')\n");
        h->py.create_task(h->py.global("main")());
        h->settle_ready();
        ASSERT_EQ(h->loads.size(), 1u);
        kept.push_back(h->loads[0].second);
    }   // the interpreter goes with its waiting task; the host still holds the promise
    EXPECT_FALSE(kept[0].pending());
    EXPECT_TRUE(kept[0].future().is_null());
    try {
        kept[0].resolve(1);
        FAIL() << "no exception";
    } catch (const eddy::Error& e) {
        EXPECT_EQ(e.type_name(), "RuntimeError");
    }
}

TEST(Async, NextDeadlineFollowsTheTimers) {
    eddy::Interpreter py;
    EXPECT_FALSE(py.next_deadline().has_value());
    py.exec("import asyncio\nasync def nap():\n    await asyncio.sleep(0.05)\n    return 'rested'\n");
    eddy::Object task = py.create_task(py.global("nap")());
    EXPECT_EQ(py.next_deadline(), 0.0);   // the new task is ready
    py.run_ready();                        // it starts and sleeps
    std::optional<double> d = py.next_deadline();
    ASSERT_TRUE(d.has_value());
    EXPECT_GT(*d, 0.0);
    EXPECT_LE(*d, 0.05);
    EXPECT_FALSE(task.attr("done")().as<bool>());
    EXPECT_EQ(py.run_until_complete(task).as<std::string>(), "rested");
    EXPECT_FALSE(py.next_deadline().has_value());
}

TEST(Async, ScriptsSeeTheLoopRunningWhileTheHostDrivesIt) {
    eddy::Interpreter py;
    py.exec("import asyncio\n"
            "seen = []\n"
            "def note():\n"
            "    seen.append(asyncio.get_running_loop() is asyncio.get_event_loop())\n"
            "asyncio.get_event_loop().call_soon(note)\n");
    py.run_ready();
    EXPECT_EQ(py.eval("seen").as<std::vector<bool>>(), std::vector<bool>{true});
    EXPECT_EQ(py.eval_repr("asyncio._get_running_loop()"), "None");   // not between passes
}

TEST(Async, TwoInterpretersHaveTheirOwnLoopsAndPromises) {
    Host a, b;
    for (Host* h : {&a, &b})
        h->py.exec("import assets\nasync def main(tag):\n    return tag + await assets.load(tag)\n");
    eddy::Object ta = a.py.create_task(a.py.global("main")("a"));
    eddy::Object tb = b.py.create_task(b.py.global("main")("b"));
    a.settle_ready();
    b.settle_ready();
    ASSERT_EQ(a.loads.size(), 1u);
    ASSERT_EQ(b.loads.size(), 1u);
    b.loads[0].second.resolve("-two");
    a.settle_ready();
    b.settle_ready();
    EXPECT_FALSE(ta.attr("done")().as<bool>());
    EXPECT_EQ(tb.attr("result")().as<std::string>(), "b-two");
    a.loads[0].second.resolve("-one");
    a.settle_ready();
    EXPECT_EQ(ta.attr("result")().as<std::string>(), "a-one");
}

TEST(Async, AsyncioRunsUnderTheHostsLimits) {
    // The limits hook keeps the VM's interrupt flag armed; the loop once took it for Ctrl-C and
    // raised KeyboardInterrupt at its first pass.
    eddy::Config config;
    config.instruction_budget = 1'000'000;
    eddy::Interpreter py(config);
    py.exec("import asyncio\nasync def f():\n    await asyncio.sleep(0.001)\n    return 5\n"
            "r = asyncio.run(f())\n");
    EXPECT_EQ(py.eval("r").as<int>(), 5);
}

} // namespace
