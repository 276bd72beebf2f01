# Standard (ECMAScript) class decorators, applied last written first: each gets the class and a
# context { kind, name, addInitializer }, and a function it returns replaces the class. The
# initializers added run once every decorator is done, with the final class as `this`.
# requires: JsObject
def js_decorate_class(cls, name, decorators):
    initializers = []
    done = [False]

    def add_initializer(initializer):
        if done[0]:
            raise TypeError("Cannot add initializers after decoration has completed")
        initializers.append(initializer)

    for decorator in reversed(decorators):
        context = JsObject("kind", "class", "name", name, "addInitializer", add_initializer)
        result = decorator(cls, context)
        if result is not None:
            if not callable(result):
                raise TypeError("Function expected")
            cls = result
    done[0] = True
    for initializer in initializers:
        initializer(cls)
    return cls
