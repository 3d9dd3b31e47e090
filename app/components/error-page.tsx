import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { KeptDraftText } from "~/components/kept-draft";
import { useMessage } from "~/i18n/i18n";

/**
 * The error page: a refusal (403, 409…) or a failure, in the reader's language.
 *
 * Root uses it, and so does every route with an action. When an action throws, Remix runs
 * only the loaders above the error boundary: with the boundary on root, the page would lose
 * the root loader's data (language, who is signed in, CSRF token) and show message keys.
 */
export function ErrorPage() {
  const { t } = useTranslation();
  const say = useMessage();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? typeof error.data === "string" && error.data
      ? say(error.data)
      : error.statusText
    : t("common:error.unexpected");
  const title =
    status === 404
      ? t("common:error.notFound")
      : status === 403
        ? t("common:error.forbidden")
        : status === 400
          ? t("common:error.badRequest")
          : status === 409
            ? t("common:error.notNow")
            : t("common:error.title");
  return (
    <>
      <h1>{title}</h1>
      <p role="alert">{message}</p>
      <KeptDraftText />
      <p>
        <Link to="/">{t("common:error.backHome")}</Link>
      </p>
    </>
  );
}
