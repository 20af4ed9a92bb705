# format() / f-strings for ints and floats: the format-spec mini-language.
ints = [0, 7, -7, 1234, -1234, 1234567890, 2 ** 70, -(2 ** 70)]
specs = ['', 'd', '5', '<6', '^7', '>8', '=8', '+', ' ', '-', ',', '_', '08', '010,', '+012_',
         'x', 'X', '#x', '#X', 'o', '#o', 'b', '#b', '_b', '#_x', '012_x', '*^12,', 'n', '#010b',
         'e', '.2f', '%', ',.1f', 'g', 'E']
for n in ints:
    print(n, [format(n, s) for s in specs])
floats = [0.0, -0.0, 1.0, 1.5, -2.25, 3.14159265, 1e16, 1e-5, 123456.789, 1e100, 2.5e-10,
          float('inf'), float('-inf'), float('nan'), 0.1, 100.0, 1234567.891]
fspecs = ['', '.0', '.1', '.3', '.10', 'e', '.2e', 'E', 'f', '.0f', '.2f', '#.0f', 'F', 'g', '.3g',
          '#g', 'G', '%', '.1%', ',', ',.2f', '_.3f', '010.2f', '+.1f', ' .1f', '<10.2f', '^12.3e',
          '=+12.1f', '*>10', '012,.1f', 'z.1f', 'n', '.0e', '#.0e', '10', '.15g', '.17g', 'r' and '']
for x in floats:
    print(repr(x), [format(x, s) for s in fspecs])
x = 3.14159
print(f"{x:.2f} {x:10.3e} {x:<8.1f}| {x:e} {x:.3g} {x:10.4}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_} {0xdeadbeef:_x}")
print(format(True, ''), format(True, 'd'), format(False, '5'), format(True, '.1f'), f"{True:>5}")
print(format(65, 'c'), format(0x1F600, 'c'), format(97, '^5c'))
for bad in [(5, 's'), (5.5, 'd'), (5, ',x'), (5, '.2d'), (5, ',_'), (5, 'z'), (5, '#c'), (5, '+c'),
            (1.5, 'x'), (12, 'abc'), (12, '<<<'), (1.0, ',,'), (1.0, '.'), (1.0, 'n,'), (5, ',n')]:
    try:
        print(format(*bad))
    except ValueError as e:
        print(repr(bad[1]), e)
try:
    format(-1, 'c')
except OverflowError as e:
    print(e)
