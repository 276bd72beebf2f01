# requires: js_inspect, js_str, json_stringify, num_log, parse_float, parse_int, to_num, null
def js_log_format(first, shown, values, rest):
    # console.log(text, ...values) with a text known only when the program runs: Node replaces
    # %s %d %i %f %j %o %O %c in it with the values, in order, and %% with %. What is left of
    # the values prints as usual (`rest` holds them printed, `shown` the text itself).
    if type(first) is not str or "%" not in first:
        return [shown] + rest
    out = ""
    used = 0
    i = 0
    n = len(first)
    while i < n:
        c = first[i]
        if c != "%" or i + 1 == n:
            out += c
            i += 1
            continue
        d = first[i + 1]
        i += 2
        if d == "%":
            out += "%"
        elif d not in "sdifjoOc" or used == len(values):
            out += c + d
        else:
            v = values[used]
            used += 1
            if d != "c":
                out += _log_directive(d, v)
    return [out] + rest[used:]


def _log_directive(d, v):
    t = type(v)
    primitive = v is None or v is null or t is str or t is int or t is float or t is bool
    if d == "s":
        # An object without a toString of its own is inspected to depth 0; a function's text
        # (its source) raises in js_str.
        if primitive or callable(v) or hasattr(v, "toString"):
            return num_log(v) if t is int or t is float else js_str(v)
        return js_inspect(v, 0)
    if d == "d":
        return num_log(to_num(v if primitive else _log_text(v)))
    if d == "i":
        return num_log(parse_int(js_str(v) if primitive else _log_text(v)))
    if d == "f":
        return num_log(parse_float(js_str(v) if primitive else _log_text(v)))
    if d == "j":
        return json_stringify(v)
    # %O inspects as console.log does, strings quoted; %o to depth 4 with hidden properties
    # (an array's [length]).
    if t is str:
        return js_inspect([v])[2:-2]
    return js_inspect(v, 4, True) if d == "o" else js_inspect(v)


def _log_text(v):
    # String(v) of an object, as %d, %i and %f read it: arrays join their elements.
    if type(v) is not list:
        return "[object Object]"
    return ",".join("" if x is None or x is null else _log_text(x) if type(x) is list else js_str(x) for x in v)
