# requires: re_run, JsMatch, null, OrderedDict
class JsRegExp:
    # A regular expression: its program compiled by tsmp when building (see re_run), and
    # JavaScript's lastIndex rules for the g and y flags. `names` holds each group's name
    # (None for unnamed groups) when the pattern names any.
    def __init__(self, source, flags, code, groups, slots, names=None):
        self.source = source
        self.flags = flags
        self.lastIndex = 0
        self._c = code
        self._g = groups
        self._s = slots
        self._names = names

    def __str__(self):
        return "/" + self.source + "/" + self.flags

    def toString(self):
        return str(self)

    def _text(self, s):
        # The text as code points, indexable in O(1): bytes when it is ASCII.
        t = s.encode()
        return t if len(t) == len(s) else [ord(h) for h in s]

    def _find(self, t, i, sticky):
        # The captures of the leftmost match starting at i or after (at i only when sticky).
        c = self._c
        caps = [-1] * self._s
        if i > len(t):
            return None
        if sticky or c[0] == 8:
            return caps if re_run(c, t, i, caps) is not None else None
        if c[0] != 1 or type(t) is not bytes:
            return caps if re_run(c, t, i, caps, 0, True) is not None else None
        # A pattern starting with a literal: only where the literal is.
        while True:
            i = t.find(c[1], i)
            if i < 0:
                return None
            if re_run(c, t, i, caps) is not None:
                return caps
            i += 1

    def _step(self, t):
        # RegExpBuiltinExec: from lastIndex with g or y (then updated), else from 0.
        f = self.flags
        moves = "g" in f or "y" in f
        i = self.lastIndex if moves else 0
        caps = None if i > len(t) else self._find(t, i, "y" in f)
        if moves:
            self.lastIndex = 0 if caps is None else caps[1]
        return caps

    def _result(self, s, caps):
        m = JsMatch()
        for g in range(self._g + 1):
            a = caps[2 * g]
            b = caps[2 * g + 1]
            m.append(s[a:b] if a >= 0 and b >= 0 else None)
        m.index = caps[0]
        m.input = s
        m.groups = None
        if self._names:
            m.groups = JsGroups()
            for g in range(1, self._g + 1):
                if self._names[g] is not None:
                    m.groups[self._names[g]] = m[g]
        return m

    def exec(self, s):
        caps = self._step(self._text(s))
        return null if caps is None else self._result(s, caps)

    def test(self, s):
        return self._step(self._text(s)) is not None

    def _all(self, s, t):
        # Every match from lastIndex 0 on, as String.prototype.match/replace with g find them:
        # an empty match moves lastIndex one further.
        self.lastIndex = 0
        found = []
        while True:
            caps = self._step(t)
            if caps is None:
                return found
            found.append(caps[:])
            if caps[0] == caps[1]:
                self.lastIndex += 1


class JsGroups(OrderedDict):
    # A match's named groups: an object without a prototype, which Node prints as such.
    pass
