/**
 * The NVS partition of a simulated ESP32 (`esp32.NVS`): kept by the host rather than in the VM,
 * so that it survives the fresh VM each soft or hard reset starts, as the flash partition
 * survives a board's reset. Its contents are the board's `esp32` module's own record, as JSON.
 */
export class NvsPartition {
  contents = "{}";
}
