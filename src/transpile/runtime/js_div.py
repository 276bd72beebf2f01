# JavaScript `/`: never raises, and an integral quotient stays an int so it prints as JS does (4 / 2 is 2).
def js_div(a, b):
    if b == 0:
        if a == 0 or a != a:
            return float("nan")
        return float("inf") if (a > 0) == (str(b)[0] != "-") else float("-inf")
    q = a / b
    if -9007199254740992 < q < 9007199254740992 and q == int(q):
        return int(q)
    return q
