/**
 * `tsmp/network` ⇔ MicroPython's `network` (WLAN as on the ESP32 port). On the simulated board a
 * station connects to whatever network it is given, `connectMs` of board time after `connect()`
 * (1000 ms unless a test sets the Wi-Fi up otherwise with tsmp/testing's `wifi` option, which can
 * also make it fail).
 * https://docs.micropython.org/en/latest/library/network.html
 * https://docs.micropython.org/en/latest/library/network.WLAN.html
 */
import type { KwArgs } from "./kwargs.js";
import { ValueError } from "./exceptions.js";
import { runtime, type Runtime } from "./runtime.js";

export const STA_IF = 0;
export const AP_IF = 1;
export const STAT_IDLE = 1000;
export const STAT_CONNECTING = 1001;
export const STAT_GOT_IP = 1010;
export const STAT_BEACON_TIMEOUT = 200;
export const STAT_NO_AP_FOUND = 201;
export const STAT_WRONG_PASSWORD = 202;
export const STAT_ASSOC_FAIL = 203;
export const STAT_CONNECT_FAIL = 203;
export const STAT_HANDSHAKE_TIMEOUT = 204;

/** How the simulated Wi-Fi answers a connect (tsmp/testing sets it per run). */
export interface SimulatedWifi {
  /** Board time from `connect()` to an address (default 1000 ms). */
  connectMs?: number;
  /** Makes every connect end this way instead of with an address. */
  fail?: "no-ap-found" | "wrong-password";
}

const wifiSlot = Symbol.for("tsmp.simulatedWifi");
type WifiHolder = { [wifiSlot]?: WeakMap<Runtime, SimulatedWifi> };

/** Sets how the current simulated board's Wi-Fi behaves (tsmp/testing calls this). */
export function simulateWifi(rt: Runtime, wifi: SimulatedWifi): void {
  const holder = globalThis as WifiHolder;
  (holder[wifiSlot] ??= new WeakMap()).set(rt, wifi);
}

function wifiOf(rt: Runtime): SimulatedWifi {
  return (globalThis as WifiHolder)[wifiSlot]?.get(rt) ?? {};
}

export type IfConfig = [ip: string, subnet: string, gateway: string, dns: string];

const STATION_ADDRESS: IfConfig = ["192.168.4.2", "255.255.255.0", "192.168.4.1", "192.168.4.1"];
const ACCESS_POINT_ADDRESS: IfConfig = ["192.168.4.1", "255.255.255.0", "192.168.4.1", "192.168.4.1"];

/** A Wi-Fi interface: the station (`STA_IF`) joins a network, the access point (`AP_IF`) makes one. */
export class WLAN {
  private isActive = false;
  private ssid = "";
  /** Board time (ms) at which the pending connect ends, and how. */
  private connecting: { atMs: number; outcome: number } | undefined;
  private connectedStatus = STAT_IDLE;

  constructor(readonly interface_id: number = STA_IF) {
    if (interface_id !== STA_IF && interface_id !== AP_IF) throw new ValueError("invalid WLAN interface identifier");
  }

  /** Whether the interface is up; `active(true)` brings it up. */
  active(): boolean;
  active(is_active: boolean): void;
  active(is_active?: boolean): boolean | void {
    if (is_active === undefined) return this.isActive;
    this.isActive = is_active;
    if (!is_active) this.disconnect();
  }

  /** Starts joining `ssid`; poll `isconnected()` or `status()` for the outcome. */
  connect(ssid: string, key?: string, options?: KwArgs<{ bssid?: Uint8Array }>): void {
    void key;
    void options;
    const rt = runtime();
    const wifi = wifiOf(rt);
    this.ssid = ssid;
    const outcome = wifi.fail === "no-ap-found" ? STAT_NO_AP_FOUND : wifi.fail === "wrong-password" ? STAT_WRONG_PASSWORD : STAT_GOT_IP;
    this.connecting = { atMs: rt.clock.nowMs() + (wifi.connectMs ?? 1000), outcome };
    this.connectedStatus = STAT_CONNECTING;
  }

  disconnect(): void {
    this.connecting = undefined;
    this.connectedStatus = STAT_IDLE;
  }

  /** The connection's state: `STAT_IDLE`, `STAT_CONNECTING`, `STAT_GOT_IP` or a failure. */
  status(): number {
    if (this.interface_id === AP_IF) return this.isActive ? STAT_GOT_IP : STAT_IDLE;
    if (this.connecting !== undefined && runtime().clock.nowMs() >= this.connecting.atMs) {
      this.connectedStatus = this.connecting.outcome;
      this.connecting = undefined;
    }
    return this.connectedStatus;
  }

  isconnected(): boolean {
    return this.isActive && this.status() === STAT_GOT_IP;
  }

  /** (ip, subnet, gateway, dns): the station's once connected, zeros before. */
  ifconfig(): IfConfig {
    if (this.interface_id === AP_IF) return [...ACCESS_POINT_ADDRESS];
    return this.isconnected() ? [...STATION_ADDRESS] : ["0.0.0.0", "0.0.0.0", "0.0.0.0", "0.0.0.0"];
  }

  /** Networks in range: (ssid, bssid, channel, RSSI, security, hidden) each; none on the simulated board. */
  scan(): [Uint8Array, Uint8Array, number, number, number, boolean][] {
    return [];
  }

  /** Reads one parameter (`config("essid")`, `config("channel")`). */
  config(param: "essid" | "ssid" | "hostname" | "channel" | "txpower"): string | number {
    switch (param) {
      case "essid":
      case "ssid":
        return this.ssid;
      case "hostname":
        return "mpy-tsmp";
      case "channel":
        return 1;
      case "txpower":
        return 20;
      default:
        throw new ValueError("unknown config param");
    }
  }
}
