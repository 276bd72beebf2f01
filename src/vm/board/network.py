# `network` on the simulated board, as the ESP32 port's WLAN behaves: a station joins whatever
# network it is given, 1000 ms of board time after connect() (tsmp's Node shim does the same).
from utime import ticks_ms, ticks_add, ticks_diff

STA_IF = 0
AP_IF = 1
STAT_IDLE = 1000
STAT_CONNECTING = 1001
STAT_GOT_IP = 1010
STAT_BEACON_TIMEOUT = 200
STAT_NO_AP_FOUND = 201
STAT_WRONG_PASSWORD = 202
STAT_ASSOC_FAIL = 203
STAT_CONNECT_FAIL = 203
STAT_HANDSHAKE_TIMEOUT = 204

_CONNECT_MS = 1000
_STATION = ("192.168.4.2", "255.255.255.0", "192.168.4.1", "192.168.4.1")
_ACCESS_POINT = ("192.168.4.1", "255.255.255.0", "192.168.4.1", "192.168.4.1")


class WLAN:
    def __init__(self, interface_id=STA_IF):
        if interface_id not in (STA_IF, AP_IF):
            raise ValueError("invalid WLAN interface identifier")
        self._if = interface_id
        self._active = False
        self._ssid = ""
        self._due = None
        self._status = STAT_IDLE

    def active(self, is_active=None):
        if is_active is None:
            return self._active
        self._active = bool(is_active)
        if not is_active:
            self.disconnect()

    def connect(self, ssid, key=None, *, bssid=None):
        self._ssid = ssid
        self._due = ticks_add(ticks_ms(), _CONNECT_MS)
        self._status = STAT_CONNECTING

    def disconnect(self):
        self._due = None
        self._status = STAT_IDLE

    def status(self):
        if self._if == AP_IF:
            return STAT_GOT_IP if self._active else STAT_IDLE
        if self._due is not None and ticks_diff(ticks_ms(), self._due) >= 0:
            self._status = STAT_GOT_IP
            self._due = None
        return self._status

    def isconnected(self):
        return self._active and self.status() == STAT_GOT_IP

    def ifconfig(self):
        if self._if == AP_IF:
            return _ACCESS_POINT
        return _STATION if self.isconnected() else ("0.0.0.0",) * 4

    def scan(self):
        return []

    def config(self, param):
        if param in ("essid", "ssid"):
            return self._ssid
        if param == "hostname":
            return "mpy-tsmp"
        if param == "channel":
            return 1
        if param == "txpower":
            return 20
        raise ValueError("unknown config param")
