# Object.defineProperty with a descriptor that has both accessors (get/set) and value or
# writable: JavaScript evaluates the arguments (the transpiler passes them) and throws.
def obj_bad_descriptor(*arguments):
    raise TypeError("Invalid property descriptor. Cannot both specify accessors and a value or writable attribute")
