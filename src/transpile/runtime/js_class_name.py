def js_class_name(cls):
    # `x.constructor.name`: a class's JavaScript name, kept as `_js_name` in the class's own
    # dict when it was emitted under another Python name (not inherited by its subclasses).
    return cls.__dict__.get("_js_name", cls.__name__)
