// The page's undo stack over whole models. Entries are opaque to this module: the shell
// stores each model as its autosave JSON text, so an entry cannot change after it is
// taken and two entries compare as strings. No timers and no DOM: the shell says when
// an edit group ends (focus left the field, typing paused).

/**
 * createHistory({ limit }) -> { record, edit, pause, undo, redo, canUndo, canRedo }.
 * `before` is always the model as it was just before the change being recorded.
 */
export function createHistory({ limit = 100 } = {}) {
  const past = [];
  const future = [];
  let group = null; // the key of the edit group still open: its edits share one step

  function push(before) {
    past.push(before);
    if (past.length > limit) past.shift();
    future.length = 0;
  }

  return {
    /** A replacing action (example, file, link, undoable open): one step of its own. */
    record(before, after) {
      group = null;
      if (before !== after) push(before);
    },
    /** An edit in group `key` (a field's name): the first edit of an open group makes the step. */
    edit(before, key) {
      if (group !== null && group === key) return;
      group = key;
      push(before);
    },
    /** Ends the open group: the next edit starts a new step. */
    pause() {
      group = null;
    },
    /** The model to go back to (null when there is none); `current` becomes redoable. */
    undo(current) {
      group = null;
      if (!past.length) return null;
      future.push(current);
      return past.pop();
    },
    /** The model undone last (null when there is none); `current` becomes undoable again. */
    redo(current) {
      group = null;
      if (!future.length) return null;
      past.push(current);
      return future.pop();
    },
    get canUndo() { return past.length > 0; },
    get canRedo() { return future.length > 0; },
  };
}
