import { useState } from 'react';
import { api, RELATIONSHIPS, type Balance, type Relationship } from '../api';
import { Link } from '../router';
import { ActionButton, ColleagueName, Loading, Page, useLoad } from '../ui';

const BAR_LABELS: Record<Relationship, string> = {
  supervisor: 'From managers',
  coworker: 'From co-workers',
  subordinate: 'From reports',
};

const BAR_HEIGHT = 28;
const BAR_GAP = 16;
const LABEL_WIDTH = 130;
const CHART_WIDTH = 420;

/** The three relationships side by side: a picture of whose word the profile carries. */
function BalanceChart({ counts }: { counts: Balance['counts'] }) {
  const most = Math.max(1, ...RELATIONSHIPS.map((relationship) => counts[relationship]));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 40;
  const height = RELATIONSHIPS.length * (BAR_HEIGHT + BAR_GAP);
  const summary = RELATIONSHIPS.map(
    (relationship) => `${BAR_LABELS[relationship]}: ${counts[relationship]}`,
  ).join(', ');
  return (
    <svg
      className="balance-chart"
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      role="img"
      aria-labelledby="balance-chart-title"
    >
      <title id="balance-chart-title">Accepted recommendations. {summary}</title>
      {RELATIONSHIPS.map((relationship, index) => {
        const y = index * (BAR_HEIGHT + BAR_GAP);
        const width = (counts[relationship] / most) * barSpace;
        return (
          <g key={relationship} className={`bar ${relationship}`} data-relationship={relationship}>
            <text x={0} y={y + BAR_HEIGHT * 0.68} className="bar-label">
              {BAR_LABELS[relationship]}
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

function Suggestion({ suggestion }: { suggestion: Balance['suggestions'][number] }) {
  const [asked, setAsked] = useState(false);
  return (
    <li className="row">
      <div>
        <ColleagueName id={suggestion.employeeId} /> <span className="muted">— {suggestion.reason}</span>
      </div>
      <div className="actions">
        {asked ? (
          <span role="status">Asked</span>
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
            Ask
          </ActionButton>
        )}
      </div>
    </li>
  );
}

export function BalancePage() {
  const balance = useLoad(api.balance, 'balance');
  return (
    <Page title="Your balance">
      <Loading loaded={balance}>
        {(data) => (
          <>
            <section className="card" aria-labelledby="balance-picture-title">
              <h2 id="balance-picture-title">Whose word your profile carries</h2>
              <BalanceChart counts={data.counts} />
              {data.missing.length > 0 && (
                <p>
                  Missing:{' '}
                  {data.missing.map((relationship) => BAR_LABELS[relationship].toLowerCase()).join(', ')}.
                </p>
              )}
            </section>
            <section className="card" aria-labelledby="whom-to-ask-title">
              <h2 id="whom-to-ask-title">Whom to ask</h2>
              {data.suggestions.length === 0 ? (
                <p className="muted">
                  No one to suggest right now. <Link href="/connections">Connect with more colleagues</Link>.
                </p>
              ) : (
                <ul className="rows">
                  {data.suggestions.map((suggestion) => (
                    <Suggestion key={suggestion.employeeId} suggestion={suggestion} />
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
