import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A router of our own: the history API, a hook for the current location, and a link. */
const NAVIGATED = 'vouch:navigated';

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATED));
}

export interface Location {
  pathname: string;
  search: URLSearchParams;
  /** Path and query, as a sign-in should come back to it. */
  href: string;
}

function currentLocation(): Location {
  const { pathname, search } = window.location;
  return { pathname, search: new URLSearchParams(search), href: pathname + search };
}

export function useLocation(): Location {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const update = () => setLocation(currentLocation());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return location;
}

/** An ordinary link (middle-click and "open in new tab" keep working) that navigates in place. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
