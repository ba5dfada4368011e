/** A one-line progress bar on a terminal; nothing when output is piped or in CI. */
export interface Progress {
  /** Clears the bar so that a line can be printed, then draws it again. */
  around(print: () => void): void;
  /** One more item done. */
  tick(): void;
  done(): void;
}

const WIDTH = 30;

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr, label = 'decks'): Progress {
  const shown = total > 1 && stream.isTTY === true && !process.env.CI;
  let count = 0;
  const draw = () => {
    if (!shown) return;
    const filled = Math.round((count / total) * WIDTH);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${count}/${total} ${label}`);
  };
  const clear = () => shown && stream.write(`\r${' '.repeat(WIDTH + 20 + label.length)}\r`);
  draw();
  return {
    around(print) {
      clear();
      print();
      draw();
    },
    tick() {
      count++;
      draw();
    },
    done: clear,
  };
}
