import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { readForm } from "~/csrf.server";
import { loadCycleFor } from "~/guards.server";
import { ideaTitles, importIdeas } from "~/db/ideas.server";
import { csvFileText } from "~/domain/csv";
import { checkIdeaImport, IDEA_IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "~/domain/ideas/import";
import { ideaPermissions } from "~/domain/ideas/permissions";
import { useMessage } from "~/i18n/i18n";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";
import { localeOf } from "~/i18n/i18n.server";

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "imports:metaTitle");

const guard = (request: Request, slug: string | undefined) =>
  loadCycleFor(request, slug, (actor, cycle) => ideaPermissions.import(actor, cycle), message("imports:refused"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await guard(request, params.slug);
  return { cycle: { slug: cycle.slug, name: cycle.name } };
}

const importForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("check"), csv: z.string().max(1_000_000).default("") }),
  z.object({ intent: z.literal("import"), csv: z.string().max(1_000_000), skipInvalid: z.literal("yes").optional() }),
]);

/** The CSV from the uploaded file, or else from the text box; or why it cannot be read. */
async function csvText(formData: FormData): Promise<{ csv: string } | { error: string }> {
  const tooLarge = { error: message("imports:tooLarge", { kb: MAX_IMPORT_BYTES / 1000, max: MAX_IMPORT_ROWS }) };
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMPORT_BYTES) return tooLarge;
    const text = csvFileText(new Uint8Array(await file.arrayBuffer()));
    return text === null ? { error: message("imports:notUtf8") } : { csv: text };
  }
  const pasted = formData.get("csv");
  const csv = typeof pasted === "string" ? pasted : "";
  return Buffer.byteLength(csv) > MAX_IMPORT_BYTES ? tooLarge : { csv };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, cycle } = await guard(request, params.slug);
  const formData = await readForm(request);
  const read = await csvText(formData);
  if ("error" in read) return data({ error: read.error, csv: "", check: null }, { status: 400 });
  const parsed = importForm.safeParse({ ...Object.fromEntries(formData), csv: read.csv });
  if (!parsed.success) return data({ error: message("imports:badForm"), csv: "", check: null }, { status: 400 });
  const { csv } = parsed.data;
  if (!csv.trim()) return data({ error: message("imports:nothingSent"), csv, check: null }, { status: 400 });

  const check = checkIdeaImport(csv, { districts: cycle.districts, categories: cycle.categories, existing: await ideaTitles(cycle.id) });
  const invalidRows = check.rows.length - check.valid.length;
  if (parsed.data.intent === "check" || check.fileProblems.length > 0) {
    return data({ error: null, csv, check }, { status: check.fileProblems.length > 0 || invalidRows > 0 ? 400 : 200 });
  }
  if (check.valid.length === 0) return data({ error: message("imports:noValidRows"), csv, check }, { status: 400 });
  // Leaving rows behind is a decision the admin makes explicitly, never a side effect.
  if (invalidRows > 0 && parsed.data.skipInvalid !== "yes") {
    return data({ error: message("imports:confirmSkip", { count: invalidRows }), csv, check }, { status: 400 });
  }
  const imported = await importIdeas(cycle.id, check.valid, actor, await localeOf(request));
  return redirect(`/admin/cycles/${cycle.slug}/import-ideas?imported=${imported.count}&first=${imported.first}&last=${imported.last}`);
}

function ProblemList({ problems }: { problems: { column: string | null; message: string }[] }) {
  const { t } = useTranslation();
  const say = useMessage();
  return (
    <ul className="problems">
      {problems.map((p, i) => (
        <li key={i}>
          {p.column ? <strong>{t("imports:preview.columnLabel", { column: p.column })} </strong> : null}
          {say(p.message)}
        </li>
      ))}
    </ul>
  );
}

export default function ImportIdeas() {
  const { t } = useTranslation();
  const say = useMessage();
  const { cycle } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const imported = Number(params.get("imported") ?? 0);
  const check = answer?.check ?? null;
  const invalid = check ? check.rows.length - check.valid.length : 0;

  return (
    <div>
      <p>
        <Link to={`/admin/cycles/${cycle.slug}`}>{t("imports:back", { cycle: cycle.name })}</Link>
      </p>
      <h1>{t("imports:title")}</h1>
      <p>{t("imports:intro")}</p>
      {imported > 0 ? (
        <Notice tone="success">
          {t("imports:done", { count: imported, first: params.get("first") ?? "", last: params.get("last") ?? "" })}{" "}
          <Link to={`/ideas?cycle=${cycle.slug}`}>{t("imports:seeIdeas")}</Link>
        </Notice>
      ) : null}
      {answer?.error ? <Notice tone="error">{say(answer.error)}</Notice> : null}

      {check ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("imports:preview.title")}</h2>
          {check.fileProblems.length > 0 ? (
            <Notice tone="error">
              <p>{t("imports:preview.fileProblems")}</p>
              <ul className="problems">
                {check.fileProblems.map((p, i) => (
                  <li key={i}>{p.row ? `${t("imports:preview.rowLabel", { row: p.row })} ` : null}{say(p.message)}</li>
                ))}
              </ul>
            </Notice>
          ) : (
            <>
              <p role="status">{t("imports:preview.summary", { count: check.rows.length, valid: check.valid.length, invalid })}</p>
              <div className="table-scroll">
                <table>
                  <caption className="sr-only">{t("imports:preview.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("imports:preview.row")}</th>
                      <th scope="col">{t("imports:preview.idea")}</th>
                      <th scope="col">{t("imports:preview.district")}</th>
                      <th scope="col">{t("imports:preview.category")}</th>
                      <th scope="col">{t("imports:preview.check")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {check.rows.map((row) => (
                      <tr key={row.row} className={row.problems.length ? "row-problem" : undefined}>
                        <th scope="row">{row.row}</th>
                        <td>{row.cells.title || "—"}</td>
                        <td>{row.cells.district || "—"}</td>
                        <td>{row.cells.category || "—"}</td>
                        <td>
                          {row.problems.length ? (
                            <>
                              <strong>{t("imports:preview.hasProblems", { count: row.problems.length })}</strong>
                              <ProblemList problems={row.problems} />
                            </>
                          ) : (
                            t("imports:preview.ready")
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {check.valid.length > 0 ? (
                // Multipart: the CSV goes back as it is, not percent-encoded (which could double its size).
                <Form method="post" encType="multipart/form-data" className="stack">
                  <AuthenticityTokenInput />
                  <input type="hidden" name="intent" value="import" />
                  <textarea name="csv" defaultValue={answer?.csv ?? ""} hidden readOnly aria-hidden="true" tabIndex={-1} />
                  {invalid > 0 ? (
                    <div className="field checkbox">
                      <input type="checkbox" id="skipInvalid" name="skipInvalid" value="yes" />
                      <label htmlFor="skipInvalid">{t("imports:preview.skipInvalid", { count: invalid })}</label>
                    </div>
                  ) : null}
                  <button type="submit" className="button">
                    {t("imports:preview.importButton", { count: check.valid.length })}
                  </button>
                </Form>
              ) : null}
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">{check ? t("imports:upload.again") : t("imports:upload.title")}</h2>
        <p>
          {t("imports:upload.columns", { columns: IDEA_IMPORT_COLUMNS.join(", "), max: MAX_IMPORT_ROWS, kb: MAX_IMPORT_BYTES / 1000 })}{" "}
          <a href={`/admin/cycles/${cycle.slug}/ideas-template.csv`} download>
            {t("imports:upload.template")}
          </a>
        </p>
        <Form method="post" encType="multipart/form-data" className="stack">
          <AuthenticityTokenInput />
          <input type="hidden" name="intent" value="check" />
          <div className="field">
            <label htmlFor="file">{t("imports:upload.file")}</label>
            <input type="file" id="file" name="file" accept=".csv,text/csv" />
          </div>
          <div className="field">
            <label htmlFor="csv">{t("imports:upload.paste")}</label>
            <p id="csv-hint" className="hint">{t("imports:upload.pasteHint")}</p>
            <textarea id="csv" name="csv" rows={6} aria-describedby="csv-hint" defaultValue={check ? answer?.csv : undefined} />
          </div>
          <button type="submit" className="button">{t("imports:upload.check")}</button>
        </Form>
      </section>
    </div>
  );
}
