// stdlib/random_sequences.cpp: the integer and sequence methods of random.Random (randrange,
// randint, choice, choices, shuffle, sample), following CPython 3.11's Lib/random.py line by line
// so that the same seed draws the same numbers in the same order.
#include <cmath>

#include "dict_object.hpp"
#include "list_object.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "random_internal.hpp"
#include "set_object.hpp"

namespace eddy::lib {

using rt::BigValue;

namespace {

MersenneTwister& mt_of(Args args) { return args[0].as<RandomObj>()->mt; }

// _index(v), with Lib/random.py's (deprecated) acceptance of integral floats.
Result<BigValue> range_arg(Interp& in, Value v, const char* what) {
    if (v.is_float()) {
        double d = v.as_float();
        Value i = EDDY_TRY(int_from_double(in, d));
        if (std::trunc(d) != d)
            return in.raise(in.exc.ValueError,
                            std::string("non-integer ") + what + " for randrange()");
        return rt::int_to_big(in, i);
    }
    return to_big_index(in, v);
}

std::string big_str(const BigValue& n) { return n.str(); }

// Lib/random.py's randrange; `step` null when not given.
Result<Value> randrange_impl(Interp& in, MersenneTwister& mt, Value start, Value stop,
                             Value step) {
    BigValue istart = EDDY_TRY(range_arg(in, start, "arg 1"));
    if (stop.is_null() || stop.is_none()) {
        if (!step.is_null() && !(step.is_small_int() && step.as_small_int() == 1))
            return in.raise(in.exc.TypeError, "Missing a non-None stop argument");
        if (istart > 0) return rt::make_int(in, random_below_big(mt, istart));
        return in.raise(in.exc.ValueError, "empty range for randrange()");
    }
    BigValue istop = EDDY_TRY(range_arg(in, stop, "stop"));
    BigValue width = istop - istart;
    BigValue istep = 1;
    if (!step.is_null()) istep = EDDY_TRY(range_arg(in, step, "step"));
    if (istep == 1) {
        if (width > 0) return rt::make_int(in, BigValue(istart + random_below_big(mt, width)));
        return in.raise(in.exc.ValueError, "empty range for randrange() (" + big_str(istart) +
                                               ", " + big_str(istop) + ", " + big_str(width) +
                                               ")");
    }
    BigValue n;
    if (istep > 0) n = width + istep - 1;
    else if (istep < 0) n = width + istep + 1;
    else return in.raise(in.exc.ValueError, "zero step for randrange()");
    // Python's floor division (cpp_int's / truncates).
    BigValue q = n / istep, r = n % istep;
    if (r != 0 && ((r < 0) != (istep < 0))) q -= 1;
    if (q <= 0) return in.raise(in.exc.ValueError, "empty range for randrange()");
    return rt::make_int(in, BigValue(istart + istep * random_below_big(mt, q)));
}

Result<Value> random_randrange(Interp& in, Args args) {
    return randrange_impl(in, mt_of(args), args[1], args[2], args[3]);
}

Result<Value> random_randint(Interp& in, Args args) {
    Value stop = EDDY_TRY(rt::binary_op(in, args[2], Value::from_small_int(1), vm::BinOp::Add));
    return randrange_impl(in, mt_of(args), args[1], stop, Value::null());
}

// seq[i] with a list fast path.
Result<Value> item_at(Interp& in, Value seq, uint64_t i) {
    if (rt::is_list(in, seq)) {
        auto& items = seq.as<rt::List>()->items;
        if (i < items.size()) return items[i];
    }
    return rt::get_item(in, seq, rt::make_int(in, int64_t(i)));
}

Result<Value> random_choice(Interp& in, Args args) {
    int64_t n = EDDY_TRY(rt::length(in, args[1]));
    if (n == 0) return in.raise(in.exc.IndexError, "Cannot choose from an empty sequence");
    return item_at(in, args[1], random_below_u64(mt_of(args), uint64_t(n)));
}

Result<Value> random_shuffle(Interp& in, Args args) {
    MersenneTwister& mt = mt_of(args);
    Value x = args[1];
    int64_t n = EDDY_TRY(rt::length(in, x));
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = int64_t(random_below_u64(mt, uint64_t(i + 1)));
        if (rt::is_list(in, x) && x.as<rt::List>()->items.size() == size_t(n)) {
            std::swap(x.as<rt::List>()->items[i], x.as<rt::List>()->items[j]);
            continue;
        }
        Value vi = rt::make_int(in, i), vj = rt::make_int(in, j);
        Value a = EDDY_TRY(rt::get_item(in, x, vj));
        Value b = EDDY_TRY(rt::get_item(in, x, vi));
        EDDY_CHECK(rt::set_item(in, x, vi, a));
        EDDY_CHECK(rt::set_item(in, x, vj, b));
    }
    return Value::none();
}

// Lib/random.py's sample, on indices: picks which positions of a population of size n are
// chosen, in selection order, drawing exactly as CPython does (pool or set strategy).
std::vector<uint64_t> sample_indices(MersenneTwister& mt, uint64_t n, uint64_t k) {
    std::vector<uint64_t> result(k);
    uint64_t setsize = 21;
    if (k > 5) setsize += uint64_t(std::pow(4.0, std::ceil(std::log(double(k * 3)) / std::log(4.0))));
    if (n <= setsize) {
        std::vector<uint64_t> pool(n);
        for (uint64_t i = 0; i < n; i++) pool[i] = i;
        for (uint64_t i = 0; i < k; i++) {
            uint64_t j = random_below_u64(mt, n - i);
            result[i] = pool[j];
            pool[j] = pool[n - i - 1];
        }
    } else {
        std::vector<bool> selected(n <= (uint64_t(1) << 26) ? n : 0);
        std::vector<uint64_t> chosen;
        auto taken = [&](uint64_t j) {
            if (!selected.empty()) return bool(selected[j]);
            for (uint64_t c : chosen) if (c == j) return true;
            return false;
        };
        for (uint64_t i = 0; i < k; i++) {
            uint64_t j = random_below_u64(mt, n);
            while (taken(j)) j = random_below_u64(mt, n);
            if (!selected.empty()) selected[j] = true;
            else chosen.push_back(j);
            result[i] = j;
        }
    }
    return result;
}

// The counts= branch of sample: sample(range(total), k), then bisect into the cumulative counts.
Result<Value> sample_with_counts(Interp& in, MersenneTwister& mt, Value population, int64_t n,
                                 int64_t k, Value counts) {
    std::vector<int64_t> cum;
    int64_t total = 0;
    Status walked = rt::for_each(in, counts, [&](Value c) -> Status {
        if (!rt::is_int(in, c)) return in.raise(in.exc.TypeError, "Counts must be integers");
        total += EDDY_TRY(rt::index_as_int64(in, c));
        cum.push_back(total);
        return rt::ok();
    });
    EDDY_CHECK(walked);
    if (int64_t(cum.size()) != n)
        return in.raise(in.exc.ValueError, "The number of counts does not match the population");
    cum.pop_back();
    if (total <= 0) return in.raise(in.exc.ValueError, "Total of counts must be greater than zero");
    if (k < 0 || k > total)
        return in.raise(in.exc.ValueError, "Sample larger than population or is negative");
    rt::RootedValues out(in.heap);
    for (uint64_t s : sample_indices(mt, uint64_t(total), uint64_t(k))) {
        size_t pos = std::upper_bound(cum.begin(), cum.end(), int64_t(s)) - cum.begin();
        out.values.push_back(EDDY_TRY(item_at(in, population, pos)));
    }
    return Value::from_obj(rt::make_list(in, out.values));
}

Result<Value> random_sample(Interp& in, Args args) {
    Value population = args[1];
    if (rt::is_set_or_frozenset(in, population) || rt::is_dict(in, population))
        return in.raise(in.exc.TypeError, "Population must be a sequence.  "
                                          "For dicts or sets, use sorted(d).");
    int64_t n = EDDY_TRY(rt::length(in, population));
    int64_t k = EDDY_TRY(rt::index_as_int64(in, args[2]));
    MersenneTwister& mt = mt_of(args);
    if (!args[3].is_none()) return sample_with_counts(in, mt, population, n, k, args[3]);
    if (k < 0 || k > n)
        return in.raise(in.exc.ValueError, "Sample larger than population or is negative");
    rt::RootedValues out(in.heap);
    for (uint64_t i : sample_indices(mt, uint64_t(n), uint64_t(k)))
        out.values.push_back(EDDY_TRY(item_at(in, population, i)));
    return Value::from_obj(rt::make_list(in, out.values));
}

// choices with weights: list(accumulate(weights)) with Python's +, as doubles for bisect.
Result<std::vector<double>> cumulative(Interp& in, Value weights, bool already_cumulative) {
    std::vector<double> cum;
    Value running = Value::null();
    Status walked = rt::for_each(in, weights, [&](Value w) -> Status {
        if (!already_cumulative)
            running = running.is_null() ? w : EDDY_TRY(rt::binary_op(in, running, w, vm::BinOp::Add));
        else
            running = w;
        cum.push_back(EDDY_TRY(to_double(in, running)));
        return rt::ok();
    });
    if (walked.is_error()) {
        if (!already_cumulative && in.exception_matches(in.exc.TypeError) &&
            rt::is_int(in, weights)) {
            in.take_exception();
            std::string k = EDDY_TRY(rt::repr_string(in, weights));
            return in.raise(in.exc.TypeError,
                            "The number of choices must be a keyword argument: k=" + k);
        }
        return rt::Error{};
    }
    return cum;
}

Result<Value> random_choices(Interp& in, Args args) {
    MersenneTwister& mt = mt_of(args);
    Value population = args[1], weights = args[2], cum_weights = args[3];
    int64_t n = EDDY_TRY(rt::length(in, population));
    int64_t k = EDDY_TRY(rt::index_as_int64(in, args[4]));
    rt::RootedValues out(in.heap);
    if (cum_weights.is_none() && weights.is_none()) {
        double nf = double(n);
        for (int64_t i = 0; i < k; i++) {
            double pick = std::floor(mt.next_double() * nf);
            out.values.push_back(EDDY_TRY(item_at(in, population, uint64_t(pick))));
        }
        return Value::from_obj(rt::make_list(in, out.values));
    }
    if (!cum_weights.is_none() && !weights.is_none())
        return in.raise(in.exc.TypeError, "Cannot specify both weights and cumulative weights");
    bool given_cum = !cum_weights.is_none();
    std::vector<double> cum = EDDY_TRY(cumulative(in, given_cum ? cum_weights : weights, given_cum));
    if (int64_t(cum.size()) != n)
        return in.raise(in.exc.ValueError, "The number of weights does not match the population");
    double total = cum.empty() ? 0.0 : cum.back();
    if (total <= 0.0) return in.raise(in.exc.ValueError, "Total of weights must be greater than zero");
    if (!std::isfinite(total)) return in.raise(in.exc.ValueError, "Total of weights must be finite");
    for (int64_t i = 0; i < k; i++) {
        double x = mt.next_double() * total;
        // bisect_right(cum, x, 0, n - 1)
        size_t lo = 0, hi = size_t(n - 1);
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (x < cum[mid]) hi = mid;
            else lo = mid + 1;
        }
        out.values.push_back(EDDY_TRY(item_at(in, population, lo)));
    }
    return Value::from_obj(rt::make_list(in, out.values));
}

} // namespace

void add_random_sequence_methods(Interp& in, Type* type) {
    rt::add_methods(in, type, {
        {"randrange(self, start, stop=None, step=?)", random_randrange},
        {"randint(self, a, b)", random_randint},
        {"choice(self, seq)", random_choice},
        {"choices(self, population, weights=None, *, cum_weights=None, k=1)", random_choices},
        {"shuffle(self, x)", random_shuffle},
        {"sample(self, population, k, *, counts=None)", random_sample},
    });
}

} // namespace eddy::lib
