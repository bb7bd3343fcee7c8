import { type GroupSummary, KIND_RESULTS, type SurveyKind } from '@hark/protocol';
import { scaleLinear, scalePoint } from 'd3-scale';
import { area, line } from 'd3-shape';
import { svg, type TemplateResult } from 'lit';

const WIDTH = 640;
const HEIGHT = 220;
const M = { top: 12, right: 16, bottom: 28, left: 44 };

/**
 * The score by day or week as a line, with its 95% confidence band (score ± margin, clamped to the
 * scale). An image with a name; the table after it says the same in text.
 */
export function trendChart(
  kind: SurveyKind,
  days: readonly GroupSummary[],
  labelId: string,
): TemplateResult {
  const points = days.filter((d) => d.score !== null) as (GroupSummary & { score: number })[];
  // The range the kind's result lives in (NPS −100 to 100), not the range of its answers.
  const { min: low, max: high } = KIND_RESULTS[kind];
  const x = scalePoint<string>()
    .domain(points.map((d) => d.key ?? ''))
    .range([M.left, WIDTH - M.right])
    .padding(0.5);
  const y = scaleLinear()
    .domain([low, high])
    .range([HEIGHT - M.bottom, M.top]);
  const clamp = (v: number) => Math.min(high, Math.max(low, v));
  const at = (d: GroupSummary) => x(d.key ?? '') ?? 0;
  const band = area<GroupSummary & { score: number }>()
    .x(at)
    .y0((d) => y(clamp(d.score - (d.marginOfError ?? 0))))
    .y1((d) => y(clamp(d.score + (d.marginOfError ?? 0))));
  const path = line<GroupSummary & { score: number }>()
    .x(at)
    .y((d) => y(d.score));
  const ticks = y.ticks(5);
  return svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby=${labelId}>
    ${ticks.map((t) => svg`<text class="tick" x=${M.left - 6} y=${y(t) + 4} text-anchor="end">${t}</text>`)}
    <line class="axis" x1=${M.left} x2=${WIDTH - M.right} y1=${y(low)} y2=${y(low)}></line>
    <path class="band" d=${band(points) ?? ''}></path>
    <path class="line" d=${path(points) ?? ''}></path>
    ${points.map((d) => svg`<circle class="dot" cx=${at(d)} cy=${y(d.score)} r="3.5"></circle>`)}
    ${points.map((d) => svg`<text class="tick" x=${at(d)} y=${HEIGHT - 8} text-anchor="middle">${(d.key ?? '').replace(/^\d{4}-/, '')}</text>`)}
  </svg>`;
}

/** How many answers gave each score, as bars; the table after it says the same in text. */
export function distributionChart(
  distribution: readonly { score: number; count: number }[],
  labelId: string,
): TemplateResult {
  const x = scalePoint<number>()
    .domain(distribution.map((d) => d.score))
    .range([M.left, WIDTH - M.right])
    .padding(0.5);
  const most = Math.max(1, ...distribution.map((d) => d.count));
  const y = scaleLinear()
    .domain([0, most])
    .range([HEIGHT - M.bottom, M.top]);
  const width = Math.min(36, (WIDTH - M.left - M.right) / Math.max(1, distribution.length) - 6);
  return svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby=${labelId}>
    <line class="axis" x1=${M.left} x2=${WIDTH - M.right} y1=${y(0)} y2=${y(0)}></line>
    ${distribution.map(
      (
        d,
      ) => svg`<rect class="bar" x=${(x(d.score) ?? 0) - width / 2} y=${y(d.count)} width=${width} height=${y(0) - y(d.count)}></rect>
        <text class="tick" x=${x(d.score) ?? 0} y=${HEIGHT - 8} text-anchor="middle">${d.score}</text>
        <text class="tick" x=${x(d.score) ?? 0} y=${y(d.count) - 4} text-anchor="middle">${d.count}</text>`,
    )}
  </svg>`;
}
