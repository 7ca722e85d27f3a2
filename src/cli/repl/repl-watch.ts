import type { Watcher } from "../../store/watch/watch-types.js";
import { eventLine } from "../format/events.js";
import type { Location } from "../session/location.js";

/** The REPL's one running `.watch` (spec CLI-071): events print as they arrive, between prompts. */
export class ReplWatch {
  private watcher: Watcher | undefined;

  /** Starts a recursive watch of `location`; each event is one line through `print`. */
  async start(location: Location, print: (line: string) => void): Promise<void> {
    const watcher = location.store.watch(location.path, {
      recursive: true,
      onChange: (event) => print(eventLine(event, (path) => location.display(path))),
      onError: (error) => print(`watch ended: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.watcher = watcher;
    await location.run(() => watcher.ready);
  }

  /** Stops the running watch, if any. */
  async stop(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = undefined;
    await watcher?.close();
  }
}
