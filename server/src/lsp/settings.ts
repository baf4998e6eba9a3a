import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { resolveSettings, type Settings } from '../core/settings';

/**
 * Settings per document, one promise each, cleared when configuration changes
 * (lsp-sample's getDocumentSettings). Clients without `workspace/configuration`
 * get what they sent in `didChangeConfiguration` or `initializationOptions.settings`.
 */
export class SettingsStore {
  readonly #connection: Connection;
  readonly #pull: boolean;
  readonly #cache = new Map<string, Promise<Settings>>();
  readonly #warned = new Set<string>();
  #pushed: unknown;

  constructor(connection: Connection, canPull: boolean, initial: unknown) {
    this.#connection = connection;
    this.#pull = canPull;
    this.#pushed = initial;
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

  forget(uri: string): void {
    this.#cache.delete(uri);
  }

  async #load(uri: string): Promise<Settings> {
    let raw = this.#pushed;
    if (this.#pull) {
      try {
        raw = await this.#connection.workspace.getConfiguration({ scopeUri: uri, section: 'starNotes' });
      } catch (error) {
        this.#connection.console.warn(`STAR Notes: could not read settings (${String(error)}); using defaults.`);
      }
    }
    const { settings, warnings } = resolveSettings(raw ?? undefined);
    for (const warning of warnings) {
      if (this.#warned.has(warning)) continue;
      this.#warned.add(warning);
      // A notification, not window/showMessageRequest: it needs no answer, so no client can leave it hanging.
      void this.#connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `STAR Notes: ${warning}` });
    }
    return settings;
  }
}
