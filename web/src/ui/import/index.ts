/**
 * Import from the explorer, for editors only (reading needs no login): an "Import" button in the
 * header opens the Import dialog (./dialog.ts). Whether the button shows is derived from the
 * session (GET /api/auth/me, see ../login.ts), never stored; readers and visitors don't see it
 * (the login menu says editing needs an editor account).
 */
import './import.css';
import type { Explorer } from '../../app.js';
import { h } from '../dom.js';
import { canEdit, onAuthChange } from '../login.js';
import { ImportDialog } from './dialog.js';

/** Wires the Import button into `root` (an element of the header). */
export function attachImport(explorer: Explorer, root: HTMLElement): void {
  let dialog: ImportDialog | null = null;
  const button = h(
    'button',
    { type: 'button', className: 'btn btn--small', id: 'btn-import', 'aria-haspopup': 'dialog', title: 'Import actors and relationships from a file (FollowTheMoney, CSV, Cytoscape JSON)' },
    'Import…',
  );
  button.addEventListener('click', () => {
    dialog ??= new ImportDialog(explorer, button);
    dialog.show();
  });
  root.replaceChildren(button);
  onAuthChange(() => {
    root.hidden = !canEdit();
    if (!canEdit() && dialog?.open) dialog.close();
  });
}
