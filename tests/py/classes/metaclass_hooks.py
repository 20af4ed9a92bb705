# Metaclasses, __set_name__, __init_subclass__, __class_getitem__ and type() with three arguments.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def describe(cls):
        return "class " + cls.__name__
class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v
w = WithMeta(5)
print(w.v, WithMeta.created_by, type(WithMeta).__name__, WithMeta.describe())
class Child(WithMeta):
    pass
print(type(Child).__name__, Child(1).v, isinstance(Child, Meta))

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 2)
class Model:
    a = Field()
    b = Field()
m = Model()
m.a = 21
print(m.a, m.b, type(Model.a).__name__)

class Plugin:
    registry = []
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Plugin.registry.append(cls.__name__)
class P1(Plugin, tag="first"):
    pass
class P2(Plugin):
    pass
print(Plugin.registry, P1.tag, P2.tag)

class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"
print(Box[int])

Dyn = type("Dyn", (object,), {"x": 1, "hello": lambda self: "hi " + str(self.x)})
print(Dyn.__name__, Dyn().hello(), Dyn.__bases__[0].__name__, repr(Dyn)[:8])
Sub = type("Sub", (Dyn,), {})
print([c.__name__ for c in Sub.__mro__])
print(type(3).__name__, type(type).__name__, type(Meta).__name__)
try:
    type("X", (1,), {})
except TypeError as e:
    print("TypeError", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError", e)
