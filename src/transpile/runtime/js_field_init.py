# A decorated field's starting value, passed through its decorators' initializers in order
# (js_decorate_field), each called with the new instance as `this` when it declares it.
def js_field_init(instance, initializers, value):
    for initializer, takes_this in initializers:
        value = initializer(value, this=instance) if takes_this else initializer(value)
    return value
