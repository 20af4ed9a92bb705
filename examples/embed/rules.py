# examples/embed/rules.py: the rules the rules_engine host applies to each order. `to_eur` is a
# native function the host provides.
VERSION = "2026.11"

LIMIT_EUR = 2000
BLOCKED_ITEMS = {"fireworks"}


def decide(order):
    amount = to_eur(order["country"], order["amount"])
    if BLOCKED_ITEMS & set(order["items"]):
        return "reject", "blocked item"
    if amount > LIMIT_EUR:
        return "review", f"{amount:.2f} EUR is over the limit"
    return "accept", f"{amount:.2f} EUR"
