// runtime/list_sort.cpp: list.sort(), a stable natural merge sort in the spirit of CPython's
// timsort (Objects/listsort.txt): natural runs (descending ones reversed), short runs extended to
// `minrun` with binary insertion sort, and a run stack merged under timsort's invariants. No
// galloping. Comparisons specialise on homogeneous keys (small ints, floats, exact strs, tuples)
// as CPython's unsafe_*_compare do, and fall back to rt::less_than (which may run __lt__).
//
// Robustness: every index stays in bounds whatever the comparisons answer, so an inconsistent
// __lt__ cannot corrupt memory. After the first failed comparison the comparator answers `false`
// without calling Python, the sort finishes as a permutation, and the error is reported.
#include <algorithm>
#include <cstring>
#include <vector>

#include "interp.hpp"
#include "list_object.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

namespace eddy::rt {

namespace {

enum class KeyKind { Generic, SmallInt, Float, Str, Tuple };

struct Comparator {
    Interp& in;
    KeyKind kind;
    bool failed = false;

    static bool str_less(Value a, Value b) {
        std::string_view x = a.as<Str>()->view(), y = b.as<Str>()->view();
        return x < y;   // UTF-8 byte order is code point order
    }

    bool generic_less(Value a, Value b) {
        if (failed) return false;
        auto r = less_than(in, a, b);
        if (r.is_error()) {
            failed = true;
            return false;
        }
        return r.value();
    }

    // CPython's unsafe_tuple_compare: the first unequal pair decides, with fast item paths.
    bool tuple_less(Value a, Value b) {
        Tuple *x = a.as<Tuple>(), *y = b.as<Tuple>();
        size_t n = std::min(x->size, y->size);
        for (size_t i = 0; i < n; ++i) {
            Value p = (*x)[i], q = (*y)[i];
            if (p.is(q)) continue;
            if (p.is_small_int() && q.is_small_int()) return p.as_small_int() < q.as_small_int();
            if (p.is_obj() && q.is_obj() && p.as_obj()->type == in.types.str &&
                q.as_obj()->type == in.types.str) {
                if (str_equal(p.as<Str>(), q.as<Str>())) continue;
                return str_less(p, q);
            }
            if (failed) return false;
            auto eq = equal(in, p, q);
            if (eq.is_error()) {
                failed = true;
                return false;
            }
            if (eq.value()) continue;
            return generic_less(p, q);
        }
        return x->size < y->size;
    }

    bool operator()(Value a, Value b) {
        switch (kind) {
        case KeyKind::SmallInt: return a.as_small_int() < b.as_small_int();
        case KeyKind::Float: return a.as_float() < b.as_float();
        case KeyKind::Str: return str_less(a, b);
        case KeyKind::Tuple: return tuple_less(a, b);
        case KeyKind::Generic: break;
        }
        return generic_less(a, b);
    }
};

KeyKind classify(Interp& in, const std::vector<Value>& keys) {
    if (keys.empty()) return KeyKind::Generic;
    auto all = [&](auto pred) { return std::all_of(keys.begin(), keys.end(), pred); };
    auto exact = [&](Value v, Type* t) { return v.is_obj() && v.as_obj()->type == t; };
    if (all([](Value v) { return v.is_small_int(); })) return KeyKind::SmallInt;
    if (all([](Value v) { return v.is_float(); })) return KeyKind::Float;
    if (all([&](Value v) { return exact(v, in.types.str); })) return KeyKind::Str;
    if (all([&](Value v) { return exact(v, in.types.tuple) && v.as<Tuple>()->size > 0; }))
        return KeyKind::Tuple;
    return KeyKind::Generic;
}

// The elements being sorted: keys, plus the values they belong to when a key function is used
// (values.empty() otherwise). Both arrays move together.
struct SortState {
    std::vector<Value>& keys;
    std::vector<Value>& values;
    Comparator& less;
    std::vector<Value> tmp_keys, tmp_values;

    bool has_values() const { return !values.empty(); }

    void reverse_range(size_t lo, size_t hi) {
        std::reverse(keys.begin() + lo, keys.begin() + hi);
        if (has_values()) std::reverse(values.begin() + lo, values.begin() + hi);
    }

    // Sorts [lo, hi) given that [lo, start) is already sorted (binary insertion, stable).
    void binary_insertion(size_t lo, size_t hi, size_t start) {
        for (size_t i = std::max(start, lo + 1); i < hi; ++i) {
            Value pivot = keys[i];
            size_t l = lo, r = i;
            while (l < r) {
                size_t mid = l + (r - l) / 2;
                if (less(pivot, keys[mid])) r = mid; else l = mid + 1;
            }
            std::rotate(keys.begin() + l, keys.begin() + i, keys.begin() + i + 1);
            if (has_values()) std::rotate(values.begin() + l, values.begin() + i, values.begin() + i + 1);
        }
    }

    // Length of the natural run at lo; a strictly descending run is reversed in place.
    size_t count_run(size_t lo, size_t hi) {
        if (lo + 1 >= hi) return hi - lo;
        size_t i = lo + 1;
        if (less(keys[i], keys[lo])) {
            while (i + 1 < hi && less(keys[i + 1], keys[i])) ++i;
            reverse_range(lo, i + 1);
        } else {
            while (i + 1 < hi && !less(keys[i + 1], keys[i])) ++i;
        }
        return i + 1 - lo;
    }

    // Merges the adjacent sorted ranges [lo, mid) and [mid, hi), stably.
    void merge(size_t lo, size_t mid, size_t hi) {
        // Skip the prefix of the left run already in place, and the suffix of the right run.
        while (lo < mid && !less(keys[mid], keys[lo])) ++lo;
        while (mid < hi && !less(keys[hi - 1], keys[mid - 1])) --hi;
        if (lo >= mid || mid >= hi) return;
        tmp_keys.assign(keys.begin() + lo, keys.begin() + mid);
        if (has_values()) tmp_values.assign(values.begin() + lo, values.begin() + mid);
        size_t a = 0, an = mid - lo, b = mid, out = lo;
        while (a < an && b < hi) {
            if (less(keys[b], tmp_keys[a])) {
                if (has_values()) values[out] = values[b];
                keys[out++] = keys[b++];
            } else {
                if (has_values()) values[out] = tmp_values[a];
                keys[out++] = tmp_keys[a++];
            }
        }
        while (a < an) {
            if (has_values()) values[out] = tmp_values[a];
            keys[out++] = tmp_keys[a++];
        }
    }
};

size_t compute_minrun(size_t n) {
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

void natural_merge_sort(SortState& st) {
    size_t n = st.keys.size();
    if (n < 2) return;
    struct Run { size_t start, len; };
    std::vector<Run> stack;
    size_t minrun = compute_minrun(n);
    auto merge_at = [&](size_t i) {
        Run &a = stack[i], &b = stack[i + 1];
        st.merge(a.start, b.start, b.start + b.len);
        a.len += b.len;
        stack.erase(stack.begin() + i + 1);
    };
    // Timsort's invariants on the run stack keep merges balanced (listsort.txt, "merge_collapse").
    auto collapse = [&] {
        while (stack.size() > 1) {
            size_t k = stack.size() - 2;
            if ((k > 0 && stack[k - 1].len <= stack[k].len + stack[k + 1].len) ||
                (k > 1 && stack[k - 2].len <= stack[k - 1].len + stack[k].len)) {
                if (stack[k - 1].len < stack[k + 1].len) --k;
                merge_at(k);
            } else if (stack[k].len <= stack[k + 1].len) {
                merge_at(k);
            } else {
                break;
            }
        }
    };
    for (size_t lo = 0; lo < n;) {
        size_t run = st.count_run(lo, n);
        if (run < minrun) {
            size_t force = std::min(minrun, n - lo);
            st.binary_insertion(lo, lo + force, lo + run);
            run = force;
        }
        stack.push_back({lo, run});
        collapse();
        lo += run;
    }
    while (stack.size() > 1) merge_at(stack.size() - 2);
}

} // namespace

Status list_sort(Interp& in, List* list, Value key, bool reverse) {
    // 1. Take the items out: while sorting, the list looks empty (as in CPython), so a key
    //    function or __lt__ that mutates it is detected afterwards. `saved` keeps them alive.
    List* saved = make_list(in);
    saved->items.swap(list->items);
    List* keys_list = nullptr;
    Status status = ok();
    if (!key.is_none()) {
        keys_list = make_list(in);
        keys_list->items.reserve(saved->items.size());
        for (Value v : saved->items) {
            auto k = call(in, key, {v});
            if (k.is_error()) {
                status = Error{};
                break;
            }
            keys_list->items.push_back(k.value());
        }
    }
    if (!status.is_error()) {
        // 2. Sort (keys with their values), reversing around a stable sort for reverse=True.
        std::vector<Value>& keys = keys_list ? keys_list->items : saved->items;
        std::vector<Value> no_values;
        std::vector<Value>& values = keys_list ? saved->items : no_values;
        Comparator less{in, classify(in, keys)};
        // While a merge runs, some items live only in its malloc'd scratch buffer, which the
        // collector cannot see; pin them all when a comparison may reach a safe point.
        RootedValues pinned(in.heap);
        if (less.kind == KeyKind::Generic || less.kind == KeyKind::Tuple) {
            pinned.values = keys;
            pinned.values.insert(pinned.values.end(), values.begin(), values.end());
        }
        SortState st{keys, values, less, {}, {}};
        if (reverse) st.reverse_range(0, keys.size());
        natural_merge_sort(st);
        if (reverse) st.reverse_range(0, keys.size());
        if (less.failed) status = Error{};
    }
    // 3. Put the items back; a list changed meanwhile is an error (its new contents are lost).
    bool modified = !list->items.empty();
    list->items.swap(saved->items);
    if (status.is_error()) return status;
    if (modified) return in.raise(in.exc.ValueError, "list modified during sort");
    return ok();
}

} // namespace eddy::rt
