# asyncio as on a board, on top of the VM's PyScript variant of asyncio.
#
# The PyScript variant has no asyncio.run(): its scheduler is driven by JavaScript timers, so
# tasks only advance once the Python code that created them has returned to JavaScript. A board's
# main.py instead calls asyncio.run(main()) and the statements after it run once main() has
# finished. So this module gives asyncio a blocking scheduler, the board's own loop: pop the next
# ready task, step it, and when nothing is ready wait on the board clock until the earliest sleeper
# wakes. Queue order, task states and exception handling follow MicroPython's standard
# extmod/asyncio/core.py, so tasks interleave as they do on a board. Importing it patches the
# asyncio package in place (asyncio.core's globals are what the C Task and TaskQueue use).
import asyncio
from asyncio import core
from _asyncio import Task, TaskQueue
import _board
import select
import socket

CancelledError = core.CancelledError


class IOQueue:
    # MicroPython's IO queue, polled by this loop rather than select.poll: a stream object is ready
    # as its `_ready(writing)` says (the board's UART has it). While a task waits, the queue sits
    # in _board.watched, so the board wakes when the stream's next bytes arrive.
    def __init__(self):
        # id(stream) -> [reading task, writing task, stream]
        self.map = {}

    def _enqueue(self, s, index):
        entry = self.map.get(id(s))
        if entry is None:
            entry = [None, None, s]
            self.map[id(s)] = entry
        entry[index] = core.cur_task
        core.cur_task.data = self
        if self not in _board.watched:
            _board.watched.append(self)

    def queue_read(self, s):
        self._enqueue(s, 0)

    def queue_write(self, s):
        self._enqueue(s, 1)

    # Task.cancel() calls this: a cancelled waiter takes its stream's whole entry with it.
    def remove(self, task):
        for key, entry in list(self.map.items()):
            if entry[0] is task or entry[1] is task:
                del self.map[key]
        self._unwatch_if_empty()

    def _unwatch_if_empty(self):
        if not self.map and self in _board.watched:
            _board.watched.remove(self)

    def poll(self):
        """Queues the tasks whose stream is ready; returns whether any was."""
        woke = False
        for key, entry in list(self.map.items()):
            s = entry[2]
            for index in (0, 1):
                task = entry[index]
                if task is not None and s._ready(index == 1):
                    entry[index] = None
                    core._task_queue.push(task)
                    woke = True
            if entry[0] is None and entry[1] is None:
                del self.map[key]
        self._unwatch_if_empty()
        return woke

    def _poll(self):
        return self.poll()

    def _sockets(self):
        return [(entry[2], (select.POLLIN if entry[0] else 0) | (select.POLLOUT if entry[1] else 0)) for entry in self.map.values() if isinstance(entry[2], socket.socket)]

    def wait(self, ms):
        """While tasks wait on sockets: waits up to ms (-1: no limit) for one of their events, on
        the host and in real time (board time then passes as the host waits), and wakes the tasks
        whose stream is ready; True if any was."""
        poller = select.poll()
        for s, mask in self._sockets():
            poller.register(s, mask)
        poller.poll(ms)
        return self.poll()

    def _next_event_us(self):
        soonest = None
        for entry in self.map.values():
            next_event = getattr(entry[2], "_next_event_us", None)
            due = None if next_event is None else next_event()
            if due is not None and (soonest is None or due < soonest):
                soonest = due
        return soonest


def _new_task_queue():
    # Without the push callback the queue no longer arms a JavaScript timer on every push.
    if core.asyncio_timer is not None:
        core.js.clearTimeout(core.asyncio_timer)
        core.asyncio_timer = None
    core._task_queue = TaskQueue()
    core._io_queue = IOQueue()


def _next_ready_task(main_task):
    while True:
        core._io_queue.poll()
        io_wait = core._io_queue.wait if core._io_queue._sockets() else None
        task = core._task_queue.peek()
        if task:
            if _board.ticks_diff(task.ph_key, _board.ticks_ms()) <= 0:
                return core._task_queue.pop()
            _board.idle(task.ph_key, io_wait)
        elif not core._io_queue.map and (main_task is None or not main_task.state):
            return None
        else:
            # Nothing is scheduled but main_task is unfinished: only a callback or a socket can wake a task.
            _board.idle(None, io_wait)


def run_until_complete(main_task=None):
    finished = (CancelledError, StopIteration)
    while True:
        task = _next_ready_task(main_task)
        if task is None:
            core.cur_task = None
            return None
        core.cur_task = task
        try:
            error = task.data
            if error:
                # A detached task ended with an exception nobody awaited: throwing it back in
                # ends up in the exception handler below.
                task.data = None
                task.coro.throw(error)
            else:
                task.coro.send(None)
        except (CancelledError, Exception) as outcome:
            assert task.data is None
            awaited = task is main_task
            if awaited:
                core.cur_task = None
                if not isinstance(outcome, StopIteration):
                    task.state = False
                    raise outcome
                if task.state is None:
                    task.state = False
            if task.state:
                if task.state is True:
                    task.state = False if awaited else None
                elif callable(task.state):
                    task.state(task, outcome)
                    task.state = False
                    awaited = True
                else:
                    while task.state.peek():
                        core._task_queue.push(task.state.pop())
                        awaited = True
                    task.state = False
                if not awaited and not isinstance(outcome, finished):
                    # Queue it again so the exception handler sees it unless someone awaits it first.
                    core._task_queue.push(task)
                task.data = outcome
            elif task.state is None:
                task.data = error
                core._exc_context["exception"] = error
                core._exc_context["future"] = task
                core.Loop.call_exception_handler(core._exc_context)
            if task is main_task:
                return outcome.value


def run(coro):
    return run_until_complete(core.create_task(coro))


def current_task():
    if core.cur_task is None:
        raise RuntimeError("no running event loop")
    return core.cur_task


def new_event_loop():
    _new_task_queue()
    return core.Loop


async def _stopper():
    pass


_stop_task = None


def _run_forever():
    global _stop_task
    _stop_task = Task(_stopper(), core.__dict__)
    run_until_complete(_stop_task)


def _loop_run_until_complete(awaitable):
    return run_until_complete(core._promote_to_task(awaitable))


def _stop():
    global _stop_task
    if _stop_task is not None:
        core._task_queue.push(_stop_task)
        _stop_task = None


class ThreadSafeFlag:
    # The VM's asyncio has no ThreadSafeFlag (a board's polls it as a stream). On the simulated
    # board, IRQ handlers and timer callbacks run between task steps, so set() can wake the
    # waiting task directly. As on a board (whose asyncio is compiled without asserts), there is
    # one waiting slot: a second waiter takes the place of the first.
    def __init__(self):
        self.state = 0
        self._waiting = None

    def set(self):
        self.state = 1
        task = self._waiting
        if task is not None:
            self._waiting = None
            core._task_queue.push(task)

    def clear(self):
        self.state = 0

    # Task.cancel() calls this to take a waiting task off the flag.
    def remove(self, task):
        if self._waiting is task:
            self._waiting = None

    async def wait(self):
        if not self.state:
            self._waiting = core.cur_task
            core.cur_task.data = self
            yield
        self.state = 0


def _get_event_loop(runq_len=0, waitq_len=0):
    return core.Loop


def _install():
    _new_task_queue()
    core.cur_task = None
    core.Loop.run_forever = _run_forever
    core.Loop.run_until_complete = _loop_run_until_complete
    core.Loop.stop = _stop
    for module in (core, asyncio):
        module.run = run
        module.run_until_complete = run_until_complete
        module.current_task = current_task
        module.new_event_loop = new_event_loop
        module.get_event_loop = _get_event_loop
    asyncio.ThreadSafeFlag = ThreadSafeFlag


_install()
