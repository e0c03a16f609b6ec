import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useT } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { Loading, Page, useLoad } from '../ui';

function Results({ query }: { query: string }) {
  const t = useT();
  const results = useLoad(() => api.searchEmployees(query), query);
  return (
    <Loading loaded={results}>
      {(page) =>
        page.items.length === 0 ? (
          <p role="status">{t('directory.none', { query })}</p>
        ) : (
          <>
            <p role="status" className="muted">
              {t('directory.count', { count: page.items.length })}
            </p>
            <ul className="people">
              {page.items.map((employee) => (
                <li key={employee.id} className="card person">
                  <Link href={`/people/${encodeURIComponent(employee.id)}`}>{employee.name}</Link>
                  {employee.title && <span className="muted">{employee.title}</span>}
                  {employee.headline && <span>{employee.headline}</span>}
                </li>
              ))}
            </ul>
          </>
        )
      }
    </Loading>
  );
}

export function DirectoryPage({ query }: { query: string }) {
  const t = useT();
  const [text, setText] = useState(query);
  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/people?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <Page title={t('directory.title')}>
      <form className="search" role="search" onSubmit={search}>
        <label htmlFor="directory-query">{t('directory.search.label')}</label>
        <div className="inline-form">
          <input id="directory-query" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="primary">
            {t('directory.search.button')}
          </button>
        </div>
      </form>
      {query && <Results query={query} />}
    </Page>
  );
}
