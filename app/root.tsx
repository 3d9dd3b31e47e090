import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { AuthenticityTokenInput, AuthenticityTokenProvider } from "remix-utils/csrf/react";
import { getActor } from "~/auth.server";
import { csrf } from "~/csrf.server";
import { useNonce } from "~/components/nonce";
import { hasRole, type Actor } from "~/domain/auth/roles";
import stylesheet from "~/styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Civic Budget" },
  { name: "description", content: "Decide together how to spend part of the public budget." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [actor, [csrfToken, csrfCookie]] = await Promise.all([getActor(request), csrf.commitToken(request)]);
  const headers = new Headers();
  if (csrfCookie) headers.append("Set-Cookie", csrfCookie);
  return Response.json({ actor, csrfToken }, { headers });
}

function Header({ actor }: { actor: Actor | null }) {
  return (
    <header className="site-header">
      <div className="wrap header-row">
        <Link to="/" className="brand">
          Civic Budget
        </Link>
        <nav aria-label="Main">
          <ul className="nav">
            <li><NavLink to="/ideas">Ideas</NavLink></li>
            <li><NavLink to="/proposals">Proposals</NavLink></li>
            <li><NavLink to="/vote">Vote</NavLink></li>
            <li><NavLink to="/results">Results</NavLink></li>
            <li><NavLink to="/projects">Projects</NavLink></li>
            {hasRole(actor, "staff") || hasRole(actor, "admin") ? <li><NavLink to="/costing">Costing</NavLink></li> : null}
            {hasRole(actor, "admin") ? <li><NavLink to="/admin">Admin</NavLink></li> : null}
          </ul>
        </nav>
        <div className="account">
          {actor ? (
            <Form method="post" action="/logout" className="inline">
              <AuthenticityTokenInput />
              <span className="muted">{actor.name}</span>{" "}
              <button type="submit" className="link-button">Sign out</button>
            </Form>
          ) : (
            <Link to="/login">Sign in</Link>
          )}
        </div>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  // Layout also wraps error pages, where the loader data may be missing.
  const data = useRouteLoaderData<typeof loader>("root");
  const actor = (data?.actor as Actor | null) ?? null;
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">Skip to content</a>
        <AuthenticityTokenProvider token={data?.csrfToken ?? ""}>
          <Header actor={actor} />
          <main id="main" className="wrap">
            {children}
          </main>
          <footer className="site-footer wrap">
            <p className="muted">Civic Budget — participatory budgeting you can check: every count can be recounted.</p>
          </footer>
        </AuthenticityTokenProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? typeof error.data === "string" && error.data
      ? error.data
      : error.statusText
    : "Something went wrong on our side. Nothing you submitted was lost; please try again.";
  const title =
    status === 404 ? "Page not found" : status === 403 ? "You cannot do this" : status === 400 ? "We could not read that" : "Something went wrong";
  return (
    <>
      <h1>{title}</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to="/">Back to the home page</Link>
      </p>
    </>
  );
}
