import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { FormErrors, SelectField, TextareaField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { cycleBySlugOrPhase, cyclePhase } from "~/db/cycles.server";
import { createIdea } from "~/db/ideas.server";
import { districtAndCategoryOf } from "~/guards.server";
import { ideaPermissions } from "~/domain/ideas/permissions";
import { ideaInput } from "~/domain/ideas/schema";
import { LIMITS, takeAttempt } from "~/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Share an idea · Civic Budget" }];

async function guard(request: Request) {
  const actor = await getActor(request);
  const cycle = await cycleBySlugOrPhase(new URL(request.url).searchParams.get("cycle"), "ideas");
  if (!cycle || cycle.phase !== "ideas") {
    throw new Response("Ideas are not being collected right now. You can still read and support existing ideas.", { status: 403 });
  }
  authorize(request, actor, ideaPermissions.submit(actor, { phase: cyclePhase(cycle) }), "Only residents can submit ideas.");
  return { actor: actor!, cycle };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { cycle } = await guard(request);
  return {
    cycle: { slug: cycle.slug, name: cycle.name },
    districts: cycle.districts.map((d) => ({ value: d.id, label: d.name })),
    categories: cycle.categories.map((c) => ({ value: c.id, label: c.name })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request);
  const formData = await readForm(request);
  const limited = await takeAttempt([LIMITS.ideaPerAccount, actor.id]);
  if (limited) return formReply(parseWithZod(formData, { schema: ideaInput }), { formErrors: [limited] }, 429);
  const submission = await parseWithZod(formData, {
    schema: ideaInput.superRefine(districtAndCategoryOf(cycle.id)),
    async: true,
  });
  if (submission.status !== "success") return formReply(submission);
  const idea = await createIdea(cycle.id, submission.value, actor);
  return redirect(`/ideas/${idea.id}?submitted=1`);
}

export default function NewIdea() {
  const { cycle, districts, categories } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ideaInput }),
  });
  return (
    <div className="narrow">
      <h1>Share an idea</h1>
      <p>
        For <strong>{cycle.name}</strong>. Describe a problem or a project for your neighbourhood. Budget delegates will read every idea and turn
        them into proposals; you will see what happens to yours.
      </p>
      <Form method="post" {...getFormProps(form)} action={`/ideas/new?cycle=${cycle.slug}`}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.title} label="Title" hint="A short name, e.g. “Benches along the river path”." />
        <TextareaField meta={fields.description} label="Description" hint="What should be done, where, and who would it help?" rows={6} />
        <SelectField meta={fields.districtId} label="District" options={districts} />
        <SelectField meta={fields.categoryId} label="Category" options={categories} />
        <TextField meta={fields.location} label="Location (optional)" hint="A street, a park, a landmark." />
        <button type="submit" className="button">Submit idea</button> <Link to={`/ideas?cycle=${cycle.slug}`}>Cancel</Link>
      </Form>
    </div>
  );
}
