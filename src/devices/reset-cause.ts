/**
 * machine.reset_cause() values, as the ESP32 and rp2 ports number them. Here because every
 * simulated board shares them: the Node shim's, the VM's and the pty boards.
 */
export const ResetCause = { PWRON_RESET: 1, HARD_RESET: 2, WDT_RESET: 3, DEEPSLEEP_RESET: 4, SOFT_RESET: 5 } as const;
