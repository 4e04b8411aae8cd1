// Where the caret of a textarea is on screen, for a popup under it. A
// hidden copy of the textarea (same box, font and wrapping) holds the text
// before the caret; a marker after it gives the position.

const copied = [
  'boxSizing', 'width', 'overflowX', 'overflowY',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily',
  'textAlign', 'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize',
  'whiteSpace', 'wordWrap', 'overflowWrap', 'wordBreak',
] as const;

/** caretRect returns the caret's position at `pos` in the viewport: left, top and bottom of its line. */
export function caretRect(ta: HTMLTextAreaElement, pos: number): { left: number; top: number; bottom: number } {
  const cs = getComputedStyle(ta);
  const div = document.createElement('div');
  const st = div.style as unknown as Record<string, string>;
  for (const p of copied) st[p] = (cs as unknown as Record<string, string>)[p] ?? '';
  div.style.position = 'absolute';
  div.style.visibility = 'hidden';
  div.style.top = '0';
  div.style.left = '-9999px';
  div.style.height = 'auto';
  div.style.whiteSpace = 'pre-wrap';
  div.style.overflowWrap = 'break-word';
  div.textContent = ta.value.slice(0, pos);
  const mark = document.createElement('span');
  mark.textContent = ta.value.slice(pos, pos + 1) || '\u200b';
  div.appendChild(mark);
  document.body.appendChild(div);
  const line = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.4 || 18;
  const box = ta.getBoundingClientRect();
  // offsetTop/Left count from inside the copy's border.
  const top = box.top + (parseFloat(cs.borderTopWidth) || 0) + mark.offsetTop - ta.scrollTop;
  const left = box.left + (parseFloat(cs.borderLeftWidth) || 0) + mark.offsetLeft - ta.scrollLeft;
  div.remove();
  return { left, top, bottom: top + line };
}
