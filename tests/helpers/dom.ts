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
