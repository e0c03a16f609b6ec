import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { Link, navigate } from '../router';
import { Loading, Page, useLoad } from '../ui';

function Results({ query }: { query: string }) {
  const results = useLoad(() => api.searchEmployees(query), query);
  return (
    <Loading loaded={results}>
      {(page) =>
        page.items.length === 0 ? (
          <p role="status">Nobody matches “{query}”.</p>
        ) : (
          <>
            <p role="status" className="muted">
              {page.items.length} {page.items.length === 1 ? 'colleague' : 'colleagues'}
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
  const [text, setText] = useState(query);
  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/people?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <Page title="People">
      <form className="search" role="search" onSubmit={search}>
        <label htmlFor="directory-query">Search by name, email or job title</label>
        <div className="inline-form">
          <input id="directory-query" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="primary">
            Search
          </button>
        </div>
      </form>
      {query && <Results query={query} />}
    </Page>
  );
}
