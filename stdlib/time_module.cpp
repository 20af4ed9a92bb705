// stdlib/time_module.cpp: the time module: clocks (time, monotonic, perf_counter,
// process_time, each with its _ns twin), sleep, and calendar conversions through the C library
// (gmtime, localtime, mktime, strftime, asctime, ctime) with struct_time, after CPython 3.11's
// Modules/timemodule.c. sleep() blocks the whole process (the event loop has its own timers).
#include <cerrno>
#include <cmath>
#include <ctime>
#include <string>

#include "dict_object.hpp"
#include "lib_util.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "struct_seq.hpp"
#include "tuple_object.hpp"

namespace eddy::lib {

namespace {

int64_t clock_ns(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double clock_seconds(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

Result<Value> time_time(Interp&, Args) { return Value::from_float(clock_seconds(CLOCK_REALTIME)); }
Result<Value> time_time_ns(Interp& in, Args) { return rt::make_int(in, clock_ns(CLOCK_REALTIME)); }
Result<Value> time_monotonic(Interp&, Args) { return Value::from_float(clock_seconds(CLOCK_MONOTONIC)); }
Result<Value> time_monotonic_ns(Interp& in, Args) { return rt::make_int(in, clock_ns(CLOCK_MONOTONIC)); }
Result<Value> time_process_time(Interp&, Args) {
    return Value::from_float(clock_seconds(CLOCK_PROCESS_CPUTIME_ID));
}
Result<Value> time_process_time_ns(Interp& in, Args) {
    return rt::make_int(in, clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}
Result<Value> time_thread_time(Interp&, Args) {
    return Value::from_float(clock_seconds(CLOCK_THREAD_CPUTIME_ID));
}

// sleep(secs): any real number; the remaining time is slept again after a signal interrupts.
Result<Value> time_sleep(Interp& in, Args args) {
    Value v = args[0];
    if (!v.is_float() && !rt::is_int(in, v) && !rt::type_of(in, v)->to_float)
        return in.raise(in.exc.TypeError, "'" + std::string(rt::type_name(in, v)) +
                                              "' object cannot be interpreted as an integer");
    double secs = EDDY_TRY(to_double(in, v));
    if (std::isnan(secs)) return in.raise(in.exc.ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) return in.raise(in.exc.ValueError, "sleep length must be non-negative");
    timespec req{};
    req.tv_sec = time_t(secs);
    req.tv_nsec = long((secs - double(req.tv_sec)) * 1e9);
    timespec rem{};
    while (nanosleep(&req, &rem) == -1 && errno == EINTR) req = rem;
    return Value::none();
}

// time.struct_time, looked up in the (already imported) time module.
Type* struct_time_type(Interp& in) {
    Value mod = rt::dict_get_str(in.modules, in.intern("time"));
    return get_module_attr(in, mod.as<rt::Module>(), "_struct_time").as<Type>();
}

Value make_struct_time(Interp& in, const tm& t) {
    Value values[] = {
        rt::make_int(in, int64_t(t.tm_year) + 1900), Value::from_small_int(t.tm_mon + 1),
        Value::from_small_int(t.tm_mday), Value::from_small_int(t.tm_hour),
        Value::from_small_int(t.tm_min), Value::from_small_int(t.tm_sec),
        Value::from_small_int((t.tm_wday + 6) % 7), Value::from_small_int(t.tm_yday + 1),
        Value::from_small_int(t.tm_isdst),
        rt::str_value(in, t.tm_zone ? t.tm_zone : ""), rt::make_int(in, int64_t(t.tm_gmtoff))};
    return make_struct_seq(in, struct_time_type(in), values);
}

// The seconds argument of gmtime/localtime/ctime: None means now.
Result<time_t> seconds_arg(Interp& in, Args args) {
    if (!args.has(0) || args[0].is_none()) return time(nullptr);
    double secs = EDDY_TRY(to_double(in, args[0]));
    if (!std::isfinite(secs)) return in.raise(in.exc.ValueError, "Invalid value NaN (not a number)");
    return time_t(std::floor(secs));
}

Result<Value> time_gmtime(Interp& in, Args args) {
    time_t t = EDDY_TRY(seconds_arg(in, args));
    tm out{};
    if (!gmtime_r(&t, &out)) return in.raise(in.exc.OverflowError, "timestamp out of range for platform time_t");
    return make_struct_time(in, out);
}

Result<Value> time_localtime(Interp& in, Args args) {
    time_t t = EDDY_TRY(seconds_arg(in, args));
    tm out{};
    if (!localtime_r(&t, &out)) return in.raise(in.exc.OverflowError, "timestamp out of range for platform time_t");
    return make_struct_time(in, out);
}

// A struct_time or 9-tuple back into a struct tm (gettmarg).
Result<tm> tm_from(Interp& in, Value v) {
    int64_t len = EDDY_TRY(rt::length(in, v));
    if (len != 9) return in.raise(in.exc.TypeError, "time.struct_time() takes a sequence of length 9");
    int64_t f[9];
    for (int i = 0; i < 9; i++) {
        Value item = EDDY_TRY(rt::get_item(in, v, Value::from_small_int(i)));
        f[i] = EDDY_TRY(rt::index_as_int64(in, item));
    }
    tm t{};
    t.tm_year = int(f[0] - 1900);
    t.tm_mon = int(f[1] - 1);
    t.tm_mday = int(f[2]);
    t.tm_hour = int(f[3]);
    t.tm_min = int(f[4]);
    t.tm_sec = int(f[5]);
    t.tm_wday = int((f[6] + 1) % 7);
    t.tm_yday = int(f[7] - 1);
    t.tm_isdst = int(f[8]);
    return t;
}

Result<tm> tm_arg_or_now(Interp& in, Args args, size_t index) {
    if (args.has(index)) return tm_from(in, args[index]);
    time_t now = time(nullptr);
    tm t{};
    localtime_r(&now, &t);
    return t;
}

Result<Value> time_mktime(Interp& in, Args args) {
    tm t = EDDY_TRY(tm_from(in, args[0]));
    t.tm_wday = -1;
    time_t r = mktime(&t);
    if (r == time_t(-1) && t.tm_wday == -1)
        return in.raise(in.exc.OverflowError, "mktime argument out of range");
    return Value::from_float(double(r));
}

Result<Value> time_strftime(Interp& in, Args args) {
    if (!rt::is_str(in, args[0]))
        return in.raise(in.exc.TypeError, "strftime() argument 1 must be str, not " +
                                              std::string(rt::type_name(in, args[0])));
    std::string format(args[0].as<rt::Str>()->view());
    tm t = EDDY_TRY(tm_arg_or_now(in, args, 1));
    if (t.tm_mon < 0 || t.tm_mon > 11) return in.raise(in.exc.ValueError, "month out of range");
    if (format.empty()) return rt::str_value(in, "");
    // strftime returns 0 both for "too small" and for an empty result: grow up to a bound.
    for (size_t size = 256; size <= 256 * format.size() + 1024; size *= 2) {
        std::string buf(size, '\0');
        size_t n = strftime(buf.data(), size, format.c_str(), &t);
        if (n > 0) return rt::str_value(in, std::string_view(buf.data(), n));
    }
    return rt::str_value(in, "");
}

std::string asctime_text(const tm& t) {
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", days[(t.tm_wday % 7 + 7) % 7],
             months[(t.tm_mon % 12 + 12) % 12], t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
             1900 + t.tm_year);
    return buf;
}

Result<Value> time_asctime(Interp& in, Args args) {
    tm t = EDDY_TRY(tm_arg_or_now(in, args, 0));
    return rt::str_value(in, asctime_text(t));
}

Result<Value> time_ctime(Interp& in, Args args) {
    time_t secs = EDDY_TRY(seconds_arg(in, args));
    tm t{};
    localtime_r(&secs, &t);
    return rt::str_value(in, asctime_text(t));
}

void add_timezone(Interp& in, rt::Module* m) {
    tzset();
    set_module_attr(in, m, "timezone", rt::make_int(in, int64_t(::timezone)));
    set_module_attr(in, m, "altzone", rt::make_int(in, int64_t(::timezone) - (::daylight ? 3600 : 0)));
    set_module_attr(in, m, "daylight", Value::from_small_int(::daylight));
    set_module_attr(in, m, "tzname", Value::from_obj(rt::make_tuple(
                                         in, {rt::str_value(in, ::tzname[0]),
                                              rt::str_value(in, ::tzname[1])})));
}

} // namespace

Result<Value> init_time(Interp& in) {
    rt::Module* m = rt::make_module(in, "time");
    Type* st = make_struct_seq_type(in, "struct_time", "time",
                                    {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                                     "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone",
                                     "tm_gmtoff"}, 9);
    set_module_attr(in, m, "struct_time", Value::from_obj(st));
    set_module_attr(in, m, "_struct_time", Value::from_obj(st));
    rt::add_functions(in, m, {
        {"time()", time_time},
        {"time_ns()", time_time_ns},
        {"monotonic()", time_monotonic},
        {"monotonic_ns()", time_monotonic_ns},
        {"perf_counter()", time_monotonic},
        {"perf_counter_ns()", time_monotonic_ns},
        {"process_time()", time_process_time},
        {"process_time_ns()", time_process_time_ns},
        {"thread_time()", time_thread_time},
        {"sleep(secs, /)", time_sleep},
        {"gmtime(seconds=None, /)", time_gmtime},
        {"localtime(seconds=None, /)", time_localtime},
        {"mktime(t, /)", time_mktime},
        {"strftime(format, t=?, /)", time_strftime},
        {"asctime(t=?, /)", time_asctime},
        {"ctime(seconds=None, /)", time_ctime},
    });
    add_timezone(in, m);
    return Value::from_obj(m);
}

} // namespace eddy::lib
