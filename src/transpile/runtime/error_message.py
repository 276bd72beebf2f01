def error_message(e):
    # Error.message: the constructor's argument (str(e)), or what the program assigned.
    m = getattr(e, "message", None)
    return str(e) if m is None else m
