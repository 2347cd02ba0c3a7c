import type { Page } from '@playwright/test';

export interface FocusRing {
  /** What has the keyboard focus: its tag and text, for messages. */
  element: string;
  outlineStyle: string;
  outlineWidth: number;
  /** WCAG contrast of the outline's colour against what it is drawn on. */
  contrast: number;
}

type Rgb = [number, number, number];

/**
 * The focused element's outline as the browser draws it, and its contrast against the colour
 * behind it: the element's own background for a ring drawn inside it (negative offset), else
 * the nearest opaque background around it.
 */
export async function focusRing(page: Page): Promise<FocusRing> {
  const seen = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const opaque = (color: string) => !color.startsWith('rgba') || /,\s*1\)$/.test(color);
    let behind = 'rgb(255, 255, 255)';
    const start = parseFloat(style.outlineOffset) < 0 ? element : element.parentElement;
    for (let node = start; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (opaque(color)) {
        behind = color;
        break;
      }
    }
    return {
      element: `${element.tagName} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"`,
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      behind,
    };
  });
  return {
    element: seen.element,
    outlineStyle: seen.outlineStyle,
    outlineWidth: seen.outlineWidth,
    contrast: contrastRatio(rgbOf(seen.outlineColor), rgbOf(seen.behind)),
  };
}

function rgbOf(color: string): Rgb {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
  if (r === undefined || g === undefined || b === undefined) throw new Error(`not an rgb() colour: ${color}`);
  return [r, g, b];
}

// WCAG 2.2's relative luminance and contrast ratio.
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
