// Stroke icons on a 24×24 grid (2 px round strokes), drawn for Hearth. Each icon is a list of
// SVG path `d` strings so Icon.svelte can render any of them without {@html}.

function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

function rect(x: number, y: number, w: number, h: number, r = 0): string {
  if (r === 0) return `M${x} ${y}h${w}v${h}h${-w}z`;
  return (
    `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}a${r} ${r} 0 0 1 ${-r} ${r}` +
    `h${-(w - 2 * r)}a${r} ${r} 0 0 1 ${-r} ${-r}v${-(h - 2 * r)}a${r} ${r} 0 0 1 ${r} ${-r}z`
  );
}

export const ICONS = {
  stop: [rect(6.5, 6.5, 11, 11, 2)],
  micOff: [rect(9, 2.5, 6, 12, 3), 'M5 10.5v.5a7 7 0 0 0 14 0v-.5', 'M12 18v3.5', 'M8.5 21.5h7', 'M3.5 3.5l17 17'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  gauge: ['M3.5 16a8.5 8.5 0 1 1 17 0', 'M12 16l4-5', circle(12, 16, 1.2)],
  talk: [rect(9, 2.5, 6, 12, 3), 'M5 10.5v.5a7 7 0 0 0 14 0v-.5', 'M12 18v3.5', 'M8.5 21.5h7'],
  library: [
    'M2.5 4.5h6a3.5 3.5 0 0 1 3.5 3.5v13a2.6 2.6 0 0 0-2.6-2.6H2.5z',
    'M21.5 4.5h-6A3.5 3.5 0 0 0 12 8v13a2.6 2.6 0 0 1 2.6-2.6h6.9z',
  ],
  memory: [
    rect(5, 2.5, 14, 19, 2.5),
    'M9 2.5v19',
    'M14 8.2l.9 1.8 2 .3-1.45 1.4.35 2-1.8-.95-1.8.95.35-2-1.45-1.4 2-.3z',
  ],
  personas: [circle(12, 12, 9.5), 'M8.3 14.2a4.4 4.4 0 0 0 7.4 0', 'M9 9.6v.4', 'M15 9.6v.4'],
  settings: [
    'M4 6h8.5',
    'M17.5 6H20',
    'M4 12h2.5',
    'M11.5 12H20',
    'M4 18h10.5',
    'M19.5 18H20',
    circle(15, 6, 2.5),
    circle(9, 12, 2.5),
    circle(17, 18, 2.5),
  ],
  copy: [
    rect(9, 9, 12.5, 12.5, 2.5),
    'M5.5 15H5a2.5 2.5 0 0 1-2.5-2.5V5A2.5 2.5 0 0 1 5 2.5h7.5A2.5 2.5 0 0 1 15 5v.5',
  ],
  check: ['M20 6.5 9.5 17 4 11.5'],
  refresh: ['M20.5 12a8.5 8.5 0 1 1-2.8-6.3L20.5 8', 'M20.5 3.5V8H16'],
  home: ['M3 11 12 3.5 21 11', 'M5.5 9v11.5h13V9', 'M10 20.5v-6h4v6'],
  homeOff: ['M3 11 12 3.5 21 11', 'M5.5 9v11.5h13V9', 'M3 3l18 18'],
  info: [circle(12, 12, 9.5), 'M12 11v5.5', 'M12 7.5v.5'],
  keyboard: [rect(2.5, 6, 19, 12, 2.5), 'M6.5 10h.01', 'M10 10h.01', 'M14 10h.01', 'M17.5 10h.01', 'M7.5 14h9'],
  send: ['M21.5 2.5 11 13', 'M21.5 2.5 15 21.5l-4-8.5-8.5-4z'],
  music: ['M9 18V5.5l12-2.5v13', circle(6, 18, 3), circle(18, 16, 3)],
  chip: [
    rect(5, 5, 14, 14, 2.5),
    rect(9, 9, 6, 6, 1),
    'M9 2v3',
    'M15 2v3',
    'M9 19v3',
    'M15 19v3',
    'M2 9h3',
    'M2 15h3',
    'M19 9h3',
    'M19 15h3',
  ],
  box: ['M21 7.5 12 2.5 3 7.5v9l9 5 9-5z', 'M3 7.5l9 5 9-5', 'M12 12.5v9'],
  shield: ['M12 21.5s8-3.8 8-9.8V5l-8-3-8 3v6.7c0 6 8 9.8 8 9.8z', 'M8.8 11.8l2.2 2.2 4.3-4.4'],
  sparkle: [
    'M12 3l1.9 5.1L19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9z',
    'M19 16l.8 2.2L22 19l-2.2.8L19 22l-.8-2.2L16 19l2.2-.8z',
  ],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof ICONS;
