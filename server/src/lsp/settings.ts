import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { layerSettings, resolveSettings, type Settings } from '../core/settings';
import { findConfig, type FoundConfig } from '../runtime/configFile';
import { isInside } from '../runtime/files';

interface Options {
  /** Workspace folders as file paths: a document's config file is searched for up to its folder. */
  workspaceFolders: () => readonly string[];
}

/**
 * Settings per document, one promise each, cleared when configuration changes
 * (lsp-sample's getDocumentSettings). The levels, each winning over the one before: the
 * defaults, the nearest config file (`.star-notes.json`, `.star-notes.jsonc`, package.json's
 * `starNotes`), then what the client sends, which is the user's and then the workspace's
 * settings (the VS Code client sends only values someone set, so an untouched setting never
 * hides the config file's). Inline comments come last, in the core. Clients without
 * `workspace/configuration` give what they sent in `didChangeConfiguration` or
 * `initializationOptions.settings`.
 */
export class SettingsStore {
  readonly #connection: Connection;
  readonly #pull: boolean;
  readonly #options: Options;
  readonly #cache = new Map<string, Promise<Settings>>();
  readonly #warned = new Set<string>();
  /** Broken config files already reported: said once, not again at every settings change, until the file changes. */
  readonly #broken = new Set<string>();
  /** Config file per folder searched from, until a config file changes. */
  readonly #configs = new Map<string, FoundConfig | undefined>();
  /** Each config file's modification time and size when it was read, to tell an edit without a file watcher. */
  readonly #stamps = new Map<string, string | undefined>();
  #pushed: unknown;

  constructor(connection: Connection, canPull: boolean, initial: unknown, options: Options) {
    this.#connection = connection;
    this.#pull = canPull;
    this.#pushed = initial;
    this.#options = options;
  }

  get(uri: string): Promise<Settings> {
    let settings = this.#cache.get(uri);
    if (!settings) {
      settings = this.#load(uri);
      this.#cache.set(uri, settings);
    }
    return settings;
  }

  /** After `didChangeConfiguration`: `pushed` is the `starNotes` section when the client sent one. */
  changed(pushed: unknown): void {
    if (pushed !== undefined) this.#pushed = pushed;
    this.#cache.clear();
    this.#warned.clear();
  }

  /** A config file was created, changed or deleted (a file watcher said so): every document's is looked up again. */
  configFilesChanged(): void {
    this.#configs.clear();
    this.#stamps.clear();
    this.#broken.clear();
    this.changed(undefined);
  }

  /**
   * Whether a config file in use was edited or removed since it was read. A `stat` a file, so
   * it can run on every edit: clients that watch no files (Neovim 0.7) still see the file
   * change without a restart.
   */
  configFileEdited(): boolean {
    return [...this.#stamps].some(([path, stamp]) => stampOf(path) !== stamp);
  }

  forget(uri: string): void {
    this.#cache.delete(uri);
  }

  async #load(uri: string): Promise<Settings> {
    let client = this.#pushed;
    if (this.#pull) {
      try {
        client = await this.#connection.workspace.getConfiguration({ scopeUri: uri, section: 'starNotes' });
      } catch (error) {
        this.#connection.console.warn(`STAR Notes: could not read settings (${String(error)}); using defaults.`);
      }
    }
    const found = this.#configFor(uri);
    let file: unknown;
    if (found && 'error' in found) {
      const message = `STAR Notes ignores ${found.path} until it is fixed (${found.error}): the settings it sets are back to their defaults.`;
      if (!this.#broken.has(message)) {
        this.#broken.add(message);
        this.#show(message);
      }
    } else if (found) {
      file = found.raw;
      // Said once with the file's name, so the user knows where to look; the merged check below then says nothing new.
      for (const warning of resolveSettings(file).warnings) this.#warnOnce(`STAR Notes: ${found.path}: ${warning}`, warning);
    }
    const { settings, warnings } = resolveSettings(layerSettings(file, client ?? undefined));
    for (const warning of warnings) this.#warnOnce(`STAR Notes: ${warning}`, warning);
    return settings;
  }

  /** The config file for a document: searched from its folder up to its workspace folder; an unsaved one gets the first folder's. */
  #configFor(uri: string): FoundConfig | undefined {
    const folders = this.#options.workspaceFolders();
    const dir = uri.startsWith('file:') ? folderOf(uri) : folders[0];
    if (dir === undefined) return undefined;
    if (!this.#configs.has(dir)) {
      const found = findConfig(dir, folders.find((folder) => isInside(folder, dir)));
      this.#configs.set(dir, found);
      if (found && !this.#stamps.has(found.path)) this.#stamps.set(found.path, stampOf(found.path));
    }
    return this.#configs.get(dir);
  }

  /** Shows `message` once until settings change; `key` makes one warning count once whatever level said it. */
  #warnOnce(message: string, key = message): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.#show(message);
  }

  #show(message: string): void {
    // A notification, not window/showMessageRequest: it needs no answer, so no client can leave it hanging.
    void this.#connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }
}

function folderOf(uri: string): string | undefined {
  try {
    return dirname(fileURLToPath(uri));
  } catch {
    // A file URI with a host (file://server/share/…) has no path on this platform.
    return undefined;
  }
}

function stampOf(path: string): string | undefined {
  try {
    const { mtimeMs, size } = statSync(path);
    return `${mtimeMs}:${size}`;
  } catch {
    return undefined;
  }
}
