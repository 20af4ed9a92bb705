# operator, copy and string.
import operator
import copy
import string

print(operator.add(2, 3), operator.mul('ab', 2), operator.neg(4), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.itemgetter(1)('abc'), operator.itemgetter(0, 2)('abc'), operator.itemgetter('k')({'k': 5}))


class Obj:
    def __init__(self):
        self.a = 1
        self.child = self

    def hello(self, name, punct='!'):
        return 'hi ' + name + punct


o = Obj()
print(operator.attrgetter('a')(o), operator.attrgetter('child.child.a', 'a')(o))
print(operator.methodcaller('hello', 'bob', punct='?')(o), operator.methodcaller('upper')('x'))
print(operator.itemgetter(1), operator.attrgetter('a', 'b'), operator.methodcaller('f', 1, k=2))
print(sorted([(1, 'b'), (0, 'z'), (1, 'a')], key=operator.itemgetter(0)))
print(operator.lt(1, 2), operator.eq('a', 'a'), operator.not_(0), operator.contains([1], 1), operator.index(5))
print(operator.concat([1], [2]), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'), operator.is_(None, None))
lst = [1, 2]
print(operator.iadd(lst, [3]) is lst, operator.getitem(lst, -1), operator.length_hint(iter([1, 2])))
operator.setitem(lst, 0, 'x')
operator.delitem(lst, 1)
print(lst, operator.pow(2, 10), operator.mod(7, 3), operator.and_(6, 3), operator.or_(4, 1), operator.xor(5, 1))

nested = {'a': [1, 2, {'b': (3, [4])}], 'c': {1, 2}}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested['a'][2]['b'][1].append(5)
print(shallow['a'] is nested['a'], deep['a'] is nested['a'], deep, shallow['a'][2]['b'])
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[1] is cyc)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


pt = Point(1, [2])
cp = copy.copy(pt)
dp = copy.deepcopy(pt)
print(type(cp).__name__, cp.x, cp.y is pt.y, dp.y == pt.y, dp.y is pt.y)


class Custom:
    def __copy__(self):
        return 'shallow!'

    def __deepcopy__(self, memo):
        return 'deep!'


print(copy.copy(Custom()), copy.deepcopy([Custom()]), copy.copy((1, 2)), copy.deepcopy('s'))
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable))
print(string.capwords('hello   big world'), string.capwords('a-b-c', '-'))
