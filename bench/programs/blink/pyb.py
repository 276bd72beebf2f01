# A pyboard's LED for the unix port, which has no pyb: the same stub for both sides of the race.
class LED:
    def __init__(self, n):
        self.n = n

    def on(self):
        pass

    def off(self):
        pass
