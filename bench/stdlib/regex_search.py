# regex_search: search, findall, finditer and sub over a large generated text. Prints counts.
import re
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 12
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
lines = []
for i in range(20000):
    w = words[i % len(words)]
    lines.append(f"{i:05d} {w}@example{i % 7}.org value={i * 37 % 1000} {w.upper()} end")
text = "\n".join(lines)
email = re.compile(r"(\w+)@(\w+)\.org")
number = re.compile(r"value=(\d+)")
total = 0
for r in range(n):
    total += len(email.findall(text))
    total += sum(int(m.group(1)) for m in number.finditer(text) if m.start() % 3 == 0)
    total += len(re.findall(r"^\d+ (?:beta|eta)\b", text, re.M))
    total += len(re.sub(r"[aeiou]", "", text[: 20000 * (r % 3 + 1)]))
    total += 1 if re.search(r"19999 \w+@example\d\.org", text) else 0
print(total)
