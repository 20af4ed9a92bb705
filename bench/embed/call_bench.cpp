// bench/embed/call_bench.cpp: what a call across the embedding boundary costs (Google Benchmark).
// The targets: calling an empty C++ function from a script, and an empty script function
// from C++, at most 100 ns per call each. The script-side loop's own cost is measured separately
// (an empty Python function called from the same loop) so the two can be compared.
#include <benchmark/benchmark.h>
#include <eddy/eddy.hpp>

#include <vector>

namespace {

constexpr int CallsPerIteration = 1000;

// Reports time per call rather than per iteration of `loop`.
void per_call(benchmark::State& state) {
    state.counters["per_call"] = benchmark::Counter(
        CallsPerIteration, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_ScriptCallsEmptyCppFunction(benchmark::State& state) {
    eddy::Interpreter py;
    py.def("noop", []() {});
    py.exec("def loop(n):\n    for i in range(n):\n        noop()\n");
    eddy::Object loop = py.global("loop");
    for (auto _ : state) loop.call<void>(CallsPerIteration);
    per_call(state);
}
BENCHMARK(BM_ScriptCallsEmptyCppFunction);

void BM_ScriptCallsCppFunctionWithArgs(benchmark::State& state) {
    eddy::Interpreter py;
    py.def("add", [](std::int64_t a, std::int64_t b) { return a + b; });
    py.exec("def loop(n):\n    for i in range(n):\n        add(i, 1)\n");
    eddy::Object loop = py.global("loop");
    for (auto _ : state) loop.call<void>(CallsPerIteration);
    per_call(state);
}
BENCHMARK(BM_ScriptCallsCppFunctionWithArgs);

// The same loop calling an empty Python function: the baseline the two above compare with.
void BM_ScriptCallsEmptyScriptFunction(benchmark::State& state) {
    eddy::Interpreter py;
    py.exec("def empty():\n    pass\ndef loop(n):\n    for i in range(n):\n        empty()\n");
    eddy::Object loop = py.global("loop");
    for (auto _ : state) loop.call<void>(CallsPerIteration);
    per_call(state);
}
BENCHMARK(BM_ScriptCallsEmptyScriptFunction);

void BM_CppCallsEmptyScriptFunction(benchmark::State& state) {
    eddy::Interpreter py;
    py.exec("def empty():\n    pass\n");
    eddy::Object empty = py.global("empty");
    for (auto _ : state) empty.call<void>();
}
BENCHMARK(BM_CppCallsEmptyScriptFunction);

void BM_CppCallsScriptFunctionWithArgs(benchmark::State& state) {
    eddy::Interpreter py;
    py.exec("def add(a, b):\n    return a + b\n");
    eddy::Object add = py.global("add");
    std::int64_t total = 0;
    for (auto _ : state) total += add.call<std::int64_t>(total & 1023, 1);
    benchmark::DoNotOptimize(total);
}
BENCHMARK(BM_CppCallsScriptFunctionWithArgs);

// Native async: a script awaits a Promise that the host resolves, the host's loop then wakes the
// task (one run_ready() pass per await). Time per await.
void BM_ScriptAwaitsHostPromise(benchmark::State& state) {
    eddy::Interpreter py;
    std::vector<eddy::Promise> pending;
    py.def("fetch", [&]() {
        eddy::Promise p = py.promise();
        pending.push_back(p);
        return p;
    });
    py.exec("async def loop(n):\n    for i in range(n):\n        await fetch()\n");
    eddy::Object loop = py.global("loop");
    for (auto _ : state) {
        eddy::Object done = py.create_task(loop(CallsPerIteration)).attr("done");
        while (!done.call<bool>()) {
            py.run_ready();
            for (eddy::Promise& p : pending) p.resolve(1);
            pending.clear();
        }
    }
    per_call(state);
}
BENCHMARK(BM_ScriptAwaitsHostPromise);

} // namespace

BENCHMARK_MAIN();
