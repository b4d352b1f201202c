#!/usr/bin/env node
// `npm start`: the sync server (embedded PostgreSQL unless DATABASE_URL is set), then the desk app
// connected to it. Where the desk app cannot open (no display, no Electron binary) it says so in
// one sentence and keeps the server running until Ctrl-C.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const isWindows = process.platform === 'win32';

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
let stopping = false;
let exitCode = 0;

function say(message) {
  console.log(`[start] ${message}`);
}

/** Where a desk on this machine reaches the server (a wildcard listen address is not dialable). */
function serverUrlFromEnv(env) {
  const port = env.PORT || '8080';
  let host = env.HOST || '127.0.0.1';
  if (host === '0.0.0.0') host = '127.0.0.1';
  if (host === '::' || host === '[::]') host = '::1';
  if (host.includes(':') && !host.startsWith('[')) host = `[${host}]`;
  return `http://${host}:${port}`;
}

function track(child, name, onExit) {
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    onExit?.(code, signal);
    if (stopping && children.size === 0) process.exit(exitCode);
  });
  child.on('error', (error) => {
    children.delete(child);
    say(`${name} could not be started: ${error.message}`);
  });
  return child;
}

let firstSignalAt = 0;
function stop(signal) {
  const now = Date.now();
  if (stopping) {
    // npm and the terminal may both pass on one Ctrl-C; only a later, deliberate one forces.
    if (now - firstSignalAt < 1500) return;
    say('Forcing the remaining processes to stop.');
    for (const child of children) child.kill('SIGKILL');
    return;
  }
  stopping = true;
  firstSignalAt = now;
  if (children.size === 0) process.exit(exitCode);
  for (const child of children) child.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
if (!isWindows) process.on('SIGHUP', () => stop('SIGTERM'));

function run(command, args, options = {}) {
  return new Promise((resolveRun) => {
    const child = track(spawn(command, args, { cwd: root, stdio: 'inherit', ...options }), command);
    let stdout = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.on('exit', (code) => resolveRun({ code: code ?? 1, stdout }));
    child.on('error', () => resolveRun({ code: 1, stdout }));
  });
}

function npmRun(script) {
  const npmCli = process.env.npm_execpath; // set when we were started by npm
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return run(process.execPath, [npmCli, 'run', script]);
  return run(isWindows ? 'npm.cmd' : 'npm', ['run', script], { shell: isWindows });
}

// --- build (only what is missing or older than its sources) ---------------------------------

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function isStale(outputs, inputs) {
  if (!outputs.every((file) => existsSync(join(root, file)))) return true;
  const built = Math.min(...outputs.map((file) => statSync(join(root, file)).mtimeMs));
  return Math.max(...inputs.map((input) => newestMtime(join(root, input)))) > built;
}

async function buildIfStale() {
  if (isStale(['dist/renderer/index.html'], ['renderer', 'shared'])) {
    say('Building the desk app (renderer)…');
    if ((await npmRun('build:renderer')).code !== 0) return false;
  }
  if (isStale(['dist-electron/main.cjs', 'dist-electron/preload.cjs'], ['electron', 'shared', 'scripts/build-electron.mjs'])) {
    say('Building the desk app (Electron main and preload)…');
    if ((await run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')])).code !== 0) return false;
  }
  return true;
}

// --- Electron -----------------------------------------------------------------------------------

/** The Electron binary if it is already on disk; never downloads. */
function installedElectron() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  let relative = null;
  try {
    relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    // not downloaded yet
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : relative ? join(dir, 'dist', relative) : null;
  return binary && existsSync(binary) ? binary : null;
}

async function findElectron() {
  const installed = installedElectron();
  if (installed) return { binary: installed };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return { problem: 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set)' };
  }
  // Electron fetches its binary on the first require('electron'); do that in a child process so a
  // slow or failing download cannot hang this one.
  say('Fetching the Electron binary (first start only)…');
  const result = await run(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 10 * 60_000,
  });
  const binary = result.stdout.trim();
  if (result.code === 0 && binary && existsSync(binary)) return { binary };
  return {
    problem: 'the Electron binary is not installed and could not be downloaded (run `npx install-electron` with internet access)',
  };
}

function displayProblem() {
  if (process.platform !== 'linux') return null;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  }
  if (process.getuid?.() === 0) return 'it is running as root, where Electron refuses to start with its sandbox on';
  return null;
}

function cannotOpen(reason, url) {
  console.log(
    `The desk app cannot open here because ${reason}; the sync server keeps running at ${url} — press Ctrl-C to stop it.`,
  );
}

// --- sync server -------------------------------------------------------------------------------

function startServer() {
  const env = { ...process.env, DATA_DIR: process.env.DATA_DIR || './data' };
  // `node --import tsx` is `tsx` without its extra relay process: signals reach the server directly.
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  return track(
    spawn(process.execPath, ['--import', tsx, 'sync-server/main.ts'], { cwd: root, stdio: 'inherit', env }),
    'The sync server',
    (code, signal) => {
      if (stopping) {
        exitCode = code ?? 0;
        return;
      }
      say(`The sync server stopped (${signal ?? `exit code ${code}`}).`);
      exitCode = code || 1;
      stop('SIGTERM');
    },
  );
}

async function waitUntilHealthy(url, server) {
  const started = Date.now();
  let hinted = false;
  while (!stopping && server.exitCode === null && server.signalCode === null) {
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    if (!hinted && Date.now() - started > 5000) {
      hinted = true;
      say(`Waiting for the sync server at ${url} (the first start sets up its database, which can take a minute)…`);
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  return false;
}

async function main() {
  const url = serverUrlFromEnv(process.env);
  const server = startServer();
  if (!(await waitUntilHealthy(url, server))) return; // the exit handler has said why
  say(`The sync server is ready at ${url}.`);

  const problem = displayProblem();
  if (problem) return cannotOpen(problem, url);
  const electron = await findElectron();
  if (stopping) return;
  if (electron.problem) return cannotOpen(electron.problem, url);
  if (!(await buildIfStale())) return cannotOpen('building it failed (see the messages above)', url);
  if (stopping) return;

  const env = { ...process.env, DESK_SERVER_URL: url };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node.js
  say('Opening the desk app…');
  track(spawn(electron.binary, ['.'], { cwd: root, stdio: 'inherit', env }), 'The desk app', (code, signal) => {
    if (stopping) return;
    if (code === 0) {
      say('The desk app was closed; stopping the sync server.');
      stop('SIGTERM');
    } else {
      console.log(
        `The desk app stopped unexpectedly (${signal ?? `exit code ${code}`}); the sync server keeps running at ${url} — press Ctrl-C to stop it.`,
      );
    }
  });
}

main().catch((error) => {
  console.error(error);
  exitCode = 1;
  stop('SIGTERM');
});
