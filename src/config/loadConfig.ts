import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import YAML from 'yaml';
import { fail, type SourcePosition } from '../diagnostics.js';
import { CONFIG_FILE_NAMES } from '../input/boundary.js';
import { readInputText } from '../input/readInput.js';
import { isKeyLine, keyLineIn } from '../yamlKeys.js';
import { yamlReason } from '../yamlErrors.js';
import { checkConfig, type CheckedConfig } from './schema.js';

/** A project's config file, read and checked. */
export interface ProjectConfig {
  file: string;
  values: CheckedConfig;
  /** The line of the file that sets `key`, for messages. */
  lineOf(key: string): number | undefined;
}

/** How each config file is read into values: parsed text, or a JavaScript module run. `undefined`: the file holds no lectern settings. */
type Reader = (text: string, file: string) => unknown;

/**
 * The config files lectern looks for in a project's root folder, in this order;
 * the first that holds settings is used (package.json only with a "lectern" key).
 */
const CONFIG_FILES: [string, Reader][] = [
  ...CONFIG_FILE_NAMES.map((name): [string, Reader] => [
    name,
    name.endsWith('.json') ? parseJson : /\.ya?ml$/.test(name) ? parseYaml : runModule,
  ]),
  ['package.json', (text, file) => (parseJson(text, file) as { lectern?: unknown } | null)?.lectern],
];

/** The config of the project whose root folder is `root` (see projectRoot), or undefined when it has none. */
export function loadConfig(root: string): ProjectConfig | undefined {
  for (const [name, read] of CONFIG_FILES) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    const text = readInputText(file, 'config', { what: `the config file ${name}` });
    const raw = read(text, file);
    if (raw === undefined) continue;
    const lines = text.split('\n');
    // In package.json, the keys are looked for after its "lectern" key that opens the settings (not a dependency's).
    const from =
      name === 'package.json'
        ? Math.max(
            0,
            lines.findIndex((line) => isKeyLine(line, 'lectern') && /:\s*\{/.test(line)),
          )
        : 0;
    const lineOf = (key: string) => keyLineIn(lines, key, { from });
    return { file, values: checkConfig(raw, file, lineOf), lineOf };
  }
  return undefined;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = offset === undefined ? undefined : text.slice(0, Number(offset)).split('\n').length;
    throw fail('config/json', `${path.basename(file)} is not valid JSON: ${firstLine(error)}`, { file, line });
  }
}

function parseYaml(text: string, file: string): unknown {
  const doc = YAML.parseDocument(text);
  const error = doc.errors[0];
  if (error) {
    throw fail('config/yaml', `${path.basename(file)} is not valid YAML: ${yamlReason(error)}`, {
      file,
      line: error.linePos?.[0].line,
      column: error.linePos?.[0].col,
    });
  }
  return doc.toJS() ?? {};
}

/** The default export of a JavaScript config (or its module.exports), loaded with require(), which also loads ES modules since Node 20.19 and 22.12. */
function runModule(_text: string, file: string): unknown {
  const at: SourcePosition = { file };
  let loaded: unknown;
  try {
    loaded = createRequire(import.meta.url)(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_REQUIRE_ESM') {
      throw fail(
        'config/module',
        `this Node.js (${process.version}) cannot load ${path.basename(file)}; use Node.js 20.19 or 22.12 or newer, or write the settings in lectern.config.json`,
        at,
      );
    }
    throw fail('config/module', `${path.basename(file)} could not be run: ${firstLine(error)}`, at);
  }
  const exports = loaded as { default?: unknown; __esModule?: boolean } | null;
  return exports && typeof exports === 'object' && 'default' in exports ? exports.default : exports;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
