import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";

/** Follow or stop following; visitors are offered sign-in instead. Works without JavaScript. */
export function FollowButton({
  target,
  following,
  signedIn,
}: {
  target: { type: "idea" | "proposal" | "project"; id: string };
  following: boolean;
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const followed = new URLSearchParams(location.search).get("followed");
  if (!signedIn) {
    return (
      <p id="follow" className="muted">
        <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t("follows:signInToFollow")}</Link>
      </p>
    );
  }
  return (
    <Form method="post" action="/follows" id="follow" className="inline-form">
      <AuthenticityTokenInput />
      <input type="hidden" name="targetType" value={target.type} />
      <input type="hidden" name="targetId" value={target.id} />
      <input type="hidden" name="follow" value={following ? "no" : "yes"} />
      <button type="submit" className="button-secondary" aria-pressed={following}>
        {following ? t("follows:following") : t("follows:follow")}
      </button>{" "}
      <span className="muted" role="status">
        {followed === "yes" && following ? t("follows:nowFollowing") : followed === "no" && !following ? t("follows:stopped") : t("follows:hint")}
      </span>
    </Form>
  );
}
