/** A gate named in a `--feature-gates=` argument, with offsets inside the argument text. */
export interface GateFlag {
  name: string;
  value?: boolean;
  start: number;
  end: number;
}

const flagPattern = /--feature-gates(?:=|\s+)([^\s"']+)/g;

/** Gates set by `--feature-gates=A=true,B=false` in a command-line argument (also inside a shell string). */
export function featureGateFlags(argument: string): GateFlag[] {
  const gates: GateFlag[] = [];
  for (const match of argument.matchAll(flagPattern)) {
    const list = match[1] ?? '';
    let offset = (match.index ?? 0) + match[0].length - list.length;
    for (const item of list.split(',')) {
      const [name = '', value] = item.split('=');
      if (/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
        gates.push({ name, value: value === 'true' ? true : value === 'false' ? false : undefined, start: offset, end: offset + name.length });
      }
      offset += item.length + 1;
    }
  }
  return gates;
}
