import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { authorize, getActor } from "~/auth.server";
import { FieldErrors, Notice, SAVED_FORM, SelectField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { addMember, createCommittee, cycleCommittees, delegates, deleteCommittee, removeMember, updateCommittee } from "~/db/committees.server";
import { getCycle } from "~/db/cycles.server";
import { committeePermissions } from "~/domain/committees/permissions";
import { committeeInput, memberInput } from "~/domain/committees/schema";
import { formReply } from "~/http.server";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "committees:admin.metaTitle");

async function guard(request: Request, slug: string | undefined) {
  const actor = await getActor(request);
  authorize(request, actor, committeePermissions.manage(actor), message("committees:refused"));
  const cycle = slug ? await getCycle({ slug }) : null;
  if (!cycle) throw new Response(message("committees:errors.cycleNotFound"), { status: 404 });
  return { actor: actor!, cycle };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await guard(request, params.slug);
  const [committees, people] = await Promise.all([cycleCommittees(cycle.id), delegates()]);
  return {
    cycle: { slug: cycle.slug, name: cycle.name },
    districts: cycle.districts.map((d) => ({ value: d.id, label: d.name })),
    categories: cycle.categories.map((c) => ({ value: c.id, label: c.name })),
    delegates: people.map((p) => ({ value: p.id, label: `${p.name} <${p.email}>` })),
    committees: committees.map((c) => ({
      id: c.id,
      name: c.name,
      districtId: c.districtId,
      categoryId: c.categoryId,
      district: cycle.districts.find((d) => d.id === c.districtId)?.name ?? null,
      category: cycle.categories.find((k) => k.id === c.categoryId)?.name ?? null,
      members: c.members.map((m) => ({ id: m.user.id, name: m.user.name })),
    })),
  };
}

const intent = z.object({ intent: z.enum(["create", "update", "add-member", "remove-member", "delete"]) });
const committeeOf = memberInput.pick({ committeeId: true });

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const formData = await readForm(request);
  const parsed = intent.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response(message("committees:errors.unknownAction"), { status: 400 });
  const back = redirect(`/admin/cycles/${cycle.slug}/committees`);
  if (parsed.data.intent === "create") {
    const submission = parseWithZod(formData, { schema: committeeInput });
    if (submission.status !== "success") return formReply(submission);
    const made = await createCommittee(cycle.id, submission.value, actor);
    if (!made.ok) return formReply(submission, { fieldErrors: { [made.field]: [made.error] } });
    return redirect(`/admin/cycles/${cycle.slug}/committees?created=1`);
  }
  if (parsed.data.intent === "update") {
    const submission = parseWithZod(formData, { schema: committeeInput.merge(committeeOf) });
    if (submission.status !== "success") return formReply(submission);
    const { committeeId, ...fields } = submission.value;
    const changed = await updateCommittee(cycle.id, committeeId, fields, actor);
    if (!changed.ok) return formReply(submission, { fieldErrors: { [changed.field]: [changed.error] } });
    return redirect(`/admin/cycles/${cycle.slug}/committees?changed=${committeeId}#committee-${committeeId}`);
  }
  if (parsed.data.intent === "delete") {
    const which = committeeOf.safeParse(Object.fromEntries(formData));
    const deleted = which.success ? await deleteCommittee(cycle.id, which.data.committeeId, actor) : null;
    // Already gone (a second click, another tab): the page as it now is says so by itself.
    if (!deleted) return back;
    return redirect(`/admin/cycles/${cycle.slug}/committees?deleted=${deleted.left === 0 ? "last" : "1"}`);
  }
  const member = memberInput.safeParse(Object.fromEntries(formData));
  if (!member.success) return data({ memberError: { committeeId: String(formData.get("committeeId") ?? ""), error: member.error.issues[0]?.message ?? "" } }, { status: 400 });
  if (parsed.data.intent === "remove-member") {
    await removeMember(cycle.id, member.data.committeeId, member.data.userId, actor);
    return back;
  }
  const added = await addMember(cycle.id, member.data.committeeId, member.data.userId, actor);
  if (!added.ok) return data({ memberError: { committeeId: member.data.committeeId, error: added.error } }, { status: 400 });
  return back;
}

export default function Committees() {
  const { t } = useTranslation();
  const { cycle, districts, categories, delegates, committees } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const memberError = answer && "memberError" in answer ? answer.memberError : null;
  // A refused form's answer carries what was sent: its committeeId (none for a new one) says which form it belongs to.
  const sent = answer && !("memberError" in answer) ? answer : null;
  const sentFor = (committeeId: string | null) => (sent && (sent.initialValue?.committeeId ?? null) === committeeId ? sent : undefined);
  // Once a committee is made the form starts again for the next one (see SAVED_FORM).
  const created = !answer && searchParams.has("created");
  const [form, fields] = useForm({ lastResult: sentFor(null) ?? (created ? SAVED_FORM : undefined), id: "committee" });
  return (
    <div>
      <p>
        <Link to={`/admin/cycles/${cycle.slug}`}>{t("committees:admin.back", { cycle: cycle.name })}</Link>
      </p>
      <h1>{t("committees:admin.title")}</h1>
      <p>{t("committees:admin.intro")}</p>
      {!answer && searchParams.get("deleted") ? (
        <Notice tone="success">{t(searchParams.get("deleted") === "last" ? "committees:admin.deletedLast" : "committees:admin.deleted")}</Notice>
      ) : null}
      {committees.length === 0 ? <p className="muted">{t("committees:admin.none")}</p> : null}
      {committees.map((c) => (
        <section key={c.id} className="card" aria-labelledby={`committee-${c.id}`}>
          <h2 id={`committee-${c.id}`}>{c.name}</h2>
          <p className="muted">
            {t("committees:scope", { district: c.district ?? t("committees:allDistricts"), category: c.category ?? t("committees:allCategories") })}
          </p>
          {!answer && searchParams.get("changed") === c.id ? <Notice tone="success">{t("committees:admin.changed")}</Notice> : null}
          {c.members.length ? (
            <ul>
              {c.members.map((m) => (
                <li key={m.id}>
                  {m.name}{" "}
                  <Form method="post" className="inline">
                    <AuthenticityTokenInput />
                    <input type="hidden" name="committeeId" value={c.id} />
                    <input type="hidden" name="userId" value={m.id} />
                    <button type="submit" name="intent" value="remove-member" className="link-button" aria-label={t("committees:admin.removeLabel", { name: m.name, committee: c.name })}>
                      {t("committees:admin.remove")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("committees:admin.noMembers")}</p>
          )}
          <Form method="post" className="inline-form">
            <AuthenticityTokenInput />
            <input type="hidden" name="committeeId" value={c.id} />
            <label htmlFor={`member-${c.id}`}>{t("committees:admin.addMember")}</label>{" "}
            <select id={`member-${c.id}`} name="userId" defaultValue="" aria-describedby={`member-${c.id}-errors`}>
              <option value="">{t("common:form.choose")}</option>
              {/* Those already on it are not offered again. */}
              {delegates.filter((d) => !c.members.some((m) => m.id === d.value)).map((d) => (
                <option key={d.value} value={d.value}>{d.label}</option>
              ))}
            </select>{" "}
            <button type="submit" name="intent" value="add-member" className="button-secondary">{t("committees:admin.add")}</button>
            <FieldErrors id={`member-${c.id}-errors`} errors={memberError?.committeeId === c.id ? [memberError.error] : undefined} />
          </Form>
          <CommitteeChange committee={c} districts={districts} categories={categories} lastResult={sentFor(c.id)} />
          <Form method="post">
            <AuthenticityTokenInput />
            <input type="hidden" name="committeeId" value={c.id} />
            <p className="hint">{t(committees.length === 1 ? "committees:admin.deleteHintLast" : "committees:admin.deleteHint")}</p>
            <button type="submit" name="intent" value="delete" className="link-button" aria-label={t("committees:admin.deleteLabel", { committee: c.name })}>
              {t("committees:admin.delete")}
            </button>
          </Form>
        </section>
      ))}
      <section className="card" aria-labelledby="new-committee">
        <h2 id="new-committee">{t("committees:admin.create")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <AuthenticityTokenInput />
          <TextField meta={fields.name} label={t("committees:admin.name")} hint={t("committees:admin.nameHint")} />
          <SelectField meta={fields.districtId} label={t("committees:admin.district")} options={districts} placeholder={t("committees:allDistricts")} />
          <SelectField meta={fields.categoryId} label={t("committees:admin.category")} options={categories} placeholder={t("committees:allCategories")} />
          <button type="submit" name="intent" value="create" className="button">{t("committees:admin.createButton")}</button>
        </Form>
      </section>
    </div>
  );
}

type Choice = { value: string; label: string };

/** Renaming a committee, or moving it to another district or category, folded away until asked for. */
function CommitteeChange({ committee, districts, categories, lastResult }: {
  committee: { id: string; name: string; districtId: string | null; categoryId: string | null };
  districts: Choice[];
  categories: Choice[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `change-${committee.id}`,
    lastResult,
    defaultValue: { name: committee.name, districtId: committee.districtId ?? "", categoryId: committee.categoryId ?? "" },
  });
  return (
    <details open={lastResult !== undefined}>
      <summary>{t("committees:admin.change")}</summary>
      <Form method="post" {...getFormProps(form)} aria-label={t("committees:admin.changeLabel", { committee: committee.name })}>
        <AuthenticityTokenInput />
        <input type="hidden" name="committeeId" value={committee.id} />
        <p className="hint">{t("committees:admin.changeHint")}</p>
        <TextField meta={fields.name} label={t("committees:admin.name")} />
        <SelectField meta={fields.districtId} label={t("committees:admin.district")} options={districts} placeholder={t("committees:allDistricts")} />
        <SelectField meta={fields.categoryId} label={t("committees:admin.category")} options={categories} placeholder={t("committees:allCategories")} />
        <button type="submit" name="intent" value="update" className="button-secondary">{t("committees:admin.changeButton")}</button>
      </Form>
    </details>
  );
}
