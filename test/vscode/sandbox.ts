import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GREP_ENV, RESULTS_ENV, USER_DATA_ENV, type TestRunResults } from './results';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test/artifacts');

/** Quiet, offline-friendly defaults so nothing but the extension under test acts on its own. */
export const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'chat.disableAIFeatures': true,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

export interface Sandbox {
  root: string;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  resultsFile: string;
  /** Environment for the process whose extension host runs the tests: a full env, or overrides to merge over process.env. */
  env: NodeJS.ProcessEnv;
  readResults(): TestRunResults | undefined;
  dispose(): void;
}

/** Fresh VS Code profile and a throwaway copy of test/fixtures as the workspace; `grep` picks tests by title. */
export function createSandbox(grep?: string): Sandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'star-notes-vscode-'));
  const workspace = path.join(root, 'workspace');
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const resultsFile = path.join(root, 'results.json');

  fs.cpSync(path.join(REPO_ROOT, 'test/fixtures'), workspace, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  fs.mkdirSync(extensionsDir);

  // The user's word file of whoever runs the tests must not change what they see.
  const env: NodeJS.ProcessEnv = { ...process.env, [RESULTS_ENV]: resultsFile, [GREP_ENV]: grep, [USER_DATA_ENV]: userDataDir, STAR_NOTES_CONFIG_DIR: path.join(root, 'star-notes-config') };
  for (const key of Object.keys(env)) {
    // Variables from an enclosing VS Code (integrated terminal, CI tasks) make
    // code-server and Electron talk to that instance instead of starting
    // fresh. Set to undefined rather than deleted so that the env also
    // overrides process.env when merged over it; spawn drops undefined.
    if (/^(VSCODE_|ELECTRON_)/.test(key)) {
      env[key] = undefined;
    }
  }

  return {
    root,
    workspace,
    userDataDir,
    extensionsDir,
    resultsFile,
    env,
    readResults() {
      try {
        return JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as TestRunResults;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
          return undefined;
        }
        throw err;
      }
    },
    dispose() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
