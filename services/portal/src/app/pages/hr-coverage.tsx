import { useIntl } from 'react-intl';
import { api, COVERAGE_PAGE_SIZE, RELATIONSHIPS, type CoverageScope, type TeamRollUp } from '../api';
import { useT } from '../i18n/i18n';
import { Link } from '../router';
import { ActionButton, Loading, Page, SidewaysScrollBox, useLoad } from '../ui';
import { SpreadChart, TeamMixChart } from './hr-charts';

/** The coverage page's own address for a scope and pages: drilling down and paging are links. */
function coverageHref(scope: CoverageScope, teamsPage = 1, uncoveredPage = 1): string {
  const parameters = new URLSearchParams();
  if (scope.managerId) parameters.set('managerId', scope.managerId);
  if (teamsPage > 1) parameters.set('page', String(teamsPage));
  if (uncoveredPage > 1) parameters.set('uncoveredPage', String(uncoveredPage));
  const query = parameters.toString();
  return query ? `/hr/coverage?${query}` : '/hr/coverage';
}

function Pager({
  label,
  page,
  total,
  hrefOf,
}: {
  label: string;
  page: number;
  total: number;
  hrefOf: (page: number) => string;
}) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / COVERAGE_PAGE_SIZE));
  if (pages === 1) return null;
  return (
    <nav aria-label={label} className="actions">
      {page > 1 && <Link href={hrefOf(page - 1)}>{t('hr.coverage.previousPage')}</Link>}
      <span className="muted">{t('hr.coverage.pageOf', { page, pages })}</span>
      {page < pages && <Link href={hrefOf(page + 1)}>{t('hr.coverage.nextPage')}</Link>}
    </nav>
  );
}

function TeamTable({
  teams,
  scope,
  labelledBy,
}: {
  teams: TeamRollUp[];
  scope: CoverageScope;
  labelledBy: string;
}) {
  const t = useT();
  const { formatNumber } = useIntl();
  return (
    <SidewaysScrollBox labelledBy={labelledBy}>
      <table className="data-table numbers">
        <caption className="visually-hidden">
          {t(scope.managerId ? 'hr.coverage.caption.below' : 'hr.coverage.caption.top')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('hr.coverage.column.team')}</th>
            <th scope="col">{t('hr.coverage.column.members')}</th>
            {RELATIONSHIPS.map((kind) => (
              <th key={kind} scope="col">
                {t(`hr.chart.kind.${kind}`)}
              </th>
            ))}
            <th scope="col">{t('hr.coverage.noRecommendationYet')}</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.managerId} data-team={team.managerName}>
              <th scope="row">
                <Link href={coverageHref({ managerId: team.managerId })}>{team.managerName}</Link>
              </th>
              <td>{formatNumber(team.size)}</td>
              {RELATIONSHIPS.map((kind) => (
                <td key={kind}>{formatNumber(team.counts[kind])}</td>
              ))}
              <td>{formatNumber(team.withoutRecommendation)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </SidewaysScrollBox>
  );
}

function Teams({ scope, page }: { scope: CoverageScope; page: number }) {
  const t = useT();
  const teams = useLoad(() => api.teamCoverage(scope, page), `${scope.managerId ?? ''}:${page}`);
  return (
    <Loading loaded={teams}>
      {(answer) => (
        <>
          {answer.team && (
            <p className="muted">
              {answer.team.parentManagerId ? (
                <Link href={coverageHref({ managerId: answer.team.parentManagerId })}>
                  {t('hr.coverage.upOneLevel')}
                </Link>
              ) : (
                <Link href={coverageHref({})}>{t('hr.coverage.upToCompany')}</Link>
              )}
            </p>
          )}
          {answer.team && (
            <section className="card" aria-labelledby="scope-heading">
              <h2 id="scope-heading">{t('hr.coverage.scopeHeading', { name: answer.team.managerName })}</h2>
              <TeamTable teams={[answer.team]} scope={scope} labelledBy="scope-heading" />
            </section>
          )}
          <section className="card" aria-labelledby="teams-heading">
            <h2 id="teams-heading">{t(scope.managerId ? 'hr.coverage.teamsBelow' : 'hr.coverage.teams')}</h2>
            {answer.items.length === 0 ? (
              <p>{t('hr.coverage.noTeamBelow')}</p>
            ) : (
              <>
                <SidewaysScrollBox labelledBy="teams-heading">
                  <TeamMixChart teams={answer.items} />
                </SidewaysScrollBox>
                <TeamTable teams={answer.items} scope={scope} labelledBy="teams-heading" />
                <Pager
                  label={t('hr.coverage.teamPages')}
                  page={answer.page}
                  total={answer.total}
                  hrefOf={(next) => coverageHref(scope, next)}
                />
              </>
            )}
          </section>
        </>
      )}
    </Loading>
  );
}

function Spread({ scope }: { scope: CoverageScope }) {
  const t = useT();
  const spread = useLoad(() => api.recommendationSpread(scope), scope.managerId ?? '');
  return (
    <section className="card" aria-labelledby="spread-heading">
      <h2 id="spread-heading">{t('hr.coverage.spread')}</h2>
      <Loading loaded={spread}>{(answer) => <SpreadChart spread={answer} />}</Loading>
    </section>
  );
}

function WithoutRecommendation({
  scope,
  teamsPage,
  page,
}: {
  scope: CoverageScope;
  teamsPage: number;
  page: number;
}) {
  const t = useT();
  const uncovered = useLoad(() => api.withoutRecommendation(scope, page), `${scope.managerId ?? ''}:${page}`);
  return (
    <section className="card" aria-labelledby="uncovered-heading">
      <h2 id="uncovered-heading">{t('hr.coverage.noRecommendationYet')}</h2>
      <Loading loaded={uncovered}>
        {(answer) =>
          answer.total === 0 ? (
            <p>{t('hr.coverage.everyoneCovered')}</p>
          ) : (
            <>
              <p className="muted">{t('hr.coverage.uncoveredCount', { count: answer.total })}</p>
              <ul className="people-list">
                {answer.items.map((person) => (
                  <li key={person.employeeId}>
                    <Link href={`/hr/people/${encodeURIComponent(person.employeeId)}`}>{person.name}</Link>
                  </li>
                ))}
              </ul>
              <Pager
                label={t('hr.coverage.uncoveredPages')}
                page={answer.page}
                total={answer.total}
                hrefOf={(next) => coverageHref(scope, teamsPage, next)}
              />
            </>
          )
        }
      </Loading>
    </section>
  );
}

/** Saves the roll-up of the scope as a file, as a download link would with a token. */
async function downloadCsv(scope: CoverageScope): Promise<void> {
  const url = URL.createObjectURL(await api.teamCoverageCsv(scope));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'team-coverage.csv';
  document.body.append(link);
  link.click();
  link.remove();
  // Later, not at once: the browser may still be reading the file when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Where recommendations are missing, team by team through the org chart: for HR. */
export function HrCoveragePage({
  managerId,
  page,
  uncoveredPage,
}: {
  managerId: string | null;
  page: number;
  uncoveredPage: number;
}) {
  const t = useT();
  const scope: CoverageScope = managerId ? { managerId } : {};
  return (
    <Page title={t('hr.coverage.title')}>
      <p>{t('hr.coverage.intro')}</p>
      <p>
        <ActionButton action={() => downloadCsv(scope)}>{t('hr.coverage.downloadCsv')}</ActionButton>
      </p>
      <Teams scope={scope} page={page} />
      <div className="grid-2">
        <Spread scope={scope} />
        <WithoutRecommendation scope={scope} teamsPage={page} page={uncoveredPage} />
      </div>
    </Page>
  );
}
