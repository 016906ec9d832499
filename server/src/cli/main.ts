/**
 * `kep-lens`: commands, options and exit codes. Everything runs in-process
 * and offline; `run` takes its streams so tests can drive it directly.
 */
import * as path from 'node:path';
import { knownKinds } from '../kep/catalog';
import { clip } from '../engine/quote';
import type { MinorVersion, Stage } from '../kep/types';
import { isFinalRelease, releaseTags, releaseVersion, supportedVersions } from '../kep/versions';
import { formatGateTable, gateComponents, gateRows } from './gates';
import { all, choice, parseArgs, single, UsageError, type OptionSpec, type Parsed } from './args';
import { excludeList, loadConfig, locateConfig, parseCodes, parseGateList, targetVersion, unknownGates, type FileConfig } from './config';
import { cardTarget, explainQuery, formatKepTable, kepRows } from './explain';
import { formatGithub, formatJson, formatSarif, formatText, formats, paint, summaryLine, visible, type Report } from './formats';
import type { IgnoreList } from './ignore';
import { failLevels, fails, lint, settingsFor } from './lint';
import { maxWorkers, minFilesForWorkers } from './pool';

export const toolVersion = '0.1.0';

export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIO {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly stdin: () => NodeJS.ReadableStream;
}

export const exitCodes = { clean: 0, findings: 1, usage: 2 } as const;

const versionSpan = `${supportedVersions[0]}–${supportedVersions[supportedVersions.length - 1]}`;
const prereleases = supportedVersions.filter((v) => !isFinalRelease(v));
const prereleaseNote = prereleases.length ? `; ${prereleases.join(', ')} from pre-release tags` : '';

export const helpText = `kep-lens ${toolVersion} — Kubernetes release-aware checks for YAML manifests
(data for Kubernetes ${versionSpan}; default target ${releaseVersion}, the newest release with final-tag data${prereleaseNote})

Usage:
  kep-lens lint [options] [paths…]
      Check files, directories (recursively: *.yaml, *.yml, honouring .gitignore)
      and - (standard input, e.g. helm template … | kep-lens lint -).
      Without paths, checks the current directory.
  kep-lens explain <KEP-NNNN | FeatureGate | field.path --kind Kind | apiVersion --kind Kind>
      Print the card of an enhancement, a feature gate, a field or an apiVersion.
  kep-lens keps [--version 1.NN] [--stage alpha|beta|stable|deprecated|removed] [--format text|json]
      List the enhancements a release lists, with their stage at that version.
  kep-lens gates [--version 1.NN] [--component kubelet|kube-apiserver|…] [--stage …] [--format text|json]
      List every feature gate that exists at a version, with its stage, default and lock.

Options:
  --kubernetes-version <1.NN>    Target Kubernetes version (default: config file, else ${releaseVersion}).
  --feature-gates <A=true,B=false>
                                 Feature gates as your cluster sets them (repeatable).
  --config <file>                Config file (default: kep-lens.yaml or .kep-lens.yaml here).
                                 Keys: kubernetesVersion, featureGates, disabledCodes, exclude.
  --disable <code>               Never report a diagnostic code (repeatable, comma-separated).
  --exclude <glob>               Skip matching files and directories met while walking
                                 directories (.gitignore syntax, repeatable).
  --format <f>                   lint: text, json, sarif or github (default text); keps, gates: text or json.
  --component <name>             gates: only the gates this component reads.
  --fail-on <severity>           Lowest severity that fails the run: error, warning,
                                 information, hint or none (default error).
  --stdin-filename <name>        Name shown for - (default <stdin>).
  -j, --jobs <n|auto>            Threads that check files (default auto: one per CPU, up to ${maxWorkers}, from
                                 ${minFilesForWorkers(2)} files on 2 CPUs, ${minFilesForWorkers(4)} on more; 1: a single thread). Same output.
  --kind <Kind>                  explain: the kind a field path belongs to.
  --quiet                        No summary line.
  --color, --no-color            Force or disable colour (default: on a terminal, unless NO_COLOR).
  -h, --help                     This help.
  --version                      The version of kep-lens.

Per-file "# kep-lens: kubernetesVersion=1.NN featureGates=Name=true" pins and
"# kep-lens-disable[-next-line] code" comments are honoured.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on;
2 usage error, or a path that could not be checked.
`;

const common: Record<string, OptionSpec> = {
  'kubernetes-version': { value: true },
  'feature-gates': { value: true, repeat: true },
  config: { value: true },
  color: {},
  'no-color': {},
  help: { short: 'h' },
};

const commands = ['lint', 'explain', 'keps', 'gates'] as const;
type Command = (typeof commands)[number];

const specs: Record<Command, Record<string, OptionSpec>> = {
  lint: {
    ...common,
    disable: { value: true, repeat: true },
    exclude: { value: true, repeat: true },
    format: { value: true },
    'fail-on': { value: true },
    'stdin-filename': { value: true },
    quiet: { short: 'q' },
    jobs: { value: true, short: 'j' },
  },
  explain: { ...common, kind: { value: true } },
  keps: { ...common, version: { value: true }, stage: { value: true }, format: { value: true } },
  gates: { ...common, version: { value: true }, stage: { value: true }, format: { value: true }, component: { value: true } },
};

interface Context {
  readonly io: CliIO;
  readonly parsed: Parsed;
  readonly config?: FileConfig;
}

function warn(io: CliIO, message: string): void {
  io.stderr.write(`kep-lens: warning: ${visible(message)}\n`);
}

function colourOn(io: CliIO, parsed: Parsed): boolean {
  if (parsed.flags.has('no-color')) return false;
  if (parsed.flags.has('color')) return true;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

function readConfig(io: CliIO, parsed: Parsed): FileConfig | undefined {
  const given = single(parsed, 'config');
  const file = locateConfig(io.cwd, given);
  if (!file) return undefined;
  const shown = given ?? (path.relative(io.cwd, file) || file);
  return loadConfig(file, shown, (m) => warn(io, m));
}

/** Version and gates: options over the config file over the defaults. */
function target(ctx: Context, versionOption = 'kubernetes-version'): { version: MinorVersion; gates: Record<string, boolean> } {
  const given = single(ctx.parsed, versionOption) ?? (versionOption !== 'kubernetes-version' ? single(ctx.parsed, 'kubernetes-version') : undefined);
  const version = given !== undefined ? targetVersion(given, `--${versionOption}`) : ctx.config?.kubernetesVersion ?? releaseVersion;
  const gates: Record<string, boolean> = { ...ctx.config?.featureGates };
  for (const list of all(ctx.parsed, 'feature-gates')) Object.assign(gates, parseGateList(list, '--feature-gates'));
  const unknown = unknownGates(gates);
  if (unknown.length) warn(ctx.io, `feature gate${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} not known to KEP Lens; set anyway`);
  return { version, gates };
}

async function runLint(ctx: Context): Promise<number> {
  const { io, parsed, config } = ctx;
  const format = choice(single(parsed, 'format'), formats, 'format', 'text');
  const failOn = choice(single(parsed, 'fail-on'), failLevels, 'fail-on', 'error');
  const { version, gates } = target(ctx);
  const disabledCodes = [...new Set([...(config?.disabledCodes ?? []), ...parseCodes(all(parsed, 'disable'), '--disable')])];
  const excludes: IgnoreList[] = [];
  const fromConfig = config ? excludeList(path.dirname(config.file), config.exclude, `config ${path.relative(io.cwd, config.file) || config.file}: exclude`) : undefined;
  if (fromConfig) excludes.push(fromConfig);
  const paths = parsed.positionals.length > 0 ? parsed.positionals : ['.'];
  // `--exclude` globs read relative to the working directory and to each path given, so
  // `kep-lens lint /elsewhere/repo --exclude 'vendor/**'` means what it says.
  const excludeBases = [io.cwd, ...paths.filter((p) => p !== '-').map((p) => path.resolve(io.cwd, p))];
  for (const base of [...new Set(excludeBases)]) {
    const fromOptions = excludeList(base, all(parsed, 'exclude'), '--exclude');
    if (fromOptions) excludes.push(fromOptions);
  }
  const settings = settingsFor({ kubernetesVersion: version, featureGates: gates, disabledCodes });
  const jobs = jobsOption(single(parsed, 'jobs'));

  const progress = createProgress(io);
  const result = await lint({
    paths,
    cwd: io.cwd,
    settings,
    excludes,
    stdinName: single(parsed, 'stdin-filename') ?? '<stdin>',
    stdin: io.stdin,
    progress: progress.update,
    jobs,
  });
  progress.done();

  const report: Report = { problems: result.problems, filesChecked: result.filesChecked, ioProblems: result.ioProblems, toolVersion };
  const colour = colourOn(io, parsed);
  const p = paint(colour);
  for (const notice of result.notices) warn(io, notice);
  for (const problem of result.ioProblems) io.stderr.write(`kep-lens: ${visible(problem.file)}: ${visible(problem.message)}\n`);
  switch (format) {
    case 'json':
      io.stdout.write(formatJson(report));
      break;
    case 'sarif':
      io.stdout.write(formatSarif(report));
      break;
    case 'github':
      io.stdout.write(formatGithub(report));
      if (!parsed.flags.has('quiet')) io.stdout.write(`${summaryLine(report)}\n`);
      break;
    default:
      io.stdout.write(formatText(report, p));
      if (!parsed.flags.has('quiet')) {
        const summary = summaryLine(report);
        io.stdout.write(`${result.problems.length > 0 ? '\n' : ''}${result.problems.some((x) => x.severity === 'error') ? p.bold(summary) : summary}\n`);
      }
  }
  if (result.ioProblems.length > 0) return exitCodes.usage;
  return result.problems.some((x) => fails(x.severity, failOn)) ? exitCodes.findings : exitCodes.clean;
}

/** `--jobs 4` → 4; `auto` or absent → undefined (decided from the files and CPUs). */
function jobsOption(value: string | undefined): number | undefined {
  if (value === undefined || value.toLowerCase() === 'auto') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) throw new UsageError(`--jobs must be auto or a number from 1 to 64 (got "${clip(value)}")`);
  return Number(value);
}

/** A single updating line on a terminal's stderr, for long runs only. */
function createProgress(io: CliIO): { update: (done: number, total: number, file: string) => void; done: () => void } {
  const enabled = io.stderr.isTTY === true;
  let shown = false;
  let last = 0;
  return {
    update: (done, total, file) => {
      if (!enabled || total <= 50) return;
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      const columns = Math.max(40, Number(io.env.COLUMNS) || 80);
      const line = `kep-lens: ${done}/${total} ${visible(file)}`;
      io.stderr.write(`\r\x1b[2K${line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line}`);
      shown = true;
    },
    done: () => {
      if (shown) io.stderr.write('\r\x1b[2K');
    },
  };
}

function runExplain(ctx: Context): number {
  const { io, parsed } = ctx;
  const query = parsed.positionals.join(' ').trim();
  if (!query) throw new UsageError('explain needs a KEP (KEP-4639), a feature gate (ImageVolume) or a field path with --kind');
  const { version, gates } = target(ctx);
  const kindOption = single(parsed, 'kind');
  const kind = kindOption === undefined ? undefined : knownKinds().find((k) => k.toLowerCase() === kindOption.toLowerCase()) ?? kindOption;
  const outcome = explainQuery(query, kind, cardTarget(version, gates));
  if (!outcome.card) {
    io.stderr.write(`kep-lens: ${visible(outcome.reason ?? '')}\n`);
    return exitCodes.usage;
  }
  io.stdout.write(`${outcome.card}\n`);
  return exitCodes.clean;
}

const kepStages: readonly Stage[] = ['alpha', 'beta', 'stable', 'deprecated', 'removed'];
const gateStages: readonly Stage[] = ['alpha', 'beta', 'stable', 'deprecated'];

/** What the listing commands share: no arguments, a text or JSON format, a stage filter, the version. */
function listingOptions(ctx: Context, command: string, stages: readonly Stage[]): { format: 'text' | 'json'; stage?: Stage; version: MinorVersion } {
  const { parsed } = ctx;
  if (parsed.positionals.length > 0) throw new UsageError(`${command} takes no arguments (got "${clip(parsed.positionals[0] ?? '')}")`);
  const format = choice(single(parsed, 'format'), ['text', 'json'] as const, 'format', 'text');
  const stageOption = single(parsed, 'stage');
  const stage = stageOption === undefined ? undefined : choice(stageOption, stages, 'stage', 'alpha');
  return { format, stage, version: target(ctx, 'version').version };
}

/** The line that says a version's facts come from pre-release tags; empty for a released version. */
function prereleaseLine(version: MinorVersion): string {
  if (isFinalRelease(version)) return '';
  return `Kubernetes ${version} is not released in the data: its facts come from pre-release tags (${[...new Set(Object.values(releaseTags(version)))].join(', ')}).\n`;
}

function runKeps(ctx: Context): number {
  const { format, stage, version } = listingOptions(ctx, 'keps', kepStages);
  const rows = kepRows(version, stage);
  if (format === 'json') ctx.io.stdout.write(`${JSON.stringify({ version, prerelease: !isFinalRelease(version), sources: releaseTags(version), enhancements: rows }, null, 2)}\n`);
  else ctx.io.stdout.write(`${prereleaseLine(version)}${formatKepTable(rows, version)}`);
  return exitCodes.clean;
}

function runGates(ctx: Context): number {
  const { format, stage, version } = listingOptions(ctx, 'gates', gateStages);
  const componentOption = single(ctx.parsed, 'component');
  const component = componentOption === undefined ? undefined : choice(componentOption, gateComponents(), 'component', 'kubelet');
  const rows = gateRows(version, { component, stage });
  if (format === 'json') ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else ctx.io.stdout.write(`${prereleaseLine(version)}${formatGateTable(rows, version)}`);
  return exitCodes.clean;
}

/** Runs one command line; returns the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.stderr.write(helpText);
      return exitCodes.usage;
    }
    if (command === '-h' || command === '--help' || command === 'help') {
      io.stdout.write(helpText);
      return exitCodes.clean;
    }
    if (command === '--version' || command === '-V') {
      io.stdout.write(`kep-lens ${toolVersion} (data for Kubernetes ${versionSpan}; default target ${releaseVersion}${prereleaseNote})\n`);
      return exitCodes.clean;
    }
    if (!(commands as readonly string[]).includes(command)) {
      throw new UsageError(command.startsWith('-') ? `a command comes first: ${commands.join(', ')} (got ${clip(command)})` : `unknown command "${clip(command)}"; use ${commands.join(', ')}`);
    }
    const parsed = parseArgs(rest, specs[command as Command]);
    if (parsed.flags.has('help')) {
      io.stdout.write(helpText);
      return exitCodes.clean;
    }
    const ctx: Context = { io, parsed, config: readConfig(io, parsed) };
    if (command === 'lint') return await runLint(ctx);
    if (command === 'explain') return runExplain(ctx);
    if (command === 'gates') return runGates(ctx);
    return runKeps(ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`kep-lens: ${visible(error.message)}\nRun "kep-lens --help" for usage.\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
