import { getFieldsetProps, getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { authorize, getActor } from "~/auth.server";
import { BallotRulesFields } from "~/components/ballot-rules-fields";
import { FieldErrors, FormErrors, TextareaField, TextField } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { formReply } from "~/http.server";
import { createCycle, slugTaken } from "~/db/cycles.server";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { createCycleInput } from "~/domain/cycles/schema";
import { DEFAULT_BALLOT_RULES, stringValues } from "~/domain/cycles/rules-schema";
import type { z } from "zod";

export const meta: MetaFunction = () => [{ title: "Create a cycle · Civic Budget" }];

async function guard(request: Request) {
  const actor = await getActor(request);
  authorize(request, actor, cyclePermissions.manage(actor), "Only the PB office can create cycles.");
  return actor!;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await guard(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await guard(request);
  const formData = await readForm(request);
  const submission = await parseWithZod(formData, {
    schema: createCycleInput.superRefine(async (data, ctx) => {
      if (await slugTaken(data.slug)) ctx.addIssue({ code: "custom", path: ["slug"], message: "Another cycle already uses this web address." });
      const names = data.districts.map((d) => d.name.toLowerCase());
      names.forEach((n, i) => {
        if (names.indexOf(n) !== i) ctx.addIssue({ code: "custom", path: ["districts", i, "name"], message: "Two districts have this name." });
      });
    }),
    async: true,
  });
  if (submission.status !== "success") return formReply(submission);
  const cycle = await createCycle(submission.value, actor);
  return redirect(`/admin/cycles/${cycle.slug}?created=1`);
}

export default function NewCycle() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof createCycleInput>>({
    lastResult,
    defaultValue: { currency: "USD", ...stringValues(DEFAULT_BALLOT_RULES), districts: [{ name: "", budget: "", population: "" }] },
    shouldRevalidate: "onBlur",
  });
  const districts = fields.districts.getFieldList();
  return (
    <div className="narrow">
      <h1>Create a cycle</h1>
      <p>A new cycle starts as a draft that only the PB office can see. Open it for ideas when it is ready.</p>
      <Form method="post" {...getFormProps(form)}>
        <AuthenticityTokenInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.name} label="Name" hint="E.g. “Riverside PB 2027–28”." />
        <TextField meta={fields.slug} label="Web address" hint="Short, e.g. 2027. Used in links." />
        <TextareaField meta={fields.description} label="Description (optional)" rows={3} />
        <TextField meta={fields.currency} label="Currency" />
        <TextField meta={fields.votingOpensOn} label="Voting opens (optional)" type="date" />
        <TextField meta={fields.votingClosesOn} label="Voting closes (optional)" type="date" />
        <fieldset>
          <legend>Districts and budgets</legend>
          {districts.map((district, index) => {
            const f = district.getFieldset();
            return (
              <fieldset key={district.key} {...getFieldsetProps(district)}>
                <legend>District {index + 1}</legend>
                <TextField meta={f.name} label="Name" />
                <TextField meta={f.budget} label="Budget" hint="In currency units, e.g. 250000." />
                <TextField meta={f.population} label="Population (optional)" />
                {districts.length > 1 ? (
                  <button className="link-button" {...form.remove.getButtonProps({ name: fields.districts.name, index })}>Remove district {index + 1}</button>
                ) : null}
              </fieldset>
            );
          })}
          <FieldErrors id={fields.districts.errorId} errors={fields.districts.errors} />
          <button className="button-secondary" {...form.insert.getButtonProps({ name: fields.districts.name, defaultValue: { name: "", budget: "", population: "" } })}>
            Add a district
          </button>
        </fieldset>
        <TextareaField meta={fields.categories} label="Categories" hint="One per line, e.g. Parks, Streets, Schools." rows={4} />
        <BallotRulesFields fields={fields} />
        <button type="submit" className="button">Create cycle</button> <Link to="/admin">Cancel</Link>
      </Form>
    </div>
  );
}
