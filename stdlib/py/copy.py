# stdlib/py/copy.py: copy() and deepcopy() as CPython 3.11's Lib/copy.py behaves: atomic values
# are returned as they are, containers are rebuilt (deepcopy keeps a memo so shared and cyclic
# structure is preserved), and other objects go through __copy__/__deepcopy__ or
# __reduce_ex__(4).
__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, complex, str, bytes, type, range, type(Ellipsis),
           type(NotImplemented), frozenset, slice)


def _is_atomic(x):
    cls = type(x)
    return cls in _ATOMIC or cls in _FUNCTION_TYPES


def copy(x):
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    if cls is tuple:
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    return _reconstruct(x, None, *_reduce(x))


def _new_object(cls):
    return cls.__new__(cls)


def _reduce(x):
    cls = type(x)
    if getattr(cls, '__reduce_ex__', None) is getattr(object, '__reduce_ex__', None) and \
            getattr(cls, '__reduce__', None) is getattr(object, '__reduce__', None):
        # A plain instance: a new object of the class with the same attribute dict (what
        # object.__reduce_ex__(4) gives in CPython).
        state = getattr(x, '__dict__', None)
        return _new_object, (cls,), (dict(state) if state else None)
    reductor = getattr(x, '__reduce_ex__', None)
    if reductor is not None:
        rv = reductor(4)
    else:
        reductor = getattr(x, '__reduce__', None)
        if reductor is None:
            raise Error(f'un(shallow)copyable object of type {type(x)}')
        rv = reductor()
    if isinstance(rv, str):
        return None
    return rv


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple([deepcopy(a, memo) for a in x])
        # A tuple of atoms is its own copy, and a tuple that reached itself is already memoised.
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = {deepcopy(a, memo) for a in x}
    elif cls is bytearray:
        y = bytearray(x)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if rv is None:
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = tuple([deepcopy(a, memo) for a in args])
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y


def _function_types():
    def f():
        pass
    return (type(f), type(len), type(print))


_FUNCTION_TYPES = _function_types()
