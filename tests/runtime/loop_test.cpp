// tests/runtime/loop_test.cpp: the event loop's scheduler (runtime/loop/): one iteration runs
// exactly what was ready when it began, FIFO order, timer ties in scheduling order, cancelled
// handles skipped, callbacks that schedule callbacks, and future done callbacks.
#include <gtest/gtest.h>

#include <string>

#include "runtime/heap.hpp"
#include "runtime/interp.hpp"
#include "runtime/list_object.hpp"
#include "runtime/loop/loop.hpp"
#include "runtime/native.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"

using namespace eddy::rt;
namespace lp = eddy::rt::loop;

namespace {

// log(list, tag): appends tag to list.
Result<Value> log_tag(Interp&, Args args) {
    args[0].as<List>()->items.push_back(args[1]);
    return Value::none();
}

// chain(list, tag, n): logs tag, then schedules itself with n - 1 while n > 0.
Result<Value> chain(Interp& in, Args args) {
    args[0].as<List>()->items.push_back(args[1]);
    int64_t n = args[2].as_small_int();
    if (n > 0) {
        Value fn = Value::from_obj(make_native_function(in, NativeDef{"chain(l, t, n, /)", chain}));
        Value a = Value::from_obj(make_tuple(in, {args[0], args[1], Value::from_small_int(n - 1)}));
        lp::call_soon(in, lp::state(in).running_loop, fn, a);
    }
    return Value::none();
}

struct LoopTest : ::testing::Test {
    Interp in;
    RootedValues roots{in.heap};   // the fixture lives on the malloc heap: root what it holds
    lp::EventLoop* loop = lp::make_loop(in);
    List* log = make_list(in);
    Value logger = Value::from_obj(make_native_function(in, NativeDef{"log(l, t, /)", log_tag}));

    LoopTest() { roots.values = {Value::from_obj(loop), Value::from_obj(log), logger}; }

    Value args(const char* tag) {
        return Value::from_obj(make_tuple(in, {Value::from_obj(log), str_value(in, tag)}));
    }
    std::string text() {
        std::string s;
        for (Value v : log->items) s += std::string(v.as<Str>()->view()) + " ";
        return s;
    }
    void iterate() {
        lp::state(in).running_loop = loop;
        ASSERT_FALSE(lp::run_once(in, loop).is_error());
        lp::state(in).running_loop = nullptr;
    }
};

} // namespace

TEST_F(LoopTest, CallSoonRunsInFifoOrder) {
    for (const char* t : {"a", "b", "c"}) lp::call_soon(in, loop, logger, args(t));
    iterate();
    EXPECT_EQ(text(), "a b c ");
}

TEST_F(LoopTest, CallbackScheduledByCallbackWaitsForNextIteration) {
    Value fn = Value::from_obj(make_native_function(in, NativeDef{"chain(l, t, n, /)", chain}));
    lp::call_soon(in, loop, fn, Value::from_obj(make_tuple(in, {Value::from_obj(log), str_value(in, "x"), Value::from_small_int(2)})));
    lp::call_soon(in, loop, logger, args("y"));
    iterate();
    EXPECT_EQ(text(), "x y ");
    iterate();
    EXPECT_EQ(text(), "x y x ");
    iterate();
    EXPECT_EQ(text(), "x y x x ");
}

TEST_F(LoopTest, CancelledHandleIsSkipped) {
    lp::call_soon(in, loop, logger, args("a"));
    lp::Handle* h = lp::call_soon(in, loop, logger, args("b"));
    lp::call_soon(in, loop, logger, args("c"));
    lp::handle_cancel(in, h);
    iterate();
    EXPECT_EQ(text(), "a c ");
    EXPECT_TRUE(h->cancelled);
}

// CPython's heapq compares TimerHandles by deadline only: ties leave in heapq's sift order.
TEST_F(LoopTest, TimersWithEqualDeadlinesFireInHeapqOrder) {
    double when = lp::loop_time() - 1;   // already due
    lp::call_at(in, loop, when + 0.5, logger, args("late"));
    for (const char* t : {"t1", "t2", "t3", "t4", "t5"}) lp::call_at(in, loop, when, logger, args(t));
    lp::Handle* gone = lp::call_at(in, loop, when, logger, args("gone"));
    lp::handle_cancel(in, gone);
    iterate();
    EXPECT_EQ(text(), "t1 t2 t5 t4 t3 late ");   // python3: heapq with when-only __lt__
}

TEST_F(LoopTest, DueTimersRunAfterAlreadyReadyCallbacks) {
    lp::call_at(in, loop, lp::loop_time() - 1, logger, args("timer"));
    lp::call_soon(in, loop, logger, args("soon"));
    iterate();
    EXPECT_EQ(text(), "soon timer ");
}

TEST_F(LoopTest, FutureCallbacksAreScheduledInRegistrationOrder) {
    lp::Future* f = lp::make_future(in, loop);
    // A callback receives the future: log its result through a bound logger.
    Value bound = Value::from_obj(bind_native_method(in, make_native_function(in, NativeDef{"log(l, t, /)", log_tag}), Value::from_obj(log)));
    ASSERT_FALSE(lp::future_add_done_callback(in, f, bound).is_error());
    ASSERT_FALSE(lp::future_add_done_callback(in, f, bound).is_error());
    EXPECT_EQ(lp::future_remove_done_callback(in, f, Value::none()), 0);
    ASSERT_FALSE(lp::future_set_result(in, f, str_value(in, "r")).is_error());
    EXPECT_TRUE(lp::future_set_result(in, f, Value::none()).is_error());   // InvalidStateError
    in.take_exception();
    EXPECT_EQ(text(), "");   // callbacks run at the next iteration, not inside set_result
    iterate();
    EXPECT_EQ(log->items.size(), 2u);
}

TEST_F(LoopTest, CancelRacesWithCompletion) {
    lp::Future* f = lp::make_future(in, loop);
    EXPECT_TRUE(lp::future_cancel(in, f, Value::none()));
    EXPECT_FALSE(lp::future_cancel(in, f, Value::none()));
    EXPECT_TRUE(lp::future_set_result(in, f, Value::none()).is_error());   // too late
    in.take_exception();
    lp::Future* g = lp::make_future(in, loop);
    ASSERT_FALSE(lp::future_set_result(in, g, Value::none()).is_error());
    EXPECT_FALSE(lp::future_cancel(in, g, Value::none()));   // done first: cancel loses
    EXPECT_EQ(g->state, lp::FutState::Finished);
}

// all_tasks() lists a loop's tasks by walking the heap, and the collector keeps them alive while
// their loop lives: here a task that nothing else refers to (it waits on a future only it holds,
// the two referring to each other) survives a collection, still listed, and finishes when the
// future does; done, it is listed no more.
TEST_F(LoopTest, PendingTaskOnlyItsLoopHoldsSurvivesACollection) {
    lp::state(in).running_loop = loop;
    ASSERT_FALSE(lp::make_task(in, loop, Value::from_obj(lp::make_future(in, loop)), Value::none()).is_error());
    lp::state(in).running_loop = nullptr;
    iterate();   // the task's first step: it now waits on the future
    in.heap.collect();
    std::vector<lp::Task*> tasks = lp::listed_tasks(in, loop);
    ASSERT_EQ(tasks.size(), 1u);
    lp::Task* t = tasks[0];
    ASSERT_TRUE(lp::is_future(in, t->fut_waiter));
    ASSERT_FALSE(lp::future_set_result(in, t->fut_waiter.as<lp::Future>(), str_value(in, "r")).is_error());
    iterate();
    EXPECT_EQ(t->state, lp::FutState::Finished);
    EXPECT_TRUE(lp::listed_tasks(in, loop).empty());
}
