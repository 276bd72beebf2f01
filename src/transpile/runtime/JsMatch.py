class JsMatch(list):
    # The array exec() and match() give: the match and its groups (None for a group that did
    # not take part), with index, input and groups beside them.
    def toString(self):
        return ",".join(["" if v is None else v for v in self])
