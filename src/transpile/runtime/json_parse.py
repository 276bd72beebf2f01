# requires: JsObject, null, js_int
def json_parse(text):
    # JSON.parse keeping object key order: MicroPython's json.loads builds plain
    # dicts, which forget insertion order. Objects become JsObjects, readable both as
    # o.key and o["key"]. Strings still go through json.loads for their escapes.
    import json
    s = text
    n = len(s)
    pos = [0]

    def skip():
        i = pos[0]
        while i < n and s[i] in " \t\n\r":
            i += 1
        pos[0] = i

    def fail():
        raise SyntaxError("Unexpected token in JSON at position " + str(pos[0]))

    def value():
        skip()
        if pos[0] >= n:
            fail()
        c = s[pos[0]]
        if c == "{":
            pos[0] += 1
            obj = JsObject()
            skip()
            if pos[0] < n and s[pos[0]] == "}":
                pos[0] += 1
                return obj
            while True:
                skip()
                if pos[0] >= n or s[pos[0]] != '"':
                    fail()
                key = string()
                skip()
                if pos[0] >= n or s[pos[0]] != ":":
                    fail()
                pos[0] += 1
                obj[key] = value()
                skip()
                if pos[0] < n and s[pos[0]] == ",":
                    pos[0] += 1
                elif pos[0] < n and s[pos[0]] == "}":
                    pos[0] += 1
                    return obj
                else:
                    fail()
        if c == "[":
            pos[0] += 1
            arr = []
            skip()
            if pos[0] < n and s[pos[0]] == "]":
                pos[0] += 1
                return arr
            while True:
                arr.append(value())
                skip()
                if pos[0] < n and s[pos[0]] == ",":
                    pos[0] += 1
                elif pos[0] < n and s[pos[0]] == "]":
                    pos[0] += 1
                    return arr
                else:
                    fail()
        if c == '"':
            return string()
        for word, result in (("true", True), ("false", False), ("null", null)):
            if s.startswith(word, pos[0]):
                pos[0] += len(word)
                return result
        start = pos[0]
        i = start
        while i < n and s[i] in "+-0123456789.eE":
            i += 1
        if i == start:
            fail()
        token = s[start:i]
        # MicroPython's int() and float() also take "01", "1.", ".5", "+1": JSON does not.
        if not _json_number(token):
            fail()
        pos[0] = i
        if token == "-0":
            return -0.0
        try:
            if "." in token or "e" in token or "E" in token:
                return float(token)
            # JavaScript reads every number as a double: a longer integer is rounded to one.
            return int(token) if len(token) < 16 else js_int(int(token))
        except ValueError:
            fail()

    def string():
        start = pos[0]
        i = start + 1
        # json.loads also takes control characters and unknown escapes (`\x41`): JSON does not.
        while i < n and s[i] != '"':
            c = s[i]
            if c < " ":
                pos[0] = i
                fail()
            if c == "\\":
                e = s[i + 1 : i + 2]
                if e == "u":
                    h = s[i + 2 : i + 6]
                    if len(h) < 4 or any(d not in "0123456789abcdefABCDEF" for d in h):
                        pos[0] = i
                        fail()
                elif not e or e not in '"\\/bfnrt':
                    pos[0] = i
                    fail()
                i += 2
            else:
                i += 1
        if i >= n:
            fail()
        pos[0] = i + 1
        return json.loads(s[start : i + 1])

    result = value()
    skip()
    if pos[0] != n:
        fail()
    return result


def _json_number(t):
    # -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    m = len(t)
    i = 1 if t[:1] == "-" else 0
    if i >= m or not "0" <= t[i] <= "9":
        return False
    i = i + 1 if t[i] == "0" else _json_digits(t, i, m)
    if i < m and t[i] == ".":
        d = _json_digits(t, i + 1, m)
        if d == i + 1:
            return False
        i = d
    if i < m and t[i] in "eE":
        i += 1
        if i < m and t[i] in "+-":
            i += 1
        d = _json_digits(t, i, m)
        if d == i:
            return False
        i = d
    return i == m


def _json_digits(t, i, m):
    # Where the run of digits from i ends.
    while i < m and "0" <= t[i] <= "9":
        i += 1
    return i
