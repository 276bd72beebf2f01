# Nullable values, written by hand: None ends the list and marks a missing tag.
class Item:
    def __init__(self, value, next, tag=None):
        self.value = value
        self.next = next
        self.tag = tag


head = None
for i in range(300):
    head = Item(i, head, "t" if i % 3 == 0 else None)
total = 0
tagged = 0
ends = 0
for round in range(40):
    item = head
    while item is not None:
        total = (total + item.value) % 1000003
        if item.tag is not None:
            tagged += 1
        nxt = item.next
        total = (total + (nxt.value if nxt is not None else 7)) % 1000003
        if nxt is None:
            ends += 1
        item = nxt
print(total, tagged, ends)
