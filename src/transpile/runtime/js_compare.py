# JavaScript's < <= > >= when the operands have no single static type (a union, a type
# parameter, any): two strings compare by code points, anything else as numbers, where a NaN
# (text that is no number) makes every comparison false. Arrays and objects compare as their
# primitive (js_prim: their valueOf, or their String() text); null is 0 and undefined NaN.
# requires: to_num, js_prim, null
def js_compare(a, op, b):
    if type(a) not in (str, int, float, bool) and a is not None and a is not null:
        a = js_prim(a)
    if type(b) not in (str, int, float, bool) and b is not None and b is not null:
        b = js_prim(b)
    if type(a) is not str or type(b) is not str:
        a = to_num(a)
        b = to_num(b)
        if a != a or b != b:
            return False
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    return a >= b
