// runtime/loop/loop_state.cpp: the per-interpreter asyncio state: the core types (bare: their
// Python methods are added by stdlib's _asyncio module), how the collector traces futures, tasks,
// handles and loops, and the reports written to stderr for exceptions nobody handled (CPython's
// default exception handler: "Task exception was never retrieved", "Exception in callback").
#include <string>

#include "loop.hpp"

#include "runtime/dict_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/list_object.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/traceback.hpp"
#include "runtime/tuple_object.hpp"
#include "runtime/types.hpp"

namespace eddy::rt::loop {

namespace {

void trace_future_fields(Future* f, Tracer& tr) {
    tr.mark(f->loop);
    tr.mark(f->result);
    tr.mark(f->callbacks);
    tr.mark(f->extra);
}

void trace_future_extra(Obj* o, Tracer& tr) {
    auto* x = static_cast<FutureExtra*>(o);
    tr.mark(x->cancel_msg);
    tr.mark(x->cancelled_exc);
    tr.mark(x->name);
}

void trace_future(Obj* o, Tracer& tr) {
    auto* f = static_cast<Future*>(o);
    trace_future_fields(f, tr);
    if (!f->is_task) return;
    auto* t = static_cast<Task*>(f);
    tr.mark(t->coro);
    tr.mark(t->fut_waiter);
    if (t->listed) t->loop.as<EventLoop>()->tasks_marked++;
}

// A task all_tasks() lists (a Future layout: only its trace slot says so).
Task* as_listed_task(Obj* o) {
    if (o->type->trace != trace_future || !static_cast<Future*>(o)->is_task) return nullptr;
    auto* t = static_cast<Task*>(o);
    return t->listed ? t : nullptr;
}

void trace_handle(Obj* o, Tracer& tr) {
    auto* h = static_cast<Handle*>(o);
    tr.mark(h->callback);
    tr.mark(h->args);
    tr.mark(h->loop);
}

void trace_sleep(Obj* o, Tracer& tr) { tr.mark(static_cast<SleepAwaitable*>(o)->result); }

void trace_sleep_coroutine(Obj* o, Tracer& tr) {
    auto* sl = static_cast<SleepCoroutine*>(o);
    tr.mark(sl->result);
    tr.mark(sl->delay_arg);
    tr.mark(sl->future);
    tr.mark(sl->timer);
}

void trace_sleep_wrapper(Obj* o, Tracer& tr) { tr.mark(static_cast<SleepWrapper*>(o)->sleep); }

// The loop keeps alive what it will run: queued tasks and handles, timer targets; its listed
// tasks too (LoopState::trace_more).
void trace_loop(Obj* o, Tracer& tr) {
    auto* loop = static_cast<EventLoop*>(o);
    loop->ready.for_each([&](Obj* x) { tr.mark(x); });
    for (const TimerEntry& e : loop->timers) tr.mark(e.target);
}

void finalize_loop(Obj* o) { static_cast<EventLoop*>(o)->~EventLoop(); }

Type* bare_type(Interp& in, const char* name, const char* module, uint32_t size, TraceSlot trace) {
    Type* t = in.heap.alloc<Type>(in.types.type);
    t->name = name;
    t->qualname = name;
    t->module = module;
    t->base = in.types.object;
    t->bases = {in.types.object};
    t->mro = {t, in.types.object};
    t->dict = make_dict(in);
    t->instance_size = size;
    t->trace = trace;
    dict_set_str(in, t->dict, in.names.dunder_module, str_value(in, module));
    return t;
}

Type* exception_class(Interp& in, const char* name, Type* base) {
    Dict* ns = make_dict(in);
    dict_set_str(in, ns, in.names.dunder_module, str_value(in, "asyncio.exceptions"));
    Value bases = Value::from_obj(make_tuple(in, {Value::from_obj(base)}));
    Value t = type_new(in, in.types.type, str_value(in, name), bases, Value::from_obj(ns), nullptr).value();
    return t.as<Type>();
}

void write_stderr(Interp& in, const std::string& text) {
    if (in.stderr_sink) {
        in.stderr_sink->write(text);
        in.stderr_sink->flush();
    } else {
        std::fflush(stdout);
        std::fwrite(text.data(), 1, text.size(), stderr);
        std::fflush(stderr);
    }
}

std::string repr_or(Interp& in, Value v) {
    auto r = repr_string(in, v);
    if (!r.is_error()) return r.value();
    in.take_exception();
    return "<object>";
}

} // namespace

LoopState::LoopState(Interp& interp) : in(interp) {
    in.heap.add_root_source(this);
    future_type = bare_type(in, "Future", "_asyncio", sizeof(Future), trace_future);
    future_extra_type = bare_type(in, "FutureExtra", "_asyncio", sizeof(FutureExtra), trace_future_extra);
    task_type = bare_type(in, "Task", "_asyncio", sizeof(Task), trace_future);
    task_type->base = future_type;
    task_type->bases = {future_type};
    task_type->mro = {task_type, future_type, in.types.object};
    handle_type = bare_type(in, "Handle", "asyncio.events", sizeof(Handle), trace_handle);
    timer_handle_type = bare_type(in, "TimerHandle", "asyncio.events", sizeof(Handle), trace_handle);
    timer_handle_type->base = handle_type;
    timer_handle_type->bases = {handle_type};
    timer_handle_type->mro = {timer_handle_type, handle_type, in.types.object};
    loop_type = bare_type(in, "_UnixSelectorEventLoop", "asyncio.unix_events", sizeof(EventLoop), trace_loop);
    loop_type->finalize = finalize_loop;
    sleep_type = bare_type(in, "coroutine", "builtins", sizeof(SleepAwaitable), trace_sleep);
    sleep_coro_type = bare_type(in, "coroutine", "builtins", sizeof(SleepCoroutine), trace_sleep_coroutine);
    sleep_wrapper_type = bare_type(in, "coroutine_wrapper", "builtins", sizeof(SleepWrapper), trace_sleep_wrapper);
    event_wait_type = bare_type(in, "coroutine", "builtins", sizeof(EventWait), event_wait_trace);
    event_token_type = bare_type(in, "coroutine", "builtins", sizeof(EventToken), event_token_trace);
    cancelled_error = exception_class(in, "CancelledError", in.exc.BaseException);
    invalid_state_error = exception_class(in, "InvalidStateError", in.exc.Exception);
}

LoopState::~LoopState() { in.heap.remove_root_source(this); }

void LoopState::trace_roots(Tracer& tr) {
    for (Type* t : {future_type, future_extra_type, task_type, handle_type, timer_handle_type, loop_type, sleep_type,
                    sleep_coro_type, sleep_wrapper_type, event_wait_type, event_token_type, cancelled_error, invalid_state_error})
        tr.mark(t);
    for (Type* t : {gathering_future_type, gather_callback_type})
        if (t) tr.mark(t);
    tr.mark(running_loop);
    tr.mark(event_loop);
    tr.mark(current_task);
    tr.mark(sigint_task);
    tr.mark(sleep0);
    tr.mark(sleep_wakeup);
    for (Obj* o : unretrieved) tr.mark(o);
    for (const NativeAwaitKind& k : await_kinds) tr.mark(k.type);
}

// A marked loop keeps its listed tasks alive. Nearly always they were all reached already (from
// the ready queue, timers and what they wait on), which the counts show without looking; else a
// walk over the heap finds the others. Once nothing more is marked: loops that die now are
// forgotten, and the counts start over for the next collection.
bool LoopState::trace_more(Tracer& tr) {
    bool missing = false;
    for (EventLoop* loop : loops) missing |= loop->gc_marked && loop->tasks_marked < loop->tasks;
    bool marked = false;
    if (missing) {
        in.heap.for_each_object([&](Obj* o) {
            Task* t = as_listed_task(o);
            if (t && !t->gc_marked && t->loop.as_obj()->gc_marked) {
                tr.mark(t);
                marked = true;
            }
        });
    }
    if (marked) return true;
    std::erase_if(loops, [](EventLoop* loop) { return !loop->gc_marked; });
    for (EventLoop* loop : loops) loop->tasks_marked = 0;
    return false;
}

std::vector<Task*> listed_tasks(Interp& in, EventLoop* loop) {
    std::vector<Task*> tasks;
    if (!loop->tasks) return tasks;
    in.heap.for_each_object([&](Obj* o) {
        Task* t = as_listed_task(o);
        if (t && t->loop.as_obj() == loop) tasks.push_back(t);
    });
    return tasks;
}

LoopState& make_state(Interp& in) {
    if (!in.loop_state) in.loop_state = std::make_unique<LoopState>(in);
    return *in.loop_state;
}

// Runner._on_sigint: the first interrupt cancels the main task (a sleeping loop notices the
// request itself, so no call_soon_threadsafe wake-up is needed); later ones raise.
Status keyboard_interrupt(Interp& in) {
    LoopState* s = in.loop_state.get();
    if (s && s->sigint_task) {
        s->interrupt_count++;
        if (s->interrupt_count == 1 && s->sigint_task->state == FutState::Pending) {
            task_cancel(in, s->sigint_task, Value::none());
            return ok();
        }
    }
    return in.raise(in.exc.KeyboardInterrupt);
}

// Handle._run's report: "Exception in callback f(1) at file.py:3", the handle's repr and the
// traceback. Should naming the callback raise, its repr stands in (CPython's Handle._run would
// let that error escape from the loop instead).
void report_callback_exception(Interp& in, Handle* h, Value exc) {
    LoopState& s = state(in);
    std::string name;
    if (s.callback_text) {
        Result<std::string> r = s.callback_text(in, h);
        if (r.is_error()) in.take_exception();
        else name = r.value();
    }
    if (name.empty()) name = repr_or(in, h->callback);
    write_stderr(in, "Exception in callback " + name + "\nhandle: " + repr_or(in, Value::from_obj(h)) + "\n");
    print_exception(in, exc);
}

void report_exception(Interp& in, const std::string& message, Value exc) {
    write_stderr(in, message + "\n");
    if (!exc.is_null() && !exc.is_none()) print_exception(in, exc);
}

void report_unretrieved(Interp& in) {
    LoopState& s = state(in);
    std::vector<Obj*> pending = std::move(s.unretrieved);
    s.unretrieved.clear();
    for (Obj* o : pending) {
        auto* f = static_cast<Future*>(o);
        if (!f->log_traceback) continue;
        f->log_traceback = false;
        write_stderr(in, std::string(f->is_task ? "Task" : "Future") + " exception was never retrieved\n" +
                             "future: " + repr_or(in, Value::from_obj(f)) + "\n");
        print_exception(in, f->result);
    }
}

} // namespace eddy::rt::loop
