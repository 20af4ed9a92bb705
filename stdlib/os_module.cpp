// stdlib/os_module.cpp: the _os module, the native core of `os` (stdlib/py/os.py builds the
// public module on it): thin wrappers over POSIX calls on paths and file descriptors. Failures
// raise OSError(errno, strerror, filename), which the runtime turns into the errno's subclass
// (FileNotFoundError, PermissionError, IsADirectoryError, ...), as CPython's posixmodule does.
#include <dirent.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

#include "bytes_object.hpp"
#include "dict_object.hpp"
#include "lib_util.hpp"
#include "list_object.hpp"
#include "module_object.hpp"
#include "modules.hpp"
#include "native.hpp"
#include "ops.hpp"
#include "str_object.hpp"
#include "tuple_object.hpp"

extern char** environ;

namespace eddy::lib {

namespace {

// Raises OSError(errno, strerror(errno)[, filename[, None, filename2]]).
rt::Error os_error(Interp& in, int err, Value filename = Value::null(), Value filename2 = Value::null()) {
    std::vector<Value> items{Value::from_small_int(err), rt::str_value(in, std::strerror(err))};
    if (!filename.is_null()) items.push_back(filename);
    if (!filename2.is_null()) {
        items.push_back(Value::none());
        items.push_back(filename2);
    }
    Result<Value> exc = rt::call(in, Value::from_obj(in.exc.OSError), rt::CallArgs{items.data(), items.size(), nullptr});
    if (exc.is_error()) return rt::Error{};
    return in.raise_value(exc.value());
}

// A path argument: str (or bytes, decoded as UTF-8), or an object with __fspath__.
Result<std::string> path_arg(Interp& in, Value v, const char* fname, const char* pname) {
    if (rt::is_str(in, v)) return std::string(v.as<rt::Str>()->view());
    if (rt::is_bytes(in, v)) return std::string(v.as<rt::Bytes>()->view());
    Value fspath = EDDY_TRY(rt::get_attr_or_null(in, v, in.intern("__fspath__")));
    if (!fspath.is_null()) {
        Value r = EDDY_TRY(rt::call(in, fspath, {}));
        if (rt::is_str(in, r)) return std::string(r.as<rt::Str>()->view());
    }
    return in.raise(in.exc.TypeError, std::string(fname) + ": " + pname +
                                          " should be string, bytes or os.PathLike, not " +
                                          std::string(rt::type_name(in, v)));
}

Result<int> fd_arg(Interp& in, Value v) {
    int64_t fd = EDDY_TRY(rt::index_as_int64(in, v));
    if (fd < INT_MIN || fd > INT_MAX) return in.raise(in.exc.OverflowError, "fd is out of range");
    return int(fd);
}

Result<Value> os_getcwd(Interp& in, Args) {
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) return os_error(in, errno);
    return rt::str_value(in, buf);
}

Result<Value> os_chdir(Interp& in, Args args) {
    std::string p = EDDY_TRY(path_arg(in, args[0], "chdir", "path"));
    if (chdir(p.c_str()) != 0) return os_error(in, errno, args[0]);
    return Value::none();
}

Result<Value> os_listdir(Interp& in, Args args) {
    Value path = args.has(0) && !args[0].is_none() ? args[0] : rt::str_value(in, ".");
    std::string p = EDDY_TRY(path_arg(in, path, "listdir", "path"));
    DIR* dir = opendir(p.c_str());
    if (!dir) return os_error(in, errno, path);
    rt::List* out = rt::make_list(in);
    bool as_bytes = rt::is_bytes(in, path);
    while (dirent* e = readdir(dir)) {
        std::string_view name = e->d_name;
        if (name == "." || name == "..") continue;
        out->items.push_back(as_bytes ? Value::from_obj(rt::make_bytes(in, name)) : rt::str_value(in, name));
    }
    closedir(dir);
    return Value::from_obj(out);
}

Result<Value> os_mkdir(Interp& in, Args args) {
    std::string p = EDDY_TRY(path_arg(in, args[0], "mkdir", "path"));
    int64_t mode = EDDY_TRY(rt::index_as_int64(in, args[1]));
    if (mkdir(p.c_str(), mode_t(mode)) != 0) return os_error(in, errno, args[0]);
    return Value::none();
}

Result<Value> os_rmdir(Interp& in, Args args) {
    std::string p = EDDY_TRY(path_arg(in, args[0], "rmdir", "path"));
    if (rmdir(p.c_str()) != 0) return os_error(in, errno, args[0]);
    return Value::none();
}

Result<Value> os_remove(Interp& in, Args args) {
    std::string p = EDDY_TRY(path_arg(in, args[0], "remove", "path"));
    if (unlink(p.c_str()) != 0) return os_error(in, errno, args[0]);
    return Value::none();
}

Result<Value> os_rename(Interp& in, Args args) {
    std::string a = EDDY_TRY(path_arg(in, args[0], "rename", "src"));
    std::string b = EDDY_TRY(path_arg(in, args[1], "rename", "dst"));
    if (rename(a.c_str(), b.c_str()) != 0) return os_error(in, errno, args[0], args[1]);
    return Value::none();
}

// The fields of os.stat_result, in its tuple order, then the float times.
Value stat_tuple(Interp& in, const struct stat& st) {
    rt::Tuple* t = rt::make_tuple(in, 13);
    Value* it = t->items();
    it[0] = rt::make_int(in, int64_t(st.st_mode));
    it[1] = rt::make_int(in, int64_t(st.st_ino));
    it[2] = rt::make_int(in, int64_t(st.st_dev));
    it[3] = rt::make_int(in, int64_t(st.st_nlink));
    it[4] = rt::make_int(in, int64_t(st.st_uid));
    it[5] = rt::make_int(in, int64_t(st.st_gid));
    it[6] = rt::make_int(in, int64_t(st.st_size));
    it[7] = rt::make_int(in, int64_t(st.st_atim.tv_sec));
    it[8] = rt::make_int(in, int64_t(st.st_mtim.tv_sec));
    it[9] = rt::make_int(in, int64_t(st.st_ctim.tv_sec));
    it[10] = Value::from_float(double(st.st_atim.tv_sec) + double(st.st_atim.tv_nsec) * 1e-9);
    it[11] = Value::from_float(double(st.st_mtim.tv_sec) + double(st.st_mtim.tv_nsec) * 1e-9);
    it[12] = Value::from_float(double(st.st_ctim.tv_sec) + double(st.st_ctim.tv_nsec) * 1e-9);
    return Value::from_obj(t);
}

Result<Value> os_stat(Interp& in, Args args) {
    struct stat st;
    if (rt::is_int(in, args[0])) {
        int fd = EDDY_TRY(fd_arg(in, args[0]));
        if (fstat(fd, &st) != 0) return os_error(in, errno);
        return stat_tuple(in, st);
    }
    std::string p = EDDY_TRY(path_arg(in, args[0], "stat", "path"));
    bool follow = EDDY_TRY(rt::truthy(in, args[1]));
    int rc = follow ? stat(p.c_str(), &st) : lstat(p.c_str(), &st);
    if (rc != 0) return os_error(in, errno, args[0]);
    return stat_tuple(in, st);
}

Result<Value> os_open(Interp& in, Args args) {
    std::string p = EDDY_TRY(path_arg(in, args[0], "open", "path"));
    int64_t flags = EDDY_TRY(rt::index_as_int64(in, args[1]));
    int64_t mode = EDDY_TRY(rt::index_as_int64(in, args[2]));
    int fd = open(p.c_str(), int(flags) | O_CLOEXEC, mode_t(mode));
    if (fd < 0) return os_error(in, errno, args[0]);
    return Value::from_small_int(fd);
}

Result<Value> os_close(Interp& in, Args args) {
    int fd = EDDY_TRY(fd_arg(in, args[0]));
    if (close(fd) != 0) return os_error(in, errno);
    return Value::none();
}

// read(fd, n): up to n bytes; b'' at end of file.
Result<Value> os_read(Interp& in, Args args) {
    int fd = EDDY_TRY(fd_arg(in, args[0]));
    int64_t n = EDDY_TRY(rt::index_as_int64(in, args[1]));
    if (n < 0) return in.raise(in.exc.ValueError, "negative buffersize in read");
    if (in.heap.would_exceed(size_t(n))) return in.raise_memory_error();
    std::string buf(size_t(n), '\0');
    ssize_t got;
    do got = read(fd, buf.data(), buf.size());
    while (got < 0 && errno == EINTR);
    if (got < 0) return os_error(in, errno);
    buf.resize(size_t(got));
    return Value::from_obj(rt::make_bytes(in, buf));
}

// write(fd, data): writes everything (retrying short writes), returns the byte count.
Result<Value> os_write(Interp& in, Args args) {
    int fd = EDDY_TRY(fd_arg(in, args[0]));
    std::string_view data;
    if (rt::is_bytes(in, args[1])) data = args[1].as<rt::Bytes>()->view();
    else if (rt::type_of(in, args[1]) == in.types.bytearray) data = args[1].as<rt::ByteArray>()->bytes;
    else return in.raise(in.exc.TypeError, "a bytes-like object is required, not '" + std::string(rt::type_name(in, args[1])) + "'");
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return os_error(in, errno);
        }
        done += size_t(n);
    }
    return rt::make_int(in, int64_t(done));
}

Result<Value> os_lseek(Interp& in, Args args) {
    int fd = EDDY_TRY(fd_arg(in, args[0]));
    int64_t pos = EDDY_TRY(rt::index_as_int64(in, args[1]));
    int64_t how = EDDY_TRY(rt::index_as_int64(in, args[2]));
    off_t r = lseek(fd, off_t(pos), int(how));
    if (r < 0) return os_error(in, errno);
    return rt::make_int(in, int64_t(r));
}

Result<Value> os_ftruncate(Interp& in, Args args) {
    int fd = EDDY_TRY(fd_arg(in, args[0]));
    int64_t len = EDDY_TRY(rt::index_as_int64(in, args[1]));
    if (ftruncate(fd, off_t(len)) != 0) return os_error(in, errno);
    return Value::none();
}

Result<Value> os_isatty(Interp& in, Args args) {
    int fd = EDDY_TRY(fd_arg(in, args[0]));
    return Value::boolean(isatty(fd) == 1);
}

Result<Value> os_environ(Interp& in, Args) {
    rt::Dict* d = rt::make_dict(in);
    for (char** e = environ; e && *e; ++e) {
        std::string_view entry = *e;
        size_t eq = entry.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;
        EDDY_CHECK(rt::dict_set(in, d, rt::str_value(in, entry.substr(0, eq)), rt::str_value(in, entry.substr(eq + 1))));
    }
    return Value::from_obj(d);
}

Result<Value> os_putenv(Interp& in, Args args) {
    std::string k = EDDY_TRY(path_arg(in, args[0], "putenv", "name"));
    std::string v = EDDY_TRY(path_arg(in, args[1], "putenv", "value"));
    if (k.empty() || k.find('=') != std::string::npos)
        return in.raise(in.exc.ValueError, "illegal environment variable name");
    if (setenv(k.c_str(), v.c_str(), 1) != 0) return os_error(in, errno);
    return Value::none();
}

Result<Value> os_unsetenv(Interp& in, Args args) {
    std::string k = EDDY_TRY(path_arg(in, args[0], "unsetenv", "name"));
    if (unsetenv(k.c_str()) != 0) return os_error(in, errno);
    return Value::none();
}

Result<Value> os_strerror(Interp& in, Args args) {
    int64_t code = EDDY_TRY(rt::index_as_int64(in, args[0]));
    return rt::str_value(in, std::strerror(int(code)));
}

Result<Value> os_getpid(Interp&, Args) { return Value::from_small_int(getpid()); }

Result<Value> os_urandom(Interp& in, Args args) {
    int64_t n = EDDY_TRY(rt::index_as_int64(in, args[0]));
    if (n < 0) return in.raise(in.exc.ValueError, "negative argument not allowed");
    std::string buf(size_t(n), '\0');
    size_t done = 0;
    while (done < buf.size()) {
        ssize_t got = getrandom(buf.data() + done, buf.size() - done, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            return os_error(in, errno);
        }
        done += size_t(got);
    }
    return Value::from_obj(rt::make_bytes(in, buf));
}

Result<Value> os_access(Interp& in, Args args) {
    std::string p = EDDY_TRY(path_arg(in, args[0], "access", "path"));
    int64_t mode = EDDY_TRY(rt::index_as_int64(in, args[1]));
    return Value::boolean(access(p.c_str(), int(mode)) == 0);
}

} // namespace

Result<Value> init__os(Interp& in) {
    rt::Module* module = rt::make_module(in, "_os");
    rt::add_functions(in, module, {
        {"getcwd()", os_getcwd},
        {"chdir(path)", os_chdir},
        {"listdir(path=None)", os_listdir},
        {"mkdir(path, mode=511)", os_mkdir},
        {"rmdir(path)", os_rmdir},
        {"remove(path)", os_remove},
        {"rename(src, dst)", os_rename},
        {"stat(path, follow_symlinks=True)", os_stat},
        {"open(path, flags, mode=438)", os_open},
        {"close(fd)", os_close},
        {"read(fd, n, /)", os_read},
        {"write(fd, data, /)", os_write},
        {"lseek(fd, position, whence, /)", os_lseek},
        {"ftruncate(fd, length, /)", os_ftruncate},
        {"isatty(fd, /)", os_isatty},
        {"environ()", os_environ},
        {"putenv(name, value, /)", os_putenv},
        {"unsetenv(name, /)", os_unsetenv},
        {"strerror(code, /)", os_strerror},
        {"getpid()", os_getpid},
        {"urandom(size, /)", os_urandom},
        {"access(path, mode)", os_access},
    });
    struct Constant { const char* name; int64_t value; };
    for (Constant c : {Constant{"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
                       {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
                       {"O_APPEND", O_APPEND}, {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR},
                       {"SEEK_END", SEEK_END}, {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK},
                       {"X_OK", X_OK}})
        set_module_attr(in, module, c.name, Value::from_small_int(c.value));
    return Value::from_obj(module);
}

} // namespace eddy::lib
