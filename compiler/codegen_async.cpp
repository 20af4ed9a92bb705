// compiler/codegen_async.cpp: generators and coroutines: yield, yield from and await (the 3.11
// SEND/YIELD_VALUE delegation loop), async for (GET_ANEXT guarded by a handler that runs
// END_ASYNC_FOR), async with (awaited __aenter__/__aexit__) and async comprehensions.
#include "compiler/codegen.hpp"

namespace eddy::comp {

using vm::Op;

// ADDOP_YIELD: an async generator's own yields are wrapped so the awaiting machinery can tell
// them apart from values yielded by awaited objects.
void Codegen::yield_value() {
    const SymTableEntry& ste = *u().ste;
    if (ste.coroutine && ste.generator) emit(Op::ASYNC_GEN_WRAP);
    emit(Op::YIELD_VALUE);
}

// ADD_YIELD_FROM: (sub value -- result). The VM recognizes a delegating YIELD_VALUE by the
// `JUMP <SEND>` that follows it (3.11 uses RESUME's operand for the same purpose). Its fused
// paths also rely on GET_AWAITABLE and GET_ANEXT being emitted only right before
// `LOAD_CONST None` and this loop.
void Codegen::add_yield_from(bool) {
    int send = new_label(), exit = new_label();
    bind(send);
    emit_jump(Op::SEND, exit);
    emit(Op::YIELD_VALUE);
    emit_jump(Op::JUMP, send);
    bind(exit);
}

void Codegen::await_expr(const ast::Await* e) {
    if (!top_level_await()) {
        if (u().ste->kind != BlockKind::Function)
            return fail("'await' outside function", e->loc);
        if (u().scope_type != ScopeType::AsyncFunction && u().scope_type != ScopeType::Comprehension)
            return fail("'await' outside async function", e->loc);
    }
    visit_expr(e->value);
    emit(Op::GET_AWAITABLE, 0);
    load_const({});
    add_yield_from(true);
}

void Codegen::yield_expr(const ast::Expr* e) {
    if (u().ste->kind != BlockKind::Function) return fail("'yield' outside function", e->loc);
    if (e->kind == ast::ExprKind::Yield) {
        auto* y = static_cast<const ast::Yield*>(e);
        if (y->value) visit_expr(y->value);
        else load_const({});
        return yield_value();
    }
    if (u().scope_type == ScopeType::AsyncFunction)
        return fail("'yield from' inside async function", e->loc);
    visit_expr(static_cast<const ast::YieldFrom*>(e)->value);
    emit(Op::GET_YIELD_FROM_ITER);
    load_const({});
    add_yield_from(false);
}

// compiler_async_for. The handler around GET_ANEXT sits at the loop's depth (the async iterator
// stays below it), so END_ASYNC_FOR sees (aiter exc).
void Codegen::async_for(const ast::For* s) {
    if (top_level_await()) u().ste->coroutine = true;
    else if (u().scope_type != ScopeType::AsyncFunction)
        return fail("'async for' outside async function", s->loc);
    int start = new_label(), except = new_label(), end = new_label();
    visit_expr(s->iter);
    emit(Op::GET_AITER);
    bind(start);
    push_fblock(FBlock{FBlockKind::ForLoop, start, end});
    setup(SetupFinally, except);
    emit(Op::GET_ANEXT);
    load_const({});
    add_yield_from(true);
    pop_block();
    visit_expr(s->target);
    visit_stmts(s->body);
    emit_jump(Op::JUMP, start);
    pop_fblock();
    bind(except);
    set_loc(s->iter->loc);
    emit(Op::END_ASYNC_FOR);
    visit_stmts(s->orelse);
    bind(end);
}

// compiler_async_with: as `with`, with __aenter__ and __aexit__ results awaited.
void Codegen::async_with(const ast::With* s, size_t pos) {
    if (top_level_await()) u().ste->coroutine = true;
    else if (u().scope_type != ScopeType::AsyncFunction)
        return fail("'async with' outside async function", s->loc);
    const ast::WithItem& item = s->items[pos];
    int final = new_label(), exit = new_label(), cleanup = new_label();
    visit_expr(item.context_expr);
    emit(Op::BEFORE_ASYNC_WITH);
    emit(Op::GET_AWAITABLE, 1);
    load_const({});
    add_yield_from(true);
    setup(SetupWith, final);
    push_fblock(FBlock{FBlockKind::AsyncWith, -1, -1, nullptr, s});
    if (item.optional_vars) visit_expr(item.optional_vars);
    else emit(Op::POP_TOP);
    if (pos + 1 == s->items.size()) visit_stmts(s->body);
    else async_with(s, pos + 1);
    pop_fblock();
    pop_block();
    set_loc(s->loc);
    call_exit_with_nones();
    emit(Op::GET_AWAITABLE, 2);
    load_const({});
    add_yield_from(true);
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP, exit);
    bind(final);
    setup(SetupCleanup, cleanup);
    emit(Op::PUSH_EXC_INFO);
    emit(Op::WITH_EXCEPT_START);
    emit(Op::GET_AWAITABLE, 2);
    load_const({});
    add_yield_from(true);
    with_except_finish(cleanup);
    bind(exit);
}

// compiler_async_comprehension_generator: `async for` inside a comprehension function.
void Codegen::async_comprehension_generator(const std::vector<ast::Comprehension>& gens,
                                            size_t index, int depth, const ast::Expr* elt,
                                            const ast::Expr* value, ast::ExprKind kind) {
    const ast::Comprehension& gen = gens[index];
    int start = new_label(), except = new_label(), if_cleanup = new_label();
    if (index == 0) {
        emit(Op::LOAD_FAST, 0);
    } else {
        visit_expr(gen.iter);
        emit(Op::GET_AITER);
    }
    bind(start);
    push_fblock(FBlock{FBlockKind::AsyncComprehensionGenerator, start});
    setup(SetupFinally, except);
    emit(Op::GET_ANEXT);
    load_const({});
    add_yield_from(true);
    pop_block();
    visit_expr(gen.target);
    for (const ast::Expr* cond : gen.ifs) jump_if(cond, if_cleanup, false);
    depth++;
    if (index + 1 < gens.size()) {
        comprehension_generator(gens, index + 1, depth, elt, value, kind);
    } else {
        comprehension_element(elt, value, kind, depth);
    }
    bind(if_cleanup);
    emit_jump(Op::JUMP, start);
    pop_fblock();
    bind(except);
    emit(Op::END_ASYNC_FOR);
}

} // namespace eddy::comp
