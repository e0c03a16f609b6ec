import { useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { api, RELATIONSHIPS, type Balance } from '../api';
import { Message, useT } from '../i18n/i18n';
import { Link } from '../router';
import { ActionButton, ColleagueName, Loading, Page, useLoad } from '../ui';

const BAR_HEIGHT = 28;
const BAR_GAP = 16;
const LABEL_WIDTH = 130;
const CHART_WIDTH = 420;

/** The three relationships side by side: a picture of whose word the profile carries. */
function BalanceChart({ counts }: { counts: Balance['counts'] }) {
  const t = useT();
  const most = Math.max(1, ...RELATIONSHIPS.map((relationship) => counts[relationship]));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 40;
  const height = RELATIONSHIPS.length * (BAR_HEIGHT + BAR_GAP);
  const summary = RELATIONSHIPS.map((relationship) =>
    t('balance.chart.bar', { label: t(`balance.bar.${relationship}`), count: counts[relationship] }),
  ).join(', ');
  return (
    <svg
      className="balance-chart"
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      role="img"
      aria-labelledby="balance-chart-title"
    >
      <title id="balance-chart-title">{t('balance.chart.title', { summary })}</title>
      {RELATIONSHIPS.map((relationship, index) => {
        const y = index * (BAR_HEIGHT + BAR_GAP);
        const width = (counts[relationship] / most) * barSpace;
        return (
          <g key={relationship} className={`bar ${relationship}`} data-relationship={relationship}>
            <text x={0} y={y + BAR_HEIGHT * 0.68} className="bar-label">
              {t(`balance.bar.${relationship}`)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={barSpace} height={BAR_HEIGHT} rx={4} className="bar-track" />
            <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} rx={4} className="bar-fill" />
            <text x={LABEL_WIDTH + barSpace + 8} y={y + BAR_HEIGHT * 0.68} className="bar-count">
              {counts[relationship]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Suggestion({
  suggestion,
  counts,
}: {
  suggestion: Balance['suggestions'][number];
  counts: Balance['counts'];
}) {
  const t = useT();
  const [asked, setAsked] = useState(false);
  return (
    <li className="row">
      <div>
        <ColleagueName id={suggestion.employeeId} />{' '}
        <span className="muted">
          — {t(`balance.reason.${suggestion.relationship}`, { count: counts[suggestion.relationship] })}
        </span>
      </div>
      <div className="actions">
        {asked ? (
          <span role="status">{t('balance.ask.done')}</span>
        ) : (
          <ActionButton
            variant="primary"
            action={() =>
              api
                .askForRecommendation({
                  recipientId: suggestion.employeeId,
                  relationship: suggestion.relationship,
                })
                .then(() => setAsked(true))
            }
          >
            {t('balance.ask.button')}
          </ActionButton>
        )}
      </div>
    </li>
  );
}

const toConnections = (text: ReactNode[]) => <Link href="/connections">{text}</Link>;

export function BalancePage() {
  const t = useT();
  const intl = useIntl();
  const balance = useLoad(api.balance, 'balance');
  return (
    <Page title={t('balance.title')}>
      <Loading loaded={balance}>
        {(data) => (
          <>
            <section className="card" aria-labelledby="balance-picture-title">
              <h2 id="balance-picture-title">{t('balance.picture.title')}</h2>
              <BalanceChart counts={data.counts} />
              {data.missing.length > 0 && (
                <p>
                  {t('balance.missing', {
                    parts: intl.formatList(
                      data.missing.map((relationship) => t(`balance.missing.${relationship}`)),
                      { type: 'unit', style: 'short' },
                    ),
                  })}
                </p>
              )}
            </section>
            <section className="card" aria-labelledby="whom-to-ask-title">
              <h2 id="whom-to-ask-title">{t('balance.ask.title')}</h2>
              {data.suggestions.length === 0 ? (
                <p className="muted">
                  <Message id="balance.ask.none" values={{ link: toConnections }} />
                </p>
              ) : (
                <ul className="rows">
                  {data.suggestions.map((suggestion) => (
                    <Suggestion key={suggestion.employeeId} suggestion={suggestion} counts={data.counts} />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </Loading>
    </Page>
  );
}
