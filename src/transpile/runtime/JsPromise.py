# A JavaScript promise. Callbacks run as microtasks, in a FIFO queue that runs when the
# module's top-level code ends (JsPromise.jobs(), emitted there) and, under asyncio, in a task
# queued when the first job arrives. Reasons are JavaScript values: a caught exception is
# unwrapped with js_caught, and a reason is raised again with js_throwable.
# An async function's coroutine becomes a promise through JsPromise.of (see _start).
# requires: js_caught, js_throwable, JsObject, AggregateError
import sys

_jobs = []
_unhandled = []
_drain_queued = False
# True while _start steps a coroutine: an `await` of a promise then yields it to _start.
_driving = False


def _queue(job, *args):
    _jobs.append((job, args))
    _wake()


def _wake():
    # With asyncio loaded, pending jobs run in a task of their own, queued once. Jobs queued
    # before the loop runs (`then` before `asyncio.run(main())`) run once the run's first task
    # has taken its first step, as Node runs them when that step parks; a loop that never runs
    # leaves them to the module's end.
    global _drain_queued
    if _jobs and not _drain_queued:
        core = _loop_module()
        if core:
            import asyncio

            _drain_queued = True
            asyncio.create_task(_drain(core.cur_task is None))


async def _drain(before_loop):
    global _drain_queued
    if before_loop:
        import asyncio

        await asyncio.sleep(0)
    try:
        JsPromise.jobs()
    finally:
        _drain_queued = False


class JsPromise:
    _js_no_keys = True  # Object.keys and JSON.stringify see no properties (obj_items)
    def __init__(self, executor=None):
        self._state = 0  # 0 pending, 1 fulfilled, 2 rejected
        self._value = None
        self._reactions = []
        self._handled = False
        if executor:
            resolve, reject = self._settlers()
            try:
                executor(resolve, reject)
            except Exception as e:
                reject(js_caught(e))

    def _settlers(self):
        # JavaScript's resolving functions: the first call of either wins.
        done = [False]

        def resolve(value=None):
            if not done[0]:
                done[0] = True
                self._resolve(value)

        def reject(reason=None):
            if not done[0]:
                done[0] = True
                self._settle(2, reason)

        return resolve, reject

    def _resolve(self, value):
        if value is self:
            self._settle(2, TypeError("Chaining cycle detected for promise"))
        elif isinstance(value, JsPromise) or _is_coroutine(value):
            # Adopting a promise takes a job of its own, as in JavaScript.
            _queue(self._adopt, JsPromise.of(value))
        else:
            self._settle(1, value)

    def _adopt(self, other):
        resolve, reject = self._settlers()
        other.then(resolve, reject)

    def _settle(self, state, value):
        if self._state:
            return
        self._state = state
        self._value = value
        if state == 2 and not self._handled:
            _unhandled.append(self)
        for reaction in self._reactions:
            _queue(_react, reaction, state, value)
        self._reactions = None

    def then(self, on_fulfilled=None, on_rejected=None):
        derived = JsPromise()
        reaction = (derived, on_fulfilled, on_rejected)
        self._handled = True
        if self._state == 0:
            self._reactions.append(reaction)
        else:
            _queue(_react, reaction, self._state, self._value)
        return derived

    def catch(self, on_rejected):
        return self.then(None, on_rejected)

    def finally_(self, on_finally=None):
        if on_finally is None:
            return self.then()
        def fulfilled(value):
            return JsPromise.resolve(on_finally()).then(lambda _: value)

        def rejected(reason):
            def rethrow(_):
                raise js_throwable(reason)

            return JsPromise.resolve(on_finally()).then(rethrow)

        return self.then(fulfilled, rejected)

    def __iter__(self):
        if _driving:
            # Under _start: it resumes the coroutine from a reaction, a microtask later.
            value = yield self
            return value
        # Under asyncio: wait for the settlement on an Event, then read it.
        if not self._state:
            import asyncio

            event = asyncio.Event()
            self.then(lambda _: event.set(), lambda _: event.set())
            _wake()
            yield from event.wait()
        self._handled = True
        if self._state == 2:
            raise js_throwable(self._value)
        return self._value

    __await__ = __iter__

    @staticmethod
    def awaited(value):
        # `await work()` in a module that uses promises: run inline, as Python awaits, but under
        # _start the caller goes on a microtask after the callee ends, as in JavaScript. Outside
        # _start the awaitable itself is awaited: no generator of its own, half the cost per await.
        if not _driving or isinstance(value, JsPromise):
            return value
        return _awaited_later(value)

    @staticmethod
    def returned(value):
        # `return work()` from an async function: JavaScript adopts the returned promise in a
        # job of its own, which calls its then(): the caller settles two microtasks after the
        # return when work() has ended by then, else one after work() ends (the job ran
        # meanwhile and its reaction waits on work()).
        if _driving:
            promise = JsPromise.of(value)
            if promise._state:
                yield from JsPromise.resolve()
            return (yield from promise)
        try:
            result = yield from JsPromise.awaited(value)
        except Exception:
            if _driving:
                yield from JsPromise.resolve()
            raise
        if _driving:
            yield from JsPromise.resolve()
        return result

    @staticmethod
    def of(value):
        # A promise for `value`: itself if it is one, an async function's coroutine started.
        if isinstance(value, JsPromise):
            return value
        promise = JsPromise()
        if _is_coroutine(value) or _is_sleep(value):
            _start(_settle_from(promise, value))
        else:
            promise._settle(1, value)
        return promise

    @staticmethod
    def resolve(value=None):
        # An async call's coroutine stands for the promise JavaScript's call returned, which
        # Promise.resolve (and so all, race, any, allSettled) takes as it is: started now, its
        # reactions queued as it settles, with no adoption job in between.
        if isinstance(value, JsPromise) or _is_coroutine(value) or _is_sleep(value):
            return JsPromise.of(value)
        promise = JsPromise()
        promise._resolve(value)
        return promise

    @staticmethod
    def reject(reason=None):
        promise = JsPromise()
        promise._settle(2, reason)
        return promise

    @staticmethod
    def all(items):
        return _combine(items, lambda value: value, None)

    @staticmethod
    def allSettled(items):
        return _combine(
            items,
            lambda value: JsObject("status", "fulfilled", "value", value),
            lambda reason: JsObject("status", "rejected", "reason", reason),
        )

    @staticmethod
    def any(items):
        return _combine(items, None, lambda reason: reason)

    @staticmethod
    def race(items):
        promise = JsPromise()
        resolve, reject = promise._settlers()
        for item in items:
            JsPromise.resolve(item).then(resolve, reject)
        return promise

    @staticmethod
    def jobs():
        # Runs the microtasks until none is left; a rejection nobody handled by then ends the
        # program as an uncaught exception would (Node exits with its reason).
        while _jobs:
            job, args = _jobs.pop(0)
            job(*args)
        while _unhandled:
            promise = _unhandled.pop(0)
            if not promise._handled:
                del _unhandled[:]
                raise js_throwable(promise._value)


def _combine(items, on_value, on_reason):
    # Promise.all (on_value only), allSettled (both) and any (on_reason only): each item
    # fills its slot; the first reason of `all` or the first value of `any` settles at once.
    promise = JsPromise()
    resolve, reject = promise._settlers()
    slots = []
    left = [1]

    def done():
        left[0] -= 1
        if not left[0]:
            reject(AggregateError(slots)) if on_value is None else resolve(slots)

    def filler(index, convert):
        def fill(result):
            slots[index] = convert(result)
            done()

        return fill

    for item in items:
        index = len(slots)
        slots.append(None)
        left[0] += 1
        JsPromise.resolve(item).then(
            filler(index, on_value) if on_value else resolve,
            filler(index, on_reason) if on_reason else reject,
        )
    done()
    return promise


def _react(reaction, state, value):
    derived, on_fulfilled, on_rejected = reaction
    handler = on_fulfilled if state == 1 else on_rejected
    if handler is None:
        derived._settle(state, value)
        return
    try:
        result = handler(value)
    except Exception as e:
        derived._settle(2, js_caught(e))
        return
    derived._resolve(result)


def _is_coroutine(value):
    return type(value) is _generator_type


def _is_sleep(value):
    # asyncio.sleep_ms(…) handed to the Promise API (`sleep_ms(50).then(…)`, `Promise.race([…])`):
    # no coroutine but asyncio's one SingletonGenerator, whose wake time the call set. Awaited
    # at once, in a task of its own, it is a promise settling then, as on Node.
    return type(value).__name__ == "SingletonGenerator"


async def _coroutine_probe():
    pass


_generator_type = type(_coroutine_probe())


def _awaited_later(coro):
    try:
        result = JsPromise.resolve((yield from coro))
    except Exception as e:
        result = JsPromise.reject(js_caught(e))
    return (yield from result)


def _settle_from(promise, coro):
    # The coroutine's outcome settles the promise, whoever steps it (_start or asyncio).
    try:
        value = yield from coro
    except Exception as e:
        promise._settle(2, js_caught(e))
        return
    promise._resolve(value)


def _start(body):
    # Runs an async function as JavaScript does: at once, up to its first `await`, and on from
    # each awaited promise's reaction. Awaiting anything else is an asyncio wait: it parks the
    # body's own Task (set as asyncio's current task while the body runs), which asyncio's loop
    # then resumes.
    core = _loop_module()
    task = core.Task(body, core.__dict__) if core else None

    def step(value, failed):
        global _driving
        saved = (_driving, core.cur_task if core else None)
        _driving = True
        if core:
            core.cur_task = task
        try:
            awaited = body.throw(js_throwable(value)) if failed else body.send(value)
        except StopIteration:
            return
        finally:
            _driving = saved[0]
            if core:
                core.cur_task = saved[1]
        if isinstance(awaited, JsPromise):
            awaited.then(lambda v: step(v, False), lambda r: step(r, True))

    step(None, False)


def _loop_module():
    if "asyncio" in sys.modules:
        from asyncio import core

        return core
    return None
