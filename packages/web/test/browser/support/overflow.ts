import type { Page } from 'playwright-core';

// What makes a page wider than the phone: the document scrolling sideways, or
// an element reaching past the viewport's edge (inside the page's content: past
// that content's edge, into the margin) outside a container that deliberately
// scrolls or clips it (a table in overflow-x:auto, a truncated line).

export interface HorizontalOverflow {
  scrollWidth: number;
  clientWidth: number;
  /** The outermost elements sticking out, described for the failure message. */
  outside: string[];
}

export function horizontalOverflow(page: Page): Promise<HorizontalOverflow> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = document.documentElement.clientWidth;
    const content = document.getElementById('main');
    const contentBox = content?.getBoundingClientRect();
    const frameOf = (node: Node) =>
      contentBox && content?.contains(node)
        ? { left: Math.max(0, contentBox.left), right: Math.min(width, contentBox.right) }
        : { left: 0, right: width };
    const fits = (box: DOMRect, node: Node) => {
      const frame = frameOf(node);
      return box.left >= frame.left - 1 && box.right <= frame.right + 1;
    };

    // The nearest ancestor that does not let its content spill (a text's own
    // element counts: `truncate` clips its text): if it fits, so does whatever it
    // scrolls or clips; if it sticks out itself, its own ancestors decide.
    const contained = (start: Element | null): boolean => {
      for (let box = start; box; box = box.parentElement) {
        if (box === document.body || box === document.documentElement) return false;
        if (getComputedStyle(box).overflowX !== 'visible') {
          return fits(box.getBoundingClientRect(), box) || contained(box.parentElement);
        }
      }
      return false;
    };

    const elementSticksOut = (element: Element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || fits(box, element)) return false;
      if (getComputedStyle(element).visibility === 'hidden') return false;
      return !contained(element.parentElement);
    };

    // A long word overflows its element without making the element wider.
    const textSticksOut = (text: Node) => {
      const range = document.createRange();
      range.selectNodeContents(text);
      const box = range.getBoundingClientRect();
      if (box.width === 0 || fits(box, text)) return false;
      return !contained(text.parentElement);
    };

    const describe = (element: Element, box = element.getBoundingClientRect()) => {
      const id = element.getAttribute('data-testid');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      const classes = String(element.getAttribute('class') ?? '').slice(0, 80);
      const where = `${Math.round(box.left)}..${Math.round(box.right)}`;
      const tag = `${element.tagName.toLowerCase()}${id ? ` ${id}` : ''}`;
      return `<${tag} class="${classes}"> ${where}: ${text}`;
    };

    const texts: Node[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) texts.push(text);

    const elements = [...document.body.querySelectorAll('*')].filter(elementSticksOut);
    const outermost = elements.filter(
      (element) => !elements.some((other) => other !== element && other.contains(element)),
    );
    const words = texts
      .filter(textSticksOut)
      .filter((text) => !elements.some((element) => element.contains(text)))
      .map((text) => {
        const range = document.createRange();
        range.selectNodeContents(text);
        return describe(text.parentElement as Element, range.getBoundingClientRect());
      });
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      outside: [...outermost.map((element) => describe(element)), ...words].slice(0, 8),
    };
  });
}
