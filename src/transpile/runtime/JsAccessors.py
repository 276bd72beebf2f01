class JsAccessors:
    # An accessor reached by name (`C.x = v`, `C.x += 1`, `super.x = v`): MicroPython has no
    # metaclasses for class-level properties, and neither `super()` nor a property object
    # lets Python write through a property. Seen through this view, the accessor is a
    # subscript, which every assignment form already reads and writes.
    def __init__(self, owner):
        self.owner = owner

    def __getitem__(self, name):
        return getattr(self.owner, "_get_" + name)()

    def __setitem__(self, name, value):
        getattr(self.owner, "_set_" + name)(value)
