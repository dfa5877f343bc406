/**
 * Tells the page that frames the embed how tall it would like to be, for the auto-resizing
 * <sightline-graph> element (web/public/embed.js). The message carries only the view id and a
 * height: nothing a hostile parent could use. The element checks the sender's origin and shape.
 */
export const SIZE_MESSAGE_TYPE = 'sightline:embed-size';

export interface SizeMessage {
  type: typeof SIZE_MESSAGE_TYPE;
  version: 1;
  viewId: string;
  height: number;
}

export function postSize(viewId: string, height: number): void {
  if (window.parent === window) return;
  const message: SizeMessage = { type: SIZE_MESSAGE_TYPE, version: 1, viewId, height };
  // Any parent may read a height; nothing else is sent.
  window.parent.postMessage(message, '*');
}
