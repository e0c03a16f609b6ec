import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';

/** One line of the chart: a latency figure at each throughput measured. */
export interface ChartSeries {
  label: string;
  color: string;
  dashed?: boolean;
  points: Array<{ x: number; y: number; sustainable: boolean }>;
}

const WIDTH = 900;
const HEIGHT = 520;
const MARGIN = { left: 80, right: 220, top: 50, bottom: 60 };
const CHROMIUM = '/usr/bin/chromium';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Powers of ten covering [low, high], for a logarithmic axis. */
function decades(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high)); exponent += 1)
    ticks.push(10 ** exponent);
  return ticks;
}

/** Round steps for a linear axis from 0 to at least `high`. */
function linearTicks(high: number): number[] {
  const rough = high / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? rough;
  return Array.from({ length: Math.ceil(high / step) + 1 }, (_, index) => index * step);
}

/**
 * Latency (log scale, ms) against throughput (per second): a hand-built SVG, so the report needs no
 * charting dependency. Filled markers are sustainable steps, hollow ones are not; `limitY` draws a
 * target as a horizontal line.
 */
export function latencyChartSvg(
  title: string,
  xLabel: string,
  series: ChartSeries[],
  limit?: { y: number; label: string },
): string {
  const points = series
    .flatMap((line) => line.points)
    .filter((point) => point.y > 0 && Number.isFinite(point.y));
  const xTicks = linearTicks(Math.max(1, ...points.map((point) => point.x)));
  const yTicks = decades(
    Math.min(limit?.y ?? Infinity, ...points.map((point) => point.y), 10),
    Math.max(limit?.y ?? 0, ...points.map((point) => point.y), 100),
  );
  const plot = { width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
  const [yLow, yHigh] = [Math.log10(yTicks[0] ?? 1), Math.log10(yTicks[yTicks.length - 1] ?? 10)];
  const xOf = (x: number) => MARGIN.left + (x / (xTicks[xTicks.length - 1] ?? 1)) * plot.width;
  const yOf = (y: number) =>
    MARGIN.top + plot.height - ((Math.log10(y) - yLow) / (yHigh - yLow)) * plot.height;
  const number = (value: number) => value.toLocaleString('en-US');

  const grid = [
    ...xTicks.map(
      (tick) =>
        `<line x1="${xOf(tick)}" y1="${MARGIN.top}" x2="${xOf(tick)}" y2="${MARGIN.top + plot.height}" stroke="#e5e5e5"/>` +
        `<text x="${xOf(tick)}" y="${MARGIN.top + plot.height + 20}" text-anchor="middle">${number(tick)}</text>`,
    ),
    ...yTicks.map(
      (tick) =>
        `<line x1="${MARGIN.left}" y1="${yOf(tick)}" x2="${MARGIN.left + plot.width}" y2="${yOf(tick)}" stroke="#e5e5e5"/>` +
        `<text x="${MARGIN.left - 8}" y="${yOf(tick) + 4}" text-anchor="end">${number(tick)}</text>`,
    ),
  ];
  const lines = series.map((line) => {
    const visible = line.points.filter((point) => point.y > 0 && Number.isFinite(point.y));
    const path = visible.map((point) => `${xOf(point.x).toFixed(1)},${yOf(point.y).toFixed(1)}`).join(' ');
    const markers = visible.map(
      (point) =>
        `<circle cx="${xOf(point.x).toFixed(1)}" cy="${yOf(point.y).toFixed(1)}" r="4" stroke="${line.color}" ` +
        `stroke-width="2" fill="${point.sustainable ? line.color : 'white'}"/>`,
    );
    return (
      `<polyline points="${path}" fill="none" stroke="${line.color}" stroke-width="2"` +
      `${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>${markers.join('')}`
    );
  });
  const legend = series.map(
    (line, index) =>
      `<line x1="${WIDTH - MARGIN.right + 20}" y1="${MARGIN.top + 10 + index * 22}" x2="${WIDTH - MARGIN.right + 50}" ` +
      `y2="${MARGIN.top + 10 + index * 22}" stroke="${line.color}" stroke-width="2"` +
      `${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>` +
      `<text x="${WIDTH - MARGIN.right + 58}" y="${MARGIN.top + 14 + index * 22}">${escapeXml(line.label)}</text>`,
  );
  const legendNote = MARGIN.top + 20 + series.length * 22;
  const target = limit
    ? `<line x1="${MARGIN.left}" y1="${yOf(limit.y)}" x2="${MARGIN.left + plot.width}" y2="${yOf(limit.y)}" ` +
      `stroke="#b00" stroke-dasharray="2 4"/><text x="${MARGIN.left + plot.width - 4}" y="${yOf(limit.y) - 6}" ` +
      `text-anchor="end" fill="#b00">${escapeXml(limit.label)}</text>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" ` +
      `font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="28" text-anchor="middle" font-size="16">${escapeXml(title)}</text>`,
    ...grid,
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plot.width}" height="${plot.height}" fill="none" stroke="#999"/>`,
    target,
    ...lines,
    ...legend,
    `<text x="${WIDTH - MARGIN.right + 20}" y="${legendNote}">filled: sustainable step</text>`,
    `<text x="${WIDTH - MARGIN.right + 20}" y="${legendNote + 18}">hollow: not sustainable</text>`,
    `<text x="${MARGIN.left + plot.width / 2}" y="${HEIGHT - 15}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text x="20" y="${MARGIN.top + plot.height / 2}" text-anchor="middle" ` +
      `transform="rotate(-90 20 ${MARGIN.top + plot.height / 2})">latency (ms, log scale)</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * Renders an SVG file to PNG with Debian's chromium, when it is installed; resolves with whether a
 * PNG was written.
 */
export async function renderPng(svgPath: string, pngPath: string): Promise<boolean> {
  rmSync(pngPath, { force: true });
  if (!existsSync(CHROMIUM)) return false;
  await promisify(execFile)(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      `--screenshot=${pngPath}`,
      `--window-size=${WIDTH},${HEIGHT}`,
      `file://${svgPath}`,
    ],
    { timeout: 120_000 },
  );
  return existsSync(pngPath);
}
