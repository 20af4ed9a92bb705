// stdlib/asyncio_future.cpp: the Python face of _asyncio.Future and _asyncio.Task: constructors,
// methods, attributes and reprs with CPython 3.11's wording (Modules/_asynciomodule.c,
// Lib/asyncio/base_futures.py, base_tasks.py). The state machines are runtime/loop/'s.
#include <string>

#include "asyncio_internal.hpp"
#include "dict_object.hpp"
#include "exception_object.hpp"
#include "function_object.hpp"
#include "generator_object.hpp"
#include "iterators.hpp"
#include "lib_util.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"
#include "types.hpp"
#include "vm/frame.hpp"

namespace eddy::lib {

using rt::loop::Future;
using rt::loop::FutState;
using rt::loop::Task;

namespace {

Future* fut(Args a) { return a[0].as<Future>(); }
Task* task(Args a) { return a[0].as<Task>(); }

// Future(*, loop=None): __new__ makes a pending future, __init__ binds the loop (so that a
// subclass's __init__ can call super().__init__(loop=loop), as gather's future does).
Result<Value> future_new(Interp& in, Type* type, rt::CallArgs) {
    auto* f = in.heap.alloc<Future>(type, size_t(type->instance_size));
    return Value::from_obj(f);
}

Status future_init_slot(Interp& in, Value self, rt::CallArgs args) {
    Value kw[1] = {Value::none()};
    EDDY_CHECK(bind_keywords_only(in, args, "Future", {"loop"}, kw));
    rt::loop::EventLoop* loop = EDDY_TRY(loop_or_current(in, kw[0]));
    self.as<Future>()->loop = Value::from_obj(loop);
    return rt::ok();
}

Result<Value> future___init__(Interp& in, Args a) {
    rt::loop::EventLoop* loop = EDDY_TRY(loop_or_current(in, a[1]));
    fut(a)->loop = Value::from_obj(loop);
    return Value::none();
}

Result<Value> future__make_cancelled_error(Interp& in, Args a) {
    return rt::loop::make_cancelled_error(in, fut(a));
}
Result<Value> future_get_cancel_message(Interp&, Args a) { return rt::loop::cancel_msg_of(fut(a)); }

Result<Value> future_result(Interp& in, Args a) { return rt::loop::future_result(in, fut(a)); }
Result<Value> future_exception(Interp& in, Args a) { return rt::loop::future_exception(in, fut(a)); }
Result<Value> future_done(Interp&, Args a) { return Value::boolean(fut(a)->state != FutState::Pending); }
Result<Value> future_cancelled(Interp&, Args a) {
    return Value::boolean(fut(a)->state == FutState::Cancelled);
}

Result<Value> future_set_result(Interp& in, Args a) {
    if (fut(a)->is_task) return in.raise(in.exc.RuntimeError, "Task does not support set_result operation");
    EDDY_CHECK(rt::loop::future_set_result(in, fut(a), a[1]));
    return Value::none();
}

Result<Value> future_set_exception(Interp& in, Args a) {
    if (fut(a)->is_task) return in.raise(in.exc.RuntimeError, "Task does not support set_exception operation");
    EDDY_CHECK(rt::loop::future_set_exception(in, fut(a), a[1]));
    return Value::none();
}

Result<Value> future_cancel(Interp& in, Args a) {
    Value msg = a.has(1) ? a[1] : Value::none();
    if (fut(a)->is_task) return Value::boolean(rt::loop::task_cancel(in, task(a), msg));
    return Value::boolean(rt::loop::future_cancel(in, fut(a), msg));
}

Result<Value> future_add_done_callback(Interp& in, Args a) {
    EDDY_CHECK(rt::loop::future_add_done_callback(in, fut(a), a[1]));
    return Value::none();
}

Result<Value> future_remove_done_callback(Interp& in, Args a) {
    return Value::from_small_int(rt::loop::future_remove_done_callback(in, fut(a), a[1]));
}

Result<Value> future_get_loop(Interp&, Args a) { return fut(a)->loop; }
Result<Value> future_await(Interp&, Args a) { return a[0]; }

// Iterating a future by hand (`fut.__await__().__next__()`): yield it while pending.
Result<Value> future_send(Interp& in, Args a) {
    bool done = false, handled = false;
    Value v = EDDY_TRY(rt::loop::await_send(in, a[0], a.has(1) ? a[1] : Value::none(), done, handled));
    if (done) return rt::raise_stop_iteration(in, v);
    return v;
}

Result<Value> future_throw(Interp& in, Args a) { return in.raise_value(a[1]); }

Result<Value> future_get_blocking(Interp&, Args a) { return Value::boolean(fut(a)->blocking); }
Result<Value> future_set_blocking(Interp& in, Args a) {
    fut(a)->blocking = EDDY_TRY(rt::truthy(in, a[1]));
    return Value::none();
}

Result<Value> future_get_state(Interp& in, Args a) {
    const char* names[] = {"PENDING", "CANCELLED", "FINISHED"};
    return rt::str_value(in, names[int(fut(a)->state)]);
}

// "<Future finished result=1>", "<Future pending cb=[f() at x.py:3]>":
// base_futures._future_repr_info (the result through reprlib.repr, the exception in full).
Result<std::string> future_info(Interp& in, Future* f) {
    const char* names[] = {"pending", "cancelled", "finished"};
    std::string s = names[int(f->state)];
    if (f->state == FutState::Finished) {
        std::string r = f->failed ? EDDY_TRY(rt::repr_string(in, f->result)) : EDDY_TRY(reprlib_repr(in, f->result));
        s += (f->failed ? " exception=" : " result=") + r;
    }
    std::string cb = EDDY_TRY(format_callbacks(in, f->callbacks));
    if (!cb.empty()) s += " " + cb;
    return s;
}

// A future's repr shown inside itself (through a callback's arguments) is "...", as
// reprlib.recursive_repr makes base_futures._future_repr's and base_tasks._task_repr's.
template <class F>
Result<Value> guarded_repr(Interp& in, Value self, F&& make) {
    if (!rt::repr_enter(self.as_obj())) return rt::str_value(in, "...");
    Result<std::string> r = make();
    rt::repr_leave(self.as_obj());
    if (r.is_error()) return rt::Error{};
    return rt::str_value(in, r.value());
}

Result<Value> future_repr(Interp& in, Value self) {
    return guarded_repr(in, self, [&]() -> Result<std::string> {
        std::string info = EDDY_TRY(future_info(in, self.as<Future>()));
        return "<" + std::string(rt::type_of(in, self)->name) + " " + info + ">";
    });
}

// ---- Task ----

Result<Value> task_new(Interp& in, Type* type, rt::CallArgs args) {
    if (args.count < 1) return in.raise(in.exc.TypeError, "Task() missing required argument 'coro' (pos 1)");
    Value kw[3] = {Value::none(), Value::none(), Value::none()};
    rt::CallArgs rest{args.values + 1, args.count - 1, args.kwnames};
    EDDY_CHECK(bind_keywords_only(in, rest, "Task", {"loop", "name", "context"}, kw));
    Value coro = args.values[0];
    if (is_native_op(in, coro)) coro = EDDY_TRY(native_op_coroutine(in, coro));
    if (!is_coroutine(in, coro)) {
        std::string r = EDDY_TRY(rt::repr_string(in, coro));
        return in.raise(in.exc.TypeError, "a coroutine was expected, got " + r);
    }
    rt::loop::EventLoop* loop = EDDY_TRY(loop_or_current(in, kw[0]));
    Task* t = EDDY_TRY(rt::loop::make_task(in, loop, coro, kw[1], type));
    return Value::from_obj(t);
}

Status task_init_slot(Interp&, Value, rt::CallArgs) { return rt::ok(); }

Result<Value> task_get_coro(Interp&, Args a) { return task(a)->coro; }
Result<Value> task_get_name(Interp& in, Args a) { return rt::loop::task_name(in, task(a)); }
Result<Value> task_set_name(Interp& in, Args a) {
    Value name = rt::is_str(in, a[1]) ? a[1] : EDDY_TRY(rt::str(in, a[1]));
    rt::loop::future_extra(in, task(a)).name = name;
    return Value::none();
}
Result<Value> task_cancelling(Interp&, Args a) { return Value::from_small_int(rt::loop::task_num_cancels(task(a))); }
Result<Value> task_uncancel(Interp&, Args a) {
    Task* t = task(a);
    if (rt::loop::task_num_cancels(t) > 0) t->extra->num_cancels--;
    return Value::from_small_int(rt::loop::task_num_cancels(t));
}

// "<main.<locals>.co() running at file.py:16>" (coroutines._format_coroutine).
std::string coro_text(Interp& in, Value coro) {
    if (!rt::is_generator(in, coro)) {
        auto r = rt::repr_string(in, coro);
        if (r.is_error()) {
            in.take_exception();
            return "<coroutine>";
        }
        return r.value();
    }
    auto* g = coro.as<rt::Generator>();
    std::string s = std::string(g->qualname()->view()) + "()";
    std::string file(g->code()->filename->view());
    if (g->frame && g->state != rt::GenState::Done)
        return s + " running at " + file + ":" + std::to_string(g->frame->line() > 0 ? g->frame->line() : g->code()->code->first_line);
    return s + " done, defined at " + file + ":" + std::to_string(g->code()->code->first_line);
}

// What task `t` awaits, as CPython shows it. A task parked on an Event's wait() or sleeping on
// its timer shows the future CPython's wait() or sleep() would be awaiting in that state, whose
// one callback is the task's wake-up method.
Result<std::string> waiter_repr(Interp& in, Task* t) {
    // The future's one callback is the task itself, as a Future's callbacks field holds it.
    const std::string pending = "<Future pending " + EDDY_TRY(format_callbacks(in, Value::from_obj(t))) + ">";
    Value w = t->fut_waiter;
    if (w.is_small_int()) return pending;
    rt::loop::LoopState& s = rt::loop::state(in);
    if (w.as_obj()->type == s.event_token_type) {
        switch (t->park) {
        case rt::loop::EventPark::Woken: return std::string("<Future finished result=True>");
        case rt::loop::EventPark::Cancelled: return std::string("<Future cancelled>");
        default: return pending;
        }
    }
    if (w.as_obj()->type != s.event_wait_type) return rt::repr_string(in, w);
    switch (w.as<rt::loop::EventWait>()->state()) {
    case rt::loop::WaitState::Woken: return std::string("<Future finished result=True>");
    case rt::loop::WaitState::Cancelled: return std::string("<Future cancelled>");
    default: return pending;
    }
}

// base_tasks._task_repr_info: the future's info with the name, the coroutine and what it
// awaits put after the state ("cancelling" while a cancel is being delivered).
Result<std::string> task_text(Interp& in, Value self) {
    auto* t = self.as<Task>();
    std::string info = EDDY_TRY(future_info(in, t));
    if (rt::loop::task_num_cancels(t) > 0 && t->state == FutState::Pending) {
        size_t sp = info.find(' ');
        info = "cancelling" + (sp == std::string::npos ? "" : info.substr(sp));
    }
    std::string name = EDDY_TRY(rt::repr_string(in, rt::loop::task_name(in, t)));
    std::string s = "<" + std::string(rt::type_of(in, self)->name) + " ";
    size_t sp = info.find(' ');
    std::string head = sp == std::string::npos ? info : info.substr(0, sp);
    std::string tail = sp == std::string::npos ? "" : info.substr(sp);
    s += head + " name=" + name + " coro=<" + coro_text(in, t->coro) + ">";
    if (!t->fut_waiter.is_none() && t->state == FutState::Pending) {
        std::string w = EDDY_TRY(waiter_repr(in, t));
        s += " wait_for=" + w;
    }
    return s + tail + ">";
}

Result<Value> task_repr(Interp& in, Value self) {
    return guarded_repr(in, self, [&] { return task_text(in, self); });
}

} // namespace

void init_future_types(Interp& in, rt::Module* m) {
    rt::loop::LoopState& s = rt::loop::state(in);
    Type* ft = s.future_type;
    ft->flags |= rt::TF_BaseType;
    ft->new_ = future_new;
    ft->init = future_init_slot;
    ft->repr = future_repr;
    rt::add_methods(in, ft, {
        {"__init__(self, *, loop=None)", future___init__},
        {"_make_cancelled_error(self, /)", future__make_cancelled_error},
        {"result(self, /)", future_result},
        {"exception(self, /)", future_exception},
        {"done(self, /)", future_done},
        {"cancelled(self, /)", future_cancelled},
        {"set_result(self, result, /)", future_set_result},
        {"set_exception(self, exception, /)", future_set_exception},
        {"cancel(self, msg=None)", future_cancel},
        {"add_done_callback(self, fn, /, *, context=None)", future_add_done_callback},
        {"remove_done_callback(self, fn, /)", future_remove_done_callback},
        {"get_loop(self, /)", future_get_loop},
        {"__await__(self, /)", future_await},
        {"__iter__(self, /)", future_await},
        {"__next__(self, /)", future_send},
        {"send(self, value, /)", future_send},
        {"throw(self, typ, val=None, tb=None, /)", future_throw},
    });
    rt::add_getset(in, ft, "_asyncio_future_blocking", future_get_blocking, future_set_blocking);
    rt::add_getset(in, ft, "_state", future_get_state, nullptr);
    rt::add_getset(in, ft, "_loop", future_get_loop, nullptr);
    rt::add_getset(in, ft, "_cancel_message", future_get_cancel_message, nullptr);
    finish_native_type(in, ft);
    rt::add_slot_wrappers(in, ft);   // __new__ & co. in the dict: Python subclasses inherit them

    Type* tt = s.task_type;
    tt->flags |= rt::TF_BaseType;
    tt->new_ = task_new;
    tt->init = task_init_slot;
    tt->repr = task_repr;
    rt::add_methods(in, tt, {
        {"get_coro(self, /)", task_get_coro},
        {"get_name(self, /)", task_get_name},
        {"set_name(self, value, /)", task_set_name},
        {"cancelling(self, /)", task_cancelling},
        {"uncancel(self, /)", task_uncancel},
    });
    finish_native_type(in, tt);
    rt::add_slot_wrappers(in, tt);
    set_module_attr(in, m, "Future", Value::from_obj(ft));
    set_module_attr(in, m, "Task", Value::from_obj(tt));
}

} // namespace eddy::lib
