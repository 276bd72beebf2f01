export { VirtualBoard, VirtualBoardError, type VirtualBoardOptions } from "./virtual-board.js";
export type { VirtualBoardFaults } from "./faults.js";
