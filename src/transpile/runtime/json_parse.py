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
        pos[0] = i
        token = s[start:i]
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
        while i < n and s[i] != '"':
            i += 2 if s[i] == "\\" else 1
        if i >= n:
            fail()
        pos[0] = i + 1
        return json.loads(s[start : i + 1])

    result = value()
    skip()
    if pos[0] != n:
        fail()
    return result
