# The blink template (templates/blink/src/main.ts) as a person writes it in MicroPython.
import asyncio
from pyb import LED


async def blink(led, period_ms):
    while True:
        led.on()
        await asyncio.sleep_ms(5)
        led.off()
        await asyncio.sleep_ms(period_ms)


async def main(led1, led2):
    asyncio.create_task(blink(led1, 700))
    asyncio.create_task(blink(led2, 400))
    await asyncio.sleep_ms(10_000)


print("blinking LED 1 every 700 ms and LED 2 every 400 ms for 10 s")
asyncio.run(main(LED(1), LED(2)))
print("done")
