import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
} from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";

/**
 * What a form is given once it was saved (the page came back with its notice): a result without values,
 * which conform answers by starting the form again from its defaults, without the errors of a try before.
 */
export const SAVED_FORM = { initialValue: null } satisfies SubmissionResult<string[]>;
import { useTranslation } from "react-i18next";
import { useMessage, useWrittenIn, type Choice } from "~/i18n/i18n";

/** Errors for one field, linked to it by id and announced to screen readers. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const say = useMessage();
  return (
    <div id={id} className="field-errors" aria-live="polite">
      {errors?.map((e) => (
        <p key={e} className="error">
          {say(e)}
        </p>
      ))}
    </div>
  );
}

type Meta = FieldMetadata<any, any, any>;

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  autoComplete,
  autoFocus,
}: {
  meta: Meta;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "date" | "number";
  autoComplete?: string;
  /** Focus starts here (a page without the framework's script, refused on this field). */
  autoFocus?: boolean;
}) {
  const { key, ...props } = getInputProps(meta, { type, ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <p id={`${meta.id}-hint`} className="hint">{hint}</p> : null}
      <input key={key} {...props} autoComplete={autoComplete} autoFocus={autoFocus} />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextareaField({ meta, label, hint, rows = 5 }: { meta: Meta; label: string; hint?: string; rows?: number }) {
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <p id={`${meta.id}-hint`} className="hint">{hint}</p> : null}
      <textarea key={key} rows={rows} {...props} />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  options,
  placeholder,
}: {
  meta: Meta;
  label: string;
  options: readonly Choice[];
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const writtenIn = useWrittenIn();
  const { key, ...props } = getSelectProps(meta);
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select key={key} {...props}>
        <option value="">{placeholder ?? t("common:form.choose")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={writtenIn(o.lang)}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A checkbox that must be ticked (a declaration), with its errors linked to it. */
export function CheckboxField({ meta, label }: { meta: Meta; label: string }) {
  const { key, ...props } = getInputProps(meta, { type: "checkbox", value: "yes" });
  return (
    <div className="field checkbox">
      <input key={key} {...props} />
      <label htmlFor={meta.id}>{label}</label>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** Form-level errors (not tied to one field). */
export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  const say = useMessage();
  if (!errors?.length) return <div id={id} aria-live="polite" />;
  // A page that comes back refused (without JavaScript) starts with focus here, as Notice's `focus`.
  return (
    <div id={id} className="alert alert-error" role="alert" tabIndex={-1} autoFocus>
      {errors.map((e) => (
        <p key={e}>{say(e)}</p>
      ))}
    </div>
  );
}

/**
 * `focus`: the page came back from a refused form and this notice says why. Focus starts on it
 * (the HTML autofocus attribute, so also without JavaScript), where a screen reader reads it and
 * the keyboard goes on to the fields.
 */
export function Notice({ children, tone = "info", focus = false }: { children: ReactNode; tone?: "info" | "success" | "error"; focus?: boolean }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"} {...(focus ? { tabIndex: -1, autoFocus: true } : {})}>
      {children}
    </div>
  );
}

/** A select in a GET filter form; the empty option means "all". */
export function FilterSelect({
  name,
  label,
  allLabel,
  value,
  options,
}: {
  name: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  options: readonly Choice[];
}) {
  const writtenIn = useWrittenIn();
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={writtenIn(o.lang)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Which one of many alike links this is ("Cost it", "Results"), for a screen reader listing links out
 * of context; sighted readers see it from where the link stands.
 */
export function HiddenContext({ children }: { children: ReactNode }) {
  return <span className="sr-only">: {children}</span>;
}

/** The newer version a save was refused for (see saveUnlessChangedMeanwhile), which the form sends next time. */
export function latestOf(answer: unknown): number | undefined {
  const { latest, initialValue } = (answer ?? {}) as { latest?: unknown; initialValue?: { basedOn?: unknown } };
  if (typeof latest === "number") return latest;
  // Any other answer (a line added, a refusal) keeps the version the form was opened from, never the newest.
  const sent = Number(initialValue?.basedOn);
  return initialValue?.basedOn !== undefined && initialValue.basedOn !== "" && Number.isInteger(sent) ? sent : undefined;
}
