// Small notices at the bottom of the window, for results of actions that have
// no better place (errors that belong to a dialog are shown in the dialog).

export type ToastKind = 'info' | 'error';

/** ToastAction is a button on a notice, such as Undo. */
export interface ToastAction {
  label: string;
  run: () => void;
  /** For an Undo button: what it undoes (UndoInfo.what), so the notice goes once that is undone another way. */
  undoes?: string;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action?: ToastAction;
}

let next = 1;

class Toasts {
  items = $state<Toast[]>([]);

  /** show adds a notice that disappears by itself (errors stay longer). */
  show(message: string, kind: ToastKind = 'info', action?: ToastAction): number {
    const id = next++;
    this.items = [...this.items, { id, kind, message, action }];
    setTimeout(() => this.dismiss(id), kind === 'error' ? 9000 : action ? 7000 : 4000);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }

  /** undone removes the notices whose Undo button would take back `what`, now undone. */
  undone(what: string): void {
    this.items = this.items.filter((t) => t.action?.undoes !== what);
  }
}

export const toasts = new Toasts();

/** messageOf turns anything thrown into words for the user. */
export function messageOf(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return 'Something went wrong.';
}
