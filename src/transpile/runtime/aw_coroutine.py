# requires: JsPromise
def aw_coroutine(value):
    # A promise handed to asyncio (gather, create_task, wait_for), which takes only coroutines
    # and tasks: a coroutine awaiting it. Coroutines and tasks pass through.
    return _awaiting(value) if type(value) is JsPromise else value


async def _awaiting(promise):
    return await promise
