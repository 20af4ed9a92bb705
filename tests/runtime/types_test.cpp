// tests/runtime/types_test.cpp: the core object model without the VM: type_of, MROs of the
// built-in types, class creation through type(name, bases, dict), slot wrappers, descriptors.
#include <gtest/gtest.h>

#include "runtime/dict_object.hpp"
#include "runtime/exception_object.hpp"
#include "runtime/interp.hpp"
#include "runtime/module_object.hpp"
#include "runtime/native.hpp"
#include "runtime/ops.hpp"
#include "runtime/str_object.hpp"
#include "runtime/tuple_object.hpp"
#include "runtime/types.hpp"

using namespace eddy::rt;

namespace {

std::string text(Interp& in, Value v) {
    Result<std::string> r = repr_string(in, v);
    return r.is_error() ? "<error>" : r.value();
}

std::string pending_message(Interp& in) {
    Value e = in.take_exception();
    Result<Value> s = str(in, e);
    return std::string(type_name(in, e)) + ": " + std::string(s.value().as<Str>()->view());
}

Value make_class(Interp& in, const char* name, std::initializer_list<Value> bases, Dict* ns = nullptr) {
    Tuple* b = make_tuple(in, std::span<const Value>(bases.begin(), bases.size()));
    if (!ns) ns = make_dict(in);
    Value args[3] = {str_value(in, name), Value::from_obj(b), Value::from_obj(ns)};
    Result<Value> r = call(in, Value::from_obj(in.types.type), CallArgs{args, 3, nullptr});
    return r.is_error() ? Value::null() : r.value();
}

} // namespace

TEST(Types, TypeOfImmediates) {
    Interp in;
    EXPECT_EQ(type_of(in, Value::from_small_int(3)), in.types.int_);
    EXPECT_EQ(type_of(in, Value::from_float(1.5)), in.types.float_);
    EXPECT_EQ(type_of(in, Value::boolean(true)), in.types.bool_);
    EXPECT_EQ(type_of(in, Value::none()), in.types.none);
    EXPECT_EQ(type_of(in, Value::not_implemented()), in.types.not_implemented);
    EXPECT_EQ(type_of(in, Value::ellipsis()), in.types.ellipsis);
    EXPECT_EQ(type_of(in, Value::from_obj(in.types.int_)), in.types.type);
}

TEST(Types, BuiltinMrosAndSubtyping) {
    Interp in;
    ASSERT_EQ(in.types.bool_->mro.size(), 3u);
    EXPECT_TRUE(is_subtype(in.types.bool_, in.types.int_));
    EXPECT_TRUE(is_subtype(in.exc.KeyError, in.exc.LookupError));
    EXPECT_TRUE(is_subtype(in.exc.ExceptionGroup, in.exc.Exception));
    EXPECT_FALSE(is_subtype(in.exc.KeyboardInterrupt, in.exc.Exception));
}

TEST(Types, ReprOfSingletonsAndTypes) {
    Interp in;
    EXPECT_EQ(text(in, Value::none()), "None");
    EXPECT_EQ(text(in, Value::not_implemented()), "NotImplemented");
    EXPECT_EQ(text(in, Value::ellipsis()), "Ellipsis");
    EXPECT_EQ(text(in, Value::from_obj(in.types.int_)), "<class 'int'>");
    EXPECT_EQ(text(in, Value::from_obj(in.exc.ValueError)), "<class 'ValueError'>");
}

TEST(Types, ClassCreationAndMro) {
    Interp in;
    Value a = make_class(in, "A", {});
    Value b = make_class(in, "B", {a});
    Value c = make_class(in, "C", {a});
    Value d = make_class(in, "D", {b, c});
    ASSERT_FALSE(d.is_null());
    std::vector<std::string> names;
    for (Type* t : d.as<Type>()->mro) names.push_back(t->name);
    EXPECT_EQ(names, (std::vector<std::string>{"D", "B", "C", "A", "object"}));
    EXPECT_EQ(text(in, d), "<class '__main__.D'>");
    Value bad = make_class(in, "Bad", {a, b});
    EXPECT_TRUE(bad.is_null());
    EXPECT_EQ(pending_message(in),
              "TypeError: Cannot create a consistent method resolution order (MRO) for bases A, B");
}

TEST(Types, InstancesHaveDictsAndAttributes) {
    Interp in;
    Value cls = make_class(in, "Point", {});
    Value p = call(in, cls, {}).value();
    Str* x = in.intern("x");
    ASSERT_FALSE(set_attr(in, p, x, Value::from_small_int(5)).is_error());
    EXPECT_EQ(get_attr(in, p, x).value().as_small_int(), 5);
    EXPECT_TRUE(get_attr(in, p, in.intern("y")).is_error());
    EXPECT_EQ(pending_message(in), "AttributeError: 'Point' object has no attribute 'y'");
    EXPECT_TRUE(call(in, cls, {Value::from_small_int(1)}).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: Point() takes no arguments");
}

TEST(Types, SlotWrappersAreVisible) {
    Interp in;
    Value repr_w = get_attr(in, Value::from_obj(in.types.object), in.names.dunder_repr).value();
    EXPECT_EQ(text(in, repr_w), "<slot wrapper '__repr__' of 'object' objects>");
    // object.__repr__ bypasses NoneType's own repr, as in CPython: "<NoneType object at 0x...>".
    Value r = call(in, repr_w, {Value::none()}).value();
    EXPECT_EQ(std::string(r.as<Str>()->view()).rfind("<NoneType object at ", 0), 0u);
    Value eq = get_attr(in, Value::from_obj(in.types.object), in.names.dunder_eq).value();
    EXPECT_TRUE(call(in, eq, {Value::none(), Value::none()}).value().is_true());
    EXPECT_TRUE(call(in, eq, {}).is_error());
    EXPECT_EQ(pending_message(in), "TypeError: descriptor '__eq__' of 'object' object needs an argument");
}

TEST(Types, UserSubclassOfBuiltinInheritsSlots) {
    Interp in;
    Value cls = make_class(in, "MyList", {Value::from_obj(in.types.list)});
    ASSERT_FALSE(cls.is_null());
    Type* t = cls.as<Type>();
    EXPECT_NE(t->len, nullptr);   // inherited from list (possibly through a dispatcher)
    EXPECT_EQ(t->hash, nullptr);
    EXPECT_NE(t->dict_offset, 0u);
}

TEST(Types, PropertyWithoutSetter) {
    Interp in;
    Dict* ns = make_dict(in);
    Value getter = get_attr(in, Value::from_obj(in.types.object), in.names.dunder_repr).value();
    Value prop = call(in, Value::from_obj(in.types.property), {getter}).value();
    dict_set_str(in, ns, in.intern("x"), prop);
    Value cls = make_class(in, "C", {}, ns);
    Value obj = call(in, cls, {}).value();
    EXPECT_TRUE(get_attr(in, obj, in.intern("x")).value().as_obj()->type == in.types.str);
    EXPECT_TRUE(set_attr(in, obj, in.intern("x"), Value::none()).is_error());
    EXPECT_EQ(pending_message(in), "AttributeError: property 'x' of 'C' object has no setter");
}

TEST(Types, ModuleAttributes) {
    Interp in;
    Module* m = make_module(in, "m");
    Value mv = Value::from_obj(m);
    EXPECT_TRUE(get_attr(in, mv, in.intern("nope")).is_error());
    EXPECT_EQ(pending_message(in), "AttributeError: module 'm' has no attribute 'nope'");
    EXPECT_EQ(text(in, mv), "<module 'm' (built-in)>");
}
