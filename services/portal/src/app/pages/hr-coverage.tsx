import { api, COVERAGE_PAGE_SIZE, type CoverageScope, type TeamRollUp } from '../api';
import { Link } from '../router';
import { ActionButton, Loading, Page, useLoad } from '../ui';
import { KIND_LABELS, SpreadChart, TeamMixChart } from './hr-charts';

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
  const pages = Math.max(1, Math.ceil(total / COVERAGE_PAGE_SIZE));
  if (pages === 1) return null;
  return (
    <nav aria-label={label} className="actions">
      {page > 1 && <Link href={hrefOf(page - 1)}>Previous page</Link>}
      <span className="muted">
        Page {page} of {pages}
      </span>
      {page < pages && <Link href={hrefOf(page + 1)}>Next page</Link>}
    </nav>
  );
}

function TeamTable({ teams, scope }: { teams: TeamRollUp[]; scope: CoverageScope }) {
  return (
    <table className="data-table numbers">
      <caption className="visually-hidden">
        Teams {scope.managerId ? 'one level down' : 'at the top of the org chart'}, each with everyone below
        its manager
      </caption>
      <thead>
        <tr>
          <th scope="col">Team of</th>
          <th scope="col">Members</th>
          {Object.values(KIND_LABELS).map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
          <th scope="col">No recommendation yet</th>
        </tr>
      </thead>
      <tbody>
        {teams.map((team) => (
          <tr key={team.managerId} data-team={team.managerName}>
            <th scope="row">
              <Link href={coverageHref({ managerId: team.managerId })}>{team.managerName}</Link>
            </th>
            <td>{team.size}</td>
            <td>{team.counts.supervisor}</td>
            <td>{team.counts.coworker}</td>
            <td>{team.counts.subordinate}</td>
            <td>{team.withoutRecommendation}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Teams({ scope, page }: { scope: CoverageScope; page: number }) {
  const teams = useLoad(() => api.teamCoverage(scope, page), `${scope.managerId ?? ''}:${page}`);
  return (
    <Loading loaded={teams}>
      {(answer) => (
        <>
          {answer.team && (
            <p className="muted">
              {answer.team.parentManagerId ? (
                <Link href={coverageHref({ managerId: answer.team.parentManagerId })}>Up one level</Link>
              ) : (
                <Link href={coverageHref({})}>Up to the whole company</Link>
              )}
            </p>
          )}
          {answer.team && (
            <section className="card" aria-labelledby="scope-heading">
              <h2 id="scope-heading">Team of {answer.team.managerName}, everyone below them</h2>
              <TeamTable teams={[answer.team]} scope={scope} />
            </section>
          )}
          <section className="card" aria-labelledby="teams-heading">
            <h2 id="teams-heading">{scope.managerId ? 'Teams one level down' : 'Teams'}</h2>
            {answer.items.length === 0 ? (
              <p>No team below this one.</p>
            ) : (
              <>
                <TeamMixChart teams={answer.items} />
                <TeamTable teams={answer.items} scope={scope} />
                <Pager
                  label="Pages of teams"
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
  const spread = useLoad(() => api.recommendationSpread(scope), scope.managerId ?? '');
  return (
    <section className="card" aria-labelledby="spread-heading">
      <h2 id="spread-heading">Recommendations per person</h2>
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
  const uncovered = useLoad(() => api.withoutRecommendation(scope, page), `${scope.managerId ?? ''}:${page}`);
  return (
    <section className="card" aria-labelledby="uncovered-heading">
      <h2 id="uncovered-heading">No recommendation yet</h2>
      <Loading loaded={uncovered}>
        {(answer) =>
          answer.total === 0 ? (
            <p>Everyone here has an accepted recommendation.</p>
          ) : (
            <>
              <p className="muted">
                {answer.total} {answer.total === 1 ? 'person has' : 'people have'} no accepted recommendation.
              </p>
              <ul className="people-list">
                {answer.items.map((person) => (
                  <li key={person.employeeId}>
                    <Link href={`/hr/people/${encodeURIComponent(person.employeeId)}`}>{person.name}</Link>
                  </li>
                ))}
              </ul>
              <Pager
                label="Pages of people without a recommendation"
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
  const scope: CoverageScope = managerId ? { managerId } : {};
  return (
    <Page title="Coverage">
      <p>
        A team is a manager and everyone below them. Counts are accepted recommendations its members received.
      </p>
      <p>
        <ActionButton action={() => downloadCsv(scope)}>Download CSV</ActionButton>
      </p>
      <Teams scope={scope} page={page} />
      <div className="grid-2">
        <Spread scope={scope} />
        <WithoutRecommendation scope={scope} teamsPage={page} page={uncoveredPage} />
      </div>
    </Page>
  );
}
