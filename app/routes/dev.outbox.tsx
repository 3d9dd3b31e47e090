import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize, getActor } from "~/auth.server";
import { hasRole } from "~/domain/auth/roles";
import { hideAccountLinks } from "~/db/outbox.server";
import { env } from "~/env.server";
import { serverT } from "~/i18n/i18n.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { OUTBOX_DIR } from "~/mail.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "follows:outbox.title");

/** E-mails written to data/outbox when no SMTP server is set. Open in development; the PB office only in production. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, env.NODE_ENV !== "production" || hasRole(actor, "admin"), message("follows:outbox.refused"));
  let files: string[] = [];
  try {
    files = readdirSync(OUTBOX_DIR).filter((f) => f.endsWith(".json")).sort().reverse().slice(0, 100);
  } catch {
    files = [];
  }
  const hidden = (await serverT(request))("follows:outbox.linkHidden");
  const mails = files.map((file) => {
    const mail = JSON.parse(readFileSync(path.join(OUTBOX_DIR, file), "utf8")) as { to?: { address: string }[]; subject?: string; text?: string; date?: string };
    return { file, to: (mail.to ?? []).map((a) => a.address).join(", "), subject: mail.subject ?? "", text: hideAccountLinks(mail.text ?? "", hidden), date: mail.date ?? "" };
  });
  return { mails, smtp: Boolean(env.SMTP_URL) };
}

export default function Outbox() {
  const { t } = useTranslation();
  const { mails, smtp } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("follows:outbox.title")}</h1>
      <p>{smtp ? t("follows:outbox.smtp") : t("follows:outbox.intro")}</p>
      {mails.length === 0 ? <p className="muted">{t("follows:outbox.empty")}</p> : null}
      {mails.map((m) => (
        <article key={m.file} className="card">
          <h2>{m.subject}</h2>
          <p className="muted">{t("follows:outbox.to", { to: m.to, date: m.date })}</p>
          <pre className="mail-text">{m.text}</pre>
        </article>
      ))}
    </div>
  );
}
