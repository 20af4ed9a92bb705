// api/host_loop.cpp: the interpreter's event loop as the host drives it (create_task,
// run_until_complete, run_ready, next_deadline) and eddy::Promise, the awaitable a native
// function returns and the host settles later. The scheduler itself is runtime/loop's; this file
// only decides when it runs and marks the loop running meanwhile, as asyncio's run_forever does.
#include "api/impl.hpp"

#include <algorithm>

#include "runtime/exception_object.hpp"
#include "runtime/generator_object.hpp"
#include "runtime/import.hpp"
#include "runtime/loop/loop.hpp"

namespace eddy {

using rt::Value;
namespace lp = rt::loop;

namespace detail {

// The shared state behind a Promise and its copies: a handle slot holding the future. `alive`
// expires with the interpreter, after which nothing here may touch it.
struct PromiseState {
    PromiseState(Interpreter::Impl& owner, Value future)
        : impl(&owner), alive(owner.m_alive), slot(owner.hold(future)) {}
    PromiseState(const PromiseState&) = delete;
    PromiseState& operator=(const PromiseState&) = delete;
    ~PromiseState() {
        if (!alive.expired()) impl->release(slot);
    }
    Interpreter::Impl* impl;
    std::weak_ptr<char> alive;
    std::uint32_t slot;
};

} // namespace detail

lp::EventLoop* Interpreter::Impl::host_loop() {
    if (m_loop && !m_loop->closed) return m_loop;
    // _asyncio tells the loop what counts as a coroutine; an allow-list may refuse the import,
    // and then the loop still runs tasks made here.
    if (rt::import_module(in, "_asyncio").is_error()) in.take_exception();
    lp::LoopState& s = lp::state(in);
    m_loop = s.event_loop && !s.event_loop->closed ? s.event_loop : lp::make_loop(in);
    s.event_loop = m_loop;
    return m_loop;
}

LoopRunning::LoopRunning(Interpreter::Impl& impl) : m_state(lp::state(impl.in)) {
    lp::EventLoop* loop = impl.host_loop();
    if (m_state.running_loop || loop->running) return;
    m_loop = loop;
    m_state.running_loop = loop;
    loop->running = true;
}

LoopRunning::~LoopRunning() {
    if (!m_loop) return;
    m_loop->running = false;
    m_loop->stopping = false;
    m_state.running_loop = nullptr;
}

namespace {

// A coroutine becomes a Task on `loop`; a Future (or Task) is used as it is (asyncio.ensure_future).
rt::Result<Value> ensure_future(rt::Interp& in, lp::EventLoop* loop, Value awaitable) {
    if (lp::is_future(in, awaitable)) return awaitable;
    if (!awaitable.is_obj() || awaitable.as_obj()->type != in.types.coroutine)
        return in.raise(in.exc.TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
    return Value::from_obj(EDDY_TRY(lp::make_task(in, loop, awaitable, Value::null())));
}

} // namespace

Object Interpreter::create_task(const Object& awaitable) {
    EDDY_API_ENTRY(*m_impl);
    Value v = Value::from_bits(detail::Access::raw(awaitable));
    rt::Result<Value> fut = ensure_future(m_impl->in, m_impl->host_loop(), v);
    if (fut.is_error()) m_impl->throw_error();
    return detail::Access::hold(*m_impl, fut.value().bits());
}

Object Interpreter::run_until_complete(const Object& awaitable) {
    EDDY_API_ENTRY(*m_impl);
    rt::Interp& in = m_impl->in;
    Value v = Value::from_bits(detail::Access::raw(awaitable));
    lp::EventLoop* loop = m_impl->host_loop();
    rt::Result<Value> fut = ensure_future(in, loop, v);
    rt::Result<Value> result = fut.is_error() ? rt::Result<Value>(rt::Error{})
                                              : lp::run_until_complete(in, loop, fut.value());
    flush();
    if (result.is_error()) m_impl->throw_error();
    return detail::Access::hold(*m_impl, result.value().bits());
}

void Interpreter::run_ready() {
    EDDY_API_ENTRY(*m_impl);
    rt::Interp& in = m_impl->in;
    lp::EventLoop* loop = m_impl->host_loop();
    if (loop->running) throw Error("RuntimeError", "This event loop is already running");
    if (lp::state(in).running_loop)
        throw Error("RuntimeError", "Cannot run the event loop while another loop is running");
    rt::Status st = rt::ok();
    {
        LoopRunning running(*m_impl);
        st = lp::run_once(in, loop, false);
    }
    flush();
    if (st.is_error()) m_impl->throw_error();
}

std::optional<double> Interpreter::next_deadline() {
    EDDY_API_ENTRY(*m_impl);
    lp::EventLoop* loop = m_impl->host_loop();
    if (!loop->ready.empty()) return 0.0;
    if (loop->timers.empty()) return std::nullopt;
    return std::max(0.0, loop->timers.front().when - lp::loop_time());
}

Promise Interpreter::promise() {
    EDDY_API_ENTRY(*m_impl);
    lp::LoopState& s = lp::state(m_impl->in);
    lp::EventLoop* loop = s.running_loop ? s.running_loop : m_impl->host_loop();
    lp::Future* f = lp::make_future(m_impl->in, loop);
    Promise p;
    p.m_state = std::make_shared<detail::PromiseState>(*m_impl, Value::from_obj(f));
    return p;
}

// ---- Promise ----

Interpreter::Impl& Promise::impl() const {
    if (!m_state) throw Error("ValueError", "an empty eddy::Promise was used");
    if (m_state->alive.expired())
        throw Error("RuntimeError", "the Promise's interpreter no longer exists");
    return *m_state->impl;
}

Object Promise::future() const {
    if (!m_state || m_state->alive.expired()) return Object();
    return detail::Access::hold(*m_state->impl, m_state->impl->m_handles[m_state->slot].bits());
}

bool Promise::pending() const {
    if (!m_state || m_state->alive.expired()) return false;
    Value f = m_state->impl->m_handles[m_state->slot];
    return f.as<lp::Future>()->state == lp::FutState::Pending;
}

void Promise::resolve() { settle(nullptr, nullptr); }

void Promise::reject(const Error& error) { settle(nullptr, &error); }

// Future.set_result / set_exception: the awaiting task's wakeup is queued on the future's loop.
void Promise::settle(const Object* value, const Error* error) {
    detail::Impl& i = impl();
    EDDY_API_ENTRY(i);
    rt::Interp& in = i.in;
    auto* f = i.m_handles[m_state->slot].as<lp::Future>();
    if (f->state == lp::FutState::Cancelled) return;   // the script gave up waiting
    rt::Status st = rt::ok();
    if (error) {
        i.raise_from_host(nullptr, error);
        st = lp::future_set_exception(in, f, in.take_exception());
    } else {
        Value v = value ? Value::from_bits(detail::Access::raw(*value)) : Value::none();
        st = lp::future_set_result(in, f, v);
    }
    if (st.is_error()) i.throw_error();
}

} // namespace eddy
