export { VirtualEsp32, type VirtualEsp32Options, type VirtualEsp32Faults } from "./virtual-esp32.js";
export { virtualChipIds } from "./chips.js";
