import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// A generated project of plain TypeScript modules (classes, enums, loops, closures, try/finally),
// about 94 lines each, that the transpile and dev-loop benchmarks build.

function generatedModule(index: number): string {
  return `import { clamp, Level } from "./shared";

export enum Mode${index} {
  Idle,
  Running = 5,
  Done,
}

export interface Reading${index} {
  value: number;
  label: string;
}

export class Sensor${index} {
  private readings: number[] = [];
  static created = 0;

  constructor(public readonly name: string, private scale = ${index + 1}) {
    Sensor${index}.created++;
  }

  record(value: number): void {
    this.readings.push(clamp(value * this.scale, 0, 1000));
  }

  average(): number {
    let total = 0;
    for (let i = 0; i < this.readings.length; i++) {
      total += this.readings[i];
    }
    return this.readings.length === 0 ? 0 : total / this.readings.length;
  }

  describe(): string {
    const level = this.average() > 500 ? Level.High : Level.Low;
    return \`\${this.name}: \${this.readings.length} readings, level \${level}\`;
  }
}

export class FilteredSensor${index} extends Sensor${index} {
  threshold = ${index % 7};

  constructor(name: string) {
    super(name, 2);
  }

  override record(value: number): void {
    if (value < this.threshold) return;
    super.record(value);
  }
}

export function summarize${index}(values: number[]): Reading${index} {
  let max = -1;
  let count = 0;
  for (const value of values) {
    if (value > max) max = value;
    count += 1;
  }
  let label = "";
  let i = 0;
  while (i < count) {
    if (i % 2 === 0) {
      i++;
      continue;
    }
    label += String.fromCharCode(65 + (i % 26));
    i++;
  }
  return { value: max, label };
}

export function run${index}(mode: Mode${index}): number {
  const sensor = new FilteredSensor${index}("s${index}");
  for (let k = 0; k < 10; k++) sensor.record(k * ${index});
  try {
    if (mode === Mode${index}.Done) throw new Error("already done");
    const counter = (() => {
      let n = 0;
      return () => {
        n += 1;
        return n;
      };
    })();
    counter();
    return sensor.average() + counter();
  } catch (e) {
    return -1;
  } finally {
    Sensor${index}.created = 0;
  }
}
`;
}

export function generateProject(root: string, moduleCount: number): { lines: number; bytes: number } {
  mkdirSync(join(root, "src"), { recursive: true });
  writeFileSync(
    join(root, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          lib: ["ES2022"],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        include: ["src"],
      },
      null,
      2,
    ),
  );
  const files: Record<string, string> = {
    "globals.d.ts": "interface Console {\n  log(...data: unknown[]): void;\n}\ndeclare var console: Console;\n",
    "shared.ts": `export enum Level {\n  Low = "low",\n  High = "high",\n}\n\nexport function clamp(v: number, lo: number, hi: number): number {\n  return v < lo ? lo : v > hi ? hi : v;\n}\n`,
  };
  const imports: string[] = [];
  const calls: string[] = [];
  for (let index = 0; index < moduleCount; index++) {
    files[`module${index}.ts`] = generatedModule(index);
    imports.push(`import { run${index}, Mode${index} } from "./module${index}";`);
    calls.push(`console.log(run${index}(Mode${index}.Running));`);
  }
  files["main.ts"] = `${imports.join("\n")}\n\n${calls.join("\n")}\n`;
  let lines = 0;
  let bytes = 0;
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(root, "src", name), text);
    if (name.endsWith(".d.ts")) continue;
    lines += text.split("\n").length - 1;
    bytes += Buffer.byteLength(text);
  }
  return { lines, bytes };
}
