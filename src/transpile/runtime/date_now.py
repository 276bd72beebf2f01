import time


def date_now():
    # Date.now(): whole milliseconds since the port's epoch, as right as the board's clock.
    return time.time_ns() // 1000000
