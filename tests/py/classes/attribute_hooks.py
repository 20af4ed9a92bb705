# __getattribute__, __getattr__, __setattr__, __delattr__, descriptors and super() in classmethods.
class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
o = Logged()
o.a = 1
del o.a
print(o.log, o.secret, o.missing, o.a)

class Base:
    @classmethod
    def create(cls):
        return "Base.create(" + cls.__name__ + ")"
    @staticmethod
    def helper():
        return "helper"
class Derived(Base):
    @classmethod
    def create(cls):
        return "Derived+" + super().create()
print(Derived.create(), Derived().create(), Derived.helper())

class Temp:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        "the value"
        return self._v
    @v.setter
    def v(self, x):
        self._v = x
    @v.deleter
    def v(self):
        print("deleted")
t = Temp()
t.v = 4
print(t.v, Temp.v.__doc__, type(Temp.v).__name__)
del t.v
class RO:
    @property
    def x(self):
        return 1
try:
    RO().x = 2
except AttributeError as e:
    print("AttributeError", e)
try:
    del RO().x
except AttributeError as e:
    print("AttributeError", e)

class Obj:
    pass
ob = Obj()
ob.z = 3
print(ob.__dict__, Obj.__name__, Obj.__qualname__, Obj.__module__, Obj.__doc__)
try:
    Obj().nothing
except AttributeError as e:
    print(e)
try:
    Obj.nothing
except AttributeError as e:
    print(e)
try:
    (5).real = 3
except AttributeError as e:
    print(e)
try:
    int.foo = 1
except TypeError as e:
    print(e)
class Eq:
    def __eq__(self, other):
        return True
try:
    hash(Eq())
except TypeError as e:
    print(e)
print(Eq.__hash__)
