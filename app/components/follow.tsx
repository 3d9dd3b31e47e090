import { Form, Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { accountPermissions } from "~/domain/accounts/permissions";
import type { Actor } from "~/domain/auth/roles";

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
  // A follower whose address is not confirmed yet gets no e-mail: said where they follow (in place of
  // "you will get an e-mail"), with a new link on offer.
  const actor = useRouteLoaderData<{ actor: Actor | null }>("root")?.actor;
  const unconfirmed = following && accountPermissions.offerConfirmationLink(actor);
  if (!signedIn) {
    return (
      <p id="follow" className="muted">
        <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t("follows:signInToFollow")}</Link>
      </p>
    );
  }
  return (
    <>
      <Form method="post" action="/follows" id="follow" className="inline-form">
        <AuthenticityTokenInput />
        <input type="hidden" name="targetType" value={target.type} />
        <input type="hidden" name="targetId" value={target.id} />
        <input type="hidden" name="follow" value={following ? "no" : "yes"} />
        <button type="submit" className="button-secondary">
          {following ? t("follows:following") : t("follows:follow")}
        </button>{" "}
        <span className="muted" role="status">
          {unconfirmed
            ? t("auth:confirm.pending", { email: actor.email })
            : following
              ? t("follows:nowFollowing")
              : followed === "no"
                ? t("follows:stopped")
                : t("follows:hint")}
        </span>
      </Form>
      {unconfirmed ? <SendConfirmationAgain /> : null}
    </>
  );
}

/** A new confirmation link for the signed-in person's address, then back to this page. Works without JavaScript. */
export function SendConfirmationAgain() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/confirm-email" className="inline-form">
      <AuthenticityTokenInput />
      <input type="hidden" name="intent" value="resend" />
      <input type="hidden" name="redirectTo" value={location.pathname} />
      <button type="submit" className="link-button">{t("auth:confirm.sendAgain")}</button>
    </Form>
  );
}
