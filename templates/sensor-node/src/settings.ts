// How the node behaves; each mode samples at its own rate.
export const settings = {
  /** Milliseconds between readings in the normal and the fast mode (the button switches). */
  sample_ms: { normal: 1000, fast: 250 },
  /** Readings the reported values average over. */
  average_over: 5,
  /** Milliseconds between status lines on the UART. */
  report_ms: 5000,
  /** Attempts per reading before it counts as failed. */
  attempts: 3,
  /** The watchdog resets the board if the sampler stops for this long. */
  watchdog_ms: 4000,
};
