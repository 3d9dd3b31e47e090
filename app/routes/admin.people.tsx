import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { authorize, getActor } from "~/auth.server";
import { CheckboxField, FormErrors, HiddenContext, Notice, SAVED_FORM, SelectField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { listAgencies } from "~/db/cycles.server";
import { translatedLocales } from "~/db/translations.server";
import { grantRole, peopleWithRoles, revokeRole } from "~/db/users.server";
import { accountPermissions, type GrantedRole } from "~/domain/accounts/permissions";
import { grantRoleInput, revokeRoleInput } from "~/domain/accounts/schema";
import { redirectWithDone, takeDone } from "~/flash.server";
import { formReply } from "~/http.server";
import { localeName } from "~/i18n/config";
import { localeOf } from "~/i18n/i18n.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { useMessage } from "~/i18n/i18n";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:people.metaTitle");

const ROLE_KEYS = { delegate: "admin:people.roles.delegate", staff: "admin:people.roles.staff", admin: "admin:people.roles.admin" } as const satisfies Record<GrantedRole, string>;

async function guard(request: Request) {
  const actor = await getActor(request);
  authorize(request, actor, accountPermissions.manageRoles(actor), message("admin:people.refused"));
  return actor!;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request);
  const [people, agencies, flash] = await Promise.all([peopleWithRoles(), listAgencies(), takeDone(request)]);
  const translated = await translatedLocales("agency", agencies.map((a) => a.id));
  return data(
    {
      people: people.map((p) => ({ id: p.id, name: p.name, email: p.email, roles: p.roles, agency: p.agency?.name ?? null, lead: p.agencyLead })),
      agencies: agencies.map((a) => ({ value: a.id, label: a.name, translatedInto: (translated.get(a.id) ?? []).map(localeName) })),
      granted: flash.done.granted ?? null,
    },
    { headers: flash.headers },
  );
}

const intent = z.object({ intent: z.enum(["grant", "revoke"]) });

export async function action({ request }: ActionFunctionArgs) {
  const actor = await guard(request);
  const formData = await readForm(request);
  const parsed = intent.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response(message("admin:people.errors.unknownAction"), { status: 400 });
  if (parsed.data.intent === "revoke") {
    const which = revokeRoleInput.safeParse(Object.fromEntries(formData));
    if (!which.success) throw new Response(message("admin:people.errors.unknownAction"), { status: 400 });
    const revoked = await revokeRole(which.data.userId, which.data.role, actor);
    if (!revoked.ok) return data({ revokeError: { userId: which.data.userId, error: revoked.error } }, { status: 409 });
    return redirectWithDone(request, "/admin/people", {});
  }
  const submission = parseWithZod(formData, { schema: grantRoleInput });
  if (submission.status !== "success") return formReply(submission);
  // A new agency's name is in the language of the page it was typed on (for readers of another: see useWrittenIn).
  const granted = await grantRole(submission.value, actor, await localeOf(request));
  if (!granted.ok) return formReply(submission, { fieldErrors: { [granted.field]: [granted.error] } });
  return redirectWithDone(request, "/admin/people", { granted: granted.name });
}

export default function People() {
  const { people, agencies, granted } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const say = useMessage();
  const revokeError = answer && "revokeError" in answer ? answer.revokeError : null;
  const lastResult = answer && !("revokeError" in answer) ? answer : granted ? SAVED_FORM : undefined;
  const [form, fields] = useForm<z.input<typeof grantRoleInput>>({ lastResult, id: "grant", shouldRevalidate: "onBlur", defaultValue: { role: "delegate" } });
  return (
    <div>
      <p><Link to="/admin">{t("admin:people.back")}</Link></p>
      <h1>{t("admin:people.title")}</h1>
      <p>{t("admin:people.intro")}</p>
      {granted ? <Notice tone="success">{t("admin:people.granted", { name: granted })}</Notice> : null}
      {revokeError ? <Notice tone="error" focus>{say(revokeError.error)}</Notice> : null}

      <section className="card" aria-labelledby="grant-heading">
        <h2 id="grant-heading">{t("admin:people.grantHeading")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="grant" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextField meta={fields.email} label={t("admin:people.email")} hint={t("admin:people.emailHint")} type="email" autoComplete="off" />
          <SelectField meta={fields.role} label={t("admin:people.role")} options={(Object.keys(ROLE_KEYS) as GrantedRole[]).map((r) => ({ value: r, label: t(ROLE_KEYS[r]) }))} />
          <fieldset>
            <legend>{t("admin:people.staffOnly")}</legend>
            <SelectField meta={fields.agencyId} label={t("admin:people.agency")} options={agencies} placeholder={t("admin:people.noAgency")} />
            <TextField meta={fields.newAgency} label={t("admin:people.newAgency")} hint={t("admin:people.newAgencyHint")} />
            <CheckboxField meta={fields.lead} label={t("admin:people.lead")} />
          </fieldset>
          <button type="submit" className="button">{t("admin:people.grant")}</button>
        </Form>
      </section>

      <h2>{t("admin:people.listHeading", { count: people.length })}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin:people.name")}</th>
              <th scope="col">{t("admin:people.roles.heading")}</th>
              <th scope="col">{t("admin:people.agency")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.name}
                  <br />
                  <span className="muted">{p.email}</span>
                </th>
                <td>
                  <ul className="plain">
                    {p.roles.map((role) => (
                      <li key={role}>
                        {t(ROLE_KEYS[role])}{" "}
                        <Form method="post" className="inline-form">
                          <AuthenticityTokenInput />
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="userId" value={p.id} />
                          <input type="hidden" name="role" value={role} />
                          <button type="submit" className="link-button">
                            {t("admin:people.revoke")}
                            <HiddenContext>{t("admin:people.revokeContext", { role: t(ROLE_KEYS[role]), name: p.name })}</HiddenContext>
                          </button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                  {revokeError?.userId === p.id ? <p className="error">{say(revokeError.error)}</p> : null}
                </td>
                <td>{p.agency ? (p.lead ? t("admin:people.agencyLead", { agency: p.agency }) : p.agency) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="agencies">{t("translations:office.agenciesTitle")}</h2>
      <p>{t("translations:office.agenciesLead")}</p>
      <ul>
        {agencies.map((a) => (
          <li key={a.value}>
            <Link to={`/translate/agency/${a.value}`}>{t("translations:office.agency", { name: a.label })}</Link> —{" "}
            {a.translatedInto.length ? t("translations:office.languages", { languages: a.translatedInto.join(", ") }) : t("translations:office.none")}
          </li>
        ))}
      </ul>
    </div>
  );
}
