/** Every element of `root` with its attributes (in name order) and its own text, one per line. */
export function drawing(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')].map((el) => {
    const attrs = [...el.attributes].map((a) => `${a.name}="${a.value}"`).sort();
    const text = [...el.childNodes]
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent)
      .join('');
    return `<${el.localName} ${attrs.join(' ')}>${text}`;
  });
}

/**
 * jsdom lays nothing out: every element reports `width` as its clientWidth until the returned
 * function is called (Element.prototype keeps its own).
 */
export function stubClientWidth(width: number): () => void {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get: () => width,
  });
  return () => {
    delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  };
}
