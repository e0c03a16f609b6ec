import { useIntl } from 'react-intl';
import { RELATIONSHIPS, type RecommendationSpread, type TeamRollUp } from '../api';
import { bucketMessage, countOf } from '../coverage-spread';
import { useT } from '../i18n/i18n';

/*
 * Charts drawn by hand as inline SVG: the portal cannot take a new npm dependency (the workspace's
 * lockfile is shared and installs are frozen), and two bar charts need none. Each is an image with
 * a <title> that says every number, and every bar carries its number as text, so nothing is known
 * by colour alone.
 */

const ROW_HEIGHT = 26;
const ROW_GAP = 12;
const NAME_WIDTH = 170;
const WIDTH = 640;
const LEGEND_HEIGHT = 30;

/** One horizontal bar per team, its three kinds of recommendation stacked, the legend above. */
export function TeamMixChart({ teams }: { teams: TeamRollUp[] }) {
  const t = useT();
  const { formatNumber } = useIntl();
  const total = (team: TeamRollUp) => RELATIONSHIPS.reduce((sum, kind) => sum + team.counts[kind], 0);
  const most = Math.max(1, ...teams.map(total));
  const barSpace = WIDTH - NAME_WIDTH - 50;
  const height = LEGEND_HEIGHT + teams.length * (ROW_HEIGHT + ROW_GAP);
  const summary = teams
    .map((team) => t('hr.chart.teamMix.team', { name: team.managerName, ...team.counts }))
    .join('; ');
  return (
    <svg className="hr-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="team-mix-title">
      <title id="team-mix-title">{t('hr.chart.teamMix.title', { summary })}</title>
      {RELATIONSHIPS.map((kind, index) => (
        <g key={kind} className={`bar ${kind}`}>
          <rect x={NAME_WIDTH + index * 150} y={4} width={14} height={14} className="bar-fill" />
          <text x={NAME_WIDTH + index * 150 + 20} y={16} className="bar-label">
            {t(`hr.chart.kind.${kind}`)}
          </text>
        </g>
      ))}
      {teams.map((team, row) => {
        const y = LEGEND_HEIGHT + row * (ROW_HEIGHT + ROW_GAP);
        let x = NAME_WIDTH;
        return (
          <g key={team.managerId} data-team={team.managerName}>
            <text x={0} y={y + ROW_HEIGHT * 0.68} className="bar-label">
              {team.managerName.length > 20 ? `${team.managerName.slice(0, 19)}…` : team.managerName}
            </text>
            <rect x={NAME_WIDTH} y={y} width={barSpace} height={ROW_HEIGHT} className="bar-track" />
            {RELATIONSHIPS.map((kind) => {
              const width = (team.counts[kind] / most) * barSpace;
              const segment = (
                <g key={kind} className={`bar ${kind}`}>
                  <rect x={x} y={y} width={width} height={ROW_HEIGHT} className="bar-fill" />
                  {width >= 18 && (
                    <text
                      x={x + width / 2}
                      y={y + ROW_HEIGHT * 0.68}
                      textAnchor="middle"
                      className="bar-inside"
                    >
                      {formatNumber(team.counts[kind])}
                    </text>
                  )}
                </g>
              );
              x += width;
              return segment;
            })}
            <text x={NAME_WIDTH + barSpace + 8} y={y + ROW_HEIGHT * 0.68} className="bar-count">
              {formatNumber(total(team))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const COLUMN_WIDTH = 70;
const PLOT_HEIGHT = 160;
const AXIS_HEIGHT = 44;

/** A histogram: how many people have 0, 1, 2, 3, 4 and 5 or more accepted recommendations. */
export function SpreadChart({ spread }: { spread: RecommendationSpread }) {
  const t = useT();
  const { formatNumber } = useIntl();
  const most = Math.max(1, ...spread.buckets.map((bucket) => bucket.people));
  const width = spread.buckets.length * COLUMN_WIDTH;
  const summary = spread.buckets
    .map((bucket) => {
      const { id, values } = bucketMessage(bucket);
      return t(id, values);
    })
    .join(', ');
  const axisValue = (bucket: RecommendationSpread['buckets'][number]) => {
    const { recommendations, orMore } = countOf(bucket);
    return orMore ? t('hr.chart.spread.axisValueOrMore', { recommendations }) : formatNumber(recommendations);
  };
  return (
    <svg
      className="hr-chart spread-chart"
      viewBox={`0 0 ${width} ${PLOT_HEIGHT + AXIS_HEIGHT + 20}`}
      role="img"
      aria-labelledby="spread-title"
    >
      <title id="spread-title">{t('hr.chart.spread.title', { summary })}</title>
      {spread.buckets.map((bucket, index) => {
        const barHeight = (bucket.people / most) * PLOT_HEIGHT;
        const x = index * COLUMN_WIDTH + 10;
        const top = 20 + PLOT_HEIGHT - barHeight;
        return (
          <g key={bucket.recommendations} className="bar spread" data-bucket={bucket.recommendations}>
            <rect x={x} y={top} width={COLUMN_WIDTH - 20} height={barHeight} className="bar-fill" />
            <text x={x + (COLUMN_WIDTH - 20) / 2} y={top - 6} textAnchor="middle" className="bar-count">
              {formatNumber(bucket.people)}
            </text>
            <text
              x={x + (COLUMN_WIDTH - 20) / 2}
              y={20 + PLOT_HEIGHT + 18}
              textAnchor="middle"
              className="bar-label"
            >
              {axisValue(bucket)}
            </text>
          </g>
        );
      })}
      <text x={width / 2} y={20 + PLOT_HEIGHT + 38} textAnchor="middle" className="bar-label">
        {t('hr.chart.spread.axis')}
      </text>
    </svg>
  );
}
