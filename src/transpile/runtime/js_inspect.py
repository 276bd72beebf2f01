# requires: num_str, obj_items, py_key, error_name, error_message
def js_inspect(v, depth=2, hidden=False):
    # What console.log prints for a value, following Node's util.inspect defaults
    # (depth 2, breakLength 80, compact 3, arrays over 6 items grouped in columns). The
    # format directives ask for other depths (%s: 0, %o: 4) and %o for arrays' [length].
    if type(v) is str:
        return v
    return _inspect(v, 0, 0, [[], [], depth, hidden])


def _inspect_quote(s):
    q = "'"
    if "'" in s:
        if '"' not in s:
            q = '"'
        elif "`" not in s and "${" not in s:
            q = "`"
    out = []
    for c in s:
        o = ord(c)
        if c == q or c == "\\":
            out.append("\\" + c)
        elif o < 32 or o == 127:
            special = {8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r"}.get(o)
            out.append(special or "\\x" + "0123456789ABCDEF"[o >> 4] + "0123456789ABCDEF"[o & 15])
        else:
            out.append(c)
    return q + "".join(out) + q


def _inspect_key(k):
    k = str(k)
    ok = k != "" and not ("0" <= k[0] <= "9")
    for c in k:
        if not (c == "_" or "a" <= c <= "z" or "A" <= c <= "Z" or "0" <= c <= "9"):
            ok = False
            break
    return k if ok else _inspect_quote(k)


def _inspect(v, level, indent, refs):
    # refs: the containers being printed (v's ancestors), and those found inside themselves,
    # numbered by when they were found: <ref *1> { self: [Circular *1] }.
    t = type(v)
    if v is None:
        return "undefined"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if t is str:
        return _inspect_quote(v)
    if t is int:
        return str(v) if -9007199254740992 <= v <= 9007199254740992 else num_str(v)
    if t is float:
        return "-0" if v == 0 and str(v)[0] == "-" else num_str(v)
    name = type(v).__name__
    if name == "JsNull":
        return "null"
    if name == "JsSymbol":
        return v.text()
    if name == "JsRegExp":
        return str(v)
    is_list = t is list or t is tuple or name == "JsMatch"
    kind = ""
    for ancestor in refs[0]:
        if ancestor is v:
            for i, found in enumerate(refs[1]):
                if found is v:
                    return "[Circular *" + str(i + 1) + "]"
            refs[1].append(v)
            return "[Circular *" + str(len(refs[1])) + "]"
    if name == "ArrayBuffer":
        output = ["[Uint8Contents]: <" + " ".join(["%02x" % b for b in v]) + ">", "byteLength: " + str(len(v))]
        # The same line-breaking rule as below, for these two entries.
        if 2 + indent + 13 + 10 + 2 + len(output[0]) + len(output[1]) + 2 <= 80:
            return "ArrayBuffer { " + ", ".join(output) + " }"
        pad = "\n" + " " * indent
        return "ArrayBuffer {" + pad + "  " + ("," + pad + "  ").join(output) + pad + "}"
    # Typed arrays (memoryviews), and the bytes a board's streams give for a Uint8Array:
    # Uint8Array(2) [ 1, 2 ].
    typed = isinstance(v, (memoryview, bytes, bytearray))
    if typed:
        is_list = True
        name = name if name.endswith("Array") else "Uint8Array"
        if level > refs[2]:
            return "[" + name + "]"
        braces = (name + "(" + str(len(v)) + ") [", "]")
        if not len(v):
            return braces[0] + "]"
    elif is_list:
        if not v:
            return "[ [length]: 0 ]" if refs[3] else "[]"
        if level > refs[2]:
            return "[Array]"
        prefix = ""
        braces = ("[", "]")
    elif name == "JsWeakMap" or name == "JsWeakSet":
        # Node cannot list a weak collection's entries either.
        return name[2:] + " { <items unknown> }"
    elif name == "JsMap" or name == "JsSet":
        braces = (name[2:] + "(" + str(len(v)) + ") {", "}")
        if not len(v):
            return braces[0] + "}"
        if level > refs[2]:
            return "[" + name[2:] + "]"
    elif isinstance(v, BaseException):
        # The first line of the stack Node prints (a board has no stack): `Error: boom`, and the
        # class too when it names the error otherwise (`class E extends Error {}`: `E [Error]`).
        n = error_name(v)
        m = error_message(v)
        c = type(v).__dict__.get("_js_name", type(v).__name__)
        c = "Error" if c == "Exception" else c
        return (c + " [" + n + "]" if n[-5:] == "Error" and c != n else n) + (": " + m if m else "")
    elif isinstance(v, type) and not refs[3]:
        bases = [b for b in getattr(v, "__bases__", ()) if b is not object]
        base = bases[0].__dict__.get("_js_name", bases[0].__name__) if bases else ""
        return "[class " + v.__dict__.get("_js_name", v.__name__) + (" extends " + ("Error" if base == "Exception" else base) if base else "") + "]"
    elif callable(v) and (refs[3] or not (name in ("JsFunction", "JsThisFunction") and obj_items(v))):
        if refs[3]:
            # %o lists a function's hidden properties ([prototype], [arguments] …), which tell
            # an arrow from a function: a board knows neither.
            raise TypeError("tsmp: %o of a function is not available")
        return _inspect_function(v)
    else:
        # An object literal's getters and setters are shown as [Getter/Setter], not called.
        accessors = getattr(t, "_js_accessors", None)
        items = obj_items(v, False, False)
        if name == "JsGroups":
            label = "[Object: null prototype] "
        elif isinstance(v, dict) or name == "JsObject" or name == "JsNamespace" or accessors is not None:
            label = ""
        elif callable(v):
            # A function holding properties (JsFunction): [Function: tally] { calls: 0 }.
            if level > refs[2]:
                return "[Function]"
            label = ""
            kind = _inspect_function(v) + " "
        elif name == "JsGenerator":
            return "Object [Generator] {}"
        elif name == "JsPromise":
            # Promise { 1 }, Promise { <pending> }, Promise { <rejected> 1 }.
            if level > refs[2]:
                return "[Promise]"
            label = "Promise "
            items = [(None, v._value)] if v._state else [(None, "<pending>")]
        elif name == "JsModule":
            label = "[Module: null prototype] "
        elif hasattr(t, "_js_no_keys") or name == "TextEncoder" or len(items) > 1:
            # A DataView's or TextDecoder's own view, or a class instance's fields in creation
            # order (a MicroPython instance does not keep it; typed, it is TSMP1104).
            raise TypeError("tsmp: console.log of a " + name + " is not available")
        else:
            label = name + " "
        braces = (label + "{", "}")
        if not items:
            # (Node writes an empty namespace with two spaces.)
            return label + ("{  }" if name == "JsModule" else "{}")
        if level > refs[2]:
            return "[" + (name if label else "Object") + "]"
    output = []
    indent += 2
    refs[0].append(v)
    if is_list:
        shown = v if len(v) <= 100 else v[:100]
        for item in shown:
            output.append(_inspect(item, level + 1, indent, refs))
        if len(v) > 100:
            rest = len(v) - 100
            output.append("... " + str(rest) + " more item" + ("s" if rest > 1 else ""))
        if refs[3] and not typed:
            output.append("[length]: " + str(len(v)))
        if name == "JsMatch":
            for k, item in (("index", v.index), ("input", v.input), ("groups", v.groups)):
                output.append(k + ": " + _inspect(item, level + 1, indent, refs))
    elif name == "JsMap":
        for k, item in v.items():
            output.append(_inspect(k, level + 1, indent, refs) + " => " + _inspect(item, level + 1, indent, refs))
    elif name == "JsSet":
        for item in v:
            output.append(_inspect(item, level + 1, indent, refs))
    else:
        # Functions are listed too: an object literal's are its own properties, as a module's
        # exports are (a class's methods live on the class, and obj_items leaves them out).
        for k, item in items:
            if k is None:
                shown = item if v._state == 0 else _inspect(item, level + 1, indent, refs)
                output.append(("<rejected> " if v._state == 2 else "") + shown)
            elif accessors and py_key(k) in accessors:
                output.append(_inspect_key(k) + ": " + item)
            else:
                output.append(_inspect_key(k) + ": " + _inspect(item, level + 1, indent, refs))
    refs[0].pop()
    indent -= 2
    base = kind
    for i, found in enumerate(refs[1]):
        if found is v:
            base = "<ref *" + str(i + 1) + "> " + base
    entries = len(output)
    if is_list and entries > 6:
        output = _inspect_group(output, v, indent)
    if entries == len(output):
        # (Node counts the reference without the space after it.)
        start = len(output) + indent + len(braces[0]) + max(len(base) - 1, 0) + 10
        total = len(output) + start
        fits = total + len(output) <= 80
        if fits:
            for o in output:
                total += len(o)
                if total > 80:
                    fits = False
                    break
        if fits:
            joined = ", ".join(output)
            if "\n" not in joined:
                return base + braces[0] + " " + joined + " " + braces[1]
    pad = "\n" + " " * indent
    return base + braces[0] + pad + "  " + ("," + pad + "  ").join(output) + pad + braces[1]


def _inspect_function(f):
    # [Function: name], [Function (anonymous)], [AsyncFunction: name]. A class method read as a
    # value (JsClassMethod) keeps its name; a wrapper (JsMethod, JsFunction) shows its function.
    name = getattr(f, "_js_name", None)
    if name is None:
        f = f.__dict__.get("_js_fn", f) if hasattr(f, "__dict__") else f
        name = _inspect_function_name(getattr(f, "__name__", "<lambda>"))
    kind = "AsyncFunction" if type(f).__name__ == "generator" else "Function"
    return "[" + kind + (": " + name if name else " (anonymous)") + "]"


def _inspect_function_name(name):
    # A lambda is anonymous. A def the build named `<name>_<n>` is a function JavaScript names
    # `<name>` (`{ f: () => 1 }`, `x = function () {}`); `fn_<n>` and `<call>_callback_<n>`
    # stand for anonymous ones (`[() => { … }]`, `run(() => { … })`).
    if name == "<lambda>":
        return ""
    i = name.rfind("_")
    if i > 0 and name[i + 1 :].isdigit():
        name = name[:i]
        if name == "fn" or name.endswith("_callback"):
            return ""
    return name


def _inspect_group(output, v, indent):
    import math
    total = 0
    longest = 0
    count = len(output)
    if len(v) > 100:
        count -= 1
    lengths = [len(o) for o in output[:count]]
    for n in lengths:
        total += n + 2
        longest = max(longest, n)
    actual = longest + 2
    if actual * 3 + indent < 80 and (total / actual > 5 or longest <= 6):
        bias = math.sqrt(actual - total / len(output))
        biased = max(actual - 3 - bias, 1)
        columns = min(
            int(math.floor(math.sqrt(2.5 * biased * count) / biased + 0.5)),
            (80 - indent) // actual,
            12,
            15,
        )
        if columns <= 1:
            return output
        widths = []
        for i in range(columns):
            width = 0
            for j in range(i, count, columns):
                width = max(width, lengths[j])
            widths.append(width + 2)
        numbers = True
        for item in v[: len(output)] if len(output) <= len(v) else [None]:
            if type(item) is not int and type(item) is not float:
                numbers = False
                break
        rows = []
        for i in range(0, count, columns):
            last = min(i + columns, count)
            row = []
            for j in range(i, last - 1):
                cell = output[j] + ", "
                fill = " " * (widths[j - i] - len(cell))
                row.append(fill + cell if numbers else cell + fill)
            cell = output[last - 1]
            if numbers:
                row.append(" " * (widths[last - 1 - i] - 2 - len(cell)) + cell)
            else:
                row.append(cell)
            rows.append("".join(row))
        if len(v) > 100:
            rows.append(output[count])
        return rows
    return output
