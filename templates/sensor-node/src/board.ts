// Where things are wired. Change these to match your board: this is an ESP32 DevKit layout
// (I2C 0 on GPIO 22/21, the BOOT button on GPIO 0, the LED on GPIO 2, UART 1 on GPIO 17/16).
export const I2C_ID = 0;
export const SCL_PIN = 22;
export const SDA_PIN = 21;
export const SENSOR_ADDRESS = 0x44;
export const BUTTON_PIN = 0;
export const LED_PIN = 2;
export const UART_ID = 1;
export const TX_PIN = 17;
export const RX_PIN = 16;
