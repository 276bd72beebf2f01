export { VirtualEsp32, type VirtualEsp32Options, type VirtualEsp32Faults, type TracedPacket } from "./virtual-esp32.js";
export { virtualChipIds } from "./chips.js";
